/**
 * The postings index component (src/index/orama-components.ts, postings.ts) against Orama's own index: the same
 * documents through the same tokenizer must give the same statistics (which units hold a term, how often, each
 * unit's length, the mean length, the token occurrences) and Orama's `search()` the same hits with the same scores.
 */

import { type AnyOrama, create, insertMultiple, search } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/index/analyser.ts';
import { fullTextOf, postingsIndex } from '../../src/index/orama-components.ts';
import { Postings } from '../../src/index/postings.ts';
import { createOramaTokenizer } from '../../src/index/tokenizer.ts';
import { unitsOf } from '../../src/index/units.ts';
import { lexicon, seedCorpus } from '../helpers.ts';

const analyser = createAnalyser(lexicon.nameKeys());
const units = unitsOf(seedCorpus());
const schema = { kind: 'enum', text: 'string', context: 'string' } as const;
const documents = units.map((u) => ({ id: u.id, kind: u.kind, text: u.text, context: u.context }));

async function database(withPostings: boolean): Promise<AnyOrama> {
  const documentOf = (internalId: number) => documents[internalId - 1];
  const db = create({
    schema,
    components: {
      tokenizer: createOramaTokenizer(analyser),
      ...(withPostings ? { index: postingsIndex(documentOf) } : {}),
    },
  });
  await insertMultiple(db, documents);
  return db as AnyOrama;
}

interface OramaFullText {
  indexes: Record<string, { node: { find(q: object): Record<string, number[]> } }>;
  frequencies: Record<string, Record<number, Record<string, number>>>;
  tokenOccurrences: Record<string, Record<string, number>>;
  fieldLengths: Record<string, Record<number, number>>;
  avgFieldLength: Record<string, number>;
}

describe('the postings index', () => {
  it('holds the statistics Orama’s own index holds, term by term', async () => {
    const [orama, ours] = [await database(false), await database(true)];
    const data = orama.data.index as unknown as OramaFullText;
    for (const prop of ['text', 'context']) {
      const postings = fullTextOf(ours, prop)!;
      expect(postings.averageLength).toBe(data.avgFieldLength[prop]);
      for (let id = 1; id <= units.length; id++)
        expect(postings.length(id - 1)).toBe(data.fieldLengths[prop]![id]);
      const terms = Object.keys(data.tokenOccurrences[prop]!);
      expect(new Set(postings.vocabulary())).toEqual(new Set(terms));
      expect(terms.length).toBeGreaterThan(prop === 'text' ? 500 : 100);
      for (const term of terms) {
        const ids = data.indexes[prop]!.node.find({ term, exact: true })[term]!;
        const { ordinals, counts } = postings.postings(term);
        expect(Array.from(ordinals, (o) => o + 1)).toEqual(ids);
        const tf = ids.map((id) => data.frequencies[prop]![id]![term]!);
        expect(Array.from(counts, (c, i) => c / postings.length(ordinals[i]!))).toEqual(tf);
        expect(postings.occurrencesOf(term)).toBe(data.tokenOccurrences[prop]![term]);
      }
    }
  });

  it('answers Orama’s search() with the hits and scores of Orama’s own index', async () => {
    const [orama, ours] = [await database(false), await database(true)];
    for (const term of ['بوتين', 'المفاوضات في جنيف', 'الكرملين روسيا', 'Witkoff', 'لا شيء من هذا']) {
      for (const threshold of [0, 0.5, 1]) {
        const query = (db: AnyOrama) =>
          search(db, { term, properties: ['text', 'context'], limit: 50, threshold });
        const [expected, actual] = [await query(orama), await query(ours)];
        expect(actual.count).toBe(expected.count);
        expect(actual.hits.map((h) => [h.id, h.score])).toEqual(expected.hits.map((h) => [h.id, h.score]));
      }
    }
    expect((await search(ours, { term: 'بوتين', properties: ['text'] })).count).toBeGreaterThan(5);
  });

  it('keeps the statistics when documents are added after the postings were sealed, and when one is removed', () => {
    const p = new Postings();
    p.insert(0, ['a', 'b', 'a'], 1);
    p.insert(1, ['b', 'c'], 2);
    expect(Array.from(p.postings('b').ordinals)).toEqual([0, 1]);
    p.insert(2, ['a', 'c', 'c', 'c'], 3);
    expect(Array.from(p.postings('a').ordinals)).toEqual([0, 2]);
    expect(Array.from(p.postings('a').counts)).toEqual([2, 1]);
    expect(Array.from(p.postings('c').counts)).toEqual([1, 3]);
    expect(p.occurrencesOf('c')).toBe(4);
    expect(p.averageLength).toBeCloseTo(3);
    p.remove(1, ['b', 'c'], 3);
    expect(Array.from(p.postings('b').ordinals)).toEqual([0]);
    expect(Array.from(p.postings('c').ordinals)).toEqual([2]);
    expect(p.occurrencesOf('c')).toBe(3);
    expect(p.averageLength).toBeCloseTo(3.5);
    expect(p.documentCount).toBe(2);
  });

  it('loads its saved arrays as they are, and refuses arrays that do not hold together', () => {
    const p = new Postings();
    p.insert(0, ['a', 'b'], 1);
    p.insert(1, ['b'], 2);
    const saved = p.save();
    const loaded = Postings.load(saved, 2);
    expect(loaded.postings('b').ordinals.buffer).toBe(saved.ordinals.buffer);
    expect(Array.from(loaded.postings('b').ordinals)).toEqual([0, 1]);
    expect(loaded.occurrencesOf('b')).toBe(2);
    expect(() => Postings.load(saved, 1)).toThrow(/damaged/);
    const reversed = { ...saved, ordinals: Int32Array.from(saved.ordinals).reverse() };
    expect(() => Postings.load(reversed, 2)).toThrow(/out of order/);
    expect(() => Postings.load({ ...saved, offsets: new Int32Array([0, 5, 3]) }, 2)).toThrow(/damaged/);
    expect(() => Postings.load({ ...saved, counts: new Int32Array(saved.counts.length) }, 2)).toThrow(
      /positive/,
    );
  });
});
