/** `npm start`: the Telegram bot. Wiring only: configuration -> library -> bot -> serve, and graceful stop. */

import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { createBot } from './bot/create-bot.ts';
import type { BotDeps } from './bot/deps.ts';
import { serveBot } from './bot/serve.ts';
import { AskedQuestions, Preferences } from './bot/state.ts';
import { ConfigError, parseBotConfig, parseConfig } from './config.ts';
import { loadLexicon } from './lexicon/lexicon.ts';
import { openLibrary } from './library.ts';
import { enrichAnswer } from './llm/enrich.ts';
import { openLanguageModel } from './llm/open.ts';
import { createLogger } from './logger.ts';
import { PROJECT_ROOT } from './paths.ts';

/** Time allowed for a graceful stop before the process exits anyway. */
const STOP_TIMEOUT_MS = 8000;

const HELP = `Usage: npm start

Runs the Telegram bot. Settings come from the environment or .env (see .env.example): TELEGRAM_BOT_TOKEN is
required; BOT_MODE=polling (default) or webhook (with WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT). SIGINT or
SIGTERM stops it gracefully. With LLM_BASE_URL and LLM_MODEL set, answers are sent at once and then edited to add
the language model's English renderings and summary. Exit code 2 when a setting or a prompt file is missing or
malformed.`;

async function main() {
  if (process.argv.includes('--help')) return void console.log(HELP);
  dotenv.config({ path: resolve(PROJECT_ROOT, '.env'), quiet: true });
  const core = parseConfig(process.env);
  const botConfig = parseBotConfig(process.env);
  const logger = createLogger(core.LOG_LEVEL, [
    botConfig.TELEGRAM_BOT_TOKEN,
    core.EMBEDDINGS_API_KEY,
    core.LLM_API_KEY,
    botConfig.WEBHOOK_SECRET,
  ]);
  const llm = openLanguageModel(core, loadLexicon(core.LEXICON_PATH), logger);

  const library = await openLibrary(core, (message) => logger.warn(message));
  const deps: BotDeps = {
    library,
    logger,
    admins: new Set(botConfig.ADMIN_USER_IDS),
    rateLimitPerMinute: botConfig.RATE_LIMIT_PER_MINUTE,
    apiRoot: botConfig.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    asked: new AskedQuestions(),
    preferences: new Preferences(),
    updates: { lastHandled: 0 },
    ...(llm ? { enrich: (answer) => enrichAnswer(answer, llm) } : {}),
  };
  const bot = createBot(botConfig.TELEGRAM_BOT_TOKEN, deps);
  const running = await serveBot(
    bot,
    deps,
    botConfig.BOT_MODE === 'webhook'
      ? {
          mode: 'webhook',
          url: botConfig.WEBHOOK_URL!,
          secretToken: botConfig.WEBHOOK_SECRET!,
          port: botConfig.WEBHOOK_PORT,
        }
      : { mode: 'polling' },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error('graceful stop timed out');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    await running.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(1);
});
