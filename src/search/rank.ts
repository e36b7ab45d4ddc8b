/**
 * One ranking model for every question: BM25 over the structured query (probabilistic structured queries: a
 * concept's term frequency and document frequency are the probability-weighted sums over its Arabic alternatives),
 * on a unit's own words and on its paragraph, plus the vector side. Each constant is explained where it is set.
 * Scores depend on ratios of counts only, so a corpus copied twice ranks the same.
 */

import type { SearchIndex } from '../index/search-index.ts';
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

/** The share of units an absent concept is weighed as if it occurred in (see rankUnits). */
const ABSENT_SHARE = 0.01;

/**
 * What ranking returns: the candidates, in the order they were met (the order ties keep), their evidence as
 * parallel arrays (a large corpus has tens of thousands of candidates per question: no object each), and each
 * concept's weight (its idf; 0 when nothing translated it).
 */
export interface Ranking {
  /** The candidates' unit ordinals. */
  ordinals: number[];
  /** BM25 of each candidate and its paragraph, scaled to 0–1 by the query's highest possible score. */
  text: Float64Array;
  /**
   * The one ranking score of candidate j: text and vector evidence mixed by the embedder's weight. The cosine is
   * computed on first call (a dot product per candidate is most of a question's time on a large corpus).
   */
  score(j: number): number;
  /** Bounds of `score(j)` without its cosine: with a cosine of 0 and of `cosineBound`. */
  lowest(j: number): number;
  highest(j: number): number;
  /** Whether candidate j (the unit or its paragraph) holds concept i: `holds[j * concepts + i]` is 1. */
  holds: Uint8Array;
  weights: number[];
}

interface ParagraphTable {
  /** The paragraph number of each ordinal; quotations share the paragraph of their sentence. */
  paragraphOf: Int32Array;
  /** Length of each paragraph (the sum of its sentences' lengths); -1 for one that holds only quotations. */
  length: Float64Array;
  averageLength: number;
}

const paragraphTables = new WeakMap<SearchIndex, ParagraphTable>();

/** Paragraph numbers and lengths, computed once per index. */
function paragraphs(index: SearchIndex): ParagraphTable {
  let table = paragraphTables.get(index);
  if (!table) {
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
    table = { paragraphOf, length, averageLength: total / Math.max(1, counted) };
    paragraphTables.set(index, table);
  }
  return table;
}

/** BM25's saturated term frequency for a text of this length. */
const saturate = (tf: number, length: number, average: number) =>
  tf <= 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(1e-9, average)));

const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * A concept's term frequency per unit ordinal, dense (0 where absent), the ordinals that hold it in the order
 * they were met, and its document frequency.
 */
interface ConceptFrequencies {
  tf: Float64Array;
  holders: number[];
  df: number;
}

/** Term frequencies of a concept per unit ordinal, and its document frequency, per PSQ. */
function conceptFrequencies(index: SearchIndex, concept: Concept): ConceptFrequencies {
  const n = index.byOrdinal.length;
  const tf = new Float64Array(n);
  const held = new Uint8Array(n);
  const holders: number[] = [];
  let df = 0;
  for (const alt of concept.alternatives) {
    let counts: Map<number, number> | null = null;
    const [first, ...rest] = alt.terms;
    if (first === undefined) continue;
    const postings = index.stats.postings(first);
    if (rest.length > 0) {
      // All terms of a multi-word alternative must occur; it occurs as often as its rarest word.
      counts = new Map();
      for (let i = 0; i < postings.ordinals.length; i++)
        counts.set(postings.ordinals[i]!, postings.counts[i]!);
      for (const term of rest) {
        if (counts.size === 0) break;
        const next = new Map<number, number>();
        const { ordinals, counts: those } = index.stats.postings(term);
        for (let i = 0; i < ordinals.length; i++) {
          const c = counts.get(ordinals[i]!);
          if (c !== undefined) next.set(ordinals[i]!, Math.min(those[i]!, c));
        }
        counts = next;
      }
    }
    const { ordinals, counts: those } = counts
      ? { ordinals: Int32Array.from(counts.keys()), counts: Int32Array.from(counts.values()) }
      : postings;
    df += alt.p * ordinals.length;
    for (let i = 0; i < ordinals.length; i++) {
      const o = ordinals[i]!;
      if (o >= n) continue;
      tf[o] = tf[o]! + alt.p * those[i]!;
      if (held[o] === 0) {
        held[o] = 1;
        holders.push(o);
      }
    }
  }
  return { tf, holders, df: Math.min(df, index.stats.unitCount) };
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
  const perConcept = concepts.map((c) => conceptFrequencies(index, c));
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

  const paragraphTf = perConcept.map(({ tf, holders }) => {
    const byParagraph = new Float64Array(table.length.length);
    for (const o of holders) {
      if (index.byOrdinal[o]!.kind === 'quote') continue;
      const p = table.paragraphOf[o]!;
      byParagraph[p] = byParagraph[p]! + tf[o]!;
    }
    return byParagraph;
  });

  // The candidates: the `extra` ordinals, then every unit holding a concept, each once, in the order met.
  const units = index.byOrdinal.length;
  const met = new Uint8Array(units);
  const ordinals: number[] = [];
  const meet = (o: number) => {
    if (o >= 0 && o < units && met[o] === 0) {
      met[o] = 1;
      ordinals.push(o);
    }
  };
  for (const o of options.extra ?? []) meet(o);
  for (const { holders } of perConcept) for (const o of holders) meet(o);
  const alpha = options.vector ? (options.vectorWeight ?? 0) : 0;
  const k = perConcept.length;
  const text = new Float64Array(ordinals.length);
  const holds = new Uint8Array(ordinals.length * k);
  for (let j = 0; j < ordinals.length; j++) {
    const o = ordinals[j]!;
    const p = table.paragraphOf[o]!;
    const length = index.stats.length(o);
    const paragraphLength = table.length[p]! >= 0 ? table.length[p]! : length;
    let own = 0;
    let around = 0;
    for (let i = 0; i < k; i++) {
      const mine = perConcept[i]!.tf[o]!;
      const theirs = paragraphTf[i]![p]!;
      own += weights[i]! * saturate(mine, length, index.stats.averageLength);
      around += weights[i]! * saturate(theirs, paragraphLength, table.averageLength);
      holds[j * k + i] = mine > 0 || theirs > 0 ? 1 : 0;
    }
    text[j] = best > 0 ? (own + PARAGRAPH_WEIGHT * around) / ((1 + PARAGRAPH_WEIGHT) * best) : 0;
  }
  const mixed = new Float64Array(ordinals.length).fill(Number.NaN);
  const score = (j: number) => {
    if (Number.isNaN(mixed[j]!)) {
      const vector = options.vector ? Math.max(0, options.vector(ordinals[j]!)) : 0;
      mixed[j] = (1 - alpha) * text[j]! + alpha * vector;
    }
    return mixed[j]!;
  };
  const cosineBound = options.vector ? Math.max(0, options.cosineBound ?? Number.POSITIVE_INFINITY) : 0;
  const lowest = (j: number) => (1 - alpha) * text[j]! + alpha * 0;
  const highest = (j: number) => (1 - alpha) * text[j]! + (alpha > 0 ? alpha * cosineBound : 0);
  return { ordinals, text, score, lowest, highest, holds, weights };
}
