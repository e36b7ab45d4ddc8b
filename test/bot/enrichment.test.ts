/**
 * The bot with a language model: the extractive answer goes out first, then the same messages are edited to show
 * the renderings and the summary. Against the Bot-API-shaped server and the chat-completions stand-in, both on
 * 127.0.0.1.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import type { BotDeps } from '../../src/bot/deps.ts';
import { type RunningBot, serveBot } from '../../src/bot/serve.ts';
import { parseConfig } from '../../src/config.ts';
import { type Library, openLibrary } from '../../src/library.ts';
import { enrichAnswer } from '../../src/llm/enrich.ts';
import { openLanguageModel } from '../../src/llm/open.ts';
import { createLogger } from '../../src/logger.ts';
import { escapeHtml } from '../../src/render/telegram-html.ts';
import { lexicon } from '../helpers.ts';
import { type Behaviour, ChatStandIn, hangs, wellBehaved } from '../llm/chat-stand-in.ts';
import { testDeps } from './deps.ts';
import { checkTelegramHtml, FakeBotApi } from './fake-bot-api.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw2';
const api = new FakeBotApi(TOKEN);
const stand = new ChatStandIn();
const logLines: Array<Record<string, unknown>> = [];
let rawLog = '';
let running: RunningBot;
let library: Library;
let nextUser = 500;
/** Each enrichment as it ended: whether the model added anything. */
const enrichments: Array<{ question: string; changed: boolean }> = [];

function ask(text: string) {
  const from = { id: nextUser++, is_bot: false, first_name: 'U', language_code: 'en' };
  api.push({
    message: { message_id: nextUser, date: 0, chat: { id: from.id, type: 'private' }, from, text },
  });
  return from.id;
}
const callsTo = (method: string, chatId: number) =>
  api.calls.filter((c) => c.method === method && c.status === 200 && c.params.chat_id === chatId);

beforeAll(async () => {
  await Promise.all([api.start(), stand.start()]);
  const core = parseConfig({
    INDEX_PATH: join(mkdtempSync(join(tmpdir(), 'bot-llm-')), 'index.json'),
    LLM_BASE_URL: stand.baseUrl,
    LLM_MODEL: 'stand-in',
    LLM_TIMEOUT_MS: '1500',
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      rawLog += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger('info', [TOKEN], sink);
  const llm = openLanguageModel(core, lexicon, logger)!;
  library = await openLibrary(core);
  const deps: BotDeps = {
    ...(await testDeps({ core, apiRoot: api.url, token: TOKEN, rateLimitPerMinute: 30 })),
    library,
    logger,
    modelTerms: (q) => llm.proposeArabicTerms(q),
    enrich: async (answer) => {
      const enriched = await enrichAnswer(answer, llm);
      enrichments.push({ question: answer.question, changed: enriched !== answer });
      return enriched;
    },
  };
  running = await serveBot(createBot(TOKEN, deps), deps, { mode: 'polling' });
});

afterAll(async () => {
  await running?.stop();
  await Promise.all([api.stop(), stand.stop()]);
});

describe('answers with a language model', () => {
  it('sends the extractive answer first, then edits it to add the renderings and the summary', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const base = wellBehaved();
    const held: Behaviour = async (request, s) => {
      await gate;
      return base(request, s);
    };
    stand.behaviour = held;

    const question = 'What did Peskov say about NATO troops?';
    const expected = await library.answer(question);
    expect(expected.answered).toBe(true);
    const quoteStart = `<blockquote>${escapeHtml(expected.citations[0]!.quote.slice(0, 40))}`;
    const chat = ask(question);
    const first = await api.waitFor(() => callsTo('sendMessage', chat).at(-1));
    await api.waitFor(() => stand.count('synthesis') > 0);
    // The model was also asked for Arabic search terms for the question.
    expect(stand.count('queryTerms')).toBeGreaterThan(0);
    const sent = callsTo('sendMessage', chat).map((c) => c.params.text as string);
    expect(sent.join('\n')).toContain(quoteStart);
    expect(sent.join('\n')).not.toContain('Machine translation');
    expect(callsTo('editMessageText', chat)).toHaveLength(0);

    release();
    const [edit] = await api.waitFor(() => {
      const edits = callsTo('editMessageText', chat);
      return edits.length > 0 ? edits : undefined;
    });
    const html = edit!.params.text as string;
    expect(checkTelegramHtml(html)).toBeNull();
    expect(html.indexOf('🤖 <i>Machine summary (stand-in)')).toBe(0);
    expect(html).toContain("🌐 <i>Machine translation (stand-in), not the source's words:</i>");
    // The quote is still the source's, and the rendering stands under it.
    const quoteAt = html.indexOf(quoteStart);
    expect(quoteAt).toBeGreaterThan(0);
    expect(html.indexOf('Machine translation', quoteAt)).toBeGreaterThan(quoteAt);
    expect(edit!.params.message_id).toBeDefined();
    const lastSent = callsTo('sendMessage', chat).at(-1)!;
    expect(lastSent.params.reply_markup).toBeDefined();
    const lastEdit = callsTo('editMessageText', chat).at(-1)!;
    if (callsTo('sendMessage', chat).length === 1)
      expect(lastEdit.params.reply_markup).toEqual(first.params.reply_markup);
    expect(rawLog).not.toContain(expected.citations[0]!.quote.slice(0, 40));
  });

  it('leaves the answer as sent when the model never answers', async () => {
    stand.behaviour = hangs;
    const before = logLines.length;
    // Another question, so that no rendering comes from the cache.
    const chat = ask('What did Trump say about the ceasefire?');
    await api.waitFor(() => callsTo('sendMessage', chat).at(-1));
    const done = enrichments.length;
    await api.waitFor(() => enrichments.length > done);
    // Every call timed out and the enrichment gave the answer back unchanged: nothing is edited.
    expect(enrichments.at(-1)).toEqual({
      question: 'What did Trump say about the ceasefire?',
      changed: false,
    });
    expect(
      logLines.slice(before).some((l) => l.msg === 'language model call failed' && l.kind === 'timeout'),
    ).toBe(true);
    expect(callsTo('editMessageText', chat)).toHaveLength(0);
    expect(
      callsTo('sendMessage', chat)
        .map((c) => c.params.text)
        .join(''),
    ).not.toContain('Machine');
  });
});
