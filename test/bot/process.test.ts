/**
 * The bot as a process (src/main.ts): graceful stop (a burst of updates and SIGTERM to the process group; npm
 * signalled alone), no update answered twice, start-up against a bad Bot API, secrets on the fatal path,
 * health and metrics, webhook mode, bad settings.
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const stateDir = mkdtempSync(join(tmpdir(), 'proc-state-'));

/** Starts the bot as `node --import tsx src/main.ts` (or `npm start`) in a process group of its own. */
function startBotProcess(
  extraEnv: Record<string, string> = {},
  options: { via?: 'node' | 'npm'; apiUrl?: string } = {},
) {
  const [command, args] =
    options.via === 'npm' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'src/main.ts']];
  const child = spawn(command as string, args as string[], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: options.apiUrl ?? api.url,
      INDEX_PATH: indexPath,
      STATE_DIR: stateDir,
      OPS_PORT: '0',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const chunks: string[] = [];
  child.stdout!.on('data', (d) => chunks.push(String(d)));
  child.stderr!.on('data', (d) => chunks.push(String(d)));
  const output = () => chunks.join('');
  /** The JSON log lines with this message. */
  const logged = (msg: string) =>
    output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === msg);
  return { child, output, logged };
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

describe('finding 1: a burst of updates and SIGTERM to the process group', () => {
  it('answers every update exactly once across a stop and a restart', async () => {
    const burst = await new FakeBotApi(TOKEN).start();
    // Slow sends, so that updates are in flight when the signal comes.
    burst.delays.set('sendMessage', 25);
    const questions = [
      'What did Peskov say about NATO troops?',
      'What did Trump say about a ceasefire?',
      'What did Putin say?',
    ];
    // 50 users with 6 questions each: the later questions of a chat wait in its queue (answers are in order
    // per chat), so some are still waiting when the signal comes.
    const USERS = 50;
    const PER_USER = 6;
    const SENT = USERS * PER_USER;
    const firstChat = 30_000;
    for (let i = 0; i < SENT; i++) {
      const id = firstChat + (i % USERS);
      const from = { id, is_bot: false, first_name: 'B', language_code: 'en' };
      burst.push({
        message: { message_id: i + 1, date: 0, chat: { id, type: 'private' }, from, text: questions[i % 3] },
      });
    }
    // One answer ends with the message that carries the buttons: answers per chat.
    const answersPerChat = () => {
      const counts = new Map<number, number>();
      for (const c of burst.calls)
        if (c.method === 'sendMessage' && c.status === 200 && c.params.reply_markup)
          counts.set(c.params.chat_id as number, (counts.get(c.params.chat_id as number) ?? 0) + 1);
      return counts;
    };
    const total = () => [...answersPerChat().values()].reduce((a, b) => a + b, 0);
    const env = { STATE_DIR: mkdtempSync(join(tmpdir(), 'burst-state-')) };
    const first = startBotProcess(env, { apiUrl: burst.url });
    await burst.waitFor(() => total() >= 40, 60_000);
    process.kill(-first.child.pid!, 'SIGTERM');
    expect((await exited(first.child)).code).toBe(0);
    const answeredBeforeStop = total();
    expect(first.logged('stopping')).toHaveLength(1);
    expect(first.logged('polling stopped')).toHaveLength(1);

    const second = startBotProcess(env, { apiUrl: burst.url });
    await burst.waitFor(() => total() >= SENT, 90_000).catch(() => undefined);
    process.kill(-second.child.pid!, 'SIGINT');
    expect((await exited(second.child)).code).toBe(0);
    await burst.stop();

    const counts = [...answersPerChat().values()];
    const figures = {
      sent: SENT,
      answeredBeforeStop,
      leftForRestart: first.logged('polling stopped')[0]?.left,
      recordedAboveOffset: first.logged('polling stopped')[0]?.handled_above,
      answered: counts.reduce((a, n) => a + Math.min(n, PER_USER), 0),
      lost: SENT - counts.reduce((a, n) => a + Math.min(n, PER_USER), 0),
      duplicated: counts.reduce((a, n) => a + Math.max(0, n - PER_USER), 0),
    };
    console.log(`burst and SIGTERM: ${JSON.stringify(figures)}`);
    expect(answeredBeforeStop).toBeLessThan(SENT);
    expect(figures).toMatchObject({ answered: SENT, lost: 0, duplicated: 0 });
  }, 240_000);

  it('stops the bot when npm start alone is signalled', async () => {
    const bot = startBotProcess({}, { via: 'npm' });
    await api.waitFor(() => bot.logged('bot started').length > 0 && api.calls.length > 0, 30_000);
    process.kill(bot.child.pid!, 'SIGTERM');
    expect((await exited(bot.child)).code).toBe(0);
    await api.waitFor(() => bot.logged('stopped').length > 0, 10_000);
  }, 60_000);
});

describe('start-up, health and metrics', () => {
  it('logs its version, serves /healthz and /metrics, and counts updates', async () => {
    const bot = startBotProcess();
    await api.waitFor(() => bot.logged('bot started').length > 0, 30_000);
    expect(bot.logged('starting')[0]).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const port = bot.logged('health and metrics served')[0]!.port as number;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const chat = { id: 7001, type: 'private' };
    const from = { id: 7001, is_bot: false, first_name: 'M' };
    api.push({ message: { message_id: 1, date: 0, chat, from, text: 'What did Putin say?' } });
    await api.waitFor(() => api.sent('sendMessage').some((m) => m.chat_id === chat.id));
    await api.waitFor(() => bot.logged('update').length > 0);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^bot_updates_total\{type="message",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^bot_update_seconds_count\{type="message"\} 1$/m);
    process.kill(-bot.child.pid!, 'SIGTERM');
    expect((await exited(bot.child)).code).toBe(0);
  }, 60_000);

  it('gives up on an unreachable Bot API after STARTUP_TIMEOUT_SECONDS with one line, and on a refused token', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const unreachable = startBotProcess({ STARTUP_TIMEOUT_SECONDS: '2' }, { apiUrl: deadUrl });
    expect((await exited(unreachable.child)).code).toBe(1);
    expect(unreachable.logged('connecting to the Bot API')[0]).toMatchObject({ api_root: deadUrl });
    expect(unreachable.output()).toContain(`Error: could not reach the Bot API at ${deadUrl} within 2 s`);

    const refused = startBotProcess({ TELEGRAM_BOT_TOKEN: '987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDwrong' });
    expect((await exited(refused.child)).code).toBe(1);
    // Stdout and stderr interleave in any order: the message is one whole line.
    expect(refused.output().split('\n')).toContain(
      'TELEGRAM_BOT_TOKEN was refused by the Bot API (401 Unauthorized): check the token with @BotFather',
    );
  }, 60_000);
});

describe('finding 9: secrets on the fatal path', () => {
  it('never prints the token when the Bot API echoes the request path in an error', async () => {
    api.inject('getMe', { code: 400, description: `Bad Request: no such path /bot${TOKEN}/getMe` }, 20);
    const bot = startBotProcess({ STARTUP_TIMEOUT_SECONDS: '1' });
    expect((await exited(bot.child)).code).toBe(1);
    expect(bot.output()).toContain('/bot[redacted]/getMe');
    expect(bot.output()).not.toContain(TOKEN);
    api.inject('getMe', { code: 200, result: api.me }, 0);
  }, 60_000);

  it('never prints an embeddings key that the endpoint echoes in its error', async () => {
    const KEY = 'sk-test-0123456789abcdefSECRET';
    const echo = createServer((req, res) => {
      res.writeHead(500, `refused ${req.headers.authorization}`).end();
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', 'What did Putin say?'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        EMBEDDER: 'openai',
        EMBEDDINGS_BASE_URL: `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`,
        EMBEDDINGS_MODEL: 'm',
        EMBEDDINGS_API_KEY: KEY,
        INDEX_PATH: join(mkdtempSync(join(tmpdir(), 'echo-')), 'index.json'),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    await new Promise<void>((r) => echo.close(() => r()));
    expect(`${cli.stdout}${cli.stderr}`).not.toContain(KEY);
    expect(`${cli.stdout}${cli.stderr}`).not.toContain('0123456789abcdef');
  }, 90_000);
});
