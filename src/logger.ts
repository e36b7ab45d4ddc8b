/** The structured logger (pino, one JSON line per event), scrubbing secrets from everything it writes. */

import pino, { type Logger } from 'pino';

/** Secrets recognised by their shape, whatever the configuration says: bot tokens and bearer credentials. */
const SECRET_SHAPES = [/\b\d{3,}:[A-Za-z0-9_-]{30,}/g, /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi];

function scrubString(text: string, secrets: readonly string[]): string {
  let out = secrets.reduce((s, secret) => s.split(secret).join('[redacted]'), text);
  out = out.replace(SECRET_SHAPES[0]!, '[redacted]');
  out = out.replace(SECRET_SHAPES[1]!, (_match, scheme: string) => `${scheme} [redacted]`);
  return out;
}

/** Replaces every secret in strings, recursively, with a placeholder. */
export function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (depth > 6) return value;
  if (typeof value === 'string') return scrubString(value, secrets);
  if (value instanceof Error) {
    // `name` as well: pino's error serializer replaces `type` with the constructor's name of this plain object.
    return {
      type: value.name,
      name: value.name,
      message: scrub(value.message, secrets),
      stack: scrub(value.stack, secrets),
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
  }
  return value;
}

/** A fatal error as one scrubbed line for stderr (the path where no logger may exist yet). */
export function fatalLine(error: unknown, secrets: ReadonlyArray<string | undefined>): string {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return scrubString(text.replace(/\s*\n\s*/g, ' '), hidden);
}

/** Creates the logger; `secrets` (the bot token, API keys) never reach the output. */
export function createLogger(
  level: string,
  secrets: ReadonlyArray<string | undefined>,
  destination?: pino.DestinationStream,
): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return pino(
    {
      level,
      base: undefined,
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a, hidden)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export type { Logger };
