/**
 * The general English–Arabic dictionary (FreeDict, see data/dictionary/README.md): English words and short
 * phrases with their Arabic translations and probabilities. English words are looked up as written and as their
 * lemmas (wink-lemmatizer), so that "negotiated" finds the entry of "negotiate".
 */

import { readFileSync } from 'node:fs';
import lemmatizer from 'wink-lemmatizer';
import { arabicWordKeys } from '../../lexicon/keys.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { mixTranslations, type Translation } from './translation.ts';

/** Looks up English words and phrases. */
export interface Dictionary {
  /** Translations of a lower-case word or phrase as listed, or []. */
  lookup(key: string): Translation[];
  /** Translations of one English word: as written and as its lemmas, mixed; [] when none is listed. */
  translateWord(word: string): Translation[];
  /** True when the word (or one of its lemmas) is an English word the dictionary lists. */
  knows(word: string): boolean;
  /**
   * True when an Arabic word of running text, under any reading of its clitics and article, is one the dictionary
   * uses (a word, not a misspelt name).
   */
  knowsArabic(word: string): boolean;
  /** Longest phrase length, in words. */
  readonly maxPhraseWords: number;
}

/** Raised when the dictionary file is missing or malformed; the message names the file and line. */
export class DictionaryError extends Error {
  override name = 'DictionaryError';
}

/** Lemmas of an English word (noun, verb, adjective readings), the word itself first. */
export function englishLemmas(word: string): string[] {
  const w = word.toLowerCase();
  return [...new Set([w, lemmatizer.noun(w), lemmatizer.verb(w), lemmatizer.adjective(w)])];
}

/** One line's translations: `arabic:p|arabic:p`; null when malformed. */
function parseTranslations(list: string): Translation[] | null {
  const out: Translation[] = [];
  for (const item of list.split('|')) {
    const at = item.lastIndexOf(':');
    const p = Number(item.slice(at + 1));
    if (at <= 0 || !(p > 0 && p <= 1)) return null;
    out.push({ arabic: item.slice(0, at), p });
  }
  return out;
}

/**
 * Parses the dictionary table (`english<TAB>arabic:p|arabic:p`, lines starting with # are comments). Lines are
 * checked for shape at once and their translations parsed on first use: most of 85k entries are never asked for.
 */
export function parseDictionary(text: string, source = 'dictionary'): Dictionary {
  const table = new Map<string, string>();
  let maxPhraseWords = 1;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0 || line.indexOf(':', tab) < 0)
      throw new DictionaryError(`${source}:${lineNo}: expected "english<TAB>arabic:p|…"`);
    const key = line.slice(0, tab);
    table.set(key, line.slice(tab + 1));
    if (key.includes(' ')) maxPhraseWords = Math.max(maxPhraseWords, key.split(' ').length);
  }
  const parsed = new Map<string, Translation[]>();
  const lookup = (key: string): Translation[] => {
    let translations = parsed.get(key);
    if (!translations) {
      const raw = table.get(key);
      translations = raw === undefined ? [] : (parseTranslations(raw) ?? []);
      parsed.set(key, translations);
    }
    return translations;
  };
  let arabicWords: Set<string> | undefined;
  const knowsArabic = (word: string) => {
    if (!arabicWords) {
      arabicWords = new Set();
      for (const raw of table.values())
        for (const t of parseTranslations(raw) ?? [])
          for (const w of t.arabic.split(' ')) arabicWords.add(normalizeArabic(w));
    }
    const known = arabicWords;
    return arabicWordKeys(word).some((k) => known.has(k) || known.has(`ال${k}`));
  };
  return {
    lookup,
    translateWord(word) {
      // The word as written ("prisoners" -> السجناء) and its lemmas ("held" -> hold) weigh alike: FreeDict's
      // entries for inflected forms are often adjectives or participles (held -> محمول), its lemmas the verbs.
      return mixTranslations(englishLemmas(word).map((l) => ({ weight: 1, translations: lookup(l) })));
    },
    knows: (word) => englishLemmas(word).some((l) => table.has(l)),
    knowsArabic,
    maxPhraseWords,
  };
}

const loaded = new Map<string, Dictionary>();

/** Reads the dictionary file once per path. */
export function loadDictionary(path: string): Dictionary {
  let dictionary = loaded.get(path);
  if (!dictionary) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new DictionaryError(`${path}: cannot be read (${(error as Error).message})`);
    }
    dictionary = parseDictionary(text, path);
    loaded.set(path, dictionary);
  }
  return dictionary;
}
