/** The structured logger (pino, one JSON line per event), scrubbing secrets from everything it writes. */

import pino, { type Logger } from 'pino';

/** Replaces every secret in strings, recursively, with a placeholder. */
export function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0 || depth > 6) return value;
  if (typeof value === 'string')
    return secrets.reduce((s, secret) => s.split(secret).join('[redacted]'), value);
  if (value instanceof Error) {
    return { type: value.name, message: scrub(value.message, secrets), stack: scrub(value.stack, secrets) };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
  }
  return value;
}

/** Creates the logger; `secrets` (the bot token, API keys) never reach the output. */
export function createLogger(
  level: string,
  secrets: ReadonlyArray<string | undefined>,
  destination?: pino.DestinationStream,
): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
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
