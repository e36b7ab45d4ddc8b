/**
 * Configuration from the environment (and `.env`), parsed once with zod and passed down: nothing else reads
 * `process.env`. Errors name the variable; secrets never appear in them.
 */

import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths.ts';

const path = (fallback: string) =>
  z
    .string()
    .trim()
    .min(1)
    .default(fallback)
    .transform((p) => (isAbsolute(p) ? p : resolve(PROJECT_ROOT, p)));

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

/** A folder that must exist when the program starts (checked here so that the error names the variable). */
const existingDirectory = (fallback: string) =>
  path(fallback).refine(
    (p) => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    { message: 'is not an existing folder' },
  );

const CoreSchema = z
  .object({
    ARTICLES_DIR: existingDirectory('data/articles'),
    LEXICON_PATH: path('data/lexicon.json'),
    DICTIONARY_DIR: path('data/dictionary'),
    INDEX_PATH: path('.cache/index.bin'),
    // Threads that ingest the articles when the index is built (this one included); 0: one per core, as the
    // number of files repays (ingest-parallel.ts).
    INGEST_THREADS: z.coerce.number().int().min(0).max(64).default(0),
    EMBEDDER: z.enum(['lexical', 'openai']).default('lexical'),
    EMBEDDINGS_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
    EMBEDDINGS_MODEL: optional(z.string().trim().min(1)),
    EMBEDDINGS_API_KEY: optional(z.string().trim().min(1)),
    EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // The optional language model (src/llm): off unless LLM_BASE_URL and LLM_MODEL are both set.
    LLM_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
    LLM_MODEL: optional(z.string().trim().min(1)),
    LLM_API_KEY: optional(z.string().trim().min(1)),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
    LLM_PROMPTS_DIR: path('prompts'),
  })
  .superRefine((env, ctx) => {
    if (env.LLM_BASE_URL && !env.LLM_MODEL)
      ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'required when LLM_BASE_URL is set' });
    if (env.LLM_MODEL && !env.LLM_BASE_URL)
      ctx.addIssue({ code: 'custom', path: ['LLM_BASE_URL'], message: 'required when LLM_MODEL is set' });
    if (env.EMBEDDER !== 'openai') return;
    for (const key of ['EMBEDDINGS_BASE_URL', 'EMBEDDINGS_MODEL'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when EMBEDDER=openai' });
    }
  });

const csvOfIds = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z
    .array(
      z.string().regex(/^\d{1,15}$/, 'is malformed: expected Telegram user ids (digits), comma-separated'),
    )
    .default([])
    .transform((ids) => ids.map(Number)),
);

const BotSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string({ error: 'is missing: get one from @BotFather and put it in .env' })
        .trim()
        .regex(
          /^\d{3,}:[A-Za-z0-9_-]{30,}$/,
          'is malformed: expected the form 123456789:AA… that @BotFather gives',
        ),
    ),
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
    ADMIN_USER_IDS: csvOfIds,
    BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
    WEBHOOK_URL: optional(z.url({ protocol: /^https$/ })),
    WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'may hold only A-Z a-z 0-9 _ -')),
    WEBHOOK_PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(20),
    INLINE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(6000).default(60),
    OPS_PORT: z.coerce.number().int().min(0).max(65_535).default(9090),
    STATE_DIR: path('.cache/state'),
    REDIS_URL: optional(z.url({ protocol: /^rediss?$/ })),
    ANSWER_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(48),
    STARTUP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    STOP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(8),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== 'webhook') return;
    for (const key of ['WEBHOOK_URL', 'WEBHOOK_SECRET'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when BOT_MODE=webhook' });
    }
  });

export type CoreConfig = z.infer<typeof CoreSchema>;
export type BotConfig = z.infer<typeof BotSchema>;

/** A setting that is missing or malformed; the message names the variable and never shows its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'configuration');
  const reason =
    issue.code === 'invalid_type' && issue.input === undefined && !issue.message.startsWith('is ')
      ? 'is missing'
      : issue.message.startsWith('is ') ||
          issue.message.startsWith('may ') ||
          issue.message.startsWith('required')
        ? issue.message
        : `is invalid: ${issue.message}`;
  throw new ConfigError(`${variable} ${reason}`);
}

/** The secret values among the settings (whatever their validity), for scrubbing logs and fatal errors. */
export function secretsOf(env: Record<string, string | undefined>): string[] {
  const redisPassword = (() => {
    try {
      const url = new URL(env.REDIS_URL ?? '');
      return decodeURIComponent(url.password);
    } catch {
      return undefined;
    }
  })();
  return [
    env.TELEGRAM_BOT_TOKEN,
    env.EMBEDDINGS_API_KEY,
    env.LLM_API_KEY,
    env.WEBHOOK_SECRET,
    env.REDIS_URL,
    redisPassword,
  ]
    .map((s) => s?.trim())
    .filter((s): s is string => typeof s === 'string' && s.length >= 6);
}

/** Settings every command needs (paths, embedder, logging). */
export function parseConfig(env: Record<string, string | undefined>): CoreConfig {
  return parse(CoreSchema, env);
}

/** Settings the Telegram bot needs on top of the core ones. */
export function parseBotConfig(env: Record<string, string | undefined>): BotConfig {
  return parse(BotSchema, env);
}
