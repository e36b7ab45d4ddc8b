#!/usr/bin/env node
// Compiles the TypeScript sources into dist/ (esbuild: one self-contained bundle per command and per worker thread,
// npm packages left to Node), so that a command starts as plain JavaScript: no TypeScript loader thread and no
// module-by-module transpiling at each start (about a second of CPU and 50 MB of memory). Every npm command that
// runs the code builds first, so dist/ is never older than src/ (it takes a fraction of a second). Each file is
// written beside its place and renamed into it, so that a process starting meanwhile reads the old file or the
// new one, never half of one. dist/ is not committed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What runs on its own: the bot, each command, and the modules worker threads start (see src/threads.ts). */
const entries = [
  'main.ts',
  'library-worker.ts',
  'corpus/ingest-worker.ts',
  ...['ask', 'ingest', 'add', 'eval', 'bench', 'import-dictionary'].map((c) => `cli/${c}.ts`),
];

const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: entries.map((e) => `src/${e}`),
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  write: false,
});
for (const file of outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
