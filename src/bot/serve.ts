/**
 * Running the bot: connecting (bounded, with a clear message), then long polling that confirms only handled
 * updates (polling.ts) or a webhook that answers Telegram at once and handles the update after, de-duplicated by
 * update id across instances. `/healthz` and `/metrics` are served in both modes (ops.ts).
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { ALLOWED_UPDATES, registerCommands } from './create-bot.ts';
import type { BotContext, BotDeps } from './deps.ts';
import { isTokenRefused, startPolling, TokenRefusedError } from './polling.ts';

/** How to receive updates. */
export type ServeOptions =
  | { mode: 'polling' }
  | { mode: 'webhook'; url: string; secretToken: string; port: number; host?: string };

/** A running bot. */
export interface RunningBot {
  /** Stops receiving; updates in flight finish until `deadline` (epoch ms). */
  stop(deadline?: number): Promise<void>;
  /** Settles when the bot stops on its own; rejects with TokenRefusedError for a wrong token. */
  finished: Promise<void>;
  /** The webhook server's port (webhook mode). */
  port?: number;
}

/** Seconds an update id is remembered as handled (Telegram keeps undelivered updates for 24 hours). */
const UPDATE_CLAIM_SECONDS = 24 * 3600;
/** Largest webhook body accepted (an update is a few kilobytes). */
const MAX_BODY_BYTES = 1 << 20;
/** Updates handled at once in webhook mode; beyond, Telegram is told to come back later (it keeps the update). */
const MAX_IN_FLIGHT = 1000;

/** Connects to the Bot API (getMe), retrying network and server errors until `timeoutMs`; a refused token stops at once. */
export async function connect(bot: Bot<BotContext>, deps: BotDeps, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  deps.logger.info({ api_root: deps.apiRoot }, 'connecting to the Bot API');
  for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      // Not bot.init(): it retries getMe forever, silently.
      bot.botInfo = await bot.api.getMe();
      return;
    } catch (error) {
      if (isTokenRefused(error)) throw new TokenRefusedError('the Bot API refused TELEGRAM_BOT_TOKEN');
      if (Date.now() + delay > until) {
        throw new Error(
          `could not reach the Bot API at ${deps.apiRoot} within ${Math.round(timeoutMs / 1000)} s (${error instanceof Error ? error.message : String(error)}); check TELEGRAM_API_ROOT and the network`,
        );
      }
      deps.logger.warn({ err: error, retry_ms: delay }, 'Bot API not reachable yet; retrying');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Starts receiving updates (the bot must be connected). */
export async function serveBot(
  bot: Bot<BotContext>,
  deps: BotDeps,
  options: ServeOptions,
): Promise<RunningBot> {
  if (!bot.isInited()) await connect(bot, deps, 60_000);
  await registerCommands(bot, deps);
  deps.logger.info({ bot: bot.botInfo.username, mode: options.mode }, 'bot started');

  if (options.mode === 'polling') {
    await bot.api.deleteWebhook();
    const polling = await startPolling(bot, deps);
    return { finished: polling.finished, stop: (deadline) => polling.stop(deadline) };
  }

  const inFlight = new Set<Promise<void>>();
  const handleLater = async (update: Update) => {
    if (!(await deps.state.claim(`update:${update.update_id}`, UPDATE_CLAIM_SECONDS))) {
      deps.metrics.updates.inc({ type: 'unknown', outcome: 'duplicate' });
      deps.logger.info({ update_id: update.update_id }, 'update delivered again; skipped');
      return;
    }
    await bot.handleUpdate(update);
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return void res.writeHead(200).end('ok');
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (req.headers['x-telegram-bot-api-secret-token'] !== options.secretToken)
      return void res.writeHead(401).end();
    if (inFlight.size >= MAX_IN_FLIGHT) return void res.writeHead(503).end();
    readBody(req, MAX_BODY_BYTES)
      .then((body) => {
        const update = parseUpdate(body);
        if (!update) return void res.writeHead(400).end();
        // Telegram gets its answer now; the handling follows (so a slow answer is never delivered twice).
        res.writeHead(200).end();
        const job = handleLater(update)
          .catch((error: unknown) => deps.logger.error({ err: error }, 'webhook update failed'))
          .finally(() => inFlight.delete(job));
        inFlight.add(job);
      })
      .catch(() => void (res.headersSent || res.writeHead(413).end()));
  });
  await listen(server, options.port, options.host);
  const port = (server.address() as { port: number }).port;
  await bot.api.setWebhook(options.url, {
    secret_token: options.secretToken,
    allowed_updates: [...ALLOWED_UPDATES],
  });
  let stopped: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  return {
    port,
    finished,
    async stop(deadline = Date.now() + 8000) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const timeLeft = Math.max(0, deadline - Date.now() - 500);
      await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, timeLeft))]);
      stopped();
    },
  };
}

/** Listens on a port (0: any free one). */
export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.destroy();
        reject(new Error('body too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseUpdate(body: string): Update | null {
  try {
    const value = JSON.parse(body) as unknown;
    const id = (value as { update_id?: unknown } | null)?.update_id;
    return typeof id === 'number' && Number.isSafeInteger(id) ? (value as Update) : null;
  } catch {
    return null;
  }
}

export type { ServerResponse };
