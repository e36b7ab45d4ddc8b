/**
 * Opening the index: load the saved form when its fingerprint matches the articles, the lexicon, the embedder and
 * the analyser; otherwise (or when it is corrupt, truncated, of an older format, or lost its vectors) rebuild and
 * save it again. The saved index is a cache: it is never committed, and a failure to save only costs the next
 * start some time. Its file is a JSON header (fingerprint and stamp, coverage summary, units and articles) and
 * binary blocks (postings, lengths, vectors: block-file.ts), so that loading reads arrays instead of parsing them.
 */

import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { count, getByID, search } from '@orama/orama';
import { ingestionFingerprint } from '../corpus/ingest.ts';
import { streamCorpus } from '../corpus/ingest-parallel.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { Analyser } from './analyser.ts';
import { BlockFileError, readBlockFile, resolveBlocks, writeBlockFile } from './block-file.ts';
import type { Embedder } from './embedders/embedder.ts';
import {
  indexBuilder,
  restoreIndex,
  type SavedIndex,
  type SearchIndex,
  serialiseIndex,
} from './search-index.ts';

const FORMAT = 'ukraine-talks-index/9';
/** Where format 5 kept the vectors, beside the index file: removed when the index is saved again. */
const oldVectorsPath = (indexPath: string) => `${indexPath}.vectors`;

/** Where the inputs are, and what builds the index. */
export interface OpenIndexOptions {
  articlesDir: string;
  /** Project root: article paths in citations are relative to it. */
  root: string;
  lexicon: Lexicon;
  lexiconPath: string;
  indexPath: string;
  analyser: Analyser;
  embedder: Embedder;
  /** Threads that ingest the articles when the index is built (see ingestCorpusInParallel); default 1. */
  ingestThreads?: number;
  /** Ignore a saved index and rebuild. */
  rebuild?: boolean;
  /** Where problems with the saved index are reported. */
  warn?: (message: string) => void;
}

/**
 * Something the caller derives from the index that is worth saving with it (the coverage summary takes seconds at
 * scale): made when the index is built, read back when it loads; `version` names how it is made.
 */
export interface IndexSummary<S> {
  version: string;
  make(index: SearchIndex): S;
}

/** An open index and how it was obtained. */
export interface OpenedIndex<S = undefined> {
  index: SearchIndex;
  origin: 'loaded' | 'built';
  fingerprint: string;
  /** The caller's summary (undefined without `summary`). */
  summary: S;
}

/** What the index file holds beside the index. */
interface SavedFile {
  format?: string;
  fingerprint?: string;
  /** Stands for the fingerprint while the article files keep their stamps (indexFingerprintAndStamp). */
  stamp?: string;
  summaryVersion?: string;
  summary?: unknown;
  index?: SavedIndex;
}

/** A hash of everything the index is made from: the files, the lexicon, and the code that reads them. */
export function indexFingerprint(
  o: Pick<OpenIndexOptions, 'articlesDir' | 'lexiconPath' | 'analyser' | 'embedder'>,
) {
  const hash = inputsHash(o);
  for (const name of articleFileNames(o.articlesDir))
    hash.update(`\0${name}\0`).update(readFileSync(join(o.articlesDir, name)));
  return hash.digest('hex');
}

/** The hash of the inputs other than the article files' contents. */
function inputsHash(o: Pick<OpenIndexOptions, 'lexiconPath' | 'analyser' | 'embedder'>) {
  const hash = createHash('sha256')
    .update(FORMAT)
    .update(ingestionFingerprint())
    .update(o.analyser.fingerprint)
    .update(o.embedder.id);
  return hash.update(existsSync(o.lexiconPath) ? readFileSync(o.lexiconPath) : '');
}

const articleFileNames = (articlesDir: string) =>
  readdirSync(articlesDir)
    .filter((n) => n.endsWith('.txt') || n === 'meta.json')
    .sort();

/** How long before hashing an article file must have last changed for its stamp to stand for its contents. */
const SETTLED_MS = 1_000;

/**
 * The fingerprint, and a stamp that stands for it while no article file changes: the same inputs with each file's
 * size, modification time and inode instead of its bytes (as git tells changed files). Checking the stamp at a start
 * costs a stat per file instead of reading them all (0.4 s of CPU at 100,000 units). No stamp when a file changed
 * shortly before it was read: a change within the same tick of its clock would not show in its stamp.
 */
export function indexFingerprintAndStamp(
  o: Pick<OpenIndexOptions, 'articlesDir' | 'lexiconPath' | 'analyser' | 'embedder'>,
): { fingerprint: string; stamp?: string } {
  const started = Date.now();
  const { stamp, newest } = articlesStamp(o);
  const fingerprint = indexFingerprint(o);
  return newest < started - SETTLED_MS ? { fingerprint, stamp } : { fingerprint };
}

function articlesStamp(o: Pick<OpenIndexOptions, 'articlesDir' | 'lexiconPath' | 'analyser' | 'embedder'>) {
  const hash = inputsHash(o);
  let newest = 0;
  for (const name of articleFileNames(o.articlesDir)) {
    const stat = statSync(join(o.articlesDir, name), { bigint: true });
    newest = Math.max(newest, Number(stat.mtimeMs));
    hash.update(`\0${name}\0${stat.size}\0${stat.mtimeNs}\0${stat.ino}`);
  }
  return { stamp: hash.digest('hex'), newest };
}

/** Checks that a restored index really works: every document, its vectors, and the tokenizer. */
function verify(index: SearchIndex, articlesDir: string): string | null {
  const units = [...index.units.values()];
  // Valid but wrong: nothing indexed while there is something to index.
  const files = readdirSync(articlesDir).filter((n) => n.endsWith('.txt')).length;
  if (units.length === 0 && (index.articles.size > 0 || files > 0))
    return `holds no passages for ${Math.max(index.articles.size, files)} article file(s)`;
  if (count(index.db) !== units.length) return `holds ${count(index.db)} documents, expected ${units.length}`;
  const first = units[0];
  if (!first) return null;
  if (!getByID(index.db, first.id)) return `lost its documents (${first.id})`;
  const vector = index.vectors.vector(0);
  if (!vector || vector.length !== index.dimensions) return 'lost its vectors';
  const probe = index.analyser.terms(first.text)[0];
  if (probe) {
    const hits = search(index.db, { term: probe, properties: ['text'], includeVectors: true }) as {
      count: number;
    };
    if (hits.count === 0) return 'full-text search finds nothing (tokenizer or index lost)';
  }
  return null;
}

function tryLoad(
  o: OpenIndexOptions,
  fingerprint: () => string,
): { index: SearchIndex; file: SavedFile; fingerprint: string } | null {
  if (o.rebuild || !existsSync(o.indexPath)) return null;
  const rebuilding = (why: string) => {
    o.warn?.(`saved index ${o.indexPath} ${why}; rebuilding`);
    return null;
  };
  try {
    const { value, blocks } = readBlockFile(o.indexPath);
    const saved = value as SavedFile;
    if (saved?.format !== FORMAT)
      return rebuilding(`is in another format (${String(saved?.format).slice(0, 40)}, expected ${FORMAT})`);
    if (!saved.index || typeof saved.fingerprint !== 'string') return null;
    const fresh = saved.stamp !== undefined && saved.stamp === articlesStamp(o).stamp;
    if (!fresh && saved.fingerprint !== fingerprint()) return null;
    resolveBlocks(saved.index, blocks);
    const index = restoreIndex(saved.index, o.analyser, o.embedder);
    const problem = verify(index, o.articlesDir);
    if (problem) return rebuilding(problem);
    return { index, file: saved, fingerprint: saved.fingerprint };
  } catch (error) {
    if (error instanceof BlockFileError) return rebuilding(`cannot be read: ${error.message}`);
    return rebuilding(`is unreadable (${(error as Error).message.slice(0, 120)})`);
  }
}

/**
 * Writes the index atomically (a crash mid-write leaves the old file or none, never half a file), with the
 * caller's summary.
 */
export function saveIndex(
  index: SearchIndex,
  path: string,
  fingerprint: string | { fingerprint: string; stamp?: string },
  summary?: { version: string; value: unknown },
): void {
  mkdirSync(dirname(path), { recursive: true });
  const file: SavedFile = {
    format: FORMAT,
    ...(typeof fingerprint === 'string' ? { fingerprint } : fingerprint),
    ...summaryFields(summary),
    index: serialiseIndex(index),
  };
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeBlockFile(fd, file);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  rmSync(oldVectorsPath(path), { force: true });
}

const summaryFields = (summary?: { version: string; value: unknown }) =>
  summary ? { summaryVersion: summary.version, summary: summary.value } : {};

/**
 * Loads the saved index when it is fresh and sound, else ingests the articles, builds the index and saves it; with
 * `summary`, the caller's summary is saved with it and read back (made again when its version changed).
 */
export async function openIndex<S = undefined>(
  o: OpenIndexOptions & { summary?: IndexSummary<S> },
): Promise<OpenedIndex<S>> {
  const summarise = (index: SearchIndex) => o.summary?.make(index) as S;
  let inputs: { fingerprint: string; stamp?: string } | undefined;
  const fingerprint = () => {
    inputs ??= indexFingerprintAndStamp(o);
    return inputs.fingerprint;
  };
  const loaded = tryLoad(o, fingerprint);
  if (loaded) {
    const fresh = o.summary !== undefined && loaded.file.summaryVersion === o.summary.version;
    const summary = fresh ? (loaded.file.summary as S) : summarise(loaded.index);
    return { index: loaded.index, origin: 'loaded', fingerprint: loaded.fingerprint, summary };
  }
  // Taken before the files are read: one that changes while the index is built leaves the saved index stale.
  inputs ??= indexFingerprintAndStamp(o);
  // Articles are indexed as they are ingested: with worker threads, the indexing overlaps their ingestion.
  const builder = indexBuilder(o.analyser, o.embedder);
  const warnings = await streamCorpus(
    { articlesDir: o.articlesDir, root: o.root, lexicon: o.lexicon, threads: o.ingestThreads ?? 1 },
    (articles) => builder.add(articles),
  );
  const index = await builder.finish(warnings);
  const summary = summarise(index);
  try {
    saveIndex(index, o.indexPath, inputs, o.summary && { version: o.summary.version, value: summary });
  } catch (error) {
    o.warn?.(`could not save the index to ${o.indexPath}: ${(error as Error).message}`);
  }
  return { index, origin: 'built', fingerprint: inputs.fingerprint, summary };
}
