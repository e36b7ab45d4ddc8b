/**
 * Builds the bot: API transformers, then middleware in the order grammY's plugins need (the rate limiter before
 * sequentialize), then one composer per feature.
 */

import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { BotDeps } from './deps.ts';
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
    askFeature(deps),
    buttonsFeature(deps),
    inlineFeature(deps),
  );

  bot.catch((error) =>
    deps.logger.error({ update_id: error.ctx.update.update_id, err: error.error }, 'unhandled'),
  );
  return bot;
}

/** Registers the commands in English (default) and Arabic. */
export async function registerCommands(bot: Bot<Context>): Promise<void> {
  const en = [
    { command: 'start', description: 'Welcome and example questions' },
    { command: 'help', description: 'What to ask and how answers are built' },
    { command: 'sources', description: 'The articles behind the answers' },
    { command: 'lang', description: 'Reply language' },
    { command: 'ask', description: 'Ask a question (in groups)' },
  ];
  const ar = [
    { command: 'start', description: 'الترحيب وأمثلة للأسئلة' },
    { command: 'help', description: 'ماذا تسأل وكيف تُبنى الأجوبة' },
    { command: 'sources', description: 'المقالات التي تستند إليها الأجوبة' },
    { command: 'lang', description: 'لغة الردود' },
    { command: 'ask', description: 'اطرح سؤالًا (في المجموعات)' },
  ];
  await bot.api.setMyCommands(en);
  await bot.api.setMyCommands(ar, { language_code: 'ar' });
}
