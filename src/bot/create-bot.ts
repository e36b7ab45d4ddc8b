/**
 * Builds the bot: API transformers, then middleware in the order grammY's plugins need (the rate limiter before
 * sequentialize), then one composer per feature.
 */

import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { BotDeps } from './deps.ts';
import { addFeature } from './features/add.ts';
import { adminFeature } from './features/admin.ts';
import { askFeature } from './features/ask.ts';
import { buttonsFeature } from './features/buttons.ts';
import { inlineFeature } from './features/inline.ts';
import { startFeature } from './features/start.ts';
import { messages, uiLanguage } from './messages.ts';
import { observeUpdates } from './middlewares.ts';

/** Updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** Creates the bot (not started). */
export function createBot(token: string, deps: BotDeps): Bot<Context> {
  const bot = new Bot<Context>(token, { client: { apiRoot: deps.apiRoot } });
  // 429 (retry_after) and 5xx are retried here, so handlers never see them.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: 30 }));

  bot.use(observeUpdates(deps));
  bot.use(
    limit({
      timeFrame: 60_000,
      limit: deps.rateLimitPerMinute,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        const text = messages[uiLanguage(ctx.from?.language_code)].rateLimited;
        if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 5 });
        else if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
        else await ctx.reply(text);
      },
    }),
  );
  // Concurrent across chats, in order within a chat (and within a user's inline queries).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
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

/** Registers the commands in English (the default) and Arabic. */
export async function registerCommands(bot: Bot<Context>): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    const commands = Object.entries(messages[lang].commands).map(([command, description]) => ({
      command,
      description,
    }));
    await bot.api.setMyCommands(commands, lang === 'en' ? {} : { language_code: lang });
  }
}
