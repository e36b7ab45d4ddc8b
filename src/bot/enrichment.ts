/**
 * The language model's additions arrive after the answer: the extractive answer is sent at once, and when the
 * model's renderings and summary come (within LLM_TIMEOUT_MS) the same messages are edited to show them. Nothing
 * here delays an answer; a failure leaves the answer as it was sent.
 */

import type { Context } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { Answer, Language } from '../answer/schema.ts';
import { renderAnswer } from '../render/telegram-html.ts';
import type { BotDeps } from './deps.ts';

/** Re-renders the enriched answer and edits the messages already sent; parts beyond them are sent after. */
export async function followWithEnrichment(
  ctx: Context,
  deps: BotDeps,
  answer: Answer,
  lang: Language,
  sent: Message.TextMessage[],
  sentParts: string[],
  keyboard: InlineKeyboardMarkup | undefined,
): Promise<void> {
  try {
    const enriched = await deps.enrich!(answer);
    if (enriched === answer) return;
    const options = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;
    for (const [i, html] of renderAnswer(enriched, lang).entries()) {
      const message = sent[i];
      if (!message) {
        await ctx.api.sendMessage(sent[0]!.chat.id, html, options);
        continue;
      }
      if (html === sentParts[i]) continue;
      // Editing drops buttons not given again: the last message sent keeps its keyboard.
      const markup = i === sent.length - 1 && keyboard ? { reply_markup: keyboard } : {};
      await ctx.api.editMessageText(message.chat.id, message.message_id, html, { ...options, ...markup });
    }
  } catch (error) {
    const e = error as { method?: string; error_code?: number; name?: string };
    deps.logger.warn(
      { update_id: ctx.update.update_id, method: e.method, code: e.error_code, type: e.name },
      'could not add the language model renderings',
    );
  }
}
