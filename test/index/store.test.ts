/**
 * Saving and loading the index: fresh, stale, corrupt, of an older format, and a round trip that keeps every term
 * statistic, every vector and every answer.
 */

import {
  appendFileSync,
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getByID, search } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { ingestCorpus, ingestionFingerprint } from '../../src/corpus/ingest.ts';
import { createEngine } from '../../src/engine.ts';
import { questionSetFiles, readQuestions } from '../../src/eval/questions.ts';
import { createAnalyser } from '../../src/index/analyser.ts';
import { readBlockFile, resolveBlocks, StringsBlock, writeBlockFile } from '../../src/index/block-file.ts';
import type { Embedder } from '../../src/index/embedders/embedder.ts';
import { createLexicalEmbedder } from '../../src/index/embedders/lexical.ts';
import { packUnits } from '../../src/index/saved-units.ts';
import { addArticles, dayNumber } from '../../src/index/search-index.ts';
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

  it("loads by the article files' stamps while they keep them, and by their contents when a stamp changes", async () => {
    const ws = workspace();
    // Files last changed a minute ago: their stamps can stand for their contents.
    const past = new Date(Date.now() - 60_000);
    for (const f of readdirSync(ws.articlesDir)) utimesSync(join(ws.articlesDir, f), past, past);
    const built = await openIndex(ws.options());
    const saved = readBlockFile(ws.options().indexPath).value as { stamp?: string; fingerprint: string };
    expect(saved.stamp).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.fingerprint).toBe(built.fingerprint);
    const loaded = await openIndex(ws.options());
    expect([loaded.origin, loaded.fingerprint]).toEqual(['loaded', built.fingerprint]);
    // Touched, same bytes: another stamp, the same contents: loaded.
    const file = readdirSync(ws.articlesDir).find((f) => f.endsWith('.txt'))!;
    utimesSync(join(ws.articlesDir, file), new Date(), new Date());
    expect((await openIndex(ws.options())).origin).toBe('loaded');
    // Changed: rebuilt, and saved without a stamp (the file changed just before it was read).
    appendFileSync(join(ws.articlesDir, file), '\n');
    expect((await openIndex(ws.options())).origin).toBe('built');
    expect((readBlockFile(ws.options().indexPath).value as { stamp?: string }).stamp).toBeUndefined();
    expect((await openIndex(ws.options())).origin).toBe('loaded');
    expect(ws.warnings).toEqual([]);
  });

  it('rebuilds when the embedder changes', async () => {
    const ws = workspace();
    await openIndex(ws.options());
    const other = createLexicalEmbedder(lexicon, analyser, 128);
    const reopened = await openIndex(ws.options(other));
    expect(reopened.origin).toBe('built');
    expect(reopened.index.dimensions).toBe(128);
  });

  /** The saved file's value, its blocks put in place. */
  const readSaved = (path: string) => {
    const { value, blocks } = readBlockFile(path);
    // biome-ignore lint/suspicious/noExplicitAny: a test reaches into the saved form to damage it.
    return resolveBlocks(value, blocks) as any;
  };
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const rewrite = (path: string, change: (saved: any) => void) => {
    const saved = readSaved(path);
    change(saved);
    const fd = openSync(path, 'w');
    writeBlockFile(fd, saved);
    closeSync(fd);
  };
  const overwrite = (path: string, at: number, bytes: number[]) => {
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from(bytes), 0, bytes.length, at);
    closeSync(fd);
  };
  it.each([
    ['truncated', /truncated/, (path: string) => truncateSync(path, statSync(path).size / 2)],
    ['truncated in its header', /truncated/, (path: string) => truncateSync(path, 200)],
    ['not an index file', /not an index file/, (path: string) => writeFileSync(path, 'garbage '.repeat(20))],
    [
      'of the older JSON format (index.json and index.json.vectors)',
      /older JSON format/,
      (path: string) => {
        writeFileSync(path, JSON.stringify({ format: 'ukraine-talks-index/5', fingerprint: 'x', index: {} }));
        writeFileSync(`${path}.vectors`, new Uint8Array(1024));
      },
    ],
    [
      'of another format version',
      /another format/,
      (path: string) =>
        rewrite(path, (saved) => {
          saved.format = 'ukraine-talks-index/0';
        }),
    ],
    ['with a damaged header', /header is damaged/, (path: string) => overwrite(path, 30, [0x7d, 0x7d, 0x7d])],
    [
      'with bytes overwritten in its blocks',
      /damaged|not numbers/,
      (path: string) => overwrite(path, Math.floor(statSync(path).size * 0.75), new Array(64).fill(0xff)),
    ],
    [
      'with postings out of order',
      /out of order/,
      (path: string) =>
        rewrite(path, (saved) => {
          saved.index.orama.index.fullText.text.ordinals.reverse();
        }),
    ],
    [
      'with vectors whose dimensions are out of order',
      /vectors are damaged/,
      (path: string) =>
        rewrite(path, (saved) => {
          saved.index.orama.index.vectors.embedding.dimensions.reverse();
        }),
    ],
    [
      'with an emptied document store',
      /documents/,
      (path: string) =>
        rewrite(path, (saved) => {
          saved.index.orama.docs = { count: 0 };
        }),
    ],
    [
      'valid but empty (no units, no documents, no articles)',
      // Orama's list of documents still names them: the units' columns disagree with it.
      /no passages|no unit|columns disagree/,
      (path: string) =>
        rewrite(path, (saved) => {
          saved.index.units = packUnits([], []);
          saved.index.articles = [];
          saved.index.articleTexts = new StringsBlock([]);
          saved.index.orama.docs = { count: 0 };
        }),
    ],
    [
      'valid but with NaN vectors',
      /not numbers/,
      (path: string) =>
        rewrite(path, (saved) => {
          saved.index.orama.index.vectors.embedding.values.fill(Number.NaN, 0, 256);
        }),
    ],
  ])('warns and rebuilds a saved index that is %s', async (_name, why, damage) => {
    const ws = workspace();
    const first = await openIndex(ws.options());
    const path = ws.options().indexPath;
    damage(path);
    const reopened = await openIndex(ws.options());
    expect(reopened.origin).toBe('built');
    expect(reopened.index.units.size).toBe(first.index.units.size);
    expect(ws.warnings).toHaveLength(1);
    expect(ws.warnings[0]).toMatch(/^saved index .* rebuilding$/);
    expect(ws.warnings[0]).toMatch(why);
    expect(readSaved(path).fingerprint).toBe(first.fingerprint);
    expect(existsSync(`${path}.vectors`)).toBe(false);
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
      expect(loaded.index.vectors.vector(o)).toBeInstanceOf(Float32Array);
      expect(Array.from(loaded.index.vectors.vector(o)!)).toEqual(Array.from(index.vectors.vector(o)!));
    }
    // Not a second copy in the documents, built or loaded; in the file, one block of Float32.
    const first = index.byOrdinal[0]!.id;
    expect(getByID(index.db, first)).not.toHaveProperty('embedding');
    expect(getByID(loaded.index.db, first)).not.toHaveProperty('embedding');
    expect(getByID(loaded.index.db, first)).toHaveProperty('text', index.byOrdinal[0]!.text);
    const { value } = readBlockFile(ws.options().indexPath);
    // biome-ignore lint/suspicious/noExplicitAny: the saved form, read raw.
    const saved = (value as any).index.orama;
    expect(saved.index.others.vectorIndexes).toEqual({});
    expect(saved.index.vectors.embedding.values).toEqual({ $block: expect.any(Number) });
    expect(saved.index.vectors.embedding.dimensions).toEqual({ $block: expect.any(Number) });
    expect(saved.docs).toEqual({ count: index.byOrdinal.length });
  });

  it('keeps every term statistic and every answer through a save and a load', async () => {
    const ws = workspace();
    const config = parseConfig({ ARTICLES_DIR: ws.articlesDir, INDEX_PATH: ws.options().indexPath });
    const built = await createEngine(config);
    const loaded = await createEngine(config);
    expect([built.origin, loaded.origin]).toEqual(['built', 'loaded']);
    const [a, b] = [built.answerer.index.stats, loaded.answerer.index.stats];
    const vocabulary = [...a.vocabulary()];
    expect([...b.vocabulary()]).toEqual(vocabulary);
    expect(vocabulary.length).toBeGreaterThan(500);
    expect(b.averageLength).toBe(a.averageLength);
    for (let o = 0; o < a.unitCount; o++) expect(b.length(o)).toBe(a.length(o));
    for (const term of vocabulary) {
      expect(b.documentFrequency(term)).toBe(a.documentFrequency(term));
      expect(b.postings(term)).toEqual(a.postings(term));
    }
    const questions = questionSetFiles().flatMap(readQuestions);
    expect(questions.length).toBeGreaterThan(50);
    for (const { q } of questions)
      expect(await loaded.answerer.answer(q)).toEqual(await built.answerer.answer(q));
  });

  it('keeps every vector and term statistic of articles added after a load through the next save and load', async () => {
    const ws = workspace();
    const { fingerprint } = await openIndex(ws.options());
    const loaded = await openIndex(ws.options());
    const corpus = ingestCorpus({ articlesDir: ws.articlesDir, root: ws.dir, lexicon });
    // The same articles again under new ids: new units, new vectors (the block grows), the same terms.
    const copies = corpus.articles.slice(0, 3).map((a) => ({
      ...a,
      id: `copy-${a.id}`,
      quotes: a.quotes.map((q) => ({ ...q, id: `copy-${q.id}` })),
      passages: a.passages.map((p) => ({ ...p, id: `copy-${p.id}` })),
    }));
    const before = new Map(
      [...loaded.index.stats.vocabulary()].map((t) => [t, loaded.index.stats.postings(t).ordinals.length]),
    );
    const grown = await addArticles(loaded.index, copies);
    expect(grown.byOrdinal.length).toBeGreaterThan(loaded.index.byOrdinal.length);
    saveIndex(grown, ws.options().indexPath, fingerprint);
    const again = await openIndex(ws.options());
    expect(again.origin).toBe('loaded');
    expect(again.index.byOrdinal.map((u) => u.id)).toEqual(grown.byOrdinal.map((u) => u.id));
    for (let o = 0; o < grown.byOrdinal.length; o++)
      expect(Array.from(again.index.vectors.vector(o)!)).toEqual(Array.from(grown.vectors.vector(o)!));
    const terms = [...grown.stats.vocabulary()];
    for (const term of terms) expect(again.index.stats.postings(term)).toEqual(grown.stats.postings(term));
    // The added copies hold terms the loaded index held already: their postings grew.
    const longer = terms.filter((t) => grown.stats.postings(t).ordinals.length > (before.get(t) ?? 0));
    expect(longer.length).toBeGreaterThan(50);
  });

  it("filters through Orama's trees alike on a built index, a loaded one, and one grown after a load", async () => {
    const ws = workspace();
    const built = await openIndex(ws.options());
    const loaded = await openIndex(ws.options());
    expect(loaded.origin).toBe('loaded');
    const speaker = built.index.byOrdinal.find((u) => u.speaker)!.speaker!.id;
    const days = built.index.byOrdinal.map((u) => dayNumber(built.index.articles.get(u.articleId)!.date.iso));
    const day = days.find((d) => d > 0)!;
    const wheres = [
      { speaker: { eq: speaker } },
      { kind: { eq: 'quote' } },
      { day: { between: [day - 30, day] } },
      { position: { lt: 2 }, kind: { in: ['passage', 'statement'] } },
    ];
    const filtered = (db: typeof built.index.db, where: object) =>
      (search(db, { term: '', where, limit: 100_000 } as never) as { hits: Array<{ id: string }> }).hits
        .map((h) => h.id)
        .sort();
    const saved = readBlockFile(ws.options().indexPath).value as {
      index: { orama: { index: { others: object } } };
    };
    expect(saved.index.orama.index.others).toMatchObject({ indexes: {} });
    for (const where of wheres) {
      const expected = filtered(built.index.db, where);
      expect(expected.length).toBeGreaterThan(0);
      expect(filtered(loaded.index.db, where)).toEqual(expected);
    }
    // Grown after a load, before any filtered search: the trees, made then, hold the added units too.
    const again = await openIndex(ws.options());
    const corpus = ingestCorpus({ articlesDir: ws.articlesDir, root: ws.dir, lexicon });
    const copy = { ...corpus.articles[0]!, id: 'copy' };
    copy.quotes = copy.quotes.map((q) => ({ ...q, id: `copy-${q.id}` }));
    copy.passages = copy.passages.map((p) => ({ ...p, id: `copy-${p.id}` }));
    const grown = await addArticles(again.index, [copy]);
    const added = grown.byOrdinal.filter((u) => u.articleId === 'copy').map((u) => u.id);
    expect(filtered(grown.db, { article: { eq: 'copy' } })).toEqual([...added].sort());
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
