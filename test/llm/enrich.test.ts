/** The language-model step end to end against a chat-completions stand-in on 127.0.0.1 that the test starts. */

import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Answer, AnswerSchema } from '../../src/answer/schema.ts';
import { createChatClient } from '../../src/llm/client.ts';
import { enrichAnswer, missingEnrichment } from '../../src/llm/enrich.ts';
import { createLanguageModel, type LanguageModel } from '../../src/llm/language-model.ts';
import { loadPrompts } from '../../src/llm/prompts.ts';
import { createLogger } from '../../src/logger.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon, seedEngine } from '../helpers.ts';
import {
  type Behaviour,
  ChatStandIn,
  changesDate,
  citesOutOfRange,
  failsOnceWith500,
  hangs,
  inventsQuote,
  longDate,
  malformedJson,
  stallsMidBody,
  wellBehaved,
  withSynthesis,
} from './chat-stand-in.ts';
import { fixtureAnswer } from './fixtures.ts';

const KEY = 'sk-llm-test-key-0123456789';
const stand = new ChatStandIn();
let logLines: Array<Record<string, unknown>> = [];
let rawLog = '';
let answer: Answer;
let arabicAnswer: Answer;

/** A model over the stand-in with a fresh cache, logging at `level` with no scrubbing (so leaks would show). */
function model(behaviour: Behaviour, level = 'info', timeoutMs = 1500): LanguageModel {
  stand.behaviour = behaviour;
  const sink = new Writable({
    write(chunk, _enc, done) {
      rawLog += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  return createLanguageModel({
    client: createChatClient({ baseUrl: stand.baseUrl, model: 'stand-in', apiKey: KEY, backoffMs: 20 }),
    prompts: loadPrompts(join(PROJECT_ROOT, 'prompts')),
    lexicon,
    logger: createLogger(level, [], sink),
    timeoutMs,
  });
}

/** The parts of the citations the model must never change. */
const extractive = (a: Answer) => a.citations.map(({ translation: _, ...c }) => c);
const warnings = () => logLines.filter((l) => l.level === 40);

beforeAll(async () => {
  await stand.start();
  answer = AnswerSchema.parse(fixtureAnswer('en'));
  arabicAnswer = AnswerSchema.parse(fixtureAnswer('ar'));
});
afterAll(() => stand.stop());
beforeEach(() => {
  logLines = [];
  rawLog = '';
  stand.requests.length = 0;
});

describe('a well-behaved model', () => {
  it('adds a labelled English rendering under every quote and a summary whose quote stands in the source', async () => {
    const first = answer.citations[0]!;
    const rendering = `${first.speaker?.en ?? 'The source'} says NATO troops are not welcome.`;
    const enriched = await enrichAnswer(
      answer,
      model(wellBehaved({ translations: { [first.quote]: rendering } })),
    );

    AnswerSchema.parse(enriched);
    expect(extractive(enriched)).toEqual(answer.citations);
    expect(enriched.citations[0]!.translation).toEqual({ text: rendering, model: 'stand-in' });
    expect(enriched.citations.every((c) => c.translation?.model === 'stand-in')).toBe(true);
    expect(enriched.reply).toContain(`Machine translation (stand-in), not the source's words: ${rendering}`);
    expect(enriched.reply).toContain(`«${first.quote}»`);

    const summary = enriched.summary!.text;
    const quoted = /«([^»]+)»/.exec(summary)![1]!;
    expect(first.quote.replace(/\s+/g, ' ')).toContain(quoted);
    expect(summary).toMatch(/\[1\]/);
    expect(enriched.reply.startsWith('Machine summary (stand-in)')).toBe(true);
    expect(missingEnrichment(enriched)).toEqual([]);
    expect(stand.requests.every((r) => r.authorization === `Bearer ${KEY}` && r.model === 'stand-in')).toBe(
      true,
    );
  });

  it('translates each quote once per model: a second answer with the same quotes only asks for the summary', async () => {
    const llm = model(wellBehaved());
    await enrichAnswer(answer, llm);
    expect(stand.count('translateQuote')).toBe(answer.citations.length);
    const again = await enrichAnswer(answer, llm);
    expect(stand.count('translateQuote')).toBe(answer.citations.length);
    expect(stand.count('synthesis')).toBe(2);
    expect(again.citations.every((c) => c.translation)).toBe(true);
  });

  it('renders nothing for an Arabic question but the summary, in Arabic', async () => {
    const arabicSummary = withSynthesis(
      ([c]) => `قال المتحدث: «${c!.quote.split(/\s+/).slice(0, 5).join(' ')}» [1].`,
    );
    const enriched = await enrichAnswer(arabicAnswer, model(arabicSummary));
    expect(stand.count('translateQuote')).toBe(0);
    expect(stand.requests.find((r) => r.task === 'synthesis')!.slots.language).toBe('Arabic');
    expect(enriched.citations.some((c) => c.translation)).toBe(false);
    expect(enriched.summary?.text).toMatch(/^قال المتحدث/);
    expect(enriched.reply).toContain('ملخص آلي (stand-in)');
  });

  it('enriches a real answer from the seed corpus, leaving its quotes as the search found them', async () => {
    const engine = await seedEngine();
    const real = await engine.answerer.answer('What did Trump say about the ceasefire?');
    expect(real.answered).toBe(true);
    const enriched = AnswerSchema.parse(await enrichAnswer(real, model(wellBehaved())));
    expect(extractive(enriched)).toEqual(real.citations);
    expect(enriched.citations.every((c) => c.translation)).toBe(true);
    expect(enriched.summary).toBeDefined();
  });
});

describe('the guard', () => {
  const dropped = async (behaviour: Behaviour, reason: string) => {
    const enriched = await enrichAnswer(answer, model(behaviour));
    expect(enriched.summary).toBeUndefined();
    expect(extractive(enriched)).toEqual(answer.citations);
    expect(enriched.citations.every((c) => c.translation)).toBe(true);
    expect(warnings().map((w) => [w.task, w.reason])).toEqual([['synthesis', reason]]);
    expect(missingEnrichment(enriched)).toEqual(['summary']);
    return enriched;
  };

  it('drops a synthesis that invents a quote, and logs why without the words', async () => {
    await dropped(inventsQuote, 'quote-not-in-source');
    expect(rawLog).not.toContain('الحرب انتهت');
    expect(rawLog).not.toContain(answer.citations[0]!.quote.slice(0, 20));
  });

  it('drops a synthesis that cites [7] of five', () => dropped(citesOutOfRange, 'marker-out-of-range'));

  it('drops a synthesis that moves a date, and keeps one that gives the right date', async () => {
    const n = answer.citations.findIndex((c) => c.date.iso !== null);
    expect(n).toBeGreaterThanOrEqual(0);
    await dropped(changesDate, 'date-mismatch');
    const date = longDate(new Date(answer.citations[n]!.date.iso!));
    const kept = await enrichAnswer(
      answer,
      model(withSynthesis(() => `On ${date}, the source reported this [${n + 1}].`)),
    );
    expect(kept.summary?.text).toContain(date);
  });

  it('keeps the texts out of info logs but shows the dropped output at debug level', async () => {
    await enrichAnswer(answer, model(inventsQuote, 'debug'));
    expect(logLines.find((l) => l.msg === 'dropped output')?.output).toContain('الحرب انتهت');
  });
});

describe('a failing model', () => {
  it('that never answers: the extractive answer stands, logged as a timeout', async () => {
    const enriched = await enrichAnswer(answer, model(hangs, 'info', 600));
    expect(enriched).toEqual(answer);
    expect(missingEnrichment(enriched)).toEqual(['translations', 'summary']);
    expect(new Set(warnings().map((w) => w.kind))).toEqual(new Set(['timeout']));
  });

  it('that stops in the middle of its body: the extractive answer stands, logged as a timeout', async () => {
    const enriched = await enrichAnswer(answer, model(stallsMidBody, 'info', 600));
    expect(enriched).toEqual(answer);
    expect(new Set(warnings().map((w) => w.kind))).toEqual(new Set(['timeout']));
  });

  it('that answers 500 once: retried, and the renderings arrive', async () => {
    const enriched = await enrichAnswer(answer, model(failsOnceWith500()));
    expect(enriched.summary).toBeDefined();
    expect(enriched.citations.every((c) => c.translation)).toBe(true);
    expect(stand.requests).toHaveLength(2 * (answer.citations.length + 1));
    expect(warnings()).toEqual([]);
  });

  it('that answers 429 with Retry-After: waits as told, then succeeds', async () => {
    let limited = 0;
    const base = wellBehaved();
    const enriched = await enrichAnswer(
      answer,
      model((r, s) =>
        limited++ === 0 ? { status: 429, body: '{}', headers: { 'retry-after': '1' } } : base(r, s),
      ),
    );
    expect(enriched.summary).toBeDefined();
    expect(stand.requests).toHaveLength(answer.citations.length + 2);
  });

  it('that returns malformed JSON: nothing added, logged as malformed, not retried', async () => {
    const enriched = await enrichAnswer(answer, model(malformedJson));
    expect(enriched).toEqual(answer);
    expect(new Set(warnings().map((w) => w.kind))).toEqual(new Set(['malformed']));
    expect(stand.requests).toHaveLength(answer.citations.length + 1);
  });

  it('that is unreachable: nothing added', async () => {
    const llm = createLanguageModel({
      client: createChatClient({ baseUrl: 'http://127.0.0.1:9/v1', model: 'none', backoffMs: 10 }),
      prompts: loadPrompts(join(PROJECT_ROOT, 'prompts')),
      lexicon,
      logger: createLogger('silent', []),
      timeoutMs: 1000,
    });
    expect(await enrichAnswer(answer, llm)).toEqual(answer);
  });
});

describe('proposeArabicTerms', () => {
  const question = 'What did Peskov say about NATO troops?';
  it('returns the Arabic terms the model proposes, bounded and weighted', async () => {
    const terms = [
      { text: 'بيسكوف', weight: 0.9 },
      { text: 'قوات الناتو', weight: 1.7 },
      { text: 'NATO', weight: 0.5 },
      'الكرملين',
      { text: 'كلمة طويلة جدا جدا جدا' },
    ];
    const llm = model(wellBehaved({ terms: { [question]: terms } }));
    expect(await llm.proposeArabicTerms(question)).toEqual([
      { text: 'بيسكوف', weight: 0.9 },
      { text: 'قوات الناتو', weight: 1 },
      { text: 'الكرملين' },
    ]);
    expect(stand.requests[0]!.slots.question).toBe(question);
  });

  it('reads a list inside a code fence', async () => {
    const llm = model(() => ({ content: 'Here you are:\n```json\n["بيسكوف", "الناتو"]\n```' }));
    expect(await llm.proposeArabicTerms(question)).toEqual([{ text: 'بيسكوف' }, { text: 'الناتو' }]);
  });

  it('returns [] on malformed output, a timeout, or an Arabic question (without asking)', async () => {
    expect(await model(() => ({ content: 'بيسكوف، الناتو' })).proposeArabicTerms(question)).toEqual([]);
    expect(await model(malformedJson).proposeArabicTerms(question)).toEqual([]);
    expect(await model(hangs, 'info', 300).proposeArabicTerms(question)).toEqual([]);
    const asked = stand.requests.length;
    expect(await model(wellBehaved()).proposeArabicTerms('ماذا قال بيسكوف؟')).toEqual([]);
    expect(stand.requests).toHaveLength(asked);
  });
});
