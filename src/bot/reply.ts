/** Sending an answer: typing action, rendered messages in order, buttons under the last one. */

import type { Context } from 'grammy';
import { MAX_QUESTION_LENGTH } from '../answer/answer.ts';
import type { Language } from '../answer/schema.ts';
import { renderAnswer } from '../render/telegram-html.ts';
import type { BotDeps } from './deps.ts';
import { answerKeyboard } from './keyboards.ts';
import { messages, uiLanguage } from './messages.ts';

/** Citations per page (an Answer holds at most five). */
const PAGE = 5;

/** The framing language for a user: their choice, else the question's. */
export function framing(deps: BotDeps, ctx: Context, questionLanguage: Language): Language {
  const choice = deps.preferences.get(ctx.from?.id);
  return choice === 'auto' ? questionLanguage : choice;
}

/** Answers a question in the chat it came from. */
export async function replyWithAnswer(ctx: Context, deps: BotDeps, question: string): Promise<void> {
  const ui = messages[uiLanguage(ctx.from?.language_code)];
  const text = question.trim();
  if (text === '') return void (await ctx.reply(ui.empty));
  if (text.length > MAX_QUESTION_LENGTH) return void (await ctx.reply(ui.tooLong(MAX_QUESTION_LENGTH)));
  ctx.replyWithChatAction('typing').catch(() => undefined);

  const answer = await deps.library.answer(text);
  const lang = framing(deps, ctx, answer.language);
  const parts = renderAnswer(answer, lang);
  const key = answer.answered ? deps.asked.add({ question: text, lang, shown: [...answer.citations] }) : null;
  const keyboard = key
    ? answerKeyboard(key, 0, answer.citations.length, lang, answer.citations.length === PAGE)
    : undefined;
  const replyTo = ctx.chat?.type === 'private' ? undefined : ctx.msg?.message_id;
  for (const [i, html] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(replyTo && i === 0
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}
