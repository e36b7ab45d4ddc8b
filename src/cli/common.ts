/** What every command shares: loading `.env`, parsing the configuration, and exit codes. */

import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, type CoreConfig, parseConfig, secretsOf } from '../config.ts';
import { fatalLine } from '../logger.ts';
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

/**
 * Runs a command's main function with the process arguments; maps errors to a one-line message and exit code.
 * The message is scrubbed of every secret the settings hold: an endpoint may echo a key in its error.
 */
export function runCommand(main: (args: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const secrets = secretsOf(process.env);
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(fatalLine(error.message, secrets));
      process.exitCode = 2;
      return;
    }
    console.error(fatalLine(error, secrets));
    process.exitCode = 1;
  });
}
