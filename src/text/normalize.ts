/**
 * Arabic normalisation for search copies of the text (never for what users are shown).
 *
 * A superset of Lucene's ArabicNormalizer: it also folds hamza carriers, Persian letter forms and
 * Arabic-Indic digits, because web news mixes all of them and users type without hamzas.
 */

const TATWEEL = /\u0640/g;

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

/**
 * Every character normalisation changes after NFKC, and what it becomes: Arabic-Indic and Persian digits, letter
 * folds, and (to nothing) invisibles, diacritics, tatweel and the bare hamza. The sets are disjoint and each maps one
 * character alone, so one pass over the text does what a replace per set did.
 */
const FOLDS = new Map<string, string>(Object.entries(LETTER_FOLDS));
for (let c = 0x0660; c <= 0x0669; c++) FOLDS.set(String.fromCharCode(c), String(c - 0x0660));
for (let c = 0x06f0; c <= 0x06f9; c++) FOLDS.set(String.fromCharCode(c), String(c - 0x06f0));
for (const [from, to] of [
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x0640, 0x0640],
  [0x0621, 0x0621],
] as const)
  for (let c = from; c <= to; c++) FOLDS.set(String.fromCharCode(c), '');
const FOLDED = new RegExp(
  `[${[...FOLDS.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);
const fold = (c: string) => FOLDS.get(c)!;

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
  return text.normalize('NFKC').replace(FOLDED, fold).toLowerCase();
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
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return arabic > 0 && arabic >= latin;
}
