/**
 * One ranking model for every question: BM25 over the structured query (probabilistic structured queries: a
 * concept's term frequency and document frequency are the probability-weighted sums over its Arabic alternatives),
 * on a unit's own words and on its paragraph, plus the vector side. Each constant is explained where it is set.
 * Scores depend on ratios of counts only, so a corpus copied twice ranks the same.
 */

import type { SearchIndex } from '../index/search-index.ts';
import type { Postings } from '../index/term-stats.ts';
import { oncePer } from '../once-per.ts';
import type { Concept } from './query.ts';

/** BM25's usual constants (Robertson and Zaragoza): term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/**
 * How much a unit's paragraph counts beside its own words. Questions name things the answer's neighbours say ("how
 * many points did the defence give up" over a paragraph on the defence); equal weight lets the paragraph decide
 * which passage answers and the unit's own words which sentence of it is cited.
 */
const PARAGRAPH_WEIGHT = 1;

/** Whether candidate j of a ranking (the unit or its paragraph) holds concept i. */
export const holdsConcept = (ranking: Pick<Ranking, 'holds' | 'words'>, j: number, i: number) =>
  ((ranking.holds[j * ranking.words + (i >> 5)]! >>> (i & 31)) & 1) === 1;

/** The share of units an absent concept is weighed as if it occurred in (see rankUnits). */
const ABSENT_SHARE = 0.01;

/**
 * What ranking returns: the candidates, in the order they were met (the order ties keep), their evidence as
 * parallel arrays (a large corpus has tens of thousands of candidates per question: no object each), and each
 * concept's weight (its idf; 0 when nothing translated it).
 */
export interface Ranking {
  /** The candidates' unit ordinals. */
  ordinals: Int32Array;
  /**
   * BM25 of candidate j and its paragraph, scaled to 0–1 by the query's highest possible score; computed on first
   * call, and only until the next ranking of the same index starts (an error after).
   */
  text(j: number): number;
  /**
   * The one ranking score of candidate j: text and vector evidence mixed by the embedder's weight. The cosine is
   * computed on first call (a dot product per candidate is most of a question's time on a large corpus).
   */
  score(j: number): number;
  /** Bounds of `score(j)` without its cosine: with a cosine of 0 and of `cosineBound`. */
  lowest(j: number): number;
  highest(j: number): number;
  /**
   * What each candidate (the unit or its paragraph) holds, as bits: concept i is bit `i % 32` of
   * `holds[j * words + (i >> 5)]` (read it with `holdsConcept`).
   */
  holds: Int32Array;
  /** Words of `holds` per candidate: one per 32 concepts. */
  words: number;
  /** Whether any candidate (or its paragraph) holds concept i: `mentions[i]` is 1. */
  mentions: Uint8Array;
  weights: number[];
}

interface ParagraphTable {
  /** The paragraph number of each ordinal; quotations share the paragraph of their sentence. */
  paragraphOf: Int32Array;
  /** 1 for an ordinal that is a quotation (read per posting: a unit object per posting is a cache miss each). */
  quote: Uint8Array;
  /** Length of each paragraph (the sum of its sentences' lengths); -1 for one that holds only quotations. */
  length: Float64Array;
  averageLength: number;
}

/** Paragraph numbers and lengths, and which units are quotations, computed once per index. */
export const paragraphs = oncePer((index: SearchIndex): ParagraphTable => {
  const numbers = new Map<string, number>();
  const paragraphOf = new Int32Array(index.byOrdinal.length);
  index.byOrdinal.forEach((u, o) => {
    const key = `${u.articleId}\u0000${u.paragraph}`;
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(key, number);
    }
    paragraphOf[o] = number;
  });
  const length = new Float64Array(numbers.size).fill(-1);
  index.byOrdinal.forEach((u, o) => {
    const p = paragraphOf[o]!;
    if (u.kind !== 'quote') length[p] = Math.max(0, length[p]!) + index.stats.length(o);
  });
  let total = 0;
  let counted = 0;
  for (const l of length)
    if (l >= 0) {
      total += l;
      counted++;
    }
  const quote = Uint8Array.from(index.byOrdinal, (u) => (u.kind === 'quote' ? 1 : 0));
  return { paragraphOf, quote, length, averageLength: total / Math.max(1, counted) };
});

/** BM25's saturated term frequency for a text of this length. */
const saturate = (tf: number, length: number, average: number) =>
  tf <= 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(1e-9, average)));

const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * Per-index working memory of a ranking, reused by every question: dense arrays the size of the corpus, one per
 * concept, that a question fills at its postings only and clears again at the same places before it returns. A
 * question on a large corpus would otherwise allocate megabytes, and the garbage collector's work on a heap as large
 * as the index's costs more than the ranking itself. Ranking is synchronous, so one question at a time uses them.
 */
interface Scratch {
  /** Term frequency of concept slot i per ordinal. */
  tf: Float64Array[];
  /** Term frequency of concept slot i per paragraph. */
  paragraphTf: Float64Array[];
  /** Per ordinal: met already (as a holder of the concept at hand, or as a candidate). */
  mark: Uint8Array;
  /** Room for one concept's holders. */
  holders: Int32Array;
  /** Per ordinal: a multi-word alternative's count so far. */
  counts: Int32Array;
  /** Per ordinal and per paragraph: which of 32 concepts the unit, or the paragraph's sentences, hold. */
  unitBits: Int32Array;
  paragraphBits: Int32Array;
  /**
   * What the last ranking filled, cleared when the next one starts: its scores are computed when asked for, from
   * these arrays. Each ranking has a number; one read after the next has started is an error, not a wrong score.
   */
  filled: { candidates: Int32Array; holders: Int32Array[]; paragraphs: boolean } | null;
  ranking: number;
  /**
   * Candidate j's text score and mixed score, computed on first read: valid where `textFor[j]` (`mixedFor[j]`) is
   * the ranking's number, so that no question fills or clears an array the size of its candidates.
   */
  text: Float64Array;
  textFor: Int32Array;
  mixed: Float64Array;
  mixedFor: Int32Array;
}

const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchOf(index: SearchIndex, paragraphCount: number): Scratch {
  const units = index.byOrdinal.length;
  let scratch = scratches.get(index);
  if (!scratch) {
    scratch = {
      tf: [],
      paragraphTf: [],
      mark: new Uint8Array(units),
      holders: new Int32Array(units),
      counts: new Int32Array(units),
      unitBits: new Int32Array(units),
      paragraphBits: new Int32Array(paragraphCount),
      filled: null,
      ranking: 0,
      text: new Float64Array(units),
      textFor: new Int32Array(units),
      mixed: new Float64Array(units),
      mixedFor: new Int32Array(units),
    };
    scratches.set(index, scratch);
  }
  for (let i = scratch.tf.length; i < MAX_POOLED_CONCEPTS; i++) {
    scratch.tf.push(new Float64Array(units));
    scratch.paragraphTf.push(new Float64Array(paragraphCount));
  }
  return scratch;
}

/** Leaves the pooled arrays all 0 again, at the places the last ranking filled. */
function clearScratch(scratch: Scratch, table: ParagraphTable): void {
  const filled = scratch.filled;
  if (!filled) return;
  scratch.filled = null;
  const { candidates } = filled;
  for (let j = 0; j < candidates.length; j++) scratch.mark[candidates[j]!] = 0;
  filled.holders.forEach((holders, i) => {
    const tf = scratch.tf[i]!;
    const byParagraph = scratch.paragraphTf[i]!;
    for (let h = 0; h < holders.length; h++) {
      const o = holders[h]!;
      tf[o] = 0;
      if (filled.paragraphs) byParagraph[table.paragraphOf[o]!] = 0;
    }
  });
}

/** Concepts of a question that use pooled arrays; a longer question's further concepts allocate their own. */
const MAX_POOLED_CONCEPTS = 8;

const noPostings: Postings = { ordinals: new Int32Array(0), counts: new Int32Array(0) };

/**
 * The units holding every term of an alternative, in the order of its last term's postings, each with the count of
 * its rarest word there (a multi-word alternative occurs as often as its rarest word).
 */
function alternativePostings(index: SearchIndex, terms: string[], scratch: Scratch): Postings {
  const [first, ...rest] = terms;
  if (first === undefined) return noPostings;
  let found = index.stats.postings(first);
  if (rest.length === 0) return found;
  // The counts so far by ordinal in a pooled array (0: not held), cleared again before returning.
  const largest = found.ordinals.reduce((a, b) => Math.max(a, b), -1);
  if (largest >= scratch.counts.length) scratch.counts = new Int32Array(largest + 1);
  const countOf = scratch.counts;
  const fill = (p: Postings, value: (i: number) => number) => {
    for (let i = 0; i < p.ordinals.length; i++) countOf[p.ordinals[i]!] = value(i);
  };
  fill(found, (i) => found.counts[i]!);
  try {
    for (const term of rest) {
      if (found.ordinals.length === 0) break;
      const { ordinals, counts } = index.stats.postings(term);
      const kept: number[] = [];
      const keptCounts: number[] = [];
      for (let i = 0; i < ordinals.length; i++) {
        const o = ordinals[i]!;
        const c = o < countOf.length ? countOf[o]! : 0;
        if (c > 0) {
          kept.push(o);
          keptCounts.push(Math.min(counts[i]!, c));
        }
      }
      fill(found, () => 0);
      found = { ordinals: Int32Array.from(kept), counts: Int32Array.from(keptCounts) };
      fill(found, (i) => found.counts[i]!);
    }
  } finally {
    fill(found, () => 0);
  }
  return found;
}

/**
 * A concept's term frequency per unit ordinal (dense, 0 where absent, in `tf`), the ordinals that hold it in the
 * order they were met, and its document frequency.
 */
interface ConceptFrequencies {
  tf: Float64Array;
  holders: Int32Array;
  df: number;
}

/** Term frequencies of a concept per unit ordinal, and its document frequency, per PSQ; `tf` must be all 0. */
function conceptFrequencies(
  index: SearchIndex,
  concept: Concept,
  tf: Float64Array,
  scratch: Scratch,
): ConceptFrequencies {
  const n = index.byOrdinal.length;
  const held = scratch.mark;
  const holders = scratch.holders;
  let holderCount = 0;
  let df = 0;
  for (const alt of concept.alternatives) {
    const { ordinals, counts: those } = alternativePostings(index, alt.terms, scratch);
    df += alt.p * ordinals.length;
    const p = alt.p;
    for (let i = 0; i < ordinals.length; i++) {
      const o = ordinals[i]!;
      if (o >= n) continue;
      tf[o] = tf[o]! + p * those[i]!;
      if (held[o] === 0) {
        held[o] = 1;
        holders[holderCount++] = o;
      }
    }
  }
  const own = holders.slice(0, holderCount);
  for (let h = 0; h < own.length; h++) held[own[h]!] = 0;
  return { tf, holders: own, df: Math.min(df, index.stats.unitCount) };
}

/**
 * What each candidate holds, for every candidate (whether the sources answer is decided over all of them): a unit
 * holds a concept when its own words or its paragraph's sentences do. Made by walking each concept's holders into
 * bits per ordinal and per paragraph (32 concepts at a time), then reading one word per candidate, rather than
 * testing every candidate for every concept.
 */
function holdings(
  perConcept: ConceptFrequencies[],
  ordinals: Int32Array,
  table: ParagraphTable,
  scratch: Scratch,
) {
  const k = perConcept.length;
  const count = ordinals.length;
  const words = Math.max(1, Math.ceil(k / 32));
  const holds = new Int32Array(count * words);
  const mentions = new Uint8Array(k);
  const { unitBits, paragraphBits } = scratch;
  const { paragraphOf, quote } = table;
  for (let word = 0; word < words; word++) {
    const concepts = perConcept.slice(word * 32, word * 32 + 32);
    concepts.forEach(({ tf, holders }, bit) => {
      const mask = 1 << bit;
      for (let h = 0; h < holders.length; h++) {
        const o = holders[h]!;
        // (A holder whose alternatives all have probability 0 holds nothing.)
        if (!(tf[o]! > 0)) continue;
        mentions[word * 32 + bit] = 1;
        unitBits[o]! |= mask;
        // A paragraph's sentences are its words; a quotation repeats words of its sentence.
        if (quote[o] === 0) paragraphBits[paragraphOf[o]!]! |= mask;
      }
    });
    for (let j = 0; j < count; j++) {
      const o = ordinals[j]!;
      holds[j * words + word] = unitBits[o]! | paragraphBits[paragraphOf[o]!]!;
    }
    for (const { holders } of concepts)
      for (let h = 0; h < holders.length; h++) {
        unitBits[holders[h]!] = 0;
        paragraphBits[paragraphOf[holders[h]!]!] = 0;
      }
  }
  return { holds, words, mentions };
}

/**
 * Ranks the units that hold any concept (and `extra` ordinals, which may hold none) for a structured query.
 * `vector` gives the cosine of a unit by ordinal, `vectorWeight` its share of the score, `cosineBound` a number no
 * cosine exceeds.
 */
export function rankUnits(
  index: SearchIndex,
  concepts: Concept[],
  options: {
    vector?: (ordinal: number) => number;
    vectorWeight?: number;
    cosineBound?: number;
    extra?: Iterable<number>;
  } = {},
): Ranking {
  const n = index.stats.unitCount;
  const table = paragraphs(index);
  const scratch = scratchOf(index, table.length.length);
  clearScratch(scratch, table);
  const ranking = ++scratch.ranking;
  const units = index.byOrdinal.length;
  const pooled = (i: number) => i < MAX_POOLED_CONCEPTS;
  const perConcept: ConceptFrequencies[] = [];
  const paragraphTf: Float64Array[] = [];
  const met = scratch.mark;
  const filled = { candidates: new Int32Array(0), holders: [] as Int32Array[], paragraphs: false };
  scratch.filled = filled;
  try {
    for (let i = 0; i < concepts.length; i++) {
      const tf = pooled(i) ? scratch.tf[i]! : new Float64Array(units);
      const frequencies = conceptFrequencies(index, concepts[i]!, tf, scratch);
      perConcept.push(frequencies);
      if (pooled(i)) filled.holders.push(frequencies.holders);
    }
    // A concept the corpus never mentions is what the question is about all the same: it weighs like the rarest
    // concept the corpus does mention, and at least like a word found in one unit in a hundred ("the weather in
    // Moscow": the weather is what is asked, however common Moscow is). Both are ratios: a corpus copied twice
    // weighs the same.
    const present = perConcept.filter((c) => c.df > 0).map((c) => idf(c.df, n));
    const absentWeight = Math.max(idf(n * ABSENT_SHARE, n), ...present);
    // A name nothing spells in the sources is absent too; an ordinary word nothing translates weighs nothing.
    const weights = perConcept.map(
      (c, i) =>
        (concepts[i]!.weight ?? 1) *
        (c.df > 0
          ? idf(c.df, n)
          : concepts[i]!.alternatives.length > 0 || concepts[i]!.name
            ? absentWeight
            : 0),
    );
    const best = weights.reduce((sum, w) => sum + w * (K1 + 1), 0);

    filled.paragraphs = true;
    for (let i = 0; i < perConcept.length; i++) {
      const { tf, holders } = perConcept[i]!;
      const byParagraph = pooled(i) ? scratch.paragraphTf[i]! : new Float64Array(table.length.length);
      for (let h = 0; h < holders.length; h++) {
        const o = holders[h]!;
        if (table.quote[o] === 1) continue;
        const p = table.paragraphOf[o]!;
        byParagraph[p] = byParagraph[p]! + tf[o]!;
      }
      paragraphTf.push(byParagraph);
    }

    // The candidates: the `extra` ordinals, then every unit holding a concept, each once, in the order met.
    let count = 0;
    let room = 0;
    for (const { holders } of perConcept) room += holders.length;
    const extra = [...(options.extra ?? [])];
    const candidates = new Int32Array(room + extra.length);
    filled.candidates = candidates;
    const meet = (o: number) => {
      if (o >= 0 && o < units && met[o] === 0) {
        met[o] = 1;
        candidates[count++] = o;
      }
    };
    for (let e = 0; e < extra.length; e++) meet(extra[e]!);
    for (const { holders } of perConcept) for (let h = 0; h < holders.length; h++) meet(holders[h]!);
    const ordinals = candidates.subarray(0, count);
    filled.candidates = ordinals;
    const alpha = options.vector ? (options.vectorWeight ?? 0) : 0;
    const k = perConcept.length;
    const { holds, words, mentions } = holdings(perConcept, ordinals, table, scratch);
    // The text score only for those whose order is asked for (the relevant ones, often a few of the candidates).
    const { text, textFor, mixed, mixedFor } = scratch;
    const textOf = (j: number) => {
      if (textFor[j] !== ranking) {
        if (scratch.ranking !== ranking) throw new Error('a ranking was read after the next one had started');
        const o = ordinals[j]!;
        const p = table.paragraphOf[o]!;
        const length = index.stats.length(o);
        const paragraphLength = table.length[p]! >= 0 ? table.length[p]! : length;
        let own = 0;
        let around = 0;
        for (let i = 0; i < k; i++) {
          own += weights[i]! * saturate(perConcept[i]!.tf[o]!, length, index.stats.averageLength);
          around += weights[i]! * saturate(paragraphTf[i]![p]!, paragraphLength, table.averageLength);
        }
        text[j] = best > 0 ? (own + PARAGRAPH_WEIGHT * around) / ((1 + PARAGRAPH_WEIGHT) * best) : 0;
        textFor[j] = ranking;
      }
      return text[j]!;
    };
    const score = (j: number) => {
      if (mixedFor[j] !== ranking) {
        const vector = options.vector ? Math.max(0, options.vector(ordinals[j]!)) : 0;
        mixed[j] = (1 - alpha) * textOf(j) + alpha * vector;
        mixedFor[j] = ranking;
      }
      return mixed[j]!;
    };
    const cosineBound = options.vector ? Math.max(0, options.cosineBound ?? Number.POSITIVE_INFINITY) : 0;
    const lowest = (j: number) => (1 - alpha) * textOf(j) + alpha * 0;
    const highest = (j: number) => (1 - alpha) * textOf(j) + (alpha > 0 ? alpha * cosineBound : 0);
    return { ordinals, text: textOf, score, lowest, highest, holds, words, mentions, weights };
  } catch (error) {
    // Left part filled: the next question starts from fresh arrays.
    scratches.delete(index);
    throw error;
  }
}
