/** Saving and loading the index: fresh, stale, corrupt, and vectors that survive searches. */

import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getByID, search } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { ingestionFingerprint } from '../../src/corpus/ingest.ts';
import { createAnalyser } from '../../src/index/analyser.ts';
import type { Embedder } from '../../src/index/embedders/embedder.ts';
import { createLexicalEmbedder } from '../../src/index/embedders/lexical.ts';
import { openIndex, saveIndex } from '../../src/index/store.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

const analyser = createAnalyser(lexicon.nameKeys());
const lexical = createLexicalEmbedder(lexicon, analyser);

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'index-'));
  const articlesDir = join(dir, 'articles');
  const seeds = join(PROJECT_ROOT, 'data/articles');
  mkdirSync(articlesDir);
  for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(articlesDir, f));
  const warnings: string[] = [];
  const options = (embedder: Embedder = lexical) => ({
    articlesDir,
    root: dir,
    lexicon,
    lexiconPath: join(PROJECT_ROOT, 'data/lexicon.json'),
    indexPath: join(dir, 'cache/index.json'),
    analyser,
    embedder,
    warn: (m: string) => warnings.push(m),
  });
  return { dir, articlesDir, options, warnings };
}

describe('openIndex', () => {
  it('builds, then loads the saved index while it is fresh', async () => {
    const ws = workspace();
    const built = await openIndex(ws.options());
    const loaded = await openIndex(ws.options());
    expect([built.origin, loaded.origin]).toEqual(['built', 'loaded']);
    expect(loaded.index.units.size).toBe(built.index.units.size);
    expect(ws.warnings).toEqual([]);
  });

  it('rebuilds when an article is added, and the new article is searchable', async () => {
    const ws = workspace();
    await openIndex(ws.options());
    writeFileSync(
      join(ws.articlesDir, '900_new.txt'),
      'عنوان خبر جديد\nقال المستشار الألماني أولاف شولتس إن "العقوبات على روسيا ستبقى قائمة" حتى نهاية الحرب.\n',
    );
    const reopened = await openIndex(ws.options());
    expect(reopened.origin).toBe('built');
    const units = [...reopened.index.units.values()].filter((u) => u.articleId === '900_new#1');
    expect(units.find((u) => u.kind === 'quote')?.speaker?.id).toBe('scholz');
  });

  it('rebuilds when the embedder changes', async () => {
    const ws = workspace();
    await openIndex(ws.options());
    const other = createLexicalEmbedder(lexicon, analyser, 128);
    const reopened = await openIndex(ws.options(other));
    expect(reopened.origin).toBe('built');
    expect(reopened.index.dimensions).toBe(128);
  });

  const rewrite = (path: string, change: (text: string) => string) =>
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  it.each([
    ['truncated', (path: string) => rewrite(path, (s) => s.slice(0, s.length / 2))],
    ['not JSON', (path: string) => writeFileSync(path, '\u0000\u0001garbage')],
    ['missing its vectors file', (path: string) => rmSync(`${path}.vectors`)],
    ['with a truncated vectors file', (path: string) => truncateSync(`${path}.vectors`, 1000)],
    [
      'with an emptied document store',
      (path: string) =>
        rewrite(path, (s) => {
          const saved = JSON.parse(s);
          saved.index.orama.docs = { docs: {}, count: 0 };
          return JSON.stringify(saved);
        }),
    ],
    [
      'valid but empty (no units, no documents, no articles)',
      (path: string) =>
        rewrite(path, (s) => {
          const saved = JSON.parse(s);
          saved.index.units = [];
          saved.index.articles = [];
          saved.index.orama.docs = { docs: {}, count: 0 };
          return JSON.stringify(saved);
        }),
    ],
    [
      'valid but with NaN vectors',
      (path: string) => {
        const bytes = readFileSync(`${path}.vectors`);
        const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
        floats.fill(Number.NaN, 0, 256);
        writeFileSync(`${path}.vectors`, bytes);
      },
    ],
  ])('warns and rebuilds a saved index that is %s', async (_name, damage) => {
    const ws = workspace();
    const first = await openIndex(ws.options());
    const path = ws.options().indexPath;
    damage(path);
    const reopened = await openIndex(ws.options());
    expect(reopened.origin).toBe('built');
    expect(reopened.index.units.size).toBe(first.index.units.size);
    expect(ws.warnings.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(path, 'utf8')).fingerprint).toBe(first.fingerprint);
    expect((await openIndex(ws.options())).origin).toBe('loaded');
  });

  it('keeps every vector once, as Float32 outside the documents, through a save and a load', async () => {
    const ws = workspace();
    const { index, fingerprint } = await openIndex(ws.options());
    const [vector] = await lexical.embed(['بيسكوف الناتو']);
    const hybrid = async (db: typeof index.db) =>
      (
        (await search(db, {
          mode: 'hybrid',
          term: 'الناتو',
          vector: { value: vector!, property: 'embedding' },
          similarity: 0.05,
          includeVectors: true,
        } as never)) as { hits: Array<{ id: string; score: number }> }
      ).hits;
    const before = await hybrid(index.db);
    expect(before.length).toBeGreaterThan(0);
    saveIndex(index, ws.options().indexPath, fingerprint);
    const loaded = await openIndex(ws.options());
    expect(loaded.origin).toBe('loaded');
    // The same hits from Orama's own vector search, and the same vector for every unit.
    expect(await hybrid(loaded.index.db)).toEqual(before);
    for (let o = 0; o < index.byOrdinal.length; o++) {
      expect(loaded.index.vectorOf(o)).toBeInstanceOf(Float32Array);
      expect(Array.from(loaded.index.vectorOf(o)!)).toEqual(Array.from(index.vectorOf(o)!));
    }
    // Not a second copy in the documents, built or loaded, nor in the saved JSON.
    const first = index.byOrdinal[0]!.id;
    expect(getByID(index.db, first)).not.toHaveProperty('embedding');
    expect(getByID(loaded.index.db, first)).not.toHaveProperty('embedding');
    expect(getByID(loaded.index.db, first)).toHaveProperty('text', index.byOrdinal[0]!.text);
    const saved = JSON.parse(readFileSync(ws.options().indexPath, 'utf8'));
    expect(saved.index.orama.index.vectorIndexes).toEqual({});
  });

  it('saves the caller summary with the index, reads it back, and makes it again for a new version', async () => {
    const ws = workspace();
    let made = 0;
    const summary = (version: string) => ({
      version,
      make: (index: { units: Map<string, unknown> }) => {
        made++;
        return { units: index.units.size, version };
      },
    });
    const built = await openIndex({ ...ws.options(), summary: summary('1') });
    expect(built.summary).toEqual({ units: built.index.units.size, version: '1' });
    const loaded = await openIndex({ ...ws.options(), summary: summary('1') });
    expect(loaded.origin).toBe('loaded');
    expect(loaded.summary).toEqual(built.summary);
    expect(made).toBe(1);
    const newer = await openIndex({ ...ws.options(), summary: summary('2') });
    expect(newer.origin).toBe('loaded');
    expect(newer.summary).toEqual({ units: built.index.units.size, version: '2' });
    expect(made).toBe(2);
  });

  it('finds Arabic terms after a load (the tokenizer survives)', async () => {
    const ws = workspace();
    await openIndex(ws.options());
    const loaded = await openIndex(ws.options());
    const hits = (await search(loaded.index.db, { term: 'للكرملين', properties: ['text'] })) as {
      count: number;
    };
    expect(hits.count).toBeGreaterThan(0);
  });
});

describe('the code that made a saved index', () => {
  it('is part of its fingerprint: changed ingestion code rebuilds the index', () => {
    const copy = mkdtempSync(join(tmpdir(), 'ingestion-code-'));
    for (const folder of ['corpus', 'text', 'lexicon'])
      cpSync(join(PROJECT_ROOT, 'src', folder), join(copy, folder), { recursive: true });
    expect(ingestionFingerprint(copy)).toBe(ingestionFingerprint());
    appendFileSync(join(copy, 'corpus', 'speakers.ts'), '\n// another rule\n');
    expect(ingestionFingerprint(copy)).not.toBe(ingestionFingerprint());
  });
});
