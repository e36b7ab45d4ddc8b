/** Sending an answer: typing action, rendered messages in order, buttons under the last one. */

import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import { CITATIONS_PER_ANSWER, MAX_QUESTION_LENGTH } from '../answer/answer.ts';
import type { Language } from '../answer/schema.ts';
import { renderAnswer } from '../render/telegram-html.ts';
import type { BotDeps } from './deps.ts';
import { followWithEnrichment } from './enrichment.ts';
import { answerKeyboard } from './keyboards.ts';
import { messages, uiLanguage } from './messages.ts';

type ReplyOptions = NonNullable<Parameters<Context['reply']>[1]>;

/** Sends HTML messages in order; `first` options go on the first one, `last` (the buttons) on the last. */
export async function sendHtml(
  ctx: Context,
  parts: string[],
  last: ReplyOptions = {},
  first: ReplyOptions = {},
): Promise<Message.TextMessage[]> {
  const sent: Message.TextMessage[] = [];
  for (const [i, html] of parts.entries()) {
    const message = await ctx.reply(html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(i === 0 ? first : {}),
      ...(i === parts.length - 1 ? last : {}),
    });
    sent.push(message);
  }
  return sent;
}

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
  const more = answer.citations.length === CITATIONS_PER_ANSWER;
  const keyboard = key ? answerKeyboard(key, 0, answer.citations.length, lang, more) : undefined;
  const replyTo = ctx.chat?.type === 'private' ? undefined : ctx.msg?.message_id;
  const sent = await sendHtml(
    ctx,
    parts,
    keyboard ? { reply_markup: keyboard } : {},
    replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {},
  );
  if (deps.enrich && answer.answered)
    void followWithEnrichment(ctx, deps, answer, lang, sent, parts, keyboard);
}
