import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseBotConfig, parseConfig, secretsOf } from '../src/config.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1';

describe('configuration', () => {
  it('has embedded defaults for every command but the bot', () => {
    const config = parseConfig({});
    expect(config.EMBEDDER).toBe('lexical');
    expect(config.ARTICLES_DIR).toMatch(/data\/articles$/);
  });

  it('names the variable of a malformed or missing setting, never its value', () => {
    expect(() => parseConfig({ EMBEDDER: 'bert' })).toThrow(/^EMBEDDER is invalid/);
    expect(() => parseConfig({ EMBEDDER: 'openai' })).toThrow(
      'EMBEDDINGS_BASE_URL required when EMBEDDER=openai',
    );
    expect(() => parseBotConfig({})).toThrow(/^TELEGRAM_BOT_TOKEN is missing/);
    try {
      parseBotConfig({ TELEGRAM_BOT_TOKEN: 'secret-value-123' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^TELEGRAM_BOT_TOKEN is malformed/);
      expect((error as Error).message).not.toContain('secret-value-123');
    }
  });

  it('names ADMIN_USER_IDS and ARTICLES_DIR when they are wrong, not "missing" or a raw ENOENT (finding 15)', () => {
    expect(() => parseBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN, ADMIN_USER_IDS: 'me' })).toThrow(
      'ADMIN_USER_IDS is malformed: expected Telegram user ids (digits), comma-separated',
    );
    expect(() => parseConfig({ ARTICLES_DIR: '/nonexistent/articles' })).toThrow(
      'ARTICLES_DIR is not an existing folder',
    );
    expect(() => parseBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN, REDIS_URL: 'http://x' })).toThrow(
      /^REDIS_URL is invalid/,
    );
  });

  it('lists the secrets among the settings, the Redis password included', () => {
    expect(
      secretsOf({ TELEGRAM_BOT_TOKEN: TOKEN, REDIS_URL: 'redis://:p%40ssword1@127.0.0.1:6379' }),
    ).toEqual([TOKEN, 'redis://:p%40ssword1@127.0.0.1:6379', 'p@ssword1']);
  });

  it('parses bot settings', () => {
    const config = parseBotConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      ADMIN_USER_IDS: '1, 42',
      RATE_LIMIT_PER_MINUTE: '5',
    });
    expect(config).toMatchObject({
      ADMIN_USER_IDS: [1, 42],
      BOT_MODE: 'polling',
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
    });
    expect(() => parseBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' })).toThrow(
      /^WEBHOOK_URL required/,
    );
    expect(() => parseBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN, ADMIN_USER_IDS: 'abc' })).toThrow(
      /^ADMIN_USER_IDS/,
    );
  });

  it('documents in .env.example exactly the variables the code reads, with values that parse', () => {
    const example = dotenv.parse(readFileSync(join(PROJECT_ROOT, '.env.example')));
    const source = ['src/config.ts'].map((f) => readFileSync(join(PROJECT_ROOT, f), 'utf8')).join('\n');
    const read = new Set(source.match(/\b[A-Z][A-Z_]{2,}(?=: )/g));
    expect(new Set(Object.keys(example))).toEqual(read);
    expect(() => parseConfig(example)).not.toThrow();
    expect(() => parseBotConfig(example)).toThrow(/^TELEGRAM_BOT_TOKEN is missing/);
    expect(parseBotConfig({ ...example, TELEGRAM_BOT_TOKEN: TOKEN }).BOT_MODE).toBe('polling');
  });
});
