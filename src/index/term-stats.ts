/**
 * Per-term statistics of the full-text index: what BM25 and the translation model need (how many units hold a
 * term, where, how often, and how long each unit is). Read from Orama's own index data, so that there is one
 * full-text index; the radix tree is walked to the exact term's node, which avoids Orama's prefix expansion and its
 * quadratic de-duplication of posting lists (`findAllWords`).
 */

import type { AnyOrama } from '@orama/orama';

/** Analysed terms carry this end mark in Orama (see tokenizer.ts), so that a query term matches no longer term. */
export const TERM_END = '\u0003';

/** One unit holding a term: the unit's ordinal (position in `SearchIndex.byOrdinal`) and the term's count in it. */
export interface Posting {
  ordinal: number;
  count: number;
}

/** Statistics of one searchable property of the index. */
export interface TermStatistics {
  /** Units in the index. */
  readonly unitCount: number;
  /** Average length of a unit, in analysed terms. */
  readonly averageLength: number;
  /** Length of a unit, in analysed terms. */
  length(ordinal: number): number;
  /** How many units hold the term (0 when none). */
  documentFrequency(term: string): number;
  /** The units holding the term, with counts. */
  postings(term: string): Posting[];
  /** Every term of the index, once. */
  vocabulary(): Iterable<string>;
}

interface RadixNode {
  c: Map<string, RadixNode>;
  s: string;
  e: boolean;
  w: string;
  d: Set<number>;
}

interface OramaIndexData {
  indexes: Record<string, { type: string; node: RadixNode }>;
  frequencies: Record<string, Record<number, Record<string, number> | undefined>>;
  tokenOccurrences: Record<string, Record<string, number>>;
  fieldLengths: Record<string, Record<number, number | undefined>>;
  avgFieldLength: Record<string, number | undefined>;
}

/** The node of exactly `term`, or null: the radix tree walked edge by edge. */
function exactNode(root: RadixNode, term: string): RadixNode | null {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]!);
    if (!child || !term.startsWith(child.s, i)) return null;
    i += child.s.length;
    node = child;
  }
  return node.e && node.w === term ? node : null;
}

/** Term statistics of one string property of an Orama database built with the project's tokenizer. */
export function createTermStatistics(db: AnyOrama, property: string, unitCount: number): TermStatistics {
  const data = (db.data as unknown as { index: OramaIndexData }).index;
  const tree = data.indexes[property];
  if (!tree || tree.type !== 'Radix') throw new Error(`the index has no full-text property "${property}"`);
  const frequencies = data.frequencies[property] ?? {};
  const occurrences = data.tokenOccurrences[property] ?? {};
  const lengths = data.fieldLengths[property] ?? {};
  const averageLength = data.avgFieldLength[property] ?? 1;
  // Orama's internal ids count from 1; ordinals from 0.
  const length = (ordinal: number) => lengths[ordinal + 1] ?? 0;
  return {
    unitCount,
    averageLength,
    length,
    documentFrequency: (term) => occurrences[term + TERM_END] ?? 0,
    postings(term) {
      const key = term + TERM_END;
      const node = exactNode(tree.node, key);
      if (!node) return [];
      const out: Posting[] = [];
      for (const id of node.d) {
        // Orama stores tf as count / length.
        const tf = frequencies[id]?.[key] ?? 0;
        out.push({ ordinal: id - 1, count: Math.max(1, Math.round(tf * (lengths[id] ?? 0))) });
      }
      return out;
    },
    *vocabulary() {
      const stack = [tree.node];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.e && node.d.size > 0 && node.w.endsWith(TERM_END)) yield node.w.slice(0, -TERM_END.length);
        for (const child of node.c.values()) stack.push(child);
      }
    },
  };
}
