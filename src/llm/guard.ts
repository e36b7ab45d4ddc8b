/**
 * The guard between the model and the reader: the model never supplies a quote, a name or a date. Text in quotation
 * marks must stand verbatim in a cited quote; every [n] must point at a citation; people and dates must be those of
 * the citations it points at. Output that fails is dropped whole; the reason (never the text) is what gets logged.
 */

import type { Citation } from '../answer/schema.ts';
import type { Lexicon, LexiconEntry } from '../lexicon/lexicon.ts';
import { findDates } from '../text/dates.ts';
import { foldDigits, isMostlyArabic } from '../text/normalize.ts';

/** Why output was dropped: short codes, safe to log. */
export type GuardFailure =
  | 'empty'
  | 'too-long'
  | 'no-marker'
  | 'marker-out-of-range'
  | 'quote-not-in-source'
  | 'name-mismatch'
  | 'date-mismatch'
  | 'not-translated';

export type GuardResult = { ok: true } | { ok: false; reason: GuardFailure };

/** Longest synthesis accepted (three sentences with room to spare). */
const MAX_SYNTHESIS = 1200;
/** Longest rendering accepted, relative to its quote and absolutely (it must fit a Telegram message). */
const MAX_TRANSLATION = { perQuoteChar: 4, floor: 400, ceiling: 3000 };

const MARKER = /\[(\d{1,3}(?:\s*[,،]\s*\d{1,3})*)\]/g;
/** Text in quotation marks: “…” "…" «…» ‘…’ (the last only when ‘ opens a word, so apostrophes pass). */
const QUOTED = /“([^”]{1,2000})”|"([^"]{1,2000})"|«([^»]{1,2000})»|(?<!\p{L})‘([^’]{1,2000})’/gu;
const YEAR = /(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/g;
const SENTENCE_END = /(?<=[.!?؟])\s+/;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The citation numbers (1-based) a text points at. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(MARKER)].flatMap((m) => m[1]!.split(/[,،]/).map((n) => Number(n.trim())));
}

/** People the lexicon finds in a text, in either script. */
function peopleIn(text: string, lexicon: Lexicon): LexiconEntry[] {
  const found = [...lexicon.findEnglish(text), ...lexicon.findArabic(text)].flatMap((m) => m.entries);
  return [...new Set(found.filter((e) => e.kind === 'person'))];
}

const speaks = (entry: LexiconEntry, speaker: Citation['speaker']) =>
  !!speaker && (entry.en.includes(speaker.en) || entry.ar.includes(speaker.ar));

/** Names and dates of a text must be those of the given citations (their speakers, dates, or words). */
function namesAndDatesMatch(text: string, cited: Citation[], lexicon: Lexicon): GuardResult {
  for (const person of peopleIn(text, lexicon)) {
    const known = cited.some((c) => speaks(person, c.speaker) || peopleIn(c.quote, lexicon).includes(person));
    if (!known) return { ok: false, reason: 'name-mismatch' };
  }
  const sourceText = cited.flatMap((c) => [c.quote, c.date.text ?? '']).join('\n');
  const dates = new Set([
    ...cited.map((c) => c.date.iso).filter((d): d is string => d !== null),
    ...findDates(sourceText).map((d) => d.iso),
  ]);
  if (findDates(text).some((d) => !dates.has(d.iso))) return { ok: false, reason: 'date-mismatch' };
  const years = new Set([...dates].map((d) => d.slice(0, 4)));
  for (const y of foldDigits(sourceText).match(YEAR) ?? []) years.add(y);
  if ((foldDigits(text).match(YEAR) ?? []).some((y) => !years.has(y)))
    return { ok: false, reason: 'date-mismatch' };
  return { ok: true };
}

/** Checks a synthesis against the citations it was written from. */
export function checkSynthesis(text: string, citations: Citation[], lexicon: Lexicon): GuardResult {
  const body = text.trim();
  if (body === '') return { ok: false, reason: 'empty' };
  if (body.length > MAX_SYNTHESIS) return { ok: false, reason: 'too-long' };
  const all = markersIn(body);
  if (all.length === 0) return { ok: false, reason: 'no-marker' };
  if (all.some((n) => n < 1 || n > citations.length)) return { ok: false, reason: 'marker-out-of-range' };
  const pointedAt = (ns: number[]) => [...new Set(ns)].map((n) => citations[n - 1]!);

  for (const sentence of body.split(SENTENCE_END)) {
    // A sentence without a marker answers to every citation the synthesis points at.
    const own = markersIn(sentence);
    const cited = pointedAt(own.length > 0 ? own : all);
    for (const m of sentence.matchAll(QUOTED)) {
      const quoted = collapse(m.slice(1).find((g) => g !== undefined)!);
      if (!cited.some((c) => collapse(c.quote).includes(quoted)))
        return { ok: false, reason: 'quote-not-in-source' };
    }
    const matched = namesAndDatesMatch(sentence, cited, lexicon);
    if (!matched.ok) return matched;
  }
  return { ok: true };
}

/** Checks an English rendering of a citation's quote: English, bounded, no person or date the quote lacks. */
export function checkTranslation(text: string, citation: Citation, lexicon: Lexicon): GuardResult {
  const body = text.trim();
  if (body === '') return { ok: false, reason: 'empty' };
  const max = Math.min(
    MAX_TRANSLATION.ceiling,
    Math.max(MAX_TRANSLATION.floor, citation.quote.length * MAX_TRANSLATION.perQuoteChar),
  );
  if (body.length > max) return { ok: false, reason: 'too-long' };
  if (isMostlyArabic(body)) return { ok: false, reason: 'not-translated' };
  return namesAndDatesMatch(body, [citation], lexicon);
}
