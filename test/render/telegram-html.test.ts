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

  it('cuts a quote longer than a message into continued pieces, losing no word', () => {
    const quote = Array.from({ length: 1500 }, (_, i) => `ك${i}`).join(' ');
    const pieces = renderCitation(citation(quote), 1, 'ar');
    expect(pieces.length).toBeGreaterThan(1);
    const text = pieces
      .map((p) => p.replace(/^[\s\S]*?<blockquote[^>]*>(?:… )?/, '').replace(/<\/blockquote>$/, ''))
      .join(' ');
    expect(text.replace(/\s+/g, ' ')).toBe(quote);
    for (const p of pieces) expect(measureHtml(p).characters).toBeLessThanOrEqual(MESSAGE_LIMITS.characters);
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
      { kind: 'more', key: 'zzzzzz', offset: 10 },
      { kind: 'context', key: 'a1', index: 4 },
      { kind: 'source', key: 'a1', index: 4, page: 12 },
      { kind: 'lang', choice: 'ar' },
      { kind: 'ask', index: 2 },
    ] as const;
    for (const a of actions) {
      const data = encodeAction(a);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(a);
    }
    for (const bad of ['', 'x', 'm:', 'm:ABC:1', 'l:fr', 's:a:1', 'm:a:99999'])
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
