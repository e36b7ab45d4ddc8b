/**
 * Arabic normalisation for search copies of the text (never for what users are shown).
 *
 * A superset of Lucene's ArabicNormalizer: it also folds hamza carriers, Persian letter forms and
 * Arabic-Indic digits, because web news mixes all of them and users type without hamzas.
 */

const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const LETTER_FOLDS: Record<string, string> = {
  آ: 'ا',
  أ: 'ا',
  إ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ة: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ک: 'ك',
  ؤ: 'و',
  ئ: 'ي',
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Folds Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits to ASCII digits. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Words are normalised again and again (every stage, every lookup): short strings are remembered, up to a bound. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Normalises text for matching: NFKC, no diacritics or tatweel, one alef, ه for ة, ي for ى, ASCII digits, lower case. */
export function normalizeArabic(text: string): string {
  if (text.length > 40) return normalizeUncached(text);
  let out = cache.get(text);
  if (out === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    out = normalizeUncached(text);
    cache.set(text, out);
  }
  return out;
}

function normalizeUncached(text: string): string {
  return foldDigits(text.normalize('NFKC'))
    .replace(INVISIBLES, '')
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/ء/g, '')
    .toLowerCase();
}

/** Lucene's ArabicNormalizer exactly, kept for the published test vectors. */
export function luceneNormalize(text: string): string {
  return text
    .replace(/[\u064B-\u0652]/g, '')
    .replace(TATWEEL, '')
    .replace(/[آأإ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

/** True when most letters of the text are Arabic script. */
export function isMostlyArabic(text: string): boolean {
  const arabic = text.match(/[\u0600-\u06FF]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return arabic > 0 && arabic >= latin;
}
