/**
 * A thread of the parallel ingestion (ingest-parallel.ts): ingests the chunks of files it is sent with the
 * lexicon and metadata it was started with, and answers each chunk with what each of its files gave.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { Lexicon, type LexiconEntry } from '../lexicon/lexicon.ts';
import { ingestForCorpus } from './ingest.ts';
import type { Metadata } from './metadata.ts';
import type { SourceFile } from './read-files.ts';

/** What the thread is started with. */
export interface IngestWorkerData {
  entries: LexiconEntry[];
  meta: Metadata;
}

const { entries, meta } = workerData as IngestWorkerData;
// The entries were validated where the lexicon was loaded.
const lexicon = new Lexicon(entries);

parentPort!.on('message', ({ chunk, files }: { chunk: number; files: SourceFile[] }) => {
  parentPort!.postMessage({ chunk, ingested: files.map((file) => ingestForCorpus(file, lexicon, meta)) });
});
