/** Bot dependencies for in-process tests: a library over a folder, file state in a temporary folder. */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pino from 'pino';
import type { BotDeps } from '../../src/bot/deps.ts';
import { createMetrics } from '../../src/bot/metrics.ts';
import { createState } from '../../src/bot/state.ts';
import type { CoreConfig } from '../../src/config.ts';
import { openLibrary } from '../../src/library.ts';
import { createLogger } from '../../src/logger.ts';

export async function testDeps(options: {
  core: CoreConfig;
  apiRoot: string;
  token: string;
  admins?: number[];
  rateLimitPerMinute?: number;
  inlineLimitPerMinute?: number;
  log?: pino.DestinationStream;
  redisUrl?: string;
  stateDir?: string;
  /** Start the library's worker at once (for tests that reload or add articles). */
  prewarm?: boolean;
}): Promise<BotDeps> {
  return {
    library: await openLibrary(options.core, undefined, { prewarm: options.prewarm }),
    logger: createLogger(options.log ? 'info' : 'silent', [options.token], options.log),
    admins: new Set(options.admins ?? []),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 20,
    inlineLimitPerMinute: options.inlineLimitPerMinute ?? 60,
    apiRoot: options.apiRoot,
    state: await createState({
      stateDir: options.stateDir ?? mkdtempSync(join(tmpdir(), 'state-')),
      redisUrl: options.redisUrl,
      answerTtlSeconds: 3600,
    }),
    metrics: createMetrics(false),
    delivery: { stopping: false, deferred: new Set() },
  };
}
