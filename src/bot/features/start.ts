/** /start, /help, /sources and /lang. */

import { Composer, InlineKeyboard } from 'grammy';
import { sourceDatePhrase } from '../../answer/phrases.ts';
import { capText, escapeHtml, packMessages, SHOWN_LIMITS } from '../../render/telegram-html.ts';
import type { BotContext, BotDeps } from '../deps.ts';
import { encodeAction } from '../keyboards.ts';
import { messages, uiLanguage } from '../messages.ts';
import { exampleQuestion } from '../reply.ts';

/** The example questions offered by /start, in the user's language. */
export function examples(deps: BotDeps, lang: 'en' | 'ar'): string[] {
  return deps.library.coverage().examples[lang];
}

export function startFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('start', async (ctx) => {
    const lang = uiLanguage(ctx.from?.language_code);
    const keyboard = new InlineKeyboard();
    for (const [i, q] of examples(deps, lang).entries())
      keyboard.text(q, encodeAction({ kind: 'ask', index: i })).row();
    await ctx.reply(messages[lang].welcome(deps.library.coverage()), { reply_markup: keyboard });
  });

  composer.command('help', (ctx) => {
    const lang = uiLanguage(ctx.from?.language_code);
    return ctx.reply(messages[lang].help(exampleQuestion(deps, lang)));
  });

  composer.command('sources', async (ctx) => {
    const lang = uiLanguage(ctx.from?.language_code);
    const t = messages[lang];
    const articles = deps.library.articles();
    const lines = articles.map((a, i) => {
      const date = (a.date.text ?? a.date.iso) ? sourceDatePhrase(a.date, lang) : t.noDate;
      const outlet = a.outlet ? ` — ${escapeHtml(capText(a.outlet, SHOWN_LIMITS.label))}` : '';
      return `${i + 1}. <b>${escapeHtml(capText(a.title ?? t.noTitle, SHOWN_LIMITS.headline))}</b>${outlet}\n🗓 ${escapeHtml(date)}`;
    });
    for (const html of packMessages([t.sourcesTitle(articles.length), ...lines])) {
      await ctx.reply(html, { parse_mode: 'HTML' });
    }
  });

  composer.command('lang', async (ctx) => {
    const t = messages[uiLanguage(ctx.from?.language_code)];
    const keyboard = new InlineKeyboard()
      .text('Auto', encodeAction({ kind: 'lang', choice: 'auto' }))
      .text('English', encodeAction({ kind: 'lang', choice: 'en' }))
      .text('العربية', encodeAction({ kind: 'lang', choice: 'ar' }));
    await ctx.reply(t.langPrompt, { reply_markup: keyboard });
  });

  return composer;
}
