/**
 * Word keys for matching lexicon names in running Arabic and English text. The text side tries every reading of
 * a word's clitics (و ف ب ل ك ال), because "وبوتين" must find بوتين while "بوتين" itself must not lose its ب.
 */

import { normalizeArabic } from '../text/normalize.ts';

/** A word of a text with its character offsets. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A word: letters, marks, digits and tatweel, then any parts joined by an apostrophe, a full stop or a hyphen. */
const WORD = /[\p{L}\p{M}\p{N}\u0640]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const IN_WORD = /[\p{L}\p{M}\p{N}\u0640]/u;
const IN_PART = /[\p{L}\p{N}]/u;
const JOINERS = new Set(["'", '’', '.', '-'].map((c) => c.charCodeAt(0)));
/**
 * WORD's classes by UTF-16 unit, learnt from its own classes as units are first met: 1 in a word, 2 in a part,
 * 4 known, 8 half of a character beyond the basic plane (whose classes the table cannot hold).
 */
const classes = new Uint8Array(0x10000).fill(4 | 8, 0xd800, 0xe000);
const classOf = (unit: number): number => {
  let c = classes[unit]!;
  if (c === 0) {
    const char = String.fromCharCode(unit);
    c = 4 | (IN_WORD.test(char) ? 1 : 0) | (IN_PART.test(char) ? 2 : 0);
    classes[unit] = c;
  }
  return c;
};

/** The words of a text by the regular expression itself. */
export const splitWordsByPattern = (text: string): Word[] =>
  Array.from(text.matchAll(WORD), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));

/**
 * Calls `word` with the offsets of each word of a text, in order (diacritics and tatweel stay inside words); false
 * when the text has a character beyond the basic plane, whose classes the table does not hold (the words met
 * before it are to be dropped). Words are split millions of times in a build: a scan over a table of WORD's
 * classes, not the pattern.
 */
function scanWords(text: string, word: (start: number, end: number) => void): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classOf(text.charCodeAt(i));
    if (c & 8) return false;
    if (!(c & 1)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && classOf(text.charCodeAt(i)) & 1) i++;
    // Parts joined on: a joiner followed by a letter or digit (a mark after it ends the word before the joiner).
    while (i + 1 < n && JOINERS.has(text.charCodeAt(i)) && classOf(text.charCodeAt(i + 1)) & 2) {
      i++;
      while (i < n && classOf(text.charCodeAt(i)) & 2) i++;
    }
    word(start, i);
  }
  return true;
}

/** Splits a text into words with their offsets: the words of `splitWordsByPattern`. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  const scanned = scanWords(text, (start, end) => {
    words.push({ text: text.slice(start, end), start, end });
  });
  return scanned ? words : splitWordsByPattern(text);
}

/** The words of a text without their offsets (no object per word). */
export function wordTexts(text: string): string[] {
  const words: string[] = [];
  const scanned = scanWords(text, (start, end) => {
    words.push(text.slice(start, end));
  });
  return scanned ? words : splitWordsByPattern(text).map((w) => w.text);
}

function withoutArticle(word: string): string {
  return word.startsWith('ال') && word.length >= 5 ? word.slice(2) : word;
}

/** The key of one word of a lexicon form: normalised, without a leading article. */
export function arabicFormKey(word: string): string {
  return withoutArticle(normalizeArabic(word));
}

/** Every key a word of running Arabic text may stand for, after peeling possible clitics. */
export function arabicWordKeys(word: string): string[] {
  const n = normalizeArabic(word);
  const keys = new Set([n, withoutArticle(n)]);
  const peel = (w: string, prefixes: string[], next?: (r: string) => void) => {
    for (const p of prefixes) {
      if (w.startsWith(p) && w.length - p.length >= 3) {
        const rest = w.slice(p.length);
        keys.add(rest);
        keys.add(withoutArticle(rest));
        next?.(rest);
      }
    }
  };
  peel(n, ['لل'], (r) => keys.add(r));
  peel(n, ['و', 'ف'], (r) => {
    peel(r, ['ب', 'ل', 'ك']);
    if (r.startsWith('لل') && r.length >= 5) keys.add(r.slice(2));
  });
  peel(n, ['ب', 'ل', 'ك']);
  return [...keys];
}

/**
 * Keys of an English word: lower case, and the readings of a plural, a possessive, or an -ing / -ed form
 * ("financing" -> finance, "deployed" -> deploy, "stopped" -> stop), so that the lexicon lists base forms.
 */
export function englishWordKeys(word: string): string[] {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  const keys = new Set([w]);
  if (isAcronym(word)) keys.add(word);
  if (w.length > 4 && w.endsWith('ies')) keys.add(`${w.slice(0, -3)}y`);
  if (w.length > 3 && w.endsWith('es')) keys.add(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) keys.add(w.slice(0, -1));
  for (const suffix of ['ing', 'ed']) {
    if (w.length <= suffix.length + 2 || !w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    keys.add(stem);
    keys.add(`${stem}e`);
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) keys.add(stem.slice(0, -1));
    if (stem.endsWith('i')) keys.add(`${stem.slice(0, -1)}y`);
  }
  return [...keys];
}

/** A short all-capitals word: "US", "UN", "AP" are names only when written so ("tell us" is no country). */
const isAcronym = (word: string) => /^[A-Z]{2,4}$/.test(word);

/** The key of one word of an English lexicon form: lower case, except acronyms, which keep their capitals. */
export function englishFormKey(word: string): string {
  return isAcronym(word) ? word : word.toLowerCase();
}
