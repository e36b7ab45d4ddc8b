/**
 * The Arabic analyser behind search: normalise, drop stop words, peel clitics, and light-stem every word except
 * names the lexicon protects (Lucene's stemmer turns بوتين into بوت and الكرملين into كرمل). English words are
 * lower-cased. Orama's built-in Arabic tokenizer splits words at every diacritic; this one does not.
 */

import { createHash } from 'node:crypto';
import { wordTexts } from '../lexicon/keys.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { stripPrefix, stripSuffixes } from '../text/stem.ts';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS } from '../text/stopwords.ts';

/** Bump when the analysis changes, so that saved indexes are rebuilt. */
const ANALYSER_VERSION = 'ar-light-10';
const CLITICS = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Turns text into search terms. */
export interface Analyser {
  /** The terms of a text, in order (stop words dropped): how questions are read. */
  terms(text: string): string[];
  /** The terms of a text being indexed: every reading (`variants`) of every word. */
  documentTerms(text: string): string[];
  /** The term of one word, or null for a stop word. */
  term(word: string): string | null;
  /**
   * Every reading of one word, its term first: also the stem without a one-letter proclitic (ب ل ف ك) or
   * present-tense prefix (ي ت), with and without an initial و (a conjunction, or part of the root as in وصول),
   * and without a final ت (a verb's feminine ending, "سجلت"). Both sides index and search by these, so that
   * "وقف" finds "بوقف", "ناقش" finds "يناقشا" and "الوصول" finds "وصول", while "بلد" still finds itself.
   */
  variants(word: string): string[];
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
    return stemOf(stripPrefix(n));
  };

  /** Lucene's suffixes and more, on a word without its prefix. */
  const stemOf = (bareWord: string): string | null => {
    let stem = stripSuffixes(bareWord);
    // Lucene's one pass checks ات before ه: after a pronoun or ة ("مفاوضاته"), a second pass. Not after other
    // endings: "ثواني" would lose ي and then ان.
    if (bareWord.endsWith('ه') && stem !== bareWord) stem = stripSuffixes(stem);
    // Beyond Lucene's suffixes: object pronouns and the accusative alef ("تبادلهم" -> تبادل, "أسيرا" -> اسير,
    // "سلميا" -> سلم), then Lucene's suffixes once more on what remains.
    const bare =
      /(?:هما|هم)$/.test(stem) && stem.length >= 5
        ? stem.replace(/(?:هما|هم)$/, '')
        : stem.endsWith('ا') && stem.length >= 4
          ? stem.slice(0, -1)
          : stem;
    if (bare !== stem) stem = stripSuffixes(bare);
    // ة becomes ت before a pronoun or a dual ending ("علاقته", "نقطتين", "محاولتهم"): back to the noun's stem.
    if (
      stem.endsWith('ت') &&
      stem.length >= 4 &&
      /(?:ه|ها|هم|هما|كم|نا|ين|ان)$/.test(bareWord) &&
      bareWord.length > stem.length
    )
      stem = stem.slice(0, -1);
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

  const variants = (word: string): string[] => {
    const whole = term(word);
    if (whole === null) return [];
    const n = normalizeArabic(word);
    if (!/^[\u0600-\u06FF]/.test(n) || protectedForm(n)) return [whole];
    const out = new Set([whole]);
    const add = (t: string | null) => {
      if (t !== null && t.length >= 2 && !ARABIC_STOPWORDS.has(t)) out.add(t);
    };
    // Without a one-letter proclitic or present-tense prefix.
    if (/^[بلفكيت]/.test(n) && n.length >= 4) add(term(n.slice(1)));
    // With and without an initial و, after the article or alone: Lucene takes it off "وصول" but not "الوصول".
    const afterArticle = n.replace(/^(?:وال|بال|كال|فال|لل|ال)/, '');
    if (afterArticle.startsWith('و') && afterArticle.length >= 4) {
      add(stemOf(afterArticle));
      add(stemOf(afterArticle.slice(1)));
    }
    // Without a verb's feminine ت ("سجلت" -> سجل).
    if (n.endsWith('ت') && n.length >= 4 && !n.endsWith('ات')) add(term(n.slice(0, -1)));
    return [...out];
  };

  return {
    term,
    terms: (text) => wordTexts(text).flatMap((w) => term(w) ?? []),
    documentTerms: (text) => wordTexts(text).flatMap(variants),
    variants,
    fingerprint,
  };
}
