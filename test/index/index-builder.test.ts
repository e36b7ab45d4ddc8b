/** An index built from articles handed a few at a time (as ingestion streams them) is the index of the whole. */

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/index/analyser.ts';
import { createLexicalEmbedder } from '../../src/index/embedders/lexical.ts';
import { buildIndex, indexBuilder, type SearchIndex } from '../../src/index/search-index.ts';
import { saveIndex } from '../../src/index/store.ts';
import { unitsOf } from '../../src/index/units.ts';
import { copies, lexicon, seedCorpus } from '../helpers.ts';

const analyser = createAnalyser(lexicon.nameKeys());
const embedder = createLexicalEmbedder(lexicon, analyser);

const savedBytes = (index: SearchIndex) => {
  const path = join(mkdtempSync(join(tmpdir(), 'builder-')), 'index.bin');
  saveIndex(index, path, 'fingerprint');
  return readFileSync(path);
};

describe('indexBuilder', () => {
  it('saves, to the byte, what buildIndex saves of the whole corpus', async () => {
    const corpus = copies(seedCorpus(), 20);
    const whole = await buildIndex(corpus, analyser, embedder);
    // Every unit, the last batch's too (an index of whole batches only would lose them).
    const units = unitsOf(corpus);
    expect(units.length).toBeGreaterThan(2_000);
    expect(units.length % 1000).toBeGreaterThan(0);
    expect(whole.byOrdinal.map((u) => u.id)).toEqual(units.map((u) => u.id));
    const builder = indexBuilder(analyser, embedder);
    // Pieces of uneven sizes, an empty one among them.
    let at = 0;
    for (const size of [1, 0, 7, 13, 2, 40]) {
      await builder.add(corpus.articles.slice(at, at + size));
      at += size;
    }
    while (at < corpus.articles.length) {
      await builder.add(corpus.articles.slice(at, at + 9));
      at += 9;
    }
    const pieces = await builder.finish(corpus.warnings);
    expect(pieces.byOrdinal.map((u) => u.id)).toEqual(whole.byOrdinal.map((u) => u.id));
    expect(savedBytes(pieces).equals(savedBytes(whole))).toBe(true);
  }, 60_000);
});
