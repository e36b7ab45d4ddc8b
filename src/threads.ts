/** Worker threads that run this project's TypeScript modules. */

import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module, through tsx's loader (a thread does not inherit the loader in
 * every setting: vitest runs without it).
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions = {}): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import { tsImport } from ${JSON.stringify(loader)}; await tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(module.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}
