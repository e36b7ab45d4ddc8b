/** The bot end to end, in process, against the Bot-API-shaped server on 127.0.0.1. */

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import type { BotDeps } from '../../src/bot/deps.ts';
import { type RunningBot, serveBot } from '../../src/bot/serve.ts';
import { parseConfig } from '../../src/config.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { chatWith } from './chat.ts';
import { testDeps } from './deps.ts';
import { checkTelegramHtml, FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1';
const ADMIN = 7;
const api = new FakeBotApi(TOKEN);
const logLines: Array<Record<string, unknown>> = [];
let rawLog = '';
let running: RunningBot;
let articlesDir: string;
let messageCounter = 10_000;
let callbackCounter = 1;
const { user, sendText, nextCall, messagesTo, waitMessages, buttons } = chatWith(api, 100);
/** Sends a command ("/start", "/ask question"); the helper attaches the bot_command entity. */
const sendCommand = sendText;

beforeAll(async () => {
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'bot-'));
  articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir);
  for (const f of readdirSync(join(PROJECT_ROOT, 'data/articles')))
    copyFileSync(join(PROJECT_ROOT, 'data/articles', f), join(articlesDir, f));
  const core = parseConfig({ ARTICLES_DIR: articlesDir, INDEX_PATH: join(dir, 'index.json') });
  const sink = new Writable({
    write(chunk, _enc, done) {
      rawLog += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const deps: BotDeps = await testDeps({
    core,
    apiRoot: api.url,
    token: TOKEN,
    admins: [ADMIN],
    rateLimitPerMinute: 6,
    prewarm: true,
    log: sink,
  });
  running = await serveBot(createBot(TOKEN, deps), deps, { mode: 'polling' });
});

afterAll(async () => {
  await running?.stop();
  await api.stop();
});

describe('start-up', () => {
  it('registers its commands in English and Arabic and polls without a webhook', async () => {
    await api.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'));
    const commands = api.sent('setMyCommands');
    expect(commands.map((c) => c.language_code ?? 'default')).toEqual(['default', 'ar']);
    expect(api.sent('deleteWebhook')).toHaveLength(1);
  });
});

describe('questions in a private chat', () => {
  it('answers an English question with quote, speaker, date and source, in valid HTML with buttons', async () => {
    const since = api.calls.length;
    const { from } = sendText('What did Peskov say about NATO troops?');
    const [first] = await waitMessages(from.id, 1, since);
    const all = messagesTo(from.id, since);
    expect(
      api.calls.slice(since).some((c) => c.method === 'sendChatAction' && c.params.action === 'typing'),
    ).toBe(true);
    const html = all.map((m) => m.text as string).join('\n');
    expect(first!.parse_mode).toBe('HTML');
    expect(html).toContain('Dmitry Peskov');
    expect(html).toContain('<blockquote>إن نشر عسكريين تابعين لدول حلف &quot;الناتو&quot;');
    expect(html).toContain('\u2068الخميس\u2069 (Thursday) — the source gives no date');
    for (const m of all) expect(checkTelegramHtml(m.text as string)).toBeNull();
    const labels = buttons(all.at(-1)!).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['Context 1', 'Source 1', 'More ▸']));
  });

  it('answers an Arabic question in Arabic', async () => {
    const since = api.calls.length;
    const { from } = sendText('ماذا قال ترامب عن وقف إطلاق النار؟', user('ar'));
    const [reply] = await waitMessages(from.id, 1, since);
    expect(reply!.text).toContain('دونالد ترامب');
    expect(reply!.text).toMatch(/يريد إنهاء إراقة\s+الدماء/);
    expect(reply!.text).not.toMatch(/Donald|source gives/);
  });

  it('says plainly when the sources hold no answer, with what they cover', async () => {
    const since = api.calls.length;
    const { from } = sendText('What did Boris Johnson say about the Istanbul talks?');
    const [reply] = await waitMessages(from.id, 1, since);
    expect(reply!.text).toMatch(/^The sources hold no statement by Boris Johnson\./);
    expect(reply!.text).toContain('Try:');
  });

  it('pages with More, shows Context and Source', async () => {
    const since = api.calls.length;
    const from = user();
    sendText('What did Peskov say?', from);
    await waitMessages(from.id, 1, since);
    const keyboard = buttons(messagesTo(from.id, since).at(-1)!);
    const press = (data: string) =>
      api.push({
        callback_query: {
          id: String(callbackCounter++),
          from,
          chat_instance: 'x',
          data,
          message: { message_id: 1, date: 0, chat: { id: from.id, type: 'private' } },
        },
      });

    let mark = api.calls.length;
    press(keyboard.find((b) => b.text === 'More ▸')!.callback_data);
    const [more] = await waitMessages(from.id, 1, mark);
    expect(more!.text).toMatch(/^<b>6\. /);
    expect(api.sent('answerCallbackQuery').length).toBeGreaterThan(0);

    mark = api.calls.length;
    press(keyboard.find((b) => b.text === 'Context 1')!.callback_data);
    const [context] = await waitMessages(from.id, 1, mark);
    expect(context!.text).toContain('The paragraph around the quote:');
    expect(context!.text).toMatch(/<blockquote expandable>.*<b>.+<\/b>/s);

    mark = api.calls.length;
    press(keyboard.find((b) => b.text === 'Source 1')!.callback_data);
    const [source] = await waitMessages(from.id, 1, mark);
    expect(source!.text).toMatch(/<b>Source: /);
    expect(source!.text).toContain('Page 1 of');
  });

  it('tells the user when a button has expired', async () => {
    const from = user();
    const mark = api.calls.length;
    api.push({ callback_query: { id: 'old', from, chat_instance: 'x', data: 'm:zzzz:5' } });
    const answered = await nextCall('answerCallbackQuery', mark);
    expect(answered.params.text).toBe('This button has expired. Please ask the question again.');
  });

  it('explains non-text, over-long and empty messages', async () => {
    const from = user();
    let mark = api.calls.length;
    api.push({
      message: {
        message_id: messageCounter++,
        date: 0,
        chat: { id: from.id, type: 'private' },
        from,
        photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }],
      },
    });
    expect((await waitMessages(from.id, 1, mark))[0]!.text).toMatch(/only read text/);
    mark = api.calls.length;
    sendText('ا'.repeat(1001), from);
    expect((await waitMessages(from.id, 1, mark))[0]!.text).toMatch(/too long/);
    mark = api.calls.length;
    sendCommand('/ask', from);
    expect((await waitMessages(from.id, 1, mark))[0]!.text).toMatch(/^Please write a question after \/ask/);
  });

  it('replies in the language chosen with /lang', async () => {
    const from = user('ar');
    api.push({
      callback_query: {
        id: 'l',
        from,
        chat_instance: 'x',
        data: 'l:en',
        message: { message_id: 1, date: 0, chat: { id: from.id, type: 'private' } },
      },
    });
    expect((await waitMessages(from.id, 1))[0]!.text).toBe('I will reply in English.');
    const mark = api.calls.length;
    sendText('ماذا قال ترامب عن وقف إطلاق النار؟', from);
    const [reply] = await waitMessages(from.id, 1, mark);
    expect(reply!.text).toContain('Donald Trump');
    expect(reply!.text).toMatch(/يريد إنهاء إراقة\s+الدماء/);
  });
});

describe('commands', () => {
  it('/start welcomes in the user’s language with three example questions', async () => {
    const from = user('ar');
    const mark = api.calls.length;
    sendCommand('/start', from);
    const [welcome] = await waitMessages(from.id, 1, mark);
    expect(welcome!.text).toMatch(/^اسألني/);
    expect(buttons(welcome!).map((b) => b.text)).toHaveLength(3);
  });

  it('/help gives an example question made from what the sources cover, and it is answered', async () => {
    const from = user();
    const mark = api.calls.length;
    sendCommand('/help', from);
    const [help] = await waitMessages(from.id, 1, mark);
    const example = /for example “([^”]+)”/.exec(help!.text as string)?.[1];
    expect(example).toMatch(/^What did .+ say/);
    const asked = api.calls.length;
    sendText(example!, from);
    const [answer] = await waitMessages(from.id, 1, asked);
    expect(answer!.text).toContain('<blockquote');
  });

  it('/sources lists every article with its date as stated or "no date"', async () => {
    const from = user();
    const mark = api.calls.length;
    sendCommand('/sources', from);
    const [list] = await waitMessages(from.id, 1, mark);
    expect(list!.text).toMatch(/^6 articles:/);
    expect(list!.text).toContain('2024-02-10');
    expect((list!.text as string).match(/^\d\. /gm)).toHaveLength(6);
  });
});

describe('groups', () => {
  const group = { id: -1001, type: 'supergroup', title: 'G' };

  it('stays quiet unless mentioned, replied to, or asked with /ask', async () => {
    const from = user();
    const mark = api.calls.length;
    sendText('What did Peskov say about NATO troops?', from, group);
    sendText('@quotes_test_bot What did Putin say about the new American administration?', from, group, {
      entities: [{ type: 'mention', offset: 0, length: 16 }],
    });
    const [reply] = await waitMessages(group.id, 1, mark);
    expect(reply!.text).toContain('Vladimir Putin');
    expect(messagesTo(group.id, mark)[0]!.reply_parameters).toBeDefined();
    const mark2 = api.calls.length;
    sendCommand('/ask What did Trump say about a ceasefire?', from, group);
    expect((await waitMessages(group.id, 1, mark2))[0]!.text).toContain('Donald Trump');
    expect(messagesTo(group.id, mark).filter((m) => (m.text as string).includes('الناتو'))).toHaveLength(0);
  });
});

describe('inline mode', () => {
  it('lists up to ten citations ready to share, each valid HTML with attribution and date', async () => {
    const from = user();
    const mark = api.calls.length;
    api.push({ inline_query: { id: 'iq1', from, query: 'What did Peskov say?', offset: '' } });
    const call = await nextCall('answerInlineQuery', mark);
    const results = call.params.results as Array<{
      id: string;
      title: string;
      input_message_content: { message_text: string };
    }>;
    expect(results.length).toBeGreaterThan(5);
    expect(results.length).toBeLessThanOrEqual(10);
    expect(results[0]!.title).toMatch(/^Dmitry Peskov — /);
    expect(results[0]!.input_message_content.message_text).toMatch(
      /^<b>Dmitry Peskov<\/b>\n🗓 .+\n📰 .+\n<blockquote/,
    );
  });

  it('suggests questions for an empty query', async () => {
    const mark = api.calls.length;
    api.push({ inline_query: { id: 'iq2', from: user(), query: '', offset: '' } });
    const call = await nextCall('answerInlineQuery', mark);
    expect((call.params.results as Array<{ title: string }>)[0]!.title).toMatch(/^What did /);
  });
});

describe('faults and limits', () => {
  it('survives a 429 with retry_after and a 500 from Telegram', async () => {
    const since = api.calls.length;
    const from = user();
    api.fail('sendMessage', 429, 1, 1);
    api.fail('sendMessage', 500, 1);
    sendText('What did Trump say about a ceasefire?', from);
    await api.waitFor(() =>
      messagesTo(from.id, since).some((m) => (m.text as string).includes('Donald Trump')),
    );
    const attempts = api.calls
      .slice(since)
      .filter((c) => c.method === 'sendMessage')
      .map((c) => c.status);
    expect(attempts).toEqual([429, 500, 200]);
  });

  it('rate-limits one user with a friendly message and keeps serving others', async () => {
    const from = user();
    const mark = api.calls.length;
    for (let i = 0; i < 7; i++) sendText('What did Trump say?', from);
    await api.waitFor(() => messagesTo(from.id, mark).some((m) => /asking very fast/.test(m.text as string)));
    const other = user();
    const mark2 = api.calls.length;
    sendText('What did Trump say?', other);
    expect((await waitMessages(other.id, 1, mark2))[0]!.text).toContain('Donald Trump');
  });
});

describe('administration', () => {
  it('refuses /reload to others and reloads for an admin', async () => {
    const stranger = user();
    let mark = api.calls.length;
    sendCommand('/reload', stranger);
    expect((await waitMessages(stranger.id, 1, mark))[0]!.text).toBe('Only administrators can do that.');
    const admin = user('en', ADMIN);
    mark = api.calls.length;
    sendCommand('/reload', admin);
    expect((await waitMessages(ADMIN, 1, mark))[0]!.text).toMatch(/^Reloaded: 6 articles, 1 warning\./);
  });

  it('adds a valid .txt article sent by an admin, and rejects a broken one without changing anything', async () => {
    const admin = user('en', ADMIN);
    const sendDocument = (id: string, name: string, bytes: Buffer) => {
      api.files.set(`documents/${id}.txt`, bytes);
      api.push({
        message: {
          message_id: messageCounter++,
          date: 0,
          chat: { id: ADMIN, type: 'private' },
          from: admin,
          document: { file_id: id, file_unique_id: id, file_name: name, file_size: bytes.length },
        },
      });
    };
    let mark = api.calls.length;
    sendDocument('bad', 'broken.txt', Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect((await waitMessages(ADMIN, 1, mark))[0]!.text).toMatch(
      /^The file was not added: .+\. Nothing was changed\./,
    );
    expect(readdirSync(articlesDir)).not.toContain('broken.txt');

    mark = api.calls.length;
    const article =
      'عنوان الخبر الجديد\nقال المستشار الألماني أولاف شولتس إن "العقوبات على روسيا ستبقى قائمة حتى نهاية الحرب" في أوكرانيا.\n';
    sendDocument('good', '900_scholz.txt', Buffer.from(article));
    expect((await waitMessages(ADMIN, 1, mark))[0]!.text).toBe('Added 900_scholz#1; the index is reloaded.');

    mark = api.calls.length;
    const from = user();
    sendText('What did Scholz say about sanctions?', from);
    expect((await waitMessages(from.id, 1, mark))[0]!.text).toContain('العقوبات على روسيا ستبقى قائمة');
  });
});

describe('logs', () => {
  it('writes one line per update with its latency, no message contents and never the token', () => {
    const updates = logLines.filter((l) => l.msg === 'update');
    expect(updates.length).toBeGreaterThan(10);
    for (const l of updates)
      expect(l).toEqual(
        expect.objectContaining({ update_id: expect.any(Number), latency_ms: expect.any(Number) }),
      );
    expect(rawLog).not.toContain(TOKEN);
    expect(rawLog).not.toContain('NATO troops');
  });
});

describe('secrets in errors', () => {
  it('scrubs the token from logged errors', async () => {
    const { scrub } = await import('../../src/logger.ts');
    expect(scrub(new Error(`GET https://api.telegram.org/bot${TOKEN}/getMe failed`), [TOKEN])).toEqual(
      expect.objectContaining({ message: 'GET https://api.telegram.org/bot[redacted]/getMe failed' }),
    );
  });
});
