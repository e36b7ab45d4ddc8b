/** Turns one article block into an Article: header, passages, quotations and their speakers. */

import type { Lexicon } from '../lexicon/lexicon.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { agencyNamed } from '../text/vocabulary/agencies.ts';
import { NAMING_NOUNS } from '../text/vocabulary/naming-nouns.ts';
import { outletOfUrl } from '../text/vocabulary/outlets.ts';
import { OFFICE_NOUNS, TITLES } from '../text/vocabulary/titles.ts';
import { readHeader } from './header.ts';
import { CUT_MARK } from './limits.ts';
import type { ArticleMeta } from './metadata.ts';
import { findQuotes } from './quotes.ts';
import { splitSentences } from './sentences.ts';
import {
  AttributionContext,
  attributeSentence,
  quoteSpeaker,
  sentenceSpeaker,
  speakerClauses,
} from './speakers.ts';
import type { ArticleBlock } from './split-articles.ts';
import type { Article, Passage, Quotation } from './types.ts';

/** Quoted spans shorter than this are terms or scare quotes ("الناتو"، "خط مدمر"), kept inside their passage. */
export const MIN_QUOTE_WORDS = 3;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A short line without closing punctuation inside the body ("محادثات إسطنبول") heads a section; it is no passage. */
const isSubheading = (line: string) => wordCount(line) <= 4 && !/[.!?؟"”»]$/.test(line);

/** A short quoted phrase after "قناة"، "صحيفة"، "طائرة" … names something; it is no quotation. */
function isQuotedName(line: string, outerStart: number, quote: string): boolean {
  if (wordCount(quote) > 5) return false;
  const before =
    line
      .slice(Math.max(0, outerStart - 30), outerStart)
      .trim()
      .split(/\s+/)
      .pop() ?? '';
  const word = normalizeArabic(before).replace(/^[وفبل]/, '');
  // The noun may stand inside the marks too: «لصحفي "قناة روسيا 1"».
  const first = normalizeArabic(quote.split(/\s+/)[0] ?? '');
  return (
    NAMING_NOUNS.has(normalizeArabic(before)) ||
    NAMING_NOUNS.has(word) ||
    NAMING_NOUNS.has(`ال${word}`) ||
    NAMING_NOUNS.has(first)
  );
}

const CLOSING: Record<string, string> = { '«': '»', '“': '”', '"': '"', '„': '“' };

/**
 * A quotation that runs over two paragraphs: left open at the end of one, closed in the next before any new
 * quotation opens there. It then spans both, the line break included, verbatim.
 */
function continueQuotation(
  quote: Quotation,
  mark: string,
  text: string,
  lineStarts: number[],
  block: ArticleBlock,
) {
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= quote.start) line++;
  const next = block.lines[line + 1];
  const close = CLOSING[mark];
  if (!next || next.cut || !close) return;
  const at = next.text.indexOf(close);
  // A closing mark ends a word ("…نريده." then space), it does not open one.
  if (at <= 0 || /[«“"„]/.test(next.text.slice(0, at)) || /[\s:،,]/.test(next.text[at - 1]!)) return;
  let end = lineStarts[line + 1]! + at;
  while (end > quote.start && /\s/.test(text[end - 1]!)) end--;
  quote.end = end;
  quote.text = text.slice(quote.start, end);
  quote.balanced = true;
}

/** True when a name is a place the lexicon knows ("جنيف" in the dateline "جنيف-سانا"). */
function isPlace(name: string, lexicon: Lexicon): boolean {
  const words = name.split(/\s+/).filter(Boolean).length;
  return lexicon
    .findArabic(name)
    .some((m) => m.firstWord === 0 && m.endWord === words && m.entries.some((e) => e.kind === 'place'));
}

/**
 * True when a short line only designates a person: title words (or words with the article: "الروسي") and then a
 * name the lexicon knows, nothing said of them ("الرئيس الروسي فلاديمير بوتين", a photo's caption).
 */
function isDesignation(line: string, lexicon: Lexicon): boolean {
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length > 8) return false;
  const name = lexicon
    .findArabic(line)
    .find((m) => m.endWord === words.length && m.entries.some((e) => e.kind === 'person'));
  if (!name) return false;
  return words.slice(0, name.firstWord).every((w) => {
    const n = normalizeArabic(w);
    return TITLES.has(n) || OFFICE_NOUNS.has(n) || n.startsWith('ال');
  });
}

/** Builds the article at position n (from 1) of a file. */
export function buildArticle(
  block: ArticleBlock,
  place: { file: string; stem: string; n: number },
  meta: ArticleMeta,
  lexicon: Lexicon,
): Article {
  const header = readHeader(
    block.lines,
    (name) => isPlace(name, lexicon),
    (name) => lexicon.findArabic(name).length > 0,
    (line) => isDesignation(line, lexicon),
  );
  const id = `${place.stem}#${place.n}`;
  const text = block.lines.map((l) => l.text + (l.cut ? CUT_MARK : '')).join('\n');
  const passages: Passage[] = [];
  const quotes: Quotation[] = [];
  const ctx = new AttributionContext();

  let offset = 0;
  const lineStarts: number[] = [];
  /** The opening mark of each quotation left open at the end of its paragraph. */
  const openMarks = new Map<Quotation, string>();
  block.lines.forEach((line, i) => {
    const base = offset;
    lineStarts.push(base);
    offset += line.text.length + (line.cut ? CUT_MARK.length : 0) + 1;
    if (i < header.bodyStart) return;
    const from = i === header.bodyStart ? header.leadSkip : 0;
    if (isSubheading(line.text)) return;
    const spans = findQuotes(line.text).filter((q) => q.outerStart >= from);
    for (const sentence of splitSentences(line.text, spans, from)) {
      const sentenceText = line.text.slice(sentence.start, sentence.end);
      const inside = spans
        .filter((q) => q.start >= sentence.start && q.end <= sentence.end)
        .map((q) => ({ start: q.start - sentence.start, end: q.end - sentence.start }));
      const attributions = attributeSentence(sentenceText, lexicon, ctx, inside);
      for (const clause of speakerClauses(sentenceText, attributions)) {
        const speaker = sentenceSpeaker(clause.attributions);
        const passage: Passage = {
          id: `${id}/p${passages.length + 1}`,
          articleId: id,
          position: passages.length,
          kind: speaker && clause.attributions.length > 0 ? 'statement' : 'passage',
          start: base + sentence.start + clause.start,
          end: base + sentence.start + clause.end,
          text: sentenceText.slice(clause.start, clause.end),
          speaker,
        };
        passages.push(passage);
        for (const q of spans) {
          const at = q.start - sentence.start;
          if (at < clause.start || q.end - sentence.start > clause.end) continue;
          const quoteText = line.text.slice(q.start, q.end);
          if (wordCount(quoteText) < MIN_QUOTE_WORDS || isQuotedName(line.text, q.outerStart, quoteText))
            continue;
          quotes.push({
            id: `${id}/q${quotes.length + 1}`,
            articleId: id,
            position: passage.position,
            start: base + q.start,
            end: base + q.end,
            text: quoteText,
            passageId: passage.id,
            speaker: quoteSpeaker(attributions, q.outerStart - sentence.start),
            balanced: q.balanced,
          });
          if (!q.balanced && !line.cut) openMarks.set(quotes[quotes.length - 1]!, line.text[q.outerStart]!);
        }
      }
    }
  });

  for (const [quote, mark] of openMarks) continueQuotation(quote, mark, text, lineStarts, block);

  // "المصدر: إنترفاكس" credits an agency; "المصدر: صدى البلد" names the outlet the text was taken from.
  const sourceAgency = block.sourceOutlet && agencyNamed(block.sourceOutlet) ? block.sourceOutlet : null;
  // As the header writes them, then those the body credits; one entry per agency however it is spelt.
  const credited = [
    ...(meta.agencies ?? []),
    ...header.agencies,
    ...(sourceAgency ? [sourceAgency] : []),
    ...ctx.agencies,
  ];
  // What the page says of itself first; a bare signature line and the page's address name a known outlet, and
  // the report says which of them did.
  let outlet = meta.outlet ?? (sourceAgency ? null : block.sourceOutlet) ?? header.outlet;
  const address = meta.url ?? header.url;
  if (!outlet && block.signatureOutlet) {
    outlet = block.signatureOutlet;
    header.lines.push({ text: outlet, kind: 'outlet', why: "a known outlet's name alone on a line" });
  } else if (!outlet && address) {
    outlet = outletOfUrl(address) ?? null;
    if (outlet) header.lines.push({ text: address, kind: 'outlet', why: `the address of ${outlet}'s site` });
  }
  const same = (a: string) => agencyNamed(a) ?? a;
  const agencies = credited.filter((a, i) => credited.findIndex((b) => same(b) === same(a)) === i);
  return {
    id,
    file: place.file,
    title: meta.title ?? header.title,
    outlet,
    agencies,
    url: meta.url ?? header.url,
    date: meta.date ? { iso: meta.date, text: meta.date, basis: 'stated' } : header.date,
    header: header.lines,
    text,
    passages,
    quotes,
  };
}
