/**
 * Ingestion on every core: the files of a folder are ingested in chunks by worker threads and by this thread,
 * each chunk taken by whichever is free, and merged in file order. Each file is ingested alone in either way, so
 * the corpus is the same as `ingestCorpus` makes, to the byte.
 */

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startProjectWorker } from '../threads.ts';
import {
  type FileIngested,
  type IngestOptions,
  ingestForCorpus,
  mergeCorpus,
  readCorpusFiles,
} from './ingest.ts';
import type { IngestWorkerData } from './ingest-worker.ts';
import type { Corpus } from './types.ts';

/** Files per chunk: small enough that the threads finish together, large enough that messages cost little. */
const CHUNK_FILES = 16;
/**
 * Files a thread must have to be worth starting: starting one and loading the modules takes about a second, in
 * which this thread ingests some hundreds of files.
 */
const FILES_PER_THREAD = 500;
/** Chunks a thread holds at once: the next one waits there while this thread is busy with its own. */
const IN_FLIGHT = 4;

/**
 * Threads for `files` files, this one included: `wanted` of them, but no more than there are chunks; with 0, one
 * per core and none beyond what the files repay. A worker pays only on a core of its own: on a machine busy with
 * other work it adds its start to the cost.
 */
export const ingestThreads = (files: number, wanted = 0) =>
  wanted > 0
    ? Math.max(1, Math.min(wanted, Math.ceil(files / CHUNK_FILES)))
    : Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_THREAD)));

/** Reads, cleans, splits and attributes every article file of a folder, on `threads` threads (this one included). */
export async function ingestCorpusInParallel(
  options: IngestOptions & {
    /** Threads wanted, this one included (0 or absent: one per core; see ingestThreads). */
    threads?: number;
    /** Told of each chunk of files ingested, and by which thread (0: this one). */
    onChunk?: (files: number, thread: number) => void;
  },
): Promise<Corpus> {
  const read = readCorpusFiles(options);
  const threads = ingestThreads(read.files.length, options.threads);
  const ingestChunk = (files: typeof read.files) =>
    files.map((file) => ingestForCorpus(file, options.lexicon, read.meta));
  if (threads <= 1) {
    options.onChunk?.(read.files.length, 0);
    return mergeCorpus(read, ingestChunk(read.files));
  }

  const chunks: Array<typeof read.files> = [];
  for (let i = 0; i < read.files.length; i += CHUNK_FILES) chunks.push(read.files.slice(i, i + CHUNK_FILES));
  const done: FileIngested[][] = new Array(chunks.length);
  const pending = chunks.map((_, i) => i);
  let left = chunks.length;
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
      held.clear();
      notify();
    };
    worker.on('message', ({ chunk, ingested }: { chunk: number; ingested: FileIngested[] }) => {
      done[chunk] = ingested;
      options.onChunk?.(ingested.length, t);
      held.delete(chunk);
      left--;
      give();
      notify();
    });
    worker.on('error', fail);
    worker.on('exit', fail);
    for (let k = 0; k < IN_FLIGHT; k++) give();
    workers.push(worker);
  }
  try {
    while (left > 0) {
      const next = pending.shift();
      if (next !== undefined) {
        done[next] = ingestChunk(chunks[next]!);
        options.onChunk?.(chunks[next]!.length, 0);
        left--;
      }
      // Let the workers' answers in: each takes its next chunk as it delivers one.
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (pending.length > 0 || left === 0) setImmediate(notify);
      });
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return mergeCorpus(read, done.flat());
}
