/** The buttons: More, Context, Source, the language choice and the example questions of /start. */

import { Composer } from 'grammy';
import { CITATIONS_PER_ANSWER, type SourceArticle } from '../../answer/answer.ts';
import { sourceDatePhrase } from '../../answer/phrases.ts';
import type { Language } from '../../answer/schema.ts';
import {
  capText,
  escapeHtml,
  packMessages,
  renderCitation,
  renderContext,
  SHOWN_LIMITS,
} from '../../render/telegram-html.ts';
import type { BotContext, BotDeps } from '../deps.ts';
import { answerKeyboard, decodeAction, encodeAction } from '../keyboards.ts';
import { messages, uiLanguage } from '../messages.ts';
import { replyWithAnswer, sendHtml } from '../reply.ts';
import { examples } from './start.ts';

const SOURCE_PAGE_CHARACTERS = 3000;

/** An article's text in pages that end at line breaks. */
export function pagesOf(text: string, size = SOURCE_PAGE_CHARACTERS): string[] {
  const pages: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > size) {
      pages.push(current);
      current = '';
    }
    for (let rest = line; rest.length > 0; rest = rest.slice(size)) {
      current = current ? `${current}\n${rest.slice(0, size)}` : rest.slice(0, size);
      if (rest.length > size) {
        pages.push(current);
        current = '';
      }
    }
  }
  return current ? [...pages, current] : pages;
}

export function buttonsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on('callback_query:data', async (ctx) => {
    const ui = messages[uiLanguage(ctx.from.language_code)];
    const action = decodeAction(ctx.callbackQuery.data);
    // A button on an inline message has no chat to answer in; only the alert can speak.
    if (!action) return void (await ctx.answerCallbackQuery({ text: ui.expired }));

    if (action.kind === 'lang') {
      ctx.session.lang = action.choice;
      const done =
        messages[action.choice === 'auto' ? uiLanguage(ctx.from.language_code) : action.choice].langSet[
          action.choice
        ];
      await ctx.answerCallbackQuery({ text: done });
      if (ctx.chat) await ctx.reply(done);
      return;
    }
    if (action.kind === 'ask') {
      const question = examples(deps, uiLanguage(ctx.from.language_code))[action.index];
      await ctx.answerCallbackQuery();
      if (question) await replyWithAnswer(ctx, deps, question);
      return;
    }

    const entry = await deps.state.loadAnswer(action.key, ctx.chat?.id);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: ui.expired, show_alert: true }));
    const t = messages[entry.lang];

    if (action.kind === 'more') {
      const next = await deps.library.answer(entry.question, { offset: action.offset });
      if (!next.answered) return void (await ctx.answerCallbackQuery({ text: t.noMore }));
      await ctx.answerCallbackQuery();
      entry.shown.splice(action.offset, next.citations.length, ...next.citations);
      await deps.state.updateAnswer(action.key, entry);
      const blocks = next.citations.flatMap((c, i) => renderCitation(c, action.offset + i + 1, entry.lang));
      const keyboard = answerKeyboard(
        action.key,
        action.offset,
        next.citations.length,
        entry.lang,
        next.citations.length === CITATIONS_PER_ANSWER,
      );
      return void (await sendHtml(ctx, packMessages(blocks), { reply_markup: keyboard }));
    }

    const citation = entry.shown[action.index];
    const article = citation && deps.library.articles().find((a) => a.id === citation.source.id);
    if (!citation || !article)
      return void (await ctx.answerCallbackQuery({ text: t.expired, show_alert: true }));
    await ctx.answerCallbackQuery();

    if (action.kind === 'context') {
      const paragraph =
        article.text.split('\n').find((line) => line.includes(citation.quote)) ?? citation.quote;
      const marked = renderContext(paragraph, citation.quote, entry.lang);
      return void (await sendHtml(
        ctx,
        packMessages([`<i>${t.contextTitle}</i>`, `<blockquote expandable>${marked}</blockquote>`]),
      ));
    }

    const pages = pagesOf(article.text);
    const page = Math.min(action.page, pages.length - 1);
    const details = sourceDetails(article, entry.lang);
    const body = `<i>${t.page(page + 1, pages.length)}</i>\n<blockquote>${escapeHtml(pages[page] ?? '')}</blockquote>`;
    const next =
      page + 1 < pages.length
        ? {
            reply_markup: {
              inline_keyboard: [
                [{ text: t.next, callback_data: encodeAction({ ...action, page: page + 1 }) }],
              ],
            },
          }
        : undefined;
    await sendHtml(ctx, packMessages(page === 0 ? [details, body] : [body]), next);
  });

  return composer;
}

/** Title, outlet, date, link and file of an article. */
function sourceDetails(article: SourceArticle, lang: Language): string {
  const t = messages[lang];
  const rows = [
    `<b>${t.sourceTitle}: ${escapeHtml(capText(article.title ?? t.noTitle, SHOWN_LIMITS.headline))}</b>`,
    article.outlet ? `📰 ${escapeHtml(capText(article.outlet, SHOWN_LIMITS.label))}` : null,
    `🗓 ${escapeHtml(sourceDatePhrase(article.date, lang))}`,
    article.url ? `🔗 <a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a>` : null,
    `📄 <code>${escapeHtml(article.id)}</code>`,
  ];
  return rows.filter(Boolean).join('\n');
}
