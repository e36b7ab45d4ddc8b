/** The bot as a process (src/main.ts): graceful stop, no update answered twice, webhook mode, bad settings. */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import { serveBot } from '../../src/bot/serve.ts';
import { parseConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { testDeps } from './deps.ts';
import { FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw2';
const api = new FakeBotApi(TOKEN);
const indexPath = join(mkdtempSync(join(tmpdir(), 'proc-')), 'index.json');

function startBotProcess(extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.url,
      INDEX_PATH: indexPath,
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout!.on('data', (d) => chunks.push(String(d)));
  child.stderr!.on('data', (d) => chunks.push(String(d)));
  return { child, output: () => chunks.join('') };
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; ms: number }>((resolve) => {
    const started = Date.now();
    child.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
  });

beforeAll(() => api.start());
afterAll(() => api.stop());

describe('bot process', () => {
  it('stops cleanly on SIGTERM, confirms the last update, and a restart answers nothing twice', async () => {
    const first = startBotProcess();
    const polls = () => api.calls.filter((c) => c.method === 'getUpdates').length;
    await api.waitFor(() => polls() > 0, 30_000);
    const chat = { id: 5001, type: 'private' };
    const from = { id: 5001, is_bot: false, first_name: 'U', language_code: 'en' };
    const updateId = api.push({
      message: { message_id: 1, date: 0, chat, from, text: 'What did Trump say about a ceasefire?' },
    });
    const replies = () => api.sent('sendMessage').filter((m) => m.chat_id === chat.id).length;
    await api.waitFor(() => replies() > 0, 15_000);
    const answered = replies();

    first.child.kill('SIGTERM');
    const { code } = await exited(first.child);
    expect(code).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);
    expect(first.output()).not.toContain(TOKEN);
    expect(api.pollOffsets.at(-1)).toBe(updateId + 1);

    const second = startBotProcess();
    const before = polls();
    await api.waitFor(() => polls() > before + 1, 30_000);
    expect(replies()).toBe(answered);
    second.child.kill('SIGINT');
    expect((await exited(second.child)).code).toBe(0);
  }, 90_000);

  it('says which setting is wrong, in one line, without starting', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, INDEX_PATH: indexPath, ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const missing = run({ TELEGRAM_BOT_TOKEN: '' });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(
      'TELEGRAM_BOT_TOKEN is missing: get one from @BotFather and put it in .env',
    );
    const malformed = run({ TELEGRAM_BOT_TOKEN: 'not-a-token-secret' });
    expect(malformed.stderr.trim().split('\n')).toHaveLength(1);
    expect(malformed.stderr).not.toContain('not-a-token-secret');
    const webhook = run({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' });
    expect(webhook.stderr.trim()).toBe('WEBHOOK_URL required when BOT_MODE=webhook');
  }, 60_000);
});

describe('webhook mode', () => {
  it('sets the webhook with its secret, answers updates posted to it, and refuses a wrong secret', async () => {
    const deps = await testDeps({
      core: parseConfig({ INDEX_PATH: indexPath }),
      apiRoot: api.url,
      token: TOKEN,
    });
    const running = await serveBot(createBot(TOKEN, deps), deps, {
      mode: 'webhook',
      url: 'https://bot.example.org/telegram',
      secretToken: 'hook-secret',
      port: 0,
      host: '127.0.0.1',
    });
    try {
      expect(api.sent('setWebhook').at(-1)).toMatchObject({
        url: 'https://bot.example.org/telegram',
        secret_token: 'hook-secret',
      });
      const post = (secret: string, update: object) =>
        fetch(`http://127.0.0.1:${running.port}/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
          body: JSON.stringify(update),
        });
      const chat = { id: 6001, type: 'private' };
      const message = {
        message_id: 1,
        date: 0,
        chat,
        from: { id: 6001, is_bot: false, first_name: 'W' },
        text: 'What did Putin say?',
      };
      expect((await post('wrong', { update_id: 900, message })).status).toBe(401);
      expect((await post('hook-secret', { update_id: 901, message })).status).toBe(200);
      const reply = await api.waitFor(() => api.sent('sendMessage').find((m) => m.chat_id === chat.id));
      expect(reply.text).toContain('Vladimir Putin');
      expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
    } finally {
      await running.stop();
    }
  }, 60_000);
});
