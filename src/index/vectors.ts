/**
 * The vector side of search: cosine similarity of a question's vector with the units' vectors. Vectors are unit
 * length (see embedders/embedder.ts), so the cosine is a dot product.
 */

import type { SearchIndex } from './search-index.ts';

const tables = new WeakMap<object, Array<Float32Array | undefined>>();

/**
 * Every unit's vector by ordinal, once per index: a question computes hundreds of cosines on a large corpus, and
 * a map lookup each cost as much as the dot products.
 */
function vectorTable(index: Pick<SearchIndex, 'vectorOf' | 'byOrdinal'>): Array<Float32Array | undefined> {
  let table = tables.get(index);
  if (!table) {
    table = Array.from(index.byOrdinal, (_, ordinal) => index.vectorOf(ordinal));
    tables.set(index, table);
  }
  return table;
}

/** The cosine of `query` with a unit, by ordinal (0 for a unit without a vector or a query of other length). */
export function cosineTo(
  index: Pick<SearchIndex, 'vectorOf' | 'dimensions' | 'byOrdinal'>,
  query: ArrayLike<number>,
): (ordinal: number) => number {
  if (query.length !== index.dimensions) return () => 0;
  const table = vectorTable(index);
  return (ordinal) => {
    const v = table[ordinal];
    if (!v) return 0;
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
    return dot;
  };
}

/**
 * Similarity of `query` to every unit, or only to the given unit ordinals: a map from ordinal to cosine.
 */
export function vectorScores(
  index: Pick<SearchIndex, 'vectorOf' | 'byOrdinal' | 'dimensions'>,
  query: ArrayLike<number>,
  ordinals?: Iterable<number>,
): Map<number, number> {
  const out = new Map<number, number>();
  if (query.length !== index.dimensions) return out;
  const score = (ordinal: number) => {
    const v = index.vectorOf(ordinal);
    if (!v) return;
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
    out.set(ordinal, dot);
  };
  if (ordinals) for (const o of ordinals) score(o);
  else for (let o = 0; o < index.byOrdinal.length; o++) score(o);
  return out;
}

const norms = new WeakMap<object, number>();

/** The length of the longest unit vector, once per index: what bounds a cosine before it is computed. */
export function largestNorm(index: Pick<SearchIndex, 'vectorOf' | 'byOrdinal'>): number {
  let largest = norms.get(index);
  if (largest === undefined) {
    largest = 0;
    for (let o = 0; o < index.byOrdinal.length; o++) {
      const v = index.vectorOf(o);
      if (!v) continue;
      let sum = 0;
      for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
      largest = Math.max(largest, Math.sqrt(sum));
    }
    norms.set(index, largest);
  }
  return largest;
}
