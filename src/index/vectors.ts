/**
 * The vector side of search: cosine similarity of a question's vector with the units' vectors. Vectors are unit
 * length (see embedders/embedder.ts), so the cosine is a dot product.
 */

import type { SearchIndex } from './search-index.ts';

/** The cosine of `query` with a unit, by ordinal (0 for a unit without a vector or a query of other length). */
export function cosineTo(
  index: Pick<SearchIndex, 'vectorOf' | 'dimensions'>,
  query: ArrayLike<number>,
): (ordinal: number) => number {
  if (query.length !== index.dimensions) return () => 0;
  return (ordinal) => {
    const v = index.vectorOf(ordinal);
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
