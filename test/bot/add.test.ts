/**
 * `/add <url>` in the bot, end to end: a Bot-API-shaped server and a news site, both on 127.0.0.1. An admin adds
 * a page and users are answered from it at once; the same page twice, a 404 and a non-admin are refused.
 */

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import { type RunningBot, serveBot } from '../../src/bot/serve.ts';
import { parseConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { testDeps } from './deps.ts';
import { FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw2';
const ADMIN = 7;
const api = new FakeBotApi(TOKEN);
let running: RunningBot;
let site: Server;
let base: string;
let articlesDir: string;
let messageId = 1;

const person = (id: number) => ({ id, is_bot: false, first_name: 'U', language_code: 'en' });
function command(text: string, id: number) {
  const length = text.split(' ')[0]!.length;
  api.push({
    message: {
      message_id: messageId++,
      date: 0,
      chat: { id, type: 'private' },
      from: person(id),
      text,
      entities: [{ type: 'bot_command', offset: 0, length }],
    },
  });
}
const replyTo = (chatId: number, since: number) =>
  api.waitFor(
    () =>
      api.calls.slice(since).find((c) => c.method === 'sendMessage' && c.params.chat_id === chatId)?.params
        .text as string | undefined,
  );

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url !== '/news/lavrov') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(join(PROJECT_ROOT, 'test/fixtures/pages/opengraph.html')));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'bot-add-'));
  articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir);
  for (const f of readdirSync(join(PROJECT_ROOT, 'data/articles')))
    copyFileSync(join(PROJECT_ROOT, 'data/articles', f), join(articlesDir, f));
  const core = parseConfig({ ARTICLES_DIR: articlesDir, INDEX_PATH: join(dir, 'index.json') });
  const deps = await testDeps({
    core,
    apiRoot: api.url,
    token: TOKEN,
    admins: [ADMIN],
    rateLimitPerMinute: 60,
    prewarm: true,
    log: new Writable({ write: (_c, _e, done) => done() }),
  });
  running = await serveBot(createBot(TOKEN, deps), deps, { mode: 'polling' });
});

afterAll(async () => {
  await running?.stop();
  await api.stop();
  site.closeAllConnections();
  site.close();
});

describe('/add', () => {
  it('adds a page for an admin, with its metadata, and answers from it at once', async () => {
    let mark = api.calls.length;
    command(`/add ${base}/news/lavrov`, ADMIN);
    expect(await replyTo(ADMIN, mark)).toMatch(
      /^Added 127\.0\.0\.1_[0-9a-f]{12}#1: لافروف: لا بديل عن الحوار مع الولايات المتحدة \(2024-11-18\); the index is reloaded\.$/,
    );
    mark = api.calls.length;
    command('/ask ماذا قال لافروف عن مصالح روسيا الأمنية؟', 300);
    const reply = await replyTo(300, mark);
    expect(reply).toContain('لن نغلق الباب أمام أي مبادرة جادة');
    expect(reply).toContain('موقع الأنباء التجريبي');
  });

  it('refuses the same page twice, a missing page and a non-admin, changing nothing', async () => {
    const before = readdirSync(articlesDir).sort();
    let mark = api.calls.length;
    command(`/add ${base}/news/lavrov`, ADMIN);
    expect(await replyTo(ADMIN, mark)).toMatch(/^The page was not added: this page was already added as /);
    mark = api.calls.length;
    command(`/add ${base}/news/gone`, ADMIN);
    expect(await replyTo(ADMIN, mark)).toBe(
      'The page was not added: the server answered 404 Not Found. Nothing was changed.',
    );
    mark = api.calls.length;
    command(`/add ${base}/news/lavrov`, 301);
    expect(await replyTo(301, mark)).toBe('Only administrators can do that.');
    mark = api.calls.length;
    command('/add', ADMIN);
    expect(await replyTo(ADMIN, mark)).toMatch(/^Send \/add followed by the address of a news page/);
    expect(readdirSync(articlesDir).sort()).toEqual(before);
  });
});
