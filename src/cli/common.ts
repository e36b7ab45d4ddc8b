/** What every command shares: loading `.env`, parsing the configuration, and exit codes. */

import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, type CoreConfig, parseConfig } from '../config.ts';
import { PROJECT_ROOT } from '../paths.ts';

/** Bad usage: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Loads `.env` from the project root (without overriding the real environment) and parses the core settings. */
export function loadEnvironment(): CoreConfig {
  dotenv.config({ path: resolve(PROJECT_ROOT, '.env'), quiet: true });
  return parseConfig(process.env);
}

/** Runs a command's main function with the process arguments; maps errors to a one-line message and exit code. */
export function runCommand(main: (args: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exitCode = 1;
  });
}
