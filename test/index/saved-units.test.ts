/** The units' saved columns: the same units back, texts read from the articles unless they differ. */

import { describe, expect, it } from 'vitest';
import { packUnits, unpackUnits } from '../../src/index/saved-units.ts';
import { articleInfo, unitsOf } from '../../src/index/units.ts';
import { seedCorpus } from '../helpers.ts';

describe('saved units', () => {
  const corpus = seedCorpus();
  const articles = corpus.articles.map(articleInfo);
  const units = unitsOf(corpus);

  it('gives back every unit, keeping no text its article holds', () => {
    const packed = packUnits(units, articles);
    expect(Object.keys(packed.texts)).toEqual([]);
    expect(Object.keys(packed.contexts)).toEqual([]);
    expect(packed.contextStarts.filter((s) => s >= 0).length).toBe(
      units.filter((u) => u.context !== '').length,
    );
    expect(packed.speakerTable.length).toBeLessThan(units.filter((u) => u.speaker).length);
    expect(
      unpackUnits(
        packed,
        articles,
        units.map((u) => u.id),
      ),
    ).toEqual(units);
  });

  it('keeps a text that is not its article’s text between its offsets', () => {
    const quote = units.findIndex((u) => u.context !== '');
    const changed = units.map((u, i) =>
      i === 3 ? { ...u, text: `${u.text} (edited)` } : i === quote ? { ...u, context: 'elsewhere' } : u,
    );
    const packed = packUnits(changed, articles);
    expect(Object.keys(packed.texts)).toEqual(['3']);
    expect(packed.contexts).toEqual({ [quote]: 'elsewhere' });
    expect(
      unpackUnits(
        packed,
        articles,
        changed.map((u) => u.id),
      ),
    ).toEqual(changed);
  });

  it('refuses columns that do not hold together', () => {
    const packed = packUnits(units, articles);
    expect(() =>
      unpackUnits(
        { ...packed, starts: packed.starts.subarray(1) },
        articles,
        units.map((u) => u.id),
      ),
    ).toThrow(/damaged/);
    const ends = Int32Array.from(packed.ends);
    ends[0] = 1e9;
    expect(() =>
      unpackUnits(
        { ...packed, ends },
        articles,
        units.map((u) => u.id),
      ),
    ).toThrow(/unit 0/);
  });
});
