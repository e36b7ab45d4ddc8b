/**
 * Middleware around every update: logging and metrics with an error boundary, per-user rate limits in which every
 * limited update still gets an answer, the stop guard of polling, and case-insensitive commands.
 */

import { limit } from '@grammyjs/ratelimiter';
import type { MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import type { BotContext, BotDeps } from './deps.ts';
import { messages, uiLanguage } from './messages.ts';

/** The kind of an update ("message", "callback_query", …) for the log. */
const updateType = (ctx: BotContext) => Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';

/**
 * Logs one line per update (id, type, chat type, latency, outcome; no message contents at info level), counts it,
 * and turns a failing handler into a short apology: one bad update never stops the bot.
 */
export function observeUpdates(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    const type = updateType(ctx);
    let outcome = 'ok';
    try {
      await next();
      if (deps.delivery.deferred.has(ctx.update.update_id)) outcome = 'deferred';
    } catch (error) {
      outcome = 'error';
      deps.metrics.errors.inc({ where: 'update' });
      deps.logger.error({ update_id: ctx.update.update_id, err: error }, 'update failed');
      const ui = messages[uiLanguage(ctx.from?.language_code)];
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ui.failed }).catch(() => undefined);
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 5 }).catch(() => undefined);
      else if (ctx.chat) await ctx.reply(ui.failed).catch(() => undefined);
    } finally {
      const ms = performance.now() - started;
      deps.metrics.updates.inc({ type, outcome });
      deps.metrics.latency.observe({ type }, ms / 1000);
      deps.logger.info(
        {
          update_id: ctx.update.update_id,
          type,
          chat_type: ctx.chat?.type,
          latency_ms: Math.round(ms),
          outcome,
        },
        'update',
      );
      deps.logger.debug(
        { update_id: ctx.update.update_id, text: ctx.msg?.text ?? ctx.inlineQuery?.query },
        'update text',
      );
    }
  };
}

/** Once polling is stopping, updates that were still waiting in a chat's queue are left for the next run. */
export function deferWhenStopping(deps: BotDeps): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    if (!deps.delivery.stopping) return next();
    deps.delivery.deferred.add(ctx.update.update_id);
  };
}

const WINDOW_MS = 60_000;

/**
 * Two budgets per user per minute (counted in the shared state, so across instances with Redis): one for inline
 * queries, which come per keystroke, and one for everything else. A limited inline query is answered empty, a
 * limited button press gets the notice as an alert, and a limited message gets the notice once per window.
 */
export function rateLimits(deps: BotDeps): MiddlewareFn<BotContext>[] {
  const notice = (ctx: BotContext) => messages[uiLanguage(ctx.from?.language_code)].rateLimited;
  const common = {
    timeFrame: WINDOW_MS,
    storageClient: deps.state.rateLimitStore,
    alwaysReply: true,
  };
  const inline = limit<BotContext, Redis>({
    ...common,
    limit: deps.inlineLimitPerMinute,
    keyPrefix: 'quotes-bot:rate:inline:',
    keyGenerator: (ctx) => (ctx.inlineQuery ? String(ctx.from?.id) : undefined),
    onLimitExceeded: async (ctx) => {
      deps.metrics.updates.inc({ type: 'inline_query', outcome: 'limited' });
      await ctx.answerInlineQuery([], { cache_time: 5 });
    },
  });
  const other = limit<BotContext, Redis>({
    ...common,
    limit: deps.rateLimitPerMinute,
    keyPrefix: 'quotes-bot:rate:user:',
    keyGenerator: (ctx) => (ctx.inlineQuery ? undefined : (ctx.from?.id ?? ctx.chat?.id)?.toString()),
    onLimitExceeded: async (ctx) => {
      deps.metrics.updates.inc({
        type: ctx.callbackQuery ? 'callback_query' : 'message',
        outcome: 'limited',
      });
      if (ctx.callbackQuery)
        return void (await ctx.answerCallbackQuery({ text: notice(ctx), show_alert: true }));
      const who = ctx.from?.id ?? ctx.chat?.id;
      if (ctx.chat && (await deps.state.claim(`notice:${who}`, WINDOW_MS / 1000)))
        await ctx.reply(notice(ctx));
    },
  });
  return [inline, other];
}

/** Commands are matched case-insensitively: "/ASK" is "/ask". */
export const lowerCaseCommands: MiddlewareFn<BotContext> = (ctx, next) => {
  const msg = ctx.message;
  const command = msg?.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (msg?.text && command) {
    const word = msg.text.slice(0, command.length);
    const at = word.indexOf('@');
    const name = at < 0 ? word : word.slice(0, at);
    if (name !== name.toLowerCase()) msg.text = name.toLowerCase() + msg.text.slice(name.length);
  }
  return next();
};
