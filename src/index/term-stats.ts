/**
 * Per-term statistics of the full-text index: what BM25 and the translation model need (how many units hold a
 * term, where, how often, and how long each unit is). Read from Orama's own index data, so that there is one
 * full-text index; the radix tree is walked to the exact term's node, which avoids Orama's prefix expansion and its
 * quadratic de-duplication of posting lists (`findAllWords`).
 */

import type { AnyOrama } from '@orama/orama';
import { LRUCache } from 'lru-cache';

/** Analysed terms carry this end mark in Orama (see tokenizer.ts), so that a query term matches no longer term. */
export const TERM_END = '\u0003';

/**
 * The units holding a term, in the order Orama's index lists them: each unit's ordinal (position in
 * `SearchIndex.byOrdinal`) and the term's count in it, packed.
 */
export interface Postings {
  ordinals: Int32Array;
  counts: Int32Array;
}

/**
 * Postings read from Orama's data are kept, up to this many in all: reading them means a property lookup per unit
 * in Orama's per-document frequency tables, the largest cost of a question on a big corpus, and the field's
 * common words recur in every question.
 */
const CACHED_POSTINGS = 4_000_000;

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
  /** The units holding the term, with counts (shared: not to be changed). */
  postings(term: string): Postings;
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
  // Read once into an array: Orama's per-document table is a large object keyed by id.
  const lengthOf = Float64Array.from({ length: unitCount }, (_, ordinal) => lengths[ordinal + 1] ?? 0);
  const length = (ordinal: number) => lengthOf[ordinal] ?? 0;
  const cache = new LRUCache<string, Postings>({
    maxSize: CACHED_POSTINGS,
    sizeCalculation: (p) => Math.max(1, p.ordinals.length),
  });
  const none: Postings = { ordinals: new Int32Array(0), counts: new Int32Array(0) };
  return {
    unitCount,
    averageLength,
    length,
    documentFrequency: (term) => occurrences[term + TERM_END] ?? 0,
    postings(term) {
      const cached = cache.get(term);
      if (cached) return cached;
      const key = term + TERM_END;
      const node = exactNode(tree.node, key);
      if (!node) return none;
      const out: Postings = { ordinals: new Int32Array(node.d.size), counts: new Int32Array(node.d.size) };
      let i = 0;
      for (const id of node.d) {
        // Orama stores tf as count / length.
        const tf = frequencies[id]?.[key] ?? 0;
        out.ordinals[i] = id - 1;
        out.counts[i++] = Math.max(1, Math.round(tf * (lengths[id] ?? 0)));
      }
      cache.set(term, out);
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
