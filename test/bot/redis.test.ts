/**
 * Several instances sharing one Redis (a real redis-server, started here on a free port in a temporary folder):
 * two bots in webhook mode, each with its own articles folder, behind one Bot API. A button pressed on B for an
 * answer made on A, /lang set on A applying on B, an article added on A answered on B, one rate limit, and an
 * update delivered to both answered once. Skipped, with a message, when no redis-server is installed.
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import type { BotDeps } from '../../src/bot/deps.ts';
import { type RunningBot, serveBot } from '../../src/bot/serve.ts';
import { parseConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { chatWith } from './chat.ts';
import { testDeps } from './deps.ts';
import { FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '444444444:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4';
const ADMIN = 77;
const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
if (!redisServer)
  console.warn('SKIPPED: the Redis tests (test/bot/redis.test.ts) need redis-server; .ci/run installs it.');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe.skipIf(!redisServer)('several instances sharing Redis', () => {
  let redis: ChildProcess;
  let redisUrl: string;
  const api = new FakeBotApi(TOKEN);
  const chat = chatWith(api, 50_000);
  const instances: Array<{
    deps: BotDeps;
    running: RunningBot;
    post: (update: object) => Promise<Response>;
  }> = [];

  async function startInstance(name: string) {
    const dir = mkdtempSync(join(tmpdir(), `redis-${name}-`));
    const articlesDir = join(dir, 'articles');
    mkdirSync(articlesDir);
    for (const f of readdirSync(join(PROJECT_ROOT, 'data/articles')))
      copyFileSync(join(PROJECT_ROOT, 'data/articles', f), join(articlesDir, f));
    const deps = await testDeps({
      core: parseConfig({ ARTICLES_DIR: articlesDir, INDEX_PATH: join(dir, 'index.json') }),
      apiRoot: api.url,
      token: TOKEN,
      admins: [ADMIN],
      rateLimitPerMinute: 4,
      prewarm: true,
      redisUrl,
    });
    // What main.ts does with an article announced by another instance.
    deps.state.onArticle((article) => void deps.library.receiveArticle(article));
    const running = await serveBot(createBot(TOKEN, deps), deps, {
      mode: 'webhook',
      url: `https://bot.example.org/${name}`,
      secretToken: 'shared-secret',
      port: 0,
      host: '127.0.0.1',
    });
    const post = (update: object) =>
      fetch(`http://127.0.0.1:${running.port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'shared-secret' },
        body: JSON.stringify(update),
      });
    return { deps, running, post };
  }

  let nextUpdate = 1;
  const message = (text: string, from: ReturnType<typeof chat.user>) => ({
    update_id: nextUpdate++,
    message: chat.textMessage(text, from, chat.privateChat(from)),
  });
  const callback = (data: string, from: ReturnType<typeof chat.user>) => ({
    update_id: nextUpdate++,
    callback_query: {
      id: `cb${nextUpdate}`,
      from,
      chat_instance: 'x',
      data,
      message: { message_id: 1, date: 0, chat: chat.privateChat(from) },
    },
  });

  beforeAll(async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'redis-server-'));
    redis = spawn(
      redisServer,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    redisUrl = `redis://127.0.0.1:${port}/0`;
    // Wait until the server accepts connections.
    for (let attempt = 0; ; attempt++) {
      const probe = new Redis(redisUrl, { lazyConnect: true, retryStrategy: () => null });
      probe.on('error', () => undefined);
      const pong = await probe.connect().then(
        () => probe.ping(),
        () => null,
      );
      probe.disconnect();
      if (pong === 'PONG') break;
      if (attempt > 100) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    await api.start();
    instances.push(await startInstance('a'), await startInstance('b'));
  }, 60_000);

  afterAll(async () => {
    for (const { running, deps } of instances) {
      await running.stop();
      await deps.state.close();
    }
    await api.stop();
    redis?.kill('SIGTERM');
  });

  it('answers on A, and B shows the Context of that answer', async () => {
    const [a, b] = instances;
    const from = chat.user();
    await a!.post(message('What did Peskov say about NATO troops?', from));
    const answer = await api.waitFor(() => chat.messagesTo(from.id).find((m) => chat.buttons(m).length > 0));
    const context = chat.buttons(answer).find((button) => button.text === 'Context 1')!.callback_data;
    const mark = api.calls.length;
    await b!.post(callback(context, from));
    const [shown] = await chat.waitMessages(from.id, 1, mark);
    expect(shown!.text).toContain('The paragraph around the quote:');
    expect(shown!.text).toContain('<b>إن نشر عسكريين تابعين لدول حلف');
  });

  it('applies /lang chosen on A to a question asked on B', async () => {
    const [a, b] = instances;
    const from = chat.user('en');
    await a!.post(callback('l:ar', from));
    await chat.waitMessages(from.id, 1);
    const mark = api.calls.length;
    await b!.post(message('What did Trump say about a ceasefire?', from));
    const [reply] = await chat.waitMessages(from.id, 1, mark);
    expect(reply!.text).toContain('دونالد ترامب');
  });

  it('answers on B from an article added on A', async () => {
    const [a, b] = instances;
    const admin = chat.user('en', ADMIN);
    const article =
      'عنوان خبر هولندي\nقال رئيس الوزراء الهولندي مارك روته إن "الدعم العسكري لأوكرانيا سيستمر مهما طال الزمن" في لاهاي.\n';
    api.files.set('documents/rutte.txt', Buffer.from(article));
    await a!.post({
      update_id: nextUpdate++,
      message: {
        message_id: 9,
        date: 0,
        chat: chat.privateChat(admin),
        from: admin,
        document: { file_id: 'rutte', file_unique_id: 'rutte', file_name: '903_rutte.txt', file_size: 200 },
      },
    });
    const [added] = await chat.waitMessages(ADMIN, 1, 0, 60_000);
    expect(added!.text).toBe('Added 903_rutte#1; the index is reloaded.');
    await api.waitFor(() => b!.deps.library.articles().some((x) => x.id === '903_rutte#1'), 60_000);
    const from = chat.user();
    await b!.post(message('What did Rutte say about military support?', from));
    const [reply] = await chat.waitMessages(from.id, 1);
    expect(reply!.text).toContain('الدعم العسكري لأوكرانيا سيستمر مهما طال الزمن');
  }, 90_000);

  it('counts one rate limit across instances and answers an update delivered to both once', async () => {
    const [a, b] = instances;
    const from = chat.user();
    for (let i = 0; i < 5; i++) await (i % 2 ? b : a)!.post(message('What did Putin say?', from));
    await api.waitFor(() =>
      chat.messagesTo(from.id).some((m) => (m.text as string).startsWith('You are asking very fast')),
    );
    const twice = chat.user();
    const update = message('What did Putin say?', twice);
    await Promise.all([a!.post(update), b!.post(update)]);
    await b!.post(message('/help', twice));
    await api.waitFor(() =>
      chat.messagesTo(twice.id).some((m) => (m.text as string).startsWith('Write a question')),
    );
    expect(chat.messagesTo(twice.id).filter((m) => chat.buttons(m).length > 0)).toHaveLength(1);
  });
});
