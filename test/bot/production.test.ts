/**
 * The bot in production (issue 9), in process against the Bot-API-shaped server on 127.0.0.1: each numbered
 * finding of the issue is a test here (the process-level ones are in process.test.ts, the Redis ones in
 * redis.test.ts).
 */

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import type { BotDeps } from '../../src/bot/deps.ts';
import { TokenRefusedError } from '../../src/bot/polling.ts';
import { type RunningBot, serveBot } from '../../src/bot/serve.ts';
import { parseConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { SHOWN_LIMITS } from '../../src/render/telegram-html.ts';
import { chatWith } from './chat.ts';
import { testDeps } from './deps.ts';
import { checkTelegramHtml, FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '555555555:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw5';
// Ingestion refuses headlines over 300 characters (corpus/limits.ts); the reply cuts them at 200.
const LONG_TITLE = 'عنوان طويل جدا عن المفاوضات '.repeat(10).trim();
const FILLER = 'وأضاف المصدر أن الاجتماعات تتواصل في العاصمة بين الوفود المختلفة. ';
const GRAIN_QUOTE = 'خطوط الإمداد عبر البحر الأسود يجب أن تبقى مفتوحة للحبوب';

let api: FakeBotApi;
let chat: ReturnType<typeof chatWith>;
let dir: string;
const logLines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

/** A folder with the seed articles, one article with a 279-character headline, one with a 5,400-character paragraph. */
function articlesFolder(): string {
  const folder = join(dir, 'articles');
  mkdirSync(folder);
  for (const f of readdirSync(join(PROJECT_ROOT, 'data/articles')))
    copyFileSync(join(PROJECT_ROOT, 'data/articles', f), join(folder, f));
  writeFileSync(
    join(folder, '901_longhead.txt'),
    'خبر عن الضمانات\nقال المستشار الألماني أولاف شولتس إن "الضمانات الأمنية لكييف شرط لأي اتفاق سلام دائم" في أوكرانيا.\n',
  );
  writeFileSync(
    join(folder, 'meta.json'),
    JSON.stringify({ '901_longhead.txt': { title: LONG_TITLE, outlet: 'منفذ '.repeat(39).trim() } }),
  );
  const paragraph = `${FILLER.repeat(40)}وقال المستشار الألماني أولاف شولتس إن "${GRAIN_QUOTE}" بحسب البيان. ${FILLER.repeat(40)}`;
  writeFileSync(join(folder, '902_hugepara.txt'), `عنوان خبر الحبوب\n${paragraph}\n`);
  return folder;
}

let articlesDir: string;
const core = () => parseConfig({ ARTICLES_DIR: articlesDir, INDEX_PATH: join(dir, 'index.json') });

/** Starts a bot in polling mode over the test folder; `stateDir` shared makes a restart. */
async function startBot(options: Partial<Parameters<typeof testDeps>[0]> = {}) {
  const deps: BotDeps = await testDeps({
    core: core(),
    apiRoot: api.url,
    token: TOKEN,
    log: sink,
    admins: [7],
    prewarm: true,
    ...options,
  });
  const running = await serveBot(createBot(TOKEN, deps), deps, { mode: 'polling' });
  return { deps, running };
}

let main: { deps: BotDeps; running: RunningBot };

beforeAll(async () => {
  api = await new FakeBotApi(TOKEN).start();
  chat = chatWith(api);
  dir = mkdtempSync(join(tmpdir(), 'prod-'));
  articlesDir = articlesFolder();
  main = await startBot({ stateDir: join(dir, 'state') });
}, 60_000);

afterAll(async () => {
  await main?.running.stop();
  await api.stop();
});

describe('finding 2 and 10: huge headlines, quotes and paragraphs', () => {
  it('answers over an article with a long headline in valid messages with the headline cut', async () => {
    const mark = api.calls.length;
    const { from } = chat.sendText('What did Scholz say about security guarantees for Kyiv?');
    await chat.waitMessages(from.id, 1, mark);
    await api.waitFor(() => chat.messagesTo(from.id, mark).some((m) => chat.buttons(m).length > 0));
    const html = chat.messagesTo(from.id, mark).map((m) => m.text as string);
    expect(html.join('\n')).toContain('الضمانات الأمنية لكييف شرط لأي اتفاق سلام دائم');
    expect(html.join('\n')).toContain(`${LONG_TITLE.slice(0, 100)}`);
    expect(html.join('\n')).not.toContain(LONG_TITLE.slice(0, SHOWN_LIMITS.headline + 20));
    for (const m of html) expect(checkTelegramHtml(m)).toBeNull();
    // Nothing the server refused (a refused message would be "message is too long").
    expect(api.calls.slice(mark).filter((c) => c.method === 'sendMessage' && c.status !== 200)).toEqual([]);
  });

  it('shows Context of a 5,400-character paragraph as a window with the cuts marked', async () => {
    const mark = api.calls.length;
    const { from } = chat.sendText('What did Scholz say about grain in the Black Sea?');
    const answer = await api.waitFor(() =>
      chat.messagesTo(from.id, mark).find((m) => chat.buttons(m).length > 0),
    );
    expect(chat.messagesTo(from.id, mark)[0]!.text).toContain(GRAIN_QUOTE);
    const context = chat.buttons(answer).find((b) => b.text === 'Context 1')!;
    const mark2 = api.calls.length;
    chat.press(from, context.callback_data);
    const [shown] = await chat.waitMessages(from.id, 1, mark2);
    expect(shown!.text).toContain(`<b>${GRAIN_QUOTE}</b>`);
    expect(shown!.text).toMatch(/<blockquote expandable>… .*<\/blockquote>/s);
    expect(checkTelegramHtml(shown!.text as string)).toBeNull();
  });
});

describe('finding 3: odd Bot API answers are survived', () => {
  it('goes on polling after a non-list result, a null result, a bad entry, 409 and 500', async () => {
    api.inject('getUpdates', { code: 200, result: { a: 1 } });
    api.inject('getUpdates', { code: 200, result: null });
    api.inject('getUpdates', { code: 200, result: [{ no_update_id: true }] });
    api.fail('getUpdates', 409);
    api.fail('getUpdates', 500);
    // The pending long poll returns on this update; the faults hit the polls after it.
    chat.sendText('/help');
    const warnings = () => logLines.filter((l) => l.level === 40).map((l) => l.msg);
    await api.waitFor(() => warnings().includes('getUpdates failed; retrying'), 60_000);
    expect(warnings()).toEqual(
      expect.arrayContaining([
        'getUpdates: result is not a list; retrying',
        'getUpdates: an entry without an update id; skipped',
        expect.stringMatching(/^getUpdates: 409 Conflict/),
      ]),
    );
    // And it still answers.
    const mark = api.calls.length;
    const { from } = chat.sendText('What did Putin say?');
    const [reply] = await chat.waitMessages(from.id, 1, mark, 60_000);
    expect(reply!.text).toContain('Vladimir Putin');
  }, 90_000);

  it('ends polling with TokenRefusedError on 401, and treats a missing setMyCommands as a warning', async () => {
    const other = new FakeBotApi(TOKEN);
    await other.start();
    other.unsupported.add('setMyCommands');
    const deps = await testDeps({ core: core(), apiRoot: other.url, token: TOKEN, log: sink });
    const running = await serveBot(createBot(TOKEN, deps), deps, { mode: 'polling' });
    expect(logLines.some((l) => l.msg === 'setMyCommands failed: the command menu is not registered')).toBe(
      true,
    );
    other.fail('getUpdates', 401);
    other.push({ message: chat.textMessage('/help', chat.user(), { id: 1, type: 'private' }) });
    await expect(running.finished).rejects.toBeInstanceOf(TokenRefusedError);
    await running.stop();
    await other.stop();
  }, 60_000);
});

describe('finding 5: long and repeated 429s', () => {
  it('keeps a reply through a 429 storm and through a retry_after of 35 s; no apology', async () => {
    const mark = api.calls.length;
    api.fail('sendMessage', 429, 12, 1);
    const a = chat.sendText('What did Trump say about a ceasefire?');
    await api.waitFor(() => chat.messagesTo(a.from.id, mark).length > 0, 60_000);
    api.fail('sendMessage', 429, 1, 35);
    const b = chat.sendText('What did Peskov say about NATO troops?');
    await api.waitFor(() => chat.messagesTo(b.from.id, mark).length > 0, 80_000);
    for (const id of [a.from.id, b.from.id]) {
      const texts = chat.messagesTo(id, mark).map((m) => m.text as string);
      expect(texts.join('\n')).toMatch(/Donald Trump|Dmitry Peskov/);
      expect(texts.join('\n')).not.toContain('Something went wrong');
    }
    const refused = api.calls.slice(mark).filter((c) => c.method === 'sendMessage' && c.status === 429);
    expect(refused).toHaveLength(13);
  }, 120_000);
});

describe('finding 13: buttons and /lang', () => {
  it('binds answer ids to the chat, and keeps answers and /lang across a restart', async () => {
    const mark = api.calls.length;
    const alice = chat.user();
    const bob = chat.user();
    chat.press(alice, 'l:ar');
    await chat.waitMessages(alice.id, 1, mark);
    chat.sendText('What did Peskov say about NATO troops?', alice);
    const answer = await api.waitFor(() =>
      chat.messagesTo(alice.id, mark).find((m) => chat.buttons(m).length > 0),
    );
    expect(answer.text).toContain('دميتري بيسكوف');
    const context = chat.buttons(answer).find((b) => b.text === 'السياق 1')!.callback_data;
    expect(context).toMatch(/^c:[0-9a-z]{16}:0$/);

    // Bob, in his own chat, sends Alice's callback data: he learns nothing.
    const mark2 = api.calls.length;
    chat.press(bob, context);
    const refused = await chat.nextCall('answerCallbackQuery', mark2);
    expect(refused.params.text).toBe('This button has expired. Please ask the question again.');
    expect(chat.messagesTo(bob.id, mark2)).toEqual([]);

    // A restart: same state folder, new process state.
    await main.running.stop();
    main = await startBot({ stateDir: join(dir, 'state') });
    const mark3 = api.calls.length;
    chat.press(alice, context);
    const [paragraph] = await chat.waitMessages(alice.id, 1, mark3);
    expect(paragraph!.text).toContain('الفقرة المحيطة بالاقتباس');
    expect(paragraph!.text).toContain('<b>إن نشر عسكريين تابعين لدول حلف');
    const mark4 = api.calls.length;
    chat.sendText('What did Trump say about a ceasefire?', alice);
    const [again] = await chat.waitMessages(alice.id, 1, mark4);
    expect(again!.text).toContain('دونالد ترامب');
  }, 60_000);
});

describe('finding 14: rate limits answer every limited update', () => {
  it('notices once per window, answers limited buttons and inline queries, and budgets inline apart', async () => {
    const limited = await startLimitedBot();
    try {
      const { api: lapi, chat: lchat } = limited;
      const from = lchat.user();
      // 25 inline keystrokes first: their own budget (5), so the question after them is answered.
      for (let i = 0; i < 25; i++)
        lapi.push({
          inline_query: { id: `iq${i}`, from, query: 'What did Putin say'.slice(0, i % 18), offset: '' },
        });
      await lapi.waitFor(() => lapi.sent('answerInlineQuery').length === 25);
      const emptyAnswers = lapi
        .sent('answerInlineQuery')
        .filter((a) => (a.results as unknown[]).length === 0);
      expect(emptyAnswers.length).toBeGreaterThanOrEqual(20);
      for (let i = 0; i < 5; i++) lchat.sendText('What did Putin say?', from);
      await lapi.waitFor(() => lapi.calls.filter((c) => c.method === 'sendMessage').length >= 4);
      lchat.press(from, 'l:en');
      const limitedPress = await lapi.waitFor(() => lapi.sent('answerCallbackQuery').at(-1));
      expect(limitedPress.text).toBe('You are asking very fast. Please wait a minute and try again.');
      const texts = lchat.messagesTo(from.id).map((m) => m.text as string);
      expect(texts.filter((t) => t.includes('Vladimir Putin'))).toHaveLength(3);
      expect(texts.filter((t) => t.startsWith('You are asking very fast'))).toHaveLength(1);
    } finally {
      await limited.stop();
    }
  }, 60_000);
});

/** A bot with small budgets (3 per minute, 5 inline queries), on its own server. */
async function startLimitedBot() {
  const lapi = await new FakeBotApi(TOKEN).start();
  const deps = await testDeps({
    core: core(),
    apiRoot: lapi.url,
    token: TOKEN,
    rateLimitPerMinute: 3,
    inlineLimitPerMinute: 5,
  });
  const running = await serveBot(createBot(TOKEN, deps), deps, { mode: 'polling' });
  return {
    api: lapi,
    chat: chatWith(lapi),
    stop: async () => {
      await running.stop();
      await lapi.stop();
    },
  };
}

describe('finding 15: commands, odd messages, plural forms', () => {
  it('says so for an unknown command, matches commands in any case, ignores other bots', async () => {
    const from = chat.user();
    let mark = api.calls.length;
    chat.sendText('/frobnicate', from);
    expect((await chat.waitMessages(from.id, 1, mark))[0]!.text).toMatch(/^I don't know that command/);
    mark = api.calls.length;
    chat.sendText('/ASK What did Trump say about a ceasefire?', from);
    expect((await chat.waitMessages(from.id, 1, mark))[0]!.text).toContain('Donald Trump');
    const group = { id: -5005, type: 'supergroup', title: 'G' };
    mark = api.calls.length;
    chat.sendText('/ask@otherbot What did Trump say?', from, group);
    chat.sendText('/ask@quotes_test_bot What did Putin say?', from, group);
    const [reply] = await chat.waitMessages(group.id, 1, mark);
    expect(reply!.text).toContain('Vladimir Putin');
    expect(chat.messagesTo(group.id, mark).some((m) => (m.text as string).includes('Donald Trump'))).toBe(
      false,
    );
  });

  it('answers a message that has no sender (an anonymous group admin)', async () => {
    const group = { id: -5006, type: 'supergroup', title: 'G' };
    const mark = api.calls.length;
    chat.sendText('/ask What did Putin say?', undefined, group, {
      sender_chat: { id: -5006, type: 'supergroup', title: 'G' },
    });
    const [reply] = await chat.waitMessages(group.id, 1, mark);
    expect(reply!.text).toContain('Vladimir Putin');
  });

  it('uses the plural rules of each language', async () => {
    const from = chat.user('ar');
    const mark = api.calls.length;
    chat.sendText('/sources', from);
    const [list] = await chat.waitMessages(from.id, 1, mark);
    expect(list!.text).toMatch(/^8 مقالات:/);
    const { messages } = await import('../../src/bot/messages.ts');
    expect(messages.en.reloaded(1, 1)).toBe('Reloaded: 1 article, 1 warning.');
    expect(messages.ar.reloaded(1, 2)).toBe('أعيد التحميل: مقال واحد، تحذيران.');
    expect(messages.ar.sourcesTitle(11)).toBe('11 مقالًا:');
    expect(messages.ar.sourcesTitle(100)).toBe('100 مقال:');
  });
});

describe('finding 6: webhook', () => {
  it('answers Telegram at once, handles the update after, and answers a redelivered update once', async () => {
    const wapi = await new FakeBotApi(TOKEN).start();
    const wchat = chatWith(wapi);
    wapi.delays.set('sendMessage', 1500);
    const deps = await testDeps({ core: core(), apiRoot: wapi.url, token: TOKEN });
    const running = await serveBot(createBot(TOKEN, deps), deps, {
      mode: 'webhook',
      url: 'https://bot.example.org/hook',
      secretToken: 'hook-secret',
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const post = (update: object) =>
        fetch(`http://127.0.0.1:${running.port}/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'hook-secret' },
          body: JSON.stringify(update),
        });
      const from = wchat.user();
      const question = {
        update_id: 501,
        message: wchat.textMessage('What did Putin say?', from, wchat.privateChat(from)),
      };
      expect((await post(question)).status).toBe(200);
      // Telegram had its answer before any reply was sent.
      expect(wapi.calls.filter((c) => c.method === 'sendMessage' && c.status !== undefined)).toEqual([]);
      expect((await post(question)).status).toBe(200);
      expect(
        (await post({ update_id: 502, message: wchat.textMessage('/help', from, wchat.privateChat(from)) }))
          .status,
      ).toBe(200);
      expect((await post({ not: 'an update' })).status).toBe(400);
      // In order within the chat: once /help is answered, a second handling of 501 would have happened.
      await wapi.waitFor(() =>
        wchat.messagesTo(from.id).some((m) => (m.text as string).startsWith('Write a question')),
      );
      const answers = wchat.messagesTo(from.id).filter((m) => wchat.buttons(m).length > 0);
      expect(answers).toHaveLength(1);
      expect(wchat.messagesTo(from.id)[0]!.text).toContain('Vladimir Putin');
    } finally {
      await running.stop();
      await wapi.stop();
    }
  }, 60_000);
});

describe('finding 4 (the bot side): reloads and uploads run off the event loop, with a time limit', () => {
  it('answers a question asked during /reload before the reload is done', async () => {
    const admin = chat.user('en', 7);
    const mark = api.calls.length;
    chat.sendText('/reload', admin);
    const { from } = chat.sendText('What did Putin say?');
    const [reloaded] = await chat.waitMessages(admin.id, 1, mark, 60_000);
    expect(reloaded!.text).toMatch(/^Reloaded: 8 articles/);
    const sends = api.calls.slice(mark).filter((c) => c.method === 'sendMessage');
    const answeredAt = sends.findIndex((c) => c.params.chat_id === from.id);
    const reloadedAt = sends.findIndex((c) => c.params.chat_id === admin.id);
    expect(answeredAt).toBeGreaterThanOrEqual(0);
    expect(answeredAt).toBeLessThan(reloadedAt);
  }, 60_000);

  it('abandons an upload that outlasts the limit, and nothing changes', async () => {
    const { openLibrary } = await import('../../src/library.ts');
    const library = await openLibrary(core(), undefined, { timeoutMs: 50 });
    const before = library.articles().length;
    const result = await library.addArticle(
      '905_slow.txt',
      Buffer.from('عنوان\nقال بوتين إن "هذا نص تجريبي عن المفاوضات" في موسكو.\n'),
    );
    expect(result).toEqual({ ok: false, error: 'the work took longer than 0.05 s and was abandoned' });
    expect(readdirSync(articlesDir)).not.toContain('905_slow.txt');
    expect(library.articles()).toHaveLength(before);
  }, 60_000);
});
