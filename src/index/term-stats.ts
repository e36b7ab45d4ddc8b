/**
 * Per-term statistics of the full-text index: what BM25 and the translation model need (how many units hold a
 * term, where, how often, and how long each unit is). Read from the index's own postings (orama-components.ts),
 * so that there is one full-text index: a term's postings are views of its typed arrays.
 */

import type { AnyOrama } from '@orama/orama';
import { fullTextOf } from './orama-components.ts';
import type { TermPostings as Postings } from './postings.ts';

/** Analysed terms carry this end mark in Orama (see tokenizer.ts), so that a query term matches no longer term. */
export const TERM_END = '\u0003';

/**
 * The units holding a term, in ascending order: each unit's ordinal (position in `SearchIndex.byOrdinal`) and the
 * term's count in it.
 */
export type { Postings };

/** Statistics of one searchable property of the index. */
export interface TermStatistics {
  /** Units in the index. */
  readonly unitCount: number;
  /** Average length of a unit, in analysed terms. */
  readonly averageLength: number;
  /** Length of a unit, in analysed terms. */
  length(ordinal: number): number;
  /** How many times the term occurs in the units (Orama's token occurrences; 0 when none). */
  documentFrequency(term: string): number;
  /** The units holding the term, with counts (shared: not to be changed). */
  postings(term: string): Postings;
  /** Every term of the index, once. */
  vocabulary(): Iterable<string>;
}

/** Term statistics of one string property of an Orama database built with the project's tokenizer and index. */
export function createTermStatistics(db: AnyOrama, property: string, unitCount: number): TermStatistics {
  const fullText = fullTextOf(db, property);
  if (!fullText) throw new Error(`the index has no full-text property "${property}"`);
  // Fixed for this index: a database grown later (addArticles) gets statistics of its own.
  const averageLength = fullText.averageLength;
  return {
    unitCount,
    averageLength,
    length: (ordinal) => fullText.length(ordinal),
    documentFrequency: (term) => fullText.occurrencesOf(term + TERM_END),
    postings: (term) => fullText.postings(term + TERM_END),
    *vocabulary() {
      for (const term of fullText.vocabulary())
        if (term.endsWith(TERM_END)) yield term.slice(0, -TERM_END.length);
    },
  };
}
