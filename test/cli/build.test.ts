/**
 * The build the commands run (scripts/build.mjs -> dist/): the built `ask` gives the answers the sources give, and
 * the built ingestion worker (what src/threads.ts starts when it runs built) ingests as the sources do.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ingestForCorpus, readCorpusFiles } from '../../src/corpus/ingest.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

const questions = readFileSync(join(PROJECT_ROOT, 'data/eval/dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 12)
  .map((line) => (JSON.parse(line) as { q: string }).q);

function ask(command: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...command, '--json'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    input: questions.join('\n'),
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.trim().split('\n');
}

describe('the build', () => {
  it('compiles every command and worker, and the built ask answers as the sources do', () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    for (const file of [
      'main.js',
      'library-worker.js',
      'corpus/ingest-worker.js',
      'cli/ask.js',
      'cli/bench.js',
    ])
      expect(existsSync(join(PROJECT_ROOT, 'dist', file))).toBe(true);
    const work = mkdtempSync(join(tmpdir(), 'build-'));
    const fromSources = ask(['--import', 'tsx', 'src/cli/ask.ts'], { INDEX_PATH: join(work, 'a.bin') });
    const built = ask(['dist/cli/ask.js'], { INDEX_PATH: join(work, 'b.bin'), INGEST_THREADS: '2' });
    expect(fromSources).toHaveLength(questions.length);
    expect(built).toEqual(fromSources);
  }, 180_000);

  it('has a worker bundle that ingests as the sources do', async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const read = readCorpusFiles({ articlesDir: join(PROJECT_ROOT, 'data/articles'), root: PROJECT_ROOT });
    const files = read.files.slice(0, 3);
    const worker = new Worker(join(PROJECT_ROOT, 'dist/corpus/ingest-worker.js'), {
      workerData: { entries: [...lexicon.entries], meta: read.meta },
    });
    try {
      const answer = new Promise<{ chunk: number; ingested: unknown[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ chunk: 7, files });
      const { chunk, ingested } = await answer;
      expect(chunk).toBe(7);
      expect(ingested).toEqual(files.map((f) => ingestForCorpus(f, lexicon, read.meta)));
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
