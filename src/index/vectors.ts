/**
 * The vector side of search: cosine similarity of a question's vector with the units' vectors. Vectors are unit
 * length (see embedders/embedder.ts), so the cosine is a dot product (read through `SearchIndex.vectors`, which holds
 * them sparse: unit-vectors.ts).
 */

import type { SearchIndex } from './search-index.ts';

/** The cosine of `query` with a unit, by ordinal (0 for a unit without a vector or a query of other length). */
export function cosineTo(
  index: Pick<SearchIndex, 'vectors' | 'dimensions'>,
  query: ArrayLike<number>,
): (ordinal: number) => number {
  if (query.length !== index.dimensions) return () => 0;
  const { vectors } = index;
  return (ordinal) => vectors.dot(ordinal, query);
}

/**
 * Similarity of `query` to every unit, or only to the given unit ordinals: a map from ordinal to cosine.
 */
export function vectorScores(
  index: Pick<SearchIndex, 'vectors' | 'byOrdinal' | 'dimensions'>,
  query: ArrayLike<number>,
  ordinals?: Iterable<number>,
): Map<number, number> {
  const out = new Map<number, number>();
  if (query.length !== index.dimensions) return out;
  const score = (ordinal: number) => {
    if (index.vectors.has(ordinal)) out.set(ordinal, index.vectors.dot(ordinal, query));
  };
  if (ordinals) for (const o of ordinals) score(o);
  else for (let o = 0; o < index.byOrdinal.length; o++) score(o);
  return out;
}

/** The length of the longest unit vector: what bounds a cosine before it is computed. */
export function largestNorm(index: Pick<SearchIndex, 'vectors'>): number {
  return index.vectors.largestNorm();
}
