/**
 * Ingestion on every core: the files of a folder are ingested in chunks by worker threads and by this thread, and
 * merged in file order as the chunks come in, so that the articles can be indexed while the rest is ingested
 * (`streamCorpus`). Each file is ingested alone in either way, so the corpus is the same as `ingestCorpus` makes,
 * to the byte.
 */

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startProjectWorker } from '../threads.ts';
import {
  CorpusMerger,
  type FileIngested,
  type IngestOptions,
  ingestForCorpus,
  readCorpusFiles,
} from './ingest.ts';
import type { IngestWorkerData } from './ingest-worker.ts';
import type { Article, Corpus, IngestWarning } from './types.ts';

/** Files per chunk: small enough that the threads finish together, large enough that messages cost little. */
const CHUNK_FILES = 16;
/**
 * Files a thread must have to be worth starting: at 10k units (1,249 files) a worker did not pay, at 100k (12,493)
 * it did (measured); through tsx its start costs about 2.5 s of cpu more than from the compiled bundle.
 */
const FILES_PER_THREAD = 2_500;
/**
 * Chunks a worker holds at once: enough to keep it busy while this thread indexes a batch (seconds at scale)
 * without taking the messages in.
 */
const IN_FLIGHT = 64;

/**
 * Threads for `files` files, this one included: `wanted` of them, but no more than there are chunks; with 0, one
 * per core and none beyond what the files repay. A worker pays only on a core of its own: on a machine busy with
 * other work it adds its start to the cost.
 */
export const ingestThreads = (files: number, wanted = 0) =>
  wanted > 0
    ? Math.max(1, Math.min(wanted, Math.ceil(files / CHUNK_FILES)))
    : Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_THREAD)));

/** What ingestion on several threads is told and asked. */
export type ParallelIngestOptions = IngestOptions & {
  /** Threads wanted, this one included (0 or absent: one per core; see ingestThreads). */
  threads?: number;
  /** Told of each chunk of files ingested, and by which thread (0: this one). */
  onChunk?: (files: number, thread: number) => void;
};

/** Reads, cleans, splits and attributes every article file of a folder, on `threads` threads (this one included). */
export async function ingestCorpusInParallel(options: ParallelIngestOptions): Promise<Corpus> {
  const articles: Article[] = [];
  const warnings = await streamCorpus(options, (more) => {
    articles.push(...more);
  });
  return { articles, warnings };
}

/**
 * Ingests a folder as `ingestCorpusInParallel` does, handing the corpus's articles to `take` in corpus order as soon
 * as the files before them are merged, and returns the corpus's warnings. This thread takes whatever is ready
 * before it ingests a chunk itself, so that what `take` does (indexing) runs while the workers ingest: with
 * workers, it ingests only when the next chunk in order is not there yet.
 */
export async function streamCorpus(
  options: ParallelIngestOptions,
  take: (articles: Article[]) => void | Promise<void>,
): Promise<IngestWarning[]> {
  const read = readCorpusFiles(options);
  const merger = new CorpusMerger(read);
  const threads = ingestThreads(read.files.length, options.threads);
  const chunks: Array<typeof read.files> = [];
  for (let i = 0; i < read.files.length; i += CHUNK_FILES) chunks.push(read.files.slice(i, i + CHUNK_FILES));
  const done: Array<FileIngested[] | undefined> = new Array(chunks.length);
  const pending = chunks.map((_, i) => i);
  /** Chunks merged and taken, in order. */
  let merged = 0;
  /** Wakes this thread when a worker delivered or failed (its chunks then come back to the queue). */
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const workerData: IngestWorkerData = { entries: [...options.lexicon.entries], meta: read.meta };
  const workers: Worker[] = [];
  for (let t = 1; t < threads; t++) {
    const worker = startProjectWorker('corpus/ingest-worker.ts', { workerData });
    const held = new Set<number>();
    const give = () => {
      const next = pending.shift();
      if (next === undefined) return;
      held.add(next);
      worker.postMessage({ chunk: next, files: chunks[next] });
    };
    // A thread that fails leaves its chunks to the others: an error in a file then surfaces here, as it would alone.
    const fail = () => {
      pending.unshift(...held);
      pending.sort((a, b) => a - b);
      held.clear();
      notify();
    };
    worker.on('message', ({ chunk, ingested }: { chunk: number; ingested: FileIngested[] }) => {
      done[chunk] = ingested;
      options.onChunk?.(ingested.length, t);
      held.delete(chunk);
      give();
      notify();
    });
    worker.on('error', fail);
    worker.on('exit', fail);
    for (let k = 0; k < IN_FLIGHT; k++) give();
    workers.push(worker);
  }
  try {
    while (merged < chunks.length) {
      const ready = done[merged];
      if (ready) {
        done[merged] = undefined;
        const files = chunks[merged++]!;
        await take(files.flatMap((file, i) => merger.add(file, ready[i]!)));
      } else {
        // Alone, in order; beside workers, from the end, so that the chunks they take next come in order while
        // this thread fills the time it would wait for them with chunks it indexes last.
        const next = workers.length === 0 ? pending.shift() : pending.pop();
        if (next !== undefined) {
          done[next] = chunks[next]!.map((file) => ingestForCorpus(file, options.lexicon, read.meta));
          options.onChunk?.(chunks[next]!.length, 0);
        }
      }
      if (workers.length === 0) continue;
      // Let the workers' answers in: each takes its next chunk as it delivers one.
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (pending.length > 0 || done[merged] !== undefined || merged === chunks.length)
          setImmediate(notify);
      });
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return merger.warnings;
}
