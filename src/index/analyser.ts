/**
 * The Arabic analyser behind search: normalise, drop stop words, peel clitics, and light-stem every word except
 * names the lexicon protects (Lucene's stemmer turns بوتين into بوت and الكرملين into كرمل). English words are
 * lower-cased. Orama's built-in Arabic tokenizer splits words at every diacritic; this one does not.
 */

import { createHash } from 'node:crypto';
import { splitWords } from '../lexicon/keys.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { lightStem, stripSuffixes } from '../text/stem.ts';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS } from '../text/stopwords.ts';

/** Bump when the analysis changes, so that saved indexes are rebuilt. */
const ANALYSER_VERSION = 'ar-light-9';
const CLITICS = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Turns text into search terms. */
export interface Analyser {
  /** The terms of a text, in order (stop words dropped): how questions are read. */
  terms(text: string): string[];
  /**
   * The terms of a text being indexed: `terms`, plus the stem without a one-letter proclitic (ب ل ف ك) or
   * present-tense prefix (ي ت), so that a question's "وقف" finds the source's "بوقف" and "ناقش" finds "يناقشا",
   * while the question's own "بلد" keeps its ب.
   */
  documentTerms(text: string): string[];
  /** The term of one word, or null for a stop word. */
  term(word: string): string | null;
  /** Changes whenever the analysis would change (version and protected names). */
  readonly fingerprint: string;
}

/** Creates the analyser; `protectedNames` are normalised name words that must not be stemmed. */
export function createAnalyser(protectedNames: ReadonlySet<string>): Analyser {
  const cache = new Map<string, string | null>();

  const protectedForm = (n: string): string | undefined => {
    if (protectedNames.has(n)) return n;
    for (const clitic of CLITICS) {
      if (!n.startsWith(clitic)) continue;
      const rest = n.slice(clitic.length);
      if (rest.length >= 3 && protectedNames.has(rest)) return rest;
      // "للكرملين" = ل + الكرملين: the name's key has no article.
      if (clitic === 'لل' && protectedNames.has(`ال${rest}`)) return rest;
    }
    return undefined;
  };

  const analyse = (word: string): string | null => {
    const n = normalizeArabic(word);
    if (/^[a-z0-9]/.test(n)) return ENGLISH_STOPWORDS.has(n) ? null : n;
    if (n.length < 2 || ARABIC_STOPWORDS.has(n)) return null;
    const name = protectedForm(n);
    if (name) return name;
    // Lucene peels only "و" of the one-letter proclitics: ب ل ف ك begin too many words (بلد، لقاء، فيديو).
    // Lucene's one pass over its suffixes checks ات before ه, so "مفاوضاته" would keep its ات: a second pass.
    let stem = stripSuffixes(lightStem(n));
    // Beyond Lucene's suffixes: object pronouns and the accusative alef ("تبادلهم" -> تبادل, "أسيرا" -> اسير,
    // "سلميا" -> سلم), then Lucene's suffixes once more on what remains.
    const bare =
      /(?:هما|هم)$/.test(stem) && stem.length >= 5
        ? stem.replace(/(?:هما|هم)$/, '')
        : stem.endsWith('ا') && stem.length >= 4
          ? stem.slice(0, -1)
          : stem;
    if (bare !== stem) stem = stripSuffixes(bare);
    if (ARABIC_STOPWORDS.has(stem)) return null;
    return stem.length >= 2 ? stem : null;
  };

  const term = (word: string): string | null => {
    let t = cache.get(word);
    if (t === undefined) {
      t = analyse(word);
      if (cache.size > 200_000) cache.clear();
      cache.set(word, t);
    }
    return t;
  };

  const fingerprint = createHash('sha256')
    .update(ANALYSER_VERSION)
    .update([...protectedNames].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);

  /** The stem without a one-letter proclitic (ب ل ف ك) or present-tense prefix (ي ت), for document words. */
  const peeled = (word: string): string | null => {
    const n = normalizeArabic(word);
    if (!/^[بلفكيت]/.test(n) || n.length < 4 || protectedForm(n)) return null;
    return term(n.slice(1));
  };

  return {
    term,
    terms: (text) => splitWords(text).flatMap((w) => term(w.text) ?? []),
    documentTerms: (text) =>
      splitWords(text).flatMap((w) => {
        const whole = term(w.text);
        const bare = peeled(w.text);
        return [whole, bare !== whole ? bare : null].filter((t): t is string => t !== null);
      }),
    fingerprint,
  };
}
