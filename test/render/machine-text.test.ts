/** Renderings and summaries in Telegram HTML: labelled, escaped, shown once, within Telegram's limits. */

import { describe, expect, it } from 'vitest';
import { plainReply } from '../../src/answer/phrases.ts';
import type { Answer, Citation } from '../../src/answer/schema.ts';
import { MESSAGE_LIMITS, measureHtml, renderAnswer } from '../../src/render/telegram-html.ts';
import { checkTelegramHtml } from '../bot/fake-bot-api.ts';

const citation = (quote: string, translation?: string): Citation => ({
  quote,
  speaker: { en: 'Dmitry Peskov', ar: 'دميتري بيسكوف' },
  date: { iso: '2022-02-16', text: '16 فبراير 2022', basis: 'stated' },
  source: { id: 'x#1', file: 'data/articles/x.txt', title: null, outlet: 'سبوتنيك', url: null },
  ...(translation ? { translation: { text: translation, model: 'qwen<2>' } } : {}),
});

function enriched(citations: Citation[], summary?: string): Answer {
  const base = { question: 'q', language: 'en' as const, answered: true, citations };
  const reply = plainReply(citations, 'en');
  if (!summary) return { ...base, reply };
  const label = `Machine summary (qwen<2>) of the quotes below, which are the sources' words:\n${summary}`;
  return { ...base, reply: `${label}\n\n${reply}`, summary: { text: summary, model: 'qwen<2>' } };
}

describe('machine text in Telegram HTML', () => {
  it('shows the rendering under its quote and the summary once, first, both labelled and escaped', () => {
    const answer = enriched(
      [citation('قال بيسكوف: لا للناتو.', 'Peskov said: no to <NATO> & co.'), citation('كلام آخر.')],
      'Peskov rejected NATO troops [1].',
    );
    const [html, ...rest] = renderAnswer(answer);
    expect(rest).toEqual([]);
    expect(checkTelegramHtml(html!)).toBeNull();
    expect(
      html!.startsWith(
        "🤖 <i>Machine summary (qwen&lt;2&gt;) of the quotes below, which are the sources' words:</i>\nPeskov rejected NATO troops [1].",
      ),
    ).toBe(true);
    expect(html!.split('Peskov rejected NATO troops').length).toBe(2);
    const quote = html!.indexOf('<blockquote>قال بيسكوف: لا للناتو.</blockquote>');
    const rendering = html!.indexOf(
      "🌐 <i>Machine translation (qwen&lt;2&gt;), not the source's words:</i>\nPeskov said: no to &lt;NATO&gt; &amp; co.",
    );
    expect(quote).toBeGreaterThan(0);
    expect(rendering).toBeGreaterThan(quote);
    expect(html!.indexOf('<b>2. ')).toBeGreaterThan(rendering);
    expect(html!.match(/Machine translation/g)).toHaveLength(1);
  });

  it('keeps long quotes with long renderings within the limits of each message', () => {
    const long = 'كلمة '.repeat(700).trim();
    const answer = enriched(
      [1, 2, 3].map(() => citation(long, 'word '.repeat(600).trim())),
      'Peskov spoke [1].',
    );
    const parts = renderAnswer(answer);
    expect(parts.length).toBeGreaterThan(1);
    for (const html of parts) {
      expect(checkTelegramHtml(html)).toBeNull();
      expect(measureHtml(html).characters).toBeLessThanOrEqual(MESSAGE_LIMITS.characters);
    }
    expect(parts.join('\n').match(/Machine translation/g)).toHaveLength(3);
  });

  it('says the same in the plain reply: the rendering under its quote', () => {
    const reply = plainReply([citation('قال بيسكوف: لا للناتو.', 'Peskov said: no.')], 'en');
    expect(reply).toContain(
      "«قال بيسكوف: لا للناتو.»\nMachine translation (qwen<2>), not the source's words: Peskov said: no.",
    );
  });
});
