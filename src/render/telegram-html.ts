/**
 * Answer -> Telegram HTML messages. Every source and user string is escaped; Arabic inside English framing is
 * isolated so that it reads right to left; quotes go in blockquotes (expandable when long). Messages are split on
 * citation boundaries so that none exceeds Telegram's 4096 characters or 100 entities.
 */

import {
  datePhrase,
  isolate,
  isolatedSourcePhrase,
  machineLabel,
  replyPreamble,
  sourceDatePhrase,
  speakerPhrase,
  summaryPhrase,
} from '../answer/phrases.ts';
import type { Answer, Citation, Language } from '../answer/schema.ts';

/** Telegram's limits for one message. */
export const MESSAGE_LIMITS = { characters: 4096, entities: 100 } as const;
/** Quotes longer than this are shown in an expandable blockquote. */
const EXPANDABLE_FROM = 300;
/**
 * Caps (in characters) on what one citation shows, so that one odd article cannot make a reply of hundreds of
 * messages: with the headline, the outlet, the speaker and the quote capped, a citation always fits one message.
 * Cut text is marked; the whole article is behind the Source button.
 */
export const SHOWN_LIMITS = { headline: 200, label: 120, quote: 3000, paragraph: 3000 } as const;

/** The mark where a text was cut; the whole text is behind the Source button. */
const CUT_MARK: Record<Language, string> = { en: '[… the rest is in Source]', ar: '[… والبقية في المصدر]' };

/** Escapes text for Telegram's HTML parse mode (the only entities it knows are &lt; &gt; &amp; &quot;). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The text a reader sees once Telegram has parsed the HTML, and how many entities it made. */
export function measureHtml(html: string): { characters: number; entities: number } {
  const entities = (html.match(/<[a-z][^>]*>/gi) ?? []).length;
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { characters: [...text].length, entities };
}

/**
 * The first `max` characters (code points) of a text, ending at white space when one is near; `cut` says how
 * the text continues when it was cut. Linear in `max`, whatever the text's length.
 */
export function capText(text: string, max: number, cut = '…'): string {
  if (text.length <= max) return text;
  const points: string[] = [];
  for (const point of text) {
    points.push(point);
    if (points.length > max) break;
  }
  if (points.length <= max) return text;
  let end = max;
  const floor = Math.max(0, max - 80);
  while (end > floor && !/\s/.test(points[end - 1]!)) end--;
  if (end === floor) end = max;
  return `${points.slice(0, end).join('').trimEnd()} ${cut}`;
}

function quoteHtml(quote: string): string {
  const tag = [...quote].length > EXPANDABLE_FROM ? 'blockquote expandable' : 'blockquote';
  return `<${tag}>${escapeHtml(quote)}</blockquote>`;
}

/**
 * One citation: number and speaker, date as the source gives it, outlet and headline, the quote; as a list of
 * messages (one, since every part is capped).
 */
export function renderCitation(c: Citation, n: number, lang: Language): string[] {
  const speaker = `<b>${n}. ${escapeHtml(capText(speakerPhrase(c.speaker, lang), SHOWN_LIMITS.label))}</b>`;
  const date = `🗓 ${escapeHtml(capText(sourceDatePhrase(c.date, lang), SHOWN_LIMITS.label))}`;
  const link = c.source.url
    ? ` <a href="${escapeHtml(c.source.url)}">${lang === 'en' ? 'link' : 'الرابط'}</a>`
    : '';
  const shownSource = {
    ...c.source,
    title: c.source.title === null ? null : capText(c.source.title, SHOWN_LIMITS.headline),
    outlet: c.source.outlet === null ? null : capText(c.source.outlet, SHOWN_LIMITS.label),
  };
  const source = `📰 <i>${escapeHtml(isolatedSourcePhrase(shownSource, lang))}</i>${link}`;
  const head = `${speaker}\n${date}\n${source}`;
  const quote = `${head}\n${quoteHtml(capText(c.quote, SHOWN_LIMITS.quote, CUT_MARK[lang]))}`;
  return c.translation ? [quote, machineTextHtml('translation', c.translation, lang)] : [quote];
}

/** A language model's rendering or summary, labelled as machine-written and kept apart from the quotes. */
export function machineTextHtml(
  kind: 'translation' | 'summary',
  text: { text: string; model: string },
  lang: Language,
): string {
  return `${kind === 'translation' ? '🌐' : '🤖'} <i>${escapeHtml(machineLabel(kind, text.model, lang))}</i>\n${escapeHtml(capText(text.text, SHOWN_LIMITS.quote))}`;
}

/**
 * The paragraph around a quote, with the quote in bold; a very long paragraph is shown as a window around the
 * quote with both cuts marked.
 */
export function renderContext(paragraph: string, quote: string, lang: Language): string {
  const shownQuote = capText(quote, SHOWN_LIMITS.paragraph, CUT_MARK[lang]);
  const at = paragraph.indexOf(quote);
  if (at < 0) return escapeHtml(capText(paragraph, SHOWN_LIMITS.paragraph, CUT_MARK[lang]));
  const side = Math.max(0, Math.floor((SHOWN_LIMITS.paragraph - [...shownQuote].length) / 2));
  // Code-point windows of `side` on each side, taken from slices of at most 2 × side UTF-16 units.
  const before = [...paragraph.slice(Math.max(0, at - side * 2), at)];
  const after = [...paragraph.slice(at + quote.length, at + quote.length + side * 2)];
  const cutBefore = before.length > side || at > side * 2;
  const cutAfter = after.length > side || at + quote.length + side * 2 < paragraph.length;
  const head = `${cutBefore ? '… ' : ''}${before.slice(before.length - Math.min(side, before.length)).join('')}`;
  const tail = `${after.slice(0, side).join('')}${cutAfter ? ' …' : ''}`;
  return `${escapeHtml(head)}<b>${escapeHtml(shownQuote)}</b>${escapeHtml(tail)}`;
}

/** Packs blocks into messages within the limits, never splitting a block. */
export function packMessages(blocks: string[], limits = MESSAGE_LIMITS): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const joined = current ? `${current}\n\n${block}` : block;
    const size = measureHtml(joined);
    if (current && (size.characters > limits.characters || size.entities > limits.entities)) {
      messages.push(current);
      current = block;
    } else current = joined;
  }
  if (current) messages.push(current);
  return messages;
}

/** An answer as Telegram HTML messages; `lang` is the framing language (the question's, unless the user chose). */
export function renderAnswer(answer: Answer, lang: Language = answer.language, firstNumber = 1): string[] {
  if (!answer.answered) return packMessages(answer.reply.split('\n\n').map(escapeHtml));
  const preamble =
    lang === answer.language
      ? replyPreamble(answer.reply)
      : [lang === 'en' ? 'From the sources, verbatim:' : 'من المصادر، بالنص:'];
  const blocks = answer.citations.flatMap((c, i) => renderCitation(c, firstNumber + i, lang));
  // The plain reply carries the summary as its first paragraph; here it gets its own label and markup.
  const summary = answer.summary ? [machineTextHtml('summary', answer.summary, lang)] : [];
  const framing = answer.summary
    ? preamble.filter((p) => p !== summaryPhrase(answer.summary!, answer.language))
    : preamble;
  return packMessages([...summary, ...framing.map((p) => `<i>${escapeHtml(p)}</i>`), ...blocks]);
}

/** One citation as a self-contained message, for inline results that are shared into other chats. */
export function renderSharedCitation(c: Citation, lang: Language): string {
  const [first] = renderCitation(c, 1, lang);
  return first!.replace(/^<b>1\. /, '<b>');
}

/** A short plain-text title and description of a citation (inline result lists). */
export function citationSummary(c: Citation, lang: Language): { title: string; description: string } {
  return {
    title: `${speakerPhrase(c.speaker, lang)} — ${datePhrase(c.date, lang)}`,
    description: isolate(c.quote.length > 120 ? `${c.quote.slice(0, 117)}…` : c.quote),
  };
}
