/**
 * One ranking model for every question: BM25 over the structured query (probabilistic structured queries: a
 * concept's term frequency and document frequency are the probability-weighted sums over its Arabic alternatives),
 * on a unit's own words and on its paragraph, plus the vector side. Each constant is explained where it is set.
 * Scores depend on ratios of counts only, so a corpus copied twice ranks the same.
 */

import type { SearchIndex } from '../index/search-index.ts';
import type { Unit } from '../index/units.ts';
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

/** A candidate with its evidence. */
export interface RankedUnit {
  ordinal: number;
  unit: Unit;
  /** BM25 of the unit and its paragraph, scaled to 0–1 by the query's highest possible score. */
  text: number;
  /** Cosine with the question (0 without the vector side). */
  vector: number;
  /** Which concepts the unit or its paragraph holds. */
  holds: boolean[];
  /** The one ranking score: text and vector evidence mixed by the embedder's weight. */
  score: number;
}

/** What ranking returns: the candidates and each concept's weight (its idf; 0 when nothing translated it). */
export interface Ranking {
  candidates: RankedUnit[];
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
    const add = (o: number, c: number) => {
      if (o >= n) return;
      tf[o] = tf[o]! + alt.p * c;
      if (held[o] === 0) {
        held[o] = 1;
        holders.push(o);
      }
    };
    if (counts) {
      df += alt.p * counts.size;
      for (const [o, c] of counts) add(o, c);
    } else {
      df += alt.p * postings.ordinals.length;
      for (let i = 0; i < postings.ordinals.length; i++) add(postings.ordinals[i]!, postings.counts[i]!);
    }
  }
  return { tf, holders, df: Math.min(df, index.stats.unitCount) };
}

/**
 * Ranks the units that hold any concept (and `extra` ordinals, which may hold none) for a structured query.
 * `vector` gives the cosine of a unit by ordinal, `vectorWeight` its share of the score.
 */
export function rankUnits(
  index: SearchIndex,
  concepts: Concept[],
  options: { vector?: (ordinal: number) => number; vectorWeight?: number; extra?: Iterable<number> } = {},
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

  const ordinals = new Set<number>(options.extra ?? []);
  for (const { holders } of perConcept) for (const o of holders) ordinals.add(o);
  const alpha = options.vector ? (options.vectorWeight ?? 0) : 0;
  const candidates: RankedUnit[] = [];
  for (const o of ordinals) {
    const unit = index.byOrdinal[o];
    if (!unit) continue;
    const p = table.paragraphOf[o]!;
    const length = index.stats.length(o);
    const paragraphLength = table.length[p]! >= 0 ? table.length[p]! : length;
    let own = 0;
    let around = 0;
    const holds = perConcept.map(({ tf }, i) => {
      const mine = tf[o]!;
      const theirs = paragraphTf[i]![p]!;
      own += weights[i]! * saturate(mine, length, index.stats.averageLength);
      around += weights[i]! * saturate(theirs, paragraphLength, table.averageLength);
      return mine > 0 || theirs > 0;
    });
    const text = best > 0 ? (own + PARAGRAPH_WEIGHT * around) / ((1 + PARAGRAPH_WEIGHT) * best) : 0;
    const vector = options.vector ? Math.max(0, options.vector(o)) : 0;
    candidates.push({ ordinal: o, unit, text, vector, holds, score: (1 - alpha) * text + alpha * vector });
  }
  return { candidates, weights };
}
