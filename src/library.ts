/**
 * The library the bot serves from: the current answerer, swapped whole on reload (questions in flight finish on
 * the old one), and validated additions (an uploaded `.txt`, a web page, an article another instance added).
 * Checking and writing an addition, reading the folder and building the index run in a worker thread
 * (library-worker.ts) with a time limit, so that questions keep being answered meanwhile; a reload then loads the
 * new index here, an addition joins the current index here without a rebuild (the worker saves a rebuilt one
 * afterwards). The bot talks to this
 * interface only; it never sees the index.
 */

import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { AnswerOptions, SourceArticle } from './answer/answer.ts';
import type { CoverageSummary } from './answer/phrases.ts';
import type { Answer } from './answer/schema.ts';
import type { CoreConfig } from './config.ts';
import type { ArticleMeta } from './corpus/metadata.ts';
import type { IngestWarning } from './corpus/types.ts';
import { addArticleFiles, createEngine, type Engine } from './engine.ts';
import type { LibraryTask, LibraryTaskResult } from './library-worker.ts';
import { warmUpEnglish } from './search/resources.ts';
import { startProjectWorker } from './threads.ts';

/** What the bot needs of the corpus and the answers. */
export interface Library {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  coverage(): CoverageSummary;
  articles(): SourceArticle[];
  /** Re-reads the articles folder and swaps the new index in. */
  reload(): Promise<{ articles: number; warnings: IngestWarning[] }>;
  /** Validates an uploaded `.txt` article; adds it and reloads, or changes nothing and says why. */
  addArticle(fileName: string, bytes: Uint8Array): Promise<AddResult>;
  /** Fetches a web page and adds its article with the page's metadata; or changes nothing and says why. */
  addPage(url: string): Promise<AddResult>;
  /** An article another instance added: written here unless the same file is already present, then reloaded. */
  receiveArticle(article: SharedArticle): Promise<AddResult>;
}

/** An added article as it travels to other instances: its file, bytes and recorded metadata. */
export interface SharedArticle {
  fileName: string;
  bytes: Uint8Array;
  meta: ArticleMeta;
}

/** What an addition did: the new article ids and the metadata recorded, or why nothing was added. */
export type AddResult =
  | { ok: true; articleIds: string[]; meta: ArticleMeta; shared: SharedArticle | null }
  | { ok: false; error: string };

/** Longest a reload or an addition may take before it is abandoned (nothing changes then). */
const WORK_TIMEOUT_MS = 120_000;

/** The worker thread that runs the library's tasks, one at a time, started on first use (or ahead). */
class TaskWorker {
  private worker: Worker | undefined;
  private settle: ((result: LibraryTaskResult) => void) | undefined;

  /** Starts the thread (see threads.ts) unless it runs already. */
  start(): Worker {
    if (this.worker) return this.worker;
    const worker = startProjectWorker('library-worker.ts');
    // An idle worker does not keep the process alive.
    worker.unref();
    worker.on('message', (result: LibraryTaskResult) => this.settle?.(result));
    worker.on('error', (error) => this.settle?.({ ok: false, error: error.message }));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.settle?.({ ok: false, error: `the worker stopped (exit code ${code})` });
    });
    this.worker = worker;
    return worker;
  }

  /** Runs one task; past `timeoutMs` the thread is ended (a new one starts for the next task). */
  run(task: LibraryTask, timeoutMs: number): Promise<LibraryTaskResult> {
    const worker = this.start();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done({ ok: false, error: `the work took longer than ${timeoutMs / 1000} s and was abandoned` });
      }, timeoutMs);
      const done = (result: LibraryTaskResult) => {
        clearTimeout(timer);
        this.settle = undefined;
        resolve(result);
      };
      this.settle = done;
      worker.postMessage(task);
    });
  }
}

/** Opens the library: builds or loads the index once, then serves from it. */
export async function openLibrary(
  config: CoreConfig,
  warn?: (message: string) => void,
  options: {
    timeoutMs?: number;
    /**
     * Start the worker now rather than on the first reload or addition, and load the English question data
     * (search/resources.ts warmUpEnglish) once serving.
     */
    prewarm?: boolean;
  } = {},
): Promise<Library> {
  const worker = new TaskWorker();
  if (options.prewarm) worker.start();
  let engine: Engine = await createEngine(config, { warn });
  if (options.prewarm) setImmediate(warmUpEnglish);
  const timeoutMs = options.timeoutMs ?? WORK_TIMEOUT_MS;
  const runInWorker = (task: LibraryTask, ms: number) => worker.run(task, ms);
  // One change at a time: a second one waits for the first, then reads the folder again.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  /** Runs an addition in the worker; on success the new index is swapped in, on refusal nothing changed. */
  const add = (task: Exclude<LibraryTask, { kind: 'build' }>, fileName?: string) =>
    serially(async (): Promise<AddResult> => {
      const path = fileName ? join(config.ARTICLES_DIR, fileName) : null;
      const existed = path !== null && existsSync(path);
      const result = await runInWorker(task, timeoutMs);
      if (!result.ok) {
        // A worker ended by the time limit may have written the file already.
        if (path && !existed && existsSync(path) && result.error.endsWith('abandoned')) unlinkSync(path);
        return result;
      }
      if (result.file && !result.articleIds.some((id) => engine.answerer.articles.some((a) => a.id === id))) {
        // The new article joins the index here without a rebuild (well under a second at 100,000 units); the
        // worker then rebuilds and saves the index for the next start, in the background.
        engine = await addArticleFiles(engine, config, [result.file], { save: false });
        void serially(() => runInWorker({ kind: 'build', config }, timeoutMs)).then((saved) => {
          if (!saved.ok) warn?.(`the index with the added article was not saved: ${saved.error}`);
        });
      } else {
        const built = await runInWorker({ kind: 'build', config }, timeoutMs);
        if (!built.ok) return built;
        engine = await createEngine(config, { warn });
      }
      const shared = result.file
        ? {
            fileName: result.file,
            bytes: readFileSync(join(config.ARTICLES_DIR, result.file)),
            meta: result.meta,
          }
        : null;
      return { ok: true, articleIds: result.articleIds, meta: result.meta, shared };
    });

  return {
    answer: (question, options) => engine.answerer.answer(question, options),
    coverage: () => engine.answerer.coverage,
    articles: () => engine.answerer.articles,
    reload: () =>
      serially(async () => {
        const result = await runInWorker({ kind: 'build', config }, timeoutMs);
        if (!result.ok) throw new Error(result.error);
        engine = await createEngine(config, { warn });
        return { articles: engine.answerer.articles.length, warnings: engine.answerer.index.warnings };
      }),
    addArticle: (fileName, bytes) => add({ kind: 'text', config, fileName, bytes }, fileName),
    addPage: (url) => add({ kind: 'page', config, url }),
    receiveArticle: ({ fileName, bytes, meta }) =>
      add({ kind: 'received', config, fileName, bytes, meta }, fileName),
  };
}
