/**
 * The library the bot serves from: the current answerer, swapped whole on reload (questions in flight finish on
 * the old one), and validated article uploads. Reading the folder and building the index run in a worker thread
 * (library-worker.ts) with a time limit, so that questions keep being answered meanwhile; the new index is then
 * loaded here. The bot talks to this interface only; it never sees the index.
 */

import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnswerOptions, SourceArticle } from './answer/answer.ts';
import type { CoverageSummary } from './answer/phrases.ts';
import type { Answer } from './answer/schema.ts';
import type { CoreConfig } from './config.ts';
import type { IngestWarning } from './corpus/types.ts';
import { createEngine, type Engine } from './engine.ts';
import type { LibraryTask, LibraryTaskResult } from './library-worker.ts';

/** What the bot needs of the corpus and the answers. */
export interface Library {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  coverage(): CoverageSummary;
  articles(): SourceArticle[];
  /** Re-reads the articles folder and swaps the new index in. */
  reload(): Promise<{ articles: number; warnings: IngestWarning[] }>;
  /** Validates an uploaded `.txt` article; adds it and reloads, or changes nothing and says why. */
  addArticle(fileName: string, bytes: Uint8Array): Promise<AddResult>;
  /** An article another instance added: written here unless the same file is already present, then reloaded. */
  receiveArticle(fileName: string, bytes: Uint8Array): Promise<AddResult>;
}

export type AddResult = { ok: true; articleIds: string[] } | { ok: false; error: string };

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\.txt$/;
/** Longest a reload or an upload may take before it is abandoned (nothing changes then). */
const WORK_TIMEOUT_MS = 120_000;

/** Runs one task in a worker thread (TypeScript through tsx's loader), ended after `timeoutMs`. */
function runInWorker(task: LibraryTask, timeoutMs: number): Promise<LibraryTaskResult> {
  const target = new URL('./library-worker.ts', import.meta.url).href;
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import { tsImport } from ${JSON.stringify(loader)}; await tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    workerData: task,
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ok: false, error: `the work took longer than ${timeoutMs / 1000} s and was abandoned` });
    }, timeoutMs);
    const settle = (result: LibraryTaskResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    worker.once('message', settle);
    worker.once('error', (error) => settle({ ok: false, error: error.message }));
    worker.once('exit', (code) => settle({ ok: false, error: `the worker stopped (exit code ${code})` }));
  });
}

/** Opens the library: builds or loads the index once, then serves from it. */
export async function openLibrary(
  config: CoreConfig,
  warn?: (message: string) => void,
  options: { timeoutMs?: number } = {},
): Promise<Library> {
  let engine: Engine = await createEngine(config, { warn });
  const timeoutMs = options.timeoutMs ?? WORK_TIMEOUT_MS;
  // One change at a time: a second one waits for the first, then reads the folder again.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  const swap = async () => {
    engine = await createEngine(config, { warn });
  };

  const add = (fileName: string, bytes: Uint8Array, sameBytesOk: boolean) =>
    serially(async (): Promise<AddResult> => {
      if (!SAFE_NAME.test(fileName)) {
        return {
          ok: false,
          error: 'the file name must end in .txt and use only Latin letters, digits, _ . -',
        };
      }
      const path = join(config.ARTICLES_DIR, fileName);
      const existed = existsSync(path);
      const result = await runInWorker({ kind: 'add', config, fileName, bytes, sameBytesOk }, timeoutMs);
      if (!result.ok) {
        // A worker ended by the time limit may have written the file already.
        if (!existed && existsSync(path) && result.error.includes('abandoned')) unlinkSync(path);
        return result;
      }
      await swap();
      return { ok: true, articleIds: result.articleIds };
    });

  return {
    answer: (question, options) => engine.answerer.answer(question, options),
    coverage: () => engine.answerer.coverage,
    articles: () => engine.answerer.articles,
    reload: () =>
      serially(async () => {
        const result = await runInWorker({ kind: 'build', config }, timeoutMs);
        if (!result.ok) throw new Error(result.error);
        await swap();
        return { articles: engine.answerer.articles.length, warnings: engine.answerer.index.warnings };
      }),
    addArticle: (fileName, bytes) => add(fileName, bytes, false),
    receiveArticle: (fileName, bytes) => add(fileName, bytes, true),
  };
}
