/**
 * The sparse vector table against what it replaces: Orama's dense vector index (`VectorIndex`, whose
 * `findSimilarVectors` Orama's vector search runs) and the dense dot product, on the lexical embedder's vectors of
 * the seed articles. Every figure must be the same to the last bit, not merely close.
 */

import { vector as oramaVector } from '@orama/orama/trees';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/corpus/ingest.ts';
import { createAnalyser } from '../../src/index/analyser.ts';
import { createLexicalEmbedder } from '../../src/index/embedders/lexical.ts';
import { UnitVectors } from '../../src/index/unit-vectors.ts';
import { unitsOf } from '../../src/index/units.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

const analyser = createAnalyser(lexicon.nameKeys());
const embedder = createLexicalEmbedder(lexicon, analyser);
const corpus = ingestCorpus({ articlesDir: `${PROJECT_ROOT}/data/articles`, root: PROJECT_ROOT, lexicon });
const texts = unitsOf(corpus).map((u) => u.text);
const queries = [
  'What did Peskov say about NATO troops?',
  'ماذا قال بيسكوف عن قوات الناتو؟',
  'Witkoff Moscow meeting',
  'الرئيس الأمريكي',
];

describe('UnitVectors', async () => {
  const vectors = await embedder.embed(texts);
  const questions = await embedder.embed(queries);
  const sparse = new UnitVectors(256);
  const dense = new oramaVector.VectorIndex(256);
  vectors.forEach((v, i) => {
    sparse.add(i + 1, v);
    dense.add(i + 1, v);
  });
  // Orama's types call its map of vectors private.
  const denseVectors = (dense as unknown as { vectors: Map<number, [number, Float32Array]> }).vectors;
  const denseVector = (ordinal: number) => denseVectors.get(ordinal + 1)![1];

  it('holds fewer values than the dense table: most of the lexical embedding is zeros', () => {
    const saved = sparse.save();
    expect(saved.values.length).toBeLessThan(0.5 * vectors.length * 256);
    expect(saved.values.length).toBeGreaterThan(0);
  });

  it('gives every vector back exactly, as Float32', () => {
    for (let o = 0; o < vectors.length; o++) expect(sparse.vector(o)).toEqual(denseVector(o));
    expect(sparse.vector(vectors.length)).toBeUndefined();
    expect(sparse.has(vectors.length - 1)).toBe(true);
    expect(sparse.has(vectors.length)).toBe(false);
  });

  it('computes each dot product as the dense loop does, to the last bit', () => {
    for (const q of questions)
      for (let o = 0; o < vectors.length; o++) {
        const v = denseVector(o);
        let dot = 0;
        for (let d = 0; d < v.length; d++) dot += v[d]! * q![d]!;
        expect(Object.is(sparse.dot(o, q!), dot)).toBe(true);
      }
  });

  it("finds what Orama's own vector index finds, with the same similarities, in the same order", () => {
    for (const q of questions) {
      expect(sparse.find(q!, 0.05)).toEqual(dense.find(q!, 0.05, undefined));
      const some = new Set([3, 1, 40, 2, 9999]);
      expect(sparse.find(q!, 0, some)).toEqual(dense.find(q!, 0, some));
    }
  });

  it('has the longest vector as the dense magnitudes give it', () => {
    const longest = Math.max(...[...denseVectors.values()].map(([magnitude]) => magnitude));
    expect(sparse.largestNorm()).toBe(longest);
  });

  it('loads its saved arrays as they are and refuses arrays that do not hold together', () => {
    const saved = sparse.save();
    const loaded = UnitVectors.load(saved);
    for (const q of questions) expect(loaded.find(q!, 0.05)).toEqual(sparse.find(q!, 0.05));
    const shuffled = { ...saved, dimensions: saved.dimensions.slice().reverse() };
    expect(() => UnitVectors.load(shuffled)).toThrow(/damaged/);
    const short = { ...saved, values: saved.values.subarray(1) };
    expect(() => UnitVectors.load(short)).toThrow(/damaged/);
    expect(() => UnitVectors.load({ ...saved, ids: saved.ids.slice().reverse() })).toThrow(/damaged/);
  });

  it('keeps vectors added after a load, with ids that skip', () => {
    const loaded = UnitVectors.load(sparse.save());
    const next = vectors.length + 5;
    loaded.add(next, vectors[0]!);
    expect(loaded.has(next - 1)).toBe(true);
    expect(loaded.vector(next - 1)).toEqual(denseVector(0));
    expect(loaded.has(vectors.length)).toBe(false);
    expect(() => loaded.add(next, vectors[1]!)).toThrow(/order/);
  });
});
