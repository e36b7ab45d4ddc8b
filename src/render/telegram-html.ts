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

function quoteHtml(quote: string, continued = false): string {
  const tag = [...quote].length > EXPANDABLE_FROM ? 'blockquote expandable' : 'blockquote';
  return `<${tag}>${continued ? '… ' : ''}${escapeHtml(quote)}</blockquote>`;
}

/** A quote too long for one message, cut at white space into pieces that fit. */
function quotePieces(quote: string, room: number): string[] {
  const pieces: string[] = [];
  let rest = quote;
  while ([...rest].length > room) {
    const cut = rest.lastIndexOf(' ', room) > room / 2 ? rest.lastIndexOf(' ', room) : room;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  return [...pieces, rest];
}

/** One citation: number and speaker, date as the source gives it, outlet and headline, the quote. */
export function renderCitation(c: Citation, n: number, lang: Language): string[] {
  const speaker = `<b>${n}. ${escapeHtml(speakerPhrase(c.speaker, lang))}</b>`;
  const date = `🗓 ${escapeHtml(sourceDatePhrase(c.date, lang))}`;
  const link = c.source.url
    ? ` <a href="${escapeHtml(c.source.url)}">${lang === 'en' ? 'link' : 'الرابط'}</a>`
    : '';
  const source = `📰 <i>${escapeHtml(isolatedSourcePhrase(c.source, lang))}</i>${link}`;
  const head = `${speaker}\n${date}\n${source}`;
  const room = MESSAGE_LIMITS.characters - measureHtml(head).characters - 50;
  const pieces = quotePieces(c.quote, room).map((piece, i) =>
    i === 0 ? `${head}\n${quoteHtml(piece)}` : quoteHtml(piece, true),
  );
  return c.translation ? [...pieces, machineTextHtml('translation', c.translation, lang)] : pieces;
}

/** A language model's rendering or summary, labelled as machine-written and kept apart from the quotes. */
export function machineTextHtml(
  kind: 'translation' | 'summary',
  text: { text: string; model: string },
  lang: Language,
): string {
  return `${kind === 'translation' ? '🌐' : '🤖'} <i>${escapeHtml(machineLabel(kind, text.model, lang))}</i>\n${escapeHtml(text.text)}`;
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
