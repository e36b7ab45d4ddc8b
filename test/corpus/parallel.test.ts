/** Ingestion on several threads makes the same corpus as on one: the same articles, warnings and order. */

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/corpus/ingest.ts';
import { ingestCorpusInParallel, ingestThreads, streamCorpus } from '../../src/corpus/ingest-parallel.ts';
import type { Article } from '../../src/corpus/types.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

/**
 * The seed articles many times over, most with a sentence of their own (so that they are different texts), some
 * copied exactly (skipped as copies of a file that may lie in another thread's chunk), and a file that is no text.
 */
function manyArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallel-'));
  const seedDir = join(PROJECT_ROOT, 'data/articles');
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));
  for (let copy = 0; copy < 12; copy++) {
    for (const seed of seeds) {
      const name = `${String(copy).padStart(2, '0')}_${seed}`;
      if (copy % 5 === 4) copyFileSync(join(seedDir, seed), join(dir, name));
      else {
        const extra = `\nوقال المتحدث رقم ${copy} في المؤتمر الصحفي إن "الجولة ${copy} من المحادثات كانت مفيدة".\n`;
        writeFileSync(join(dir, name), readFileSync(join(seedDir, seed), 'utf8') + extra);
      }
    }
  }
  writeFileSync(join(dir, '99_binary.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ 'gone.txt': { outlet: 'x' } }));
  return dir;
}

describe('ingestCorpusInParallel', () => {
  const dir = manyArticles();
  const one = ingestCorpus({ articlesDir: dir, root: dir, lexicon });

  it('makes what one thread makes, to the byte', async () => {
    const byThread = [0, 0, 0];
    const three = await ingestCorpusInParallel({
      articlesDir: dir,
      root: dir,
      lexicon,
      threads: 3,
      onChunk: (files, thread) => {
        byThread[thread]! += files;
      },
    });
    // Every readable file once (the binary one is skipped as it is read), and the worker threads took their share.
    expect(byThread.reduce((a, b) => a + b)).toBe(60);
    expect(byThread[1]! + byThread[2]!).toBeGreaterThan(0);
    expect(one.articles.length).toBeGreaterThan(40);
    expect(one.warnings.filter((w) => w.message.includes('same text as')).length).toBeGreaterThan(5);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  }, 60_000);

  it('hands the articles over in corpus order, a chunk at a time, as they are ingested', async () => {
    const batches: Article[][] = [];
    const warnings = await streamCorpus({ articlesDir: dir, root: dir, lexicon, threads: 2 }, (articles) => {
      batches.push(articles);
    });
    expect(batches.length).toBeGreaterThan(2);
    expect(JSON.stringify({ articles: batches.flat(), warnings })).toBe(JSON.stringify(one));
  }, 60_000);

  it('stays on this thread for a few files', async () => {
    expect(ingestThreads(10)).toBe(1);
    expect(ingestThreads(10, 3)).toBe(1);
    expect(ingestThreads(40, 3)).toBe(3);
    const alone = await ingestCorpusInParallel({ articlesDir: dir, root: dir, lexicon, threads: 1 });
    expect(JSON.stringify(alone)).toBe(JSON.stringify(one));
  });
});
