/** Inline mode: "@bot question" in any chat lists citations ready to share; an empty query suggests questions. */

import { Composer } from 'grammy';
import type { InlineQueryResult } from 'grammy/types';
import { MAX_QUESTION_LENGTH } from '../../answer/answer.ts';
import { citationSummary, escapeHtml, renderSharedCitation } from '../../render/telegram-html.ts';
import type { BotContext, BotDeps } from '../deps.ts';
import { messages, uiLanguage } from '../messages.ts';
import { framing } from '../reply.ts';

/** Inline results are cached by Telegram for this long (seconds). */
const CACHE_SECONDS = 60;

export function inlineFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim().slice(0, MAX_QUESTION_LENGTH);
    const ui = uiLanguage(ctx.from.language_code);
    if (query === '') {
      const suggestions = deps.library.coverage().examples[ui];
      const results: InlineQueryResult[] = suggestions.map((q, i) => ({
        type: 'article',
        id: `suggest-${i}`,
        title: q,
        description: messages[ui].inlineSuggest,
        input_message_content: { message_text: q },
      }));
      return void (await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS }));
    }

    const first = await deps.library.answer(query);
    const second =
      first.answered && first.citations.length === 5 ? await deps.library.answer(query, { offset: 5 }) : null;
    const lang = framing(ctx, first.language);
    if (!first.answered) {
      const results: InlineQueryResult[] = [
        {
          type: 'article',
          id: 'none',
          title: messages[lang].inlineNoAnswer,
          description: first.reply.split('\n')[0]!,
          input_message_content: { message_text: escapeHtml(first.reply), parse_mode: 'HTML' },
        },
      ];
      return void (await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS }));
    }
    const citations = [...first.citations, ...(second?.answered ? second.citations : [])].slice(0, 10);
    const results: InlineQueryResult[] = citations.map((c, i) => ({
      type: 'article',
      id: `c${i}`,
      ...citationSummary(c, lang),
      input_message_content: {
        message_text: renderSharedCitation(c, lang),
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      },
    }));
    await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS });
  });

  return composer;
}
