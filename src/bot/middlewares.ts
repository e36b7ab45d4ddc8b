/** Middleware around every update: one log line with its latency, and an error boundary that keeps serving. */

import type { Context, MiddlewareFn } from 'grammy';
import type { BotDeps } from './deps.ts';
import { messages, uiLanguage } from './messages.ts';

/** The kind of an update ("message", "callback_query", …) for the log. */
const updateType = (ctx: Context) => Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';

/**
 * Logs one line per update (id, type, chat type, latency, outcome; no message contents at info level), keeps the
 * highest handled update id, and turns a failing handler into a short apology: one bad update never stops the bot.
 */
export function observeUpdates(deps: BotDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      await next();
    } catch (error) {
      outcome = 'error';
      deps.logger.error({ update_id: ctx.update.update_id, err: error }, 'update failed');
      const ui = messages[uiLanguage(ctx.from?.language_code)];
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ui.failed }).catch(() => undefined);
      else if (ctx.chat) await ctx.reply(ui.failed).catch(() => undefined);
    } finally {
      deps.updates.lastHandled = Math.max(deps.updates.lastHandled, ctx.update.update_id);
      deps.logger.info(
        {
          update_id: ctx.update.update_id,
          type: updateType(ctx),
          chat_type: ctx.chat?.type,
          latency_ms: Math.round(performance.now() - started),
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
