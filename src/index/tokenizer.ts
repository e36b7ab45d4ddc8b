/**
 * The analyser as an Orama tokenizer (documents get `documentTerms`, queries `terms`). Orama matches query terms as
 * prefixes of indexed terms (حل would match حلف), so every term carries an end mark: a marked query term can only
 * match the identical marked term.
 *
 * Building an index tokenizes millions of words of a few tens of thousands of kinds: a document's tokens are made
 * word by word from each word's marked readings, remembered per word (the same strings every time, so that the
 * postings' lookups of them hash nothing twice), and the tokens of the last texts are remembered whole (a
 * quotation's context is the sentence it stands in, indexed again as a unit of its own).
 */

import type { Tokenizer } from '@orama/orama';
import { wordTexts } from '../lexicon/keys.ts';
import type { Analyser } from './analyser.ts';

const END = '\u0003';
/** Distinct words whose marked readings are remembered: beyond it the memory starts again. */
const REMEMBERED_WORDS = 200_000;
/** Texts whose tokens are remembered: enough for the sentences of an article and the quotations in them. */
const REMEMBERED_TEXTS = 1_000;

/** Wraps an analyser as Orama's `components.tokenizer`. A document's tokens are shared: not to be changed. */
export function createOramaTokenizer(analyser: Analyser): Tokenizer {
  const words = new Map<string, readonly string[]>();
  const texts = new Map<string, string[]>();
  const markedReadings = (word: string): readonly string[] => {
    let marked = words.get(word);
    if (marked === undefined) {
      marked = analyser.variants(word).map((t) => t + END);
      if (words.size >= REMEMBERED_WORDS) words.clear();
      words.set(word, marked);
    }
    return marked;
  };
  /** `analyser.documentTerms(text)`, each marked. */
  const documentTokens = (text: string): string[] => {
    let tokens = texts.get(text);
    if (tokens === undefined) {
      tokens = [];
      for (const word of wordTexts(text)) for (const t of markedReadings(word)) tokens.push(t);
      if (texts.size >= REMEMBERED_TEXTS) texts.clear();
      texts.set(text, tokens);
    }
    return tokens;
  };
  return {
    language: 'arabic',
    normalizationCache: new Map(),
    // Orama passes the property name when it indexes a document, and none when it reads a query.
    tokenize: (raw: string, _language?: string, prop?: string) => {
      const text = typeof raw === 'string' ? raw : String(raw);
      return prop ? documentTokens(text) : analyser.terms(text).map((t) => t + END);
    },
  };
}
