/** The one answer function: the contract, verbatim quotes, framing in the question's language, no-answers. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.ts';
import { isVerbatim, MAX_QUESTION_LENGTH } from '../../src/answer/answer.ts';
import { datePhrase } from '../../src/answer/phrases.ts';
import { type Answer, AnswerSchema } from '../../src/answer/schema.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { seedEngine } from '../helpers.ts';

let answerer: Answerer;
beforeAll(async () => {
  answerer = (await seedEngine()).answerer;
});

const squash = (s: string) => s.replace(/\s+/g, ' ');

function checkContract(answer: Answer) {
  AnswerSchema.parse(answer);
  for (const c of answer.citations) {
    const file = readFileSync(join(PROJECT_ROOT, c.source.file), 'utf8');
    expect(squash(file)).toContain(squash(c.quote));
  }
}

describe('answer', () => {
  it('cites Peskov verbatim for an English question, framed in English', async () => {
    const a = await answerer.answer('What did Peskov say about NATO troops?');
    checkContract(a);
    expect(a).toMatchObject({ language: 'en', answered: true });
    expect(a.citations.length).toBeLessThanOrEqual(5);
    expect(a.citations[0]!.speaker).toEqual({ en: 'Dmitry Peskov', ar: 'دميتري بيسكوف' });
    expect(a.citations[0]!.quote).toContain('الناتو');
    expect(a.reply).toContain('Dmitry Peskov — Thursday — the source gives no date');
    expect(a.reply).toContain(a.citations[0]!.quote);
  });

  it('answers the same question in Arabic, all Arabic', async () => {
    const a = await answerer.answer('ماذا قال بيسكوف عن قوات الناتو؟');
    checkContract(a);
    expect(a).toMatchObject({ language: 'ar', answered: true });
    expect(a.citations[0]!.speaker?.ar).toBe('دميتري بيسكوف');
    expect(a.reply).not.toMatch(/[A-Za-z]/);
  });

  it('puts the asked speaker’s direct quotations first, then statements, and never overlapping excerpts', async () => {
    const a = await answerer.answer('What did Peskov say about NATO troops?');
    const kinds = a.citations.map((c) => (c.speaker?.en === 'Dmitry Peskov' ? 'peskov' : 'other'));
    expect(kinds.slice(0, 3)).toEqual(['peskov', 'peskov', 'peskov']);
    for (const [i, c] of a.citations.entries()) {
      for (const d of a.citations.slice(i + 1)) {
        if (c.source.id === d.source.id)
          expect(c.quote.includes(d.quote) || d.quote.includes(c.quote)).toBe(false);
      }
    }
  });

  it('gives stated dates with the words of the source, and never another article’s date', async () => {
    const a = await answerer.answer('What did Medinsky say about the summit?');
    expect(a.citations[0]!.source.id).toBe('001_f1dda8b0c791e8d6#2');
    expect(a.citations[0]!.date).toEqual({ iso: null, text: 'أمس', basis: 'unknown' });
    const b = await answerer.answer('ماذا نشرت روسيا في نهاية 2021؟');
    expect(b.citations[0]!.date).toEqual({ iso: '2022-02-16', text: '16 فبراير 2022ء', basis: 'stated' });
    expect(b.reply).toContain('16 فبراير 2022ء');
  });

  it('says so when a named person is not in the sources, and quotes nobody else', async () => {
    const a = await answerer.answer('What did Boris Johnson say about the Istanbul talks?');
    checkContract(a);
    expect(a).toMatchObject({ answered: false, citations: [] });
    expect(a.reply).toMatch(/^The sources hold no statement by Boris Johnson\./);
    expect(a.reply).toContain('Try:');
    const b = await answerer.answer('ماذا قال شولتس عن العقوبات على روسيا؟');
    expect(b.answered).toBe(false);
    expect(b.reply).toContain('لا تتضمن المصادر أي تصريح لـأولاف شولتس');
  });

  it('says first when the asked speaker said nothing on the topic, before other people’s words', async () => {
    const a = await answerer.answer('What did Peskov say about Crimea?');
    expect(a.answered).toBe(true);
    expect(a.reply).toMatch(
      /^The sources hold no statement by Dmitry Peskov on this; here is what they report about it\./,
    );
    expect(a.citations.every((c) => c.speaker?.en !== 'Dmitry Peskov')).toBe(true);
    const own = await answerer.answer('What did Peskov say about NATO troops?');
    expect(own.reply).toMatch(/^From the sources, verbatim:/);
  });

  it('says so below the relevance floor', async () => {
    const a = await answerer.answer('Who won the football World Cup?');
    expect(a.answered).toBe(false);
    expect(a.reply).toMatch(/^The sources hold nothing that answers this question\./);
  });

  it('handles empty and over-long questions with a clear reply', async () => {
    expect((await answerer.answer('   ')).reply).toMatch(/^Please ask a question/);
    const long = await answerer.answer('ما '.repeat(MAX_QUESTION_LENGTH));
    expect(long).toMatchObject({ answered: false, language: 'ar' });
    expect(long.reply).toMatch(/طويل جدًا/);
  });

  it('answers "What did X say?" with X’s words only, and an institution with those who speak for it', async () => {
    const ministry = await answerer.answer('What did the Russian Defence Ministry say?');
    expect(ministry.citations.map((c) => c.speaker?.en)).toEqual(['Russian Defence Ministry']);
    const kremlin = await answerer.answer('What did the Kremlin say?');
    const voices = ['Kremlin', 'Dmitry Peskov', 'Yuri Ushakov'];
    expect(kremlin.citations.length).toBe(5);
    for (const c of kremlin.citations) expect(voices).toContain(c.speaker?.en);
  });

  it('reads time words as a filter or an order, not as topic', async () => {
    const in2022 = await answerer.answer('What did Peskov say in 2022?');
    expect(in2022.citations.length).toBeGreaterThan(0);
    for (const c of in2022.citations)
      expect([c.speaker?.en, c.date.iso]).toEqual(['Dmitry Peskov', '2022-02-16']);
    const latest = await answerer.answer('What is the latest statement by Peskov?');
    expect(latest.citations[0]!.date.iso).toBe('2024-02-10');
  });

  it('pages through citations with an offset', async () => {
    const first = await answerer.answer('What did Peskov say?');
    const next = await answerer.answer('What did Peskov say?', { offset: 5 });
    expect(first.citations).toHaveLength(5);
    expect(next.answered).toBe(true);
    expect(next.citations.map((c) => c.quote)).not.toContain(first.citations[0]!.quote);
  });

  it('drops a citation that is not verbatim in its article', () => {
    const unit = {
      id: 'u',
      kind: 'passage' as const,
      articleId: 'a',
      text: 'نص',
      context: '',
      start: 0,
      end: 2,
      speaker: null,
      position: 0,
      paragraph: 0,
    };
    const article = {
      id: 'a',
      file: 'f',
      title: null,
      outlet: null,
      url: null,
      date: { iso: null, text: null, basis: 'unknown' as const },
    };
    expect(
      isVerbatim({
        unit,
        article: { ...article, text: 'نص آخر' },
        coverage: 1,
        answers: 1,
        score: 1,
        byAskedSpeaker: false,
      }),
    ).toBe(true);
    expect(
      isVerbatim({
        unit,
        article: { ...article, text: 'كلام آخر' },
        coverage: 1,
        answers: 1,
        score: 1,
        byAskedSpeaker: false,
      }),
    ).toBe(false);
  });
});

describe('datePhrase', () => {
  it('frames dates per language and says when they are inferred or missing', () => {
    const stated = { iso: '2022-02-16', text: '16 فبراير 2022ء', basis: 'stated' as const };
    expect(datePhrase(stated, 'en')).toBe('16 Feb 2022');
    expect(datePhrase(stated, 'ar')).toBe('16 فبراير 2022ء');
    expect(datePhrase({ iso: '2024-02-09', text: 'أمس', basis: 'inferred' }, 'en')).toBe(
      '9 Feb 2024 (inferred from “أمس”)',
    );
    expect(datePhrase({ iso: null, text: 'اليوم الخميس', basis: 'unknown' }, 'en')).toBe(
      'Thursday — the source gives no date',
    );
    expect(datePhrase({ iso: null, text: null, basis: 'unknown' }, 'ar')).toBe('لا يذكر المصدر تاريخًا');
  });
});

describe('what the sources cover, in words', () => {
  it('counts articles with each language’s plural forms, and says when there are none', async () => {
    const { noAnswerPhrase } = await import('../../src/answer/phrases.ts');
    const summary = (articles: number) => ({
      articles,
      years: null,
      speakers: [],
      examples: { en: [], ar: [] },
    });
    expect(noAnswerPhrase('no-match', 'en', summary(1), null)).toContain('one Arabic news article.');
    expect(noAnswerPhrase('no-match', 'ar', summary(2), null)).toContain('مقالان إخباريان');
    expect(noAnswerPhrase('no-match', 'ar', summary(7), null)).toContain('7 مقالات إخبارية');
    expect(noAnswerPhrase('no-match', 'ar', summary(11), null)).toContain('11 مقالًا إخباريًا');
    expect(noAnswerPhrase('no-match', 'en', summary(0), null)).toContain('There are no articles yet');
  });
});
