/** `npm start`: the Telegram bot. Wiring only: configuration -> state -> library -> bot -> serve, and graceful stop. */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { createBot } from './bot/create-bot.ts';
import type { BotDeps } from './bot/deps.ts';
import { createMetrics } from './bot/metrics.ts';
import { startOpsServer } from './bot/ops.ts';
import { TokenRefusedError } from './bot/polling.ts';
import { connect, type RunningBot, serveBot } from './bot/serve.ts';
import { type BotState, createState } from './bot/state.ts';
import { ConfigError, parseBotConfig, parseConfig, secretsOf } from './config.ts';
import { loadLexicon } from './lexicon/lexicon.ts';
import { openLibrary } from './library.ts';
import { enrichAnswer } from './llm/enrich.ts';
import { openLanguageModel } from './llm/open.ts';
import { createLogger, fatalLine } from './logger.ts';
import { PROJECT_ROOT } from './paths.ts';

const HELP = `Usage: npm start   (in production: npm run build once, then node dist/main.js)

Runs the Telegram bot. Settings come from the environment or .env (see .env.example): TELEGRAM_BOT_TOKEN is
required; BOT_MODE=polling (default) or webhook (with WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT). State lives in
STATE_DIR, or in Redis when REDIS_URL is set (needed for several instances). GET /healthz and GET /metrics are
served on OPS_PORT. SIGINT or SIGTERM stops it gracefully within STOP_TIMEOUT_SECONDS: updates in flight finish,
the others stay with Telegram for the next start. With LLM_BASE_URL and LLM_MODEL set, answers are sent at once
and then edited to add the language model's English renderings and summary. Exit code 2 when a setting or a
prompt file is missing or malformed, 1 when the Bot API refuses the token or cannot be reached within
STARTUP_TIMEOUT_SECONDS.`;

const VERSION = (
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

async function main() {
  if (process.argv.includes('--help')) return void console.log(HELP);
  dotenv.config({ path: resolve(PROJECT_ROOT, '.env'), quiet: true });
  const core = parseConfig(process.env);
  const botConfig = parseBotConfig(process.env);
  const logger = createLogger(core.LOG_LEVEL, secretsOf(process.env));
  logger.info(
    {
      version: VERSION,
      node: process.version,
      mode: botConfig.BOT_MODE,
      state: botConfig.REDIS_URL ? 'redis' : 'files',
    },
    'starting',
  );

  const llm = openLanguageModel(core, loadLexicon(core.LEXICON_PATH), logger);

  // Signals are honoured from the start: a stop during start-up is a stop too.
  let running: RunningBot | undefined;
  let state: BotState | undefined;
  let stopping = false;
  const closeOps: Array<() => Promise<void>> = [];
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const deadline = Date.now() + botConfig.STOP_TIMEOUT_SECONDS * 1000;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error('graceful stop timed out');
      process.exit(1);
    }, deadline - Date.now()).unref();
    await running?.stop(deadline);
    for (const close of closeOps) await close().catch(() => undefined);
    await state?.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const metrics = createMetrics();
  let ready = false;
  const ops = await startOpsServer({
    port: botConfig.OPS_PORT,
    registry: metrics.registry,
    ready: () => ready,
  });
  closeOps.push(ops.close);
  logger.info({ port: ops.port }, 'health and metrics served');
  state = await createState({
    stateDir: botConfig.STATE_DIR,
    redisUrl: botConfig.REDIS_URL,
    answerTtlSeconds: botConfig.ANSWER_TTL_HOURS * 3600,
  });
  const library = await openLibrary(core, (message) => logger.warn(message), { prewarm: true });
  ready = true;
  state.onArticle((article) => {
    library.receiveArticle(article).then(
      (result) => logger.info({ file: article.fileName, ok: result.ok }, 'article from another instance'),
      (error: unknown) =>
        logger.error({ file: article.fileName, err: error }, 'article from another instance failed'),
    );
  });
  const deps: BotDeps = {
    library,
    logger,
    admins: new Set(botConfig.ADMIN_USER_IDS),
    rateLimitPerMinute: botConfig.RATE_LIMIT_PER_MINUTE,
    inlineLimitPerMinute: botConfig.INLINE_LIMIT_PER_MINUTE,
    apiRoot: botConfig.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    state,
    metrics,
    delivery: { stopping: false, deferred: new Set() },
    ...(llm
      ? {
          enrich: (answer) => enrichAnswer(answer, llm),
          modelTerms: (q: string) => llm.proposeArabicTerms(q),
        }
      : {}),
  };
  const bot = createBot(botConfig.TELEGRAM_BOT_TOKEN, deps);
  await connect(bot, deps, botConfig.STARTUP_TIMEOUT_SECONDS * 1000);
  if (stopping) return;
  running = await serveBot(
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
  await running.finished;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(fatalLine(error.message, secretsOf(process.env)));
    process.exit(2);
  }
  if (error instanceof TokenRefusedError) {
    console.error(
      'TELEGRAM_BOT_TOKEN was refused by the Bot API (401 Unauthorized): check the token with @BotFather',
    );
    process.exit(1);
  }
  console.error(fatalLine(error, secretsOf(process.env)));
  process.exit(1);
});
