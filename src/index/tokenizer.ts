/**
 * The analyser as an Orama tokenizer (documents get `documentTerms`, queries `terms`). Orama matches query terms as prefixes of indexed terms (حل would match
 * حلف), so every term carries an end mark: a marked query term can only match the identical marked term.
 */

import type { Tokenizer } from '@orama/orama';
import type { Analyser } from './analyser.ts';

const END = '\u0003';

/** Wraps an analyser as Orama's `components.tokenizer`. */
export function createOramaTokenizer(analyser: Analyser): Tokenizer {
  return {
    language: 'arabic',
    normalizationCache: new Map(),
    // Orama passes the property name when it indexes a document, and none when it reads a query.
    tokenize: (raw: string, _language?: string, prop?: string) => {
      const text = typeof raw === 'string' ? raw : String(raw);
      return (prop ? analyser.documentTerms(text) : analyser.terms(text)).map((t) => t + END);
    },
  };
}
