/**
 * Running the bot: long polling through @grammyjs/runner (concurrent, sequential per chat), or a webhook on
 * Node's http server. `stop()` finishes the updates in flight and, for polling, confirms the last one to
 * Telegram, so that a restart neither loses an update nor answers one twice.
 */

import { createServer } from 'node:http';
import { run } from '@grammyjs/runner';
import { type Bot, type Context, webhookCallback } from 'grammy';
import { ALLOWED_UPDATES, registerCommands } from './create-bot.ts';
import type { BotDeps } from './deps.ts';

/** How to receive updates. */
export type ServeOptions =
  | { mode: 'polling' }
  | { mode: 'webhook'; url: string; secretToken: string; port: number; host?: string };

/** A running bot. */
export interface RunningBot {
  stop(): Promise<void>;
  /** The webhook server's port (webhook mode). */
  port?: number;
}

/** Starts receiving updates. */
export async function serveBot(bot: Bot<Context>, deps: BotDeps, options: ServeOptions): Promise<RunningBot> {
  await bot.init();
  await registerCommands(bot);
  deps.logger.info({ bot: bot.botInfo.username, mode: options.mode }, 'bot started');

  if (options.mode === 'polling') {
    await bot.api.deleteWebhook();
    const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    return {
      async stop() {
        await runner.stop();
        // Tell Telegram that everything up to the last handled update is done.
        if (deps.updates.lastHandled > 0) {
          await bot.api
            .getUpdates({ offset: deps.updates.lastHandled + 1, limit: 1, timeout: 0 })
            .catch(() => undefined);
        }
      },
    };
  }

  const handle = webhookCallback(bot, 'http', { secretToken: options.secretToken });
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return void res.writeHead(200).end('ok');
    if (req.method !== 'POST') return void res.writeHead(405).end();
    handle(req, res).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const port = (server.address() as { port: number }).port;
  await bot.api.setWebhook(options.url, {
    secret_token: options.secretToken,
    allowed_updates: [...ALLOWED_UPDATES],
  });
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
