/** Worker threads that run this project's modules, from the TypeScript sources or from their build (dist/). */

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { PROJECT_ROOT, SOURCE_DIR } from './paths.ts';

/** True when this code runs from the build (scripts/build.mjs), where each worker module is a bundle of its own. */
const BUILT = !import.meta.url.endsWith('.ts');

/**
 * Starts a worker thread on a module of the project, named by its path under src/ (`corpus/ingest-worker.ts`):
 * its bundle under dist/ when this code runs built, else the TypeScript module through tsx's loader (a thread does
 * not inherit the loader in every setting: vitest runs without it).
 */
export function startProjectWorker(module: string, options: WorkerOptions = {}): Worker {
  if (BUILT) return new Worker(join(PROJECT_ROOT, 'dist', module.replace(/\.ts$/, '.js')), options);
  const href = pathToFileURL(join(SOURCE_DIR, module)).href;
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import { tsImport } from ${JSON.stringify(loader)}; await tsImport(${JSON.stringify(href)}, ${JSON.stringify(href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}
