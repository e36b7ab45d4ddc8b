/**
 * Light Arabic stemming after Lucene's ArabicStemmer (Larkey et al.): at most one prefix, then each suffix
 * once, in order. Expects normalised input; names are protected by the analyser, not here.
 */

const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/** Strips the first matching prefix, as Lucene does (و only from words of four letters or more). */
export function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    if (prefix === 'و') {
      if (word.startsWith('و') && word.length > 3) return word.slice(1);
    } else if (word.startsWith(prefix) && word.length >= prefix.length + 2) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

/** Strips suffixes once each, in Lucene's order, keeping at least two letters. */
export function stripSuffixes(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length >= suffix.length + 2) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/** Lucene's light stem of one word. */
export function lightStem(word: string): string {
  return stripSuffixes(stripPrefix(word));
}
