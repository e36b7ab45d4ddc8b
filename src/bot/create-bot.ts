/**
 * Builds the bot: API transformers, then middleware in the order grammY's plugins need (the rate limiter before
 * sequentialize, sessions after it), then one composer per feature.
 */

import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, session } from 'grammy';
import type { BotContext, BotDeps } from './deps.ts';
import { addFeature } from './features/add.ts';
import { adminFeature } from './features/admin.ts';
import { askFeature } from './features/ask.ts';
import { buttonsFeature } from './features/buttons.ts';
import { inlineFeature } from './features/inline.ts';
import { startFeature } from './features/start.ts';
import { messages } from './messages.ts';
import { deferWhenStopping, lowerCaseCommands, observeUpdates, rateLimits } from './middlewares.ts';
import type { SessionData } from './state.ts';

/** Updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** Methods whose failures the update source handles itself (retrying them blindly would hide a wrong token). */
const SOURCE_METHODS = new Set(['getMe', 'getUpdates']);

/** Creates the bot (not started). */
export function createBot(token: string, deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, { client: { apiRoot: deps.apiRoot } });
  // Innermost: count every 429 the Bot API answers, retried or not.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429) deps.metrics.tooManyRequests.inc({ method });
    return result;
  });
  // 429 (however long retry_after is, up to 15 minutes: the reply waits in its chat's queue) and 5xx are
  // retried here, so handlers never see them; a storm of short 429s is retried as often as it takes.
  const retry = autoRetry({ maxRetryAttempts: 50, maxDelaySeconds: 900 });
  bot.api.config.use((prev, method, payload, signal) =>
    SOURCE_METHODS.has(method) ? prev(method, payload, signal) : retry(prev, method, payload, signal),
  );

  bot.use(observeUpdates(deps));
  bot.use(...rateLimits(deps));
  // Concurrent across chats, in order within a chat (and within a user's inline queries).
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(deferWhenStopping(deps));
  bot.use(
    session<SessionData, BotContext>({
      storage: deps.state.sessions,
      initial: () => ({ lang: 'auto' }),
      getSessionKey: (ctx) => ctx.from?.id.toString(),
    }),
  );
  bot.use(lowerCaseCommands);
  bot.use(
    startFeature(deps),
    adminFeature(deps),
    addFeature(deps),
    askFeature(deps),
    buttonsFeature(deps),
    inlineFeature(deps),
  );

  bot.catch((error) =>
    deps.logger.error({ update_id: error.ctx.update.update_id, err: error.error }, 'unhandled'),
  );
  return bot;
}

/** Registers the commands in English (the default) and Arabic; a Bot API that lacks the method gets a warning. */
export async function registerCommands(bot: Bot<BotContext>, deps: BotDeps): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    const commands = Object.entries(messages[lang].commands).map(([command, description]) => ({
      command,
      description,
    }));
    try {
      await bot.api.setMyCommands(commands, lang === 'en' ? {} : { language_code: lang });
    } catch (error) {
      if (!(error instanceof GrammyError)) throw error;
      deps.logger.warn({ err: error }, 'setMyCommands failed: the command menu is not registered');
      return;
    }
  }
}
