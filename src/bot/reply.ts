/**
 * Sending: the one path by which answers reach a chat (typing action, rendered messages in order, buttons under
 * the last one). A later step that edits sent messages plugs in on the messages `sendHtml` returns.
 */

import type { Message } from 'grammy/types';
import { CITATIONS_PER_ANSWER, MAX_QUESTION_LENGTH } from '../answer/answer.ts';
import type { Language } from '../answer/schema.ts';
import { renderAnswer } from '../render/telegram-html.ts';
import type { BotContext, BotDeps } from './deps.ts';
import { followWithEnrichment } from './enrichment.ts';
import { answerKeyboard } from './keyboards.ts';
import { messages, uiLanguage } from './messages.ts';

type ReplyOptions = NonNullable<Parameters<BotContext['reply']>[1]>;

/** Sends HTML messages in order; `first` options go on the first one, `last` (the buttons) on the last. */
export async function sendHtml(
  ctx: BotContext,
  parts: string[],
  last: ReplyOptions = {},
  first: ReplyOptions = {},
): Promise<Message.TextMessage[]> {
  const sent: Message.TextMessage[] = [];
  for (const [i, html] of parts.entries()) {
    sent.push(
      await ctx.reply(html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(i === 0 ? first : {}),
        ...(i === parts.length - 1 ? last : {}),
      }),
    );
  }
  return sent;
}

/** The framing language for a user: their choice, else the question's. */
export function framing(ctx: BotContext, questionLanguage: Language): Language {
  // A message without a sender (an anonymous group admin) has no session.
  const choice = ctx.from ? ctx.session.lang : 'auto';
  return choice === 'auto' ? questionLanguage : choice;
}

/** One example question for help texts: made from what the sources cover, or a general one when they are empty. */
export function exampleQuestion(deps: BotDeps, lang: Language): string {
  return (
    deps.library.coverage().examples[lang][0] ??
    (lang === 'en' ? 'What did the Kremlin say about the talks?' : 'ماذا قال الكرملين عن المفاوضات؟')
  );
}

/** Answers a question in the chat it came from. */
export async function replyWithAnswer(ctx: BotContext, deps: BotDeps, question: string): Promise<void> {
  const ui = messages[uiLanguage(ctx.from?.language_code)];
  const text = question.trim();
  if (text === '')
    return void (await ctx.reply(ui.empty(exampleQuestion(deps, uiLanguage(ctx.from?.language_code)))));
  if (text.length > MAX_QUESTION_LENGTH) return void (await ctx.reply(ui.tooLong(MAX_QUESTION_LENGTH)));
  ctx.replyWithChatAction('typing').catch(() => undefined);

  // A part of search that could not run (the embeddings endpoint) is logged; the answer uses the rest.
  const answer = await deps.library.answer(text, {
    warn: (message) => deps.logger.warn({ message }, 'search degraded'),
    ...(deps.modelTerms ? { modelTerms: deps.modelTerms } : {}),
  });
  const lang = framing(ctx, answer.language);
  const parts = renderAnswer(answer, lang);
  const id =
    answer.answered && ctx.chat
      ? await deps.state.saveAnswer({
          question: text,
          lang,
          chatId: ctx.chat.id,
          shown: [...answer.citations],
        })
      : null;
  const more = answer.citations.length === CITATIONS_PER_ANSWER;
  const keyboard = id ? answerKeyboard(id, 0, answer.citations.length, lang, more) : undefined;
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
