/**
 * The heavy half of the library, run in a worker thread so that the bot's event loop keeps answering: checking an
 * uploaded article, writing it, and reading the folder and building and saving the index. The main thread then
 * loads the saved index, which is quick.
 */

import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CoreConfig } from './config.ts';
import { ingestFile } from './corpus/ingest.ts';
import { decodeArticle } from './corpus/read-files.ts';
import { createEngine } from './engine.ts';
import { loadLexicon } from './lexicon/lexicon.ts';

/** What the worker is asked to do. */
export type LibraryTask =
  | { kind: 'build'; config: CoreConfig }
  | { kind: 'add'; config: CoreConfig; fileName: string; bytes: Uint8Array; sameBytesOk: boolean };

/** What it answers. */
export type LibraryTaskResult =
  | { ok: true; articleIds: string[]; warnings: string[] }
  | { ok: false; error: string };

async function run(task: LibraryTask): Promise<LibraryTaskResult> {
  const warnings: string[] = [];
  if (task.kind === 'build') {
    await createEngine(task.config, { rebuild: true, warn: (m) => warnings.push(m) });
    return { ok: true, articleIds: [], warnings };
  }
  const path = join(task.config.ARTICLES_DIR, task.fileName);
  const present = existsSync(path);
  if (present && !(task.sameBytesOk && readFileSync(path).equals(Buffer.from(task.bytes))))
    return { ok: false, error: `an article file named ${task.fileName} already exists` };
  const decoded = decodeArticle(task.bytes);
  if ('error' in decoded) return { ok: false, error: decoded.error };
  const lexicon = loadLexicon(task.config.LEXICON_PATH);
  const stem = task.fileName.replace(/\.txt$/, '');
  const { articles } = ingestFile({ file: task.fileName, stem, text: decoded.text }, lexicon);
  if (articles.length === 0) return { ok: false, error: 'no article text found after removing site chrome' };
  if (!present) writeFileSync(path, task.bytes, { flag: 'wx' });
  try {
    await createEngine(task.config, { rebuild: true, warn: (m) => warnings.push(m) });
  } catch (error) {
    if (!present) unlinkSync(path);
    throw error;
  }
  return { ok: true, articleIds: articles.map((a) => a.id), warnings };
}

run(workerData as LibraryTask).then(
  (result) => parentPort!.postMessage(result),
  (error: unknown) =>
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
