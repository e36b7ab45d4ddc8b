/**
 * The heavy half of the library, run in a worker thread so that the bot's event loop keeps answering: adding an
 * article (checked and written by pages/add.ts; the library then adds it to its index without a rebuild) and
 * reading the folder, building and saving the index (the main thread then loads it). The thread lives on between tasks: starting one and loading
 * the modules costs several seconds.
 */

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { CoreConfig } from './config.ts';
import { type ArticleMeta, readMetadata } from './corpus/metadata.ts';
import { createEngine } from './engine.ts';
import { loadLexicon } from './lexicon/lexicon.ts';
import { type Added, addFromUrl, addText, PageError } from './pages/add.ts';

/** What the worker is asked to do. */
export type LibraryTask =
  | { kind: 'build'; config: CoreConfig }
  | { kind: 'text'; config: CoreConfig; fileName: string; bytes: Uint8Array }
  | { kind: 'page'; config: CoreConfig; url: string }
  /** An article another instance added: kept as it is when the same file is here already (a shared folder). */
  | { kind: 'received'; config: CoreConfig; fileName: string; bytes: Uint8Array; meta: ArticleMeta };

/** What it answers. */
export type LibraryTaskResult =
  | { ok: true; file: string | null; articleIds: string[]; meta: ArticleMeta }
  | { ok: false; error: string };

/** Records the metadata another instance recorded for an article it sent. */
function recordMeta(articlesDir: string, fileName: string, meta: ArticleMeta) {
  if (Object.keys(meta).length === 0) return;
  const path = join(articlesDir, 'meta.json');
  const existing = readMetadata(path);
  if (existing.error || existing.meta[fileName]) return;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ ...existing.meta, [fileName]: meta }, null, 2)}\n`);
  renameSync(tmp, path);
}

async function add(task: Exclude<LibraryTask, { kind: 'build' }>): Promise<Added | null> {
  const options = { articlesDir: task.config.ARTICLES_DIR, lexicon: loadLexicon(task.config.LEXICON_PATH) };
  if (task.kind === 'page') return addFromUrl(task.url, options);
  if (task.kind === 'text') return addText(task.fileName, task.bytes, options);
  const path = join(task.config.ARTICLES_DIR, task.fileName);
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(task.bytes))) return null;
  const added = addText(task.fileName, task.bytes, options);
  recordMeta(task.config.ARTICLES_DIR, task.fileName, task.meta);
  return added;
}

async function run(task: LibraryTask): Promise<LibraryTaskResult> {
  try {
    const added = task.kind === 'build' ? null : await add(task);
    // An addition is indexed by the library without a rebuild; it asks for a build afterwards.
    if (task.kind === 'build') await createEngine(task.config, { rebuild: true });
    return {
      ok: true,
      file: added?.file ?? null,
      articleIds: added?.articleIds ?? [],
      meta: added?.meta ?? {},
    };
  } catch (error) {
    if (error instanceof PageError) return { ok: false, error: error.message };
    throw error;
  }
}

// One task at a time (the library sends the next only after this one's answer); the thread stays for the next.
parentPort!.on('message', (task: LibraryTask) => {
  run(task).then(
    (result) => parentPort!.postMessage(result),
    (error: unknown) =>
      parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
