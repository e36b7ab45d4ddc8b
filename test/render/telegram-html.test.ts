import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/schema.ts';
import { pagesOf } from '../../src/bot/features/buttons.ts';
import { decodeAction, encodeAction } from '../../src/bot/keyboards.ts';
import {
  escapeHtml,
  MESSAGE_LIMITS,
  measureHtml,
  packMessages,
  renderAnswer,
  renderCitation,
  renderContext,
  SHOWN_LIMITS,
} from '../../src/render/telegram-html.ts';
import { checkTelegramHtml } from '../bot/fake-bot-api.ts';

const citation = (quote: string, over: Partial<Citation> = {}): Citation => ({
  quote,
  speaker: { en: 'Dmitry Peskov', ar: 'دميتري بيسكوف' },
  date: { iso: '2022-02-16', text: '16 فبراير 2022ء', basis: 'stated' },
  source: {
    id: 'x#1',
    file: 'data/articles/x.txt',
    title: 'عنوان <مهم> & "جديد"',
    outlet: 'سبوتنيك',
    url: 'https://example.org/a?b=1&c=2',
  },
  ...over,
});
const answer = (citations: Citation[], language: 'en' | 'ar' = 'en'): Answer => ({
  question: 'q',
  language,
  answered: true,
  citations,
  reply: `From the sources, verbatim:\n\n1. …`,
});

describe('escaping', () => {
  it('escapes every source and user string, so Telegram accepts the HTML', () => {
    expect(escapeHtml('<b>&"x"</b>')).toBe('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
    const [html] = renderCitation(citation('قال: <script> & "كلام"'), 1, 'en');
    expect(html).toContain('&lt;script&gt; &amp; &quot;كلام&quot;');
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=2"');
    expect(checkTelegramHtml(html!)).toBeNull();
  });
});

describe('right-to-left text in English framing', () => {
  it('isolates Arabic outlet, headline and date words, and puts the quote in its own blockquote', () => {
    const [html] = renderCitation(citation('نص عربي'), 1, 'en');
    expect(html).toContain('\u2068سبوتنيك\u2069: \u2068عنوان &lt;مهم&gt; &amp; &quot;جديد&quot;\u2069');
    expect(html).toContain('🗓 \u206816 فبراير 2022ء\u2069 · 2022-02-16');
    expect(html).toMatch(/\n<blockquote>نص عربي<\/blockquote>$/);
  });

  it('makes long quotes expandable', () => {
    expect(renderCitation(citation('ك'.repeat(400)), 1, 'en')[0]).toContain('<blockquote expandable>');
  });
});

describe('splitting', () => {
  it('never exceeds 4096 characters or 100 entities, and splits only between citations', () => {
    const many = Array.from({ length: 5 }, (_, i) => citation(`${'كلمة '.repeat(300)}${i}`));
    const messages = renderAnswer(answer(many));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      const size = measureHtml(m);
      expect(size.characters).toBeLessThanOrEqual(MESSAGE_LIMITS.characters);
      expect(size.entities).toBeLessThanOrEqual(MESSAGE_LIMITS.entities);
      expect(checkTelegramHtml(m)).toBeNull();
      expect(m.match(/<blockquote/g)?.length).toBe(m.match(/<\/blockquote>/g)?.length);
    }
  });

  it('packs by entities as well as by length', () => {
    const blocks = Array.from({ length: 60 }, (_, i) => `<b>${i}</b> <i>x</i>`);
    const messages = packMessages(blocks);
    expect(messages.length).toBe(2);
    expect(measureHtml(messages[0]!).entities).toBeLessThanOrEqual(100);
  });

  it('keeps a quote up to the cap whole and verbatim in one message', () => {
    const quote = Array.from({ length: 500 }, (_, i) => `ك${i}`).join(' ');
    expect(quote.length).toBeLessThan(SHOWN_LIMITS.quote);
    const pieces = renderCitation(citation(quote), 1, 'ar');
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toContain(`<blockquote expandable>${quote}</blockquote>`);
  });
});

describe('caps on what one citation shows (finding 2 and 10)', () => {
  it('renders a 4,000-character headline and a 1 MB one-word quote in at most two valid messages, cuts marked', () => {
    const headline = 'ع'.repeat(4000);
    const quote = 'كلمة '.repeat(200_000).trim();
    const pieces = renderCitation(
      citation(quote, { source: { ...citation('').source, title: headline } }),
      1,
      'en',
    );
    expect(pieces).toHaveLength(1);
    for (const p of pieces) {
      expect(checkTelegramHtml(p)).toBeNull();
      expect(measureHtml(p).characters).toBeLessThanOrEqual(MESSAGE_LIMITS.characters);
    }
    const all = pieces.join('\n');
    expect(all).toContain(`${'ع'.repeat(SHOWN_LIMITS.headline)} …`);
    expect(all).not.toContain('ع'.repeat(SHOWN_LIMITS.headline + 1));
    expect(all).toContain('[… the rest is in Source]');
    const answerMessages = renderAnswer(answer(Array.from({ length: 5 }, () => citation(quote))));
    expect(answerMessages.length).toBeLessThanOrEqual(6);
  });

  it('shows a window around the quote of a huge paragraph, with both cuts marked', () => {
    const paragraph = `${'قبل '.repeat(2000)}هذا هو الاقتباس${' بعد'.repeat(2000)}`;
    const html = renderContext(paragraph, 'هذا هو الاقتباس', 'ar');
    expect(html).toMatch(/^… .*<b>هذا هو الاقتباس<\/b>.* …$/s);
    expect(measureHtml(html).characters).toBeLessThanOrEqual(SHOWN_LIMITS.paragraph + 10);
    expect(renderContext('قبل هذا هو الاقتباس بعد', 'هذا هو الاقتباس', 'ar')).toBe(
      'قبل <b>هذا هو الاقتباس</b> بعد',
    );
  });
});

describe('no answer', () => {
  it('renders the reply escaped, without markup', () => {
    const none: Answer = {
      question: 'q',
      language: 'en',
      answered: false,
      citations: [],
      reply: 'No statement by <X>.\n\nTry: “a & b”',
    };
    expect(renderAnswer(none)).toEqual(['No statement by &lt;X&gt;.\n\nTry: “a &amp; b”']);
  });
});

describe('buttons', () => {
  it('keeps callback data short ASCII and rejects anything else', () => {
    const actions = [
      { kind: 'more', key: 'zzzzzzzzzzzzzzzz', offset: 10 },
      { kind: 'context', key: '0123456789abcdef', index: 4 },
      { kind: 'source', key: '0123456789abcdef', index: 4, page: 12 },
      { kind: 'lang', choice: 'ar' },
      { kind: 'ask', index: 2 },
    ] as const;
    for (const a of actions) {
      const data = encodeAction(a);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(a);
    }
    // Short counters (the old ids, guessable) are refused as well.
    for (const bad of ['', 'x', 'm:', 'm:ABC:1', 'l:fr', 's:a:1', 'm:a:99999', 'c:1:0'])
      expect(decodeAction(bad)).toBeNull();
  });

  it('pages an article at line breaks', () => {
    const text = Array.from({ length: 30 }, (_, i) => `سطر ${i} ${'ن'.repeat(200)}`).join('\n');
    const pages = pagesOf(text, 1000);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.join('\n')).toBe(text);
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(1000);
  });
});
