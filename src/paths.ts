/**
 * The project root, so that commands work from any working directory: the nearest folder above this module that
 * holds the project's package.json, whether the module runs as TypeScript (src/) or bundled (dist/).
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));
/** The TypeScript sources: what ingestion's code fingerprint hashes, and the bot's locale files. */
export const SOURCE_DIR = join(PROJECT_ROOT, 'src');
