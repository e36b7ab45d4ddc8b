/**
 * Relative dates: a statement's «أمس», «اليوم الخميس», «الأسبوع الماضي» give an inferred date against the date its
 * article states, and the reply says so; an article that states no date never gets one; the words inside a
 * quotation are the speaker's, not the date of the statement.
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/schema.ts';
import { parseConfig } from '../../src/config.ts';
import { createEngine } from '../../src/engine.ts';
import { sentenceDate } from '../../src/text/dates.ts';

const STATED = { iso: '2025-12-04', text: '4 ديسمبر 2025', basis: 'stated' } as const;

describe('sentenceDate', () => {
  it.each([
    ['وقال بيسكوف أمس إن الحوار مستمر', '2025-12-03', 'أمس'],
    ['وقال بيسكوف اليوم الخميس إن الحوار مستمر', '2025-12-04', 'اليوم الخميس'],
    ['وكان لافروف قد أكد الأسبوع الماضي أن موسكو مستعدة', '2025-11-27', 'الأسبوع الماضي'],
    ['وقال في حديث لقناة روسيا اليوم إن الحوار مستمر', null, null],
  ])('%s', (sentence, iso, words) => {
    expect(sentenceDate(STATED, sentence)).toEqual(iso ? { iso, text: words, basis: 'inferred' } : STATED);
  });

  it('never dates an article that states no date', () => {
    const unknown = { iso: null, text: 'أمس', basis: 'unknown' } as const;
    expect(sentenceDate(unknown, 'وقال بيسكوف أمس إن الحوار مستمر')).toBe(unknown);
  });
});

describe('answers with inferred dates', () => {
  let ask: (q: string) => Promise<Answer>;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferred-'));
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    writeFileSync(
      join(articles, 'a_dated.txt'),
      'الكرملين يعلق على المحادثات مع واشنطن\nالخميس 4 ديسمبر 2025\n' +
        'قال المتحدث باسم الكرملين دميتري بيسكوف أمس إن "العقوبات الأمريكية الجديدة لن تغير موقف موسكو من المفاوضات".\n' +
        'وأضاف بيسكوف: "سنواصل العمل مع الإدارة الأمريكية رغم كل شيء".\n',
    );
    writeFileSync(
      join(articles, 'b_undated.txt'),
      'لافروف يتحدث عن الحوار\nقال وزير الخارجية الروسي سيرغي لافروف أمس إن "الحوار مع الأوروبيين متوقف تماما منذ أشهر طويلة".\n',
    );
    const engine = await createEngine(
      parseConfig({ ARTICLES_DIR: articles, INDEX_PATH: join(dir, 'index.json') }),
    );
    ask = (q) => engine.answerer.answer(q);
  });

  it('dates the statement the day before the stated date, and says "inferred"', async () => {
    const a = await ask('What did Peskov say about sanctions?');
    expect(a.citations[0]).toMatchObject({
      quote: 'العقوبات الأمريكية الجديدة لن تغير موقف موسكو من المفاوضات',
      date: { iso: '2025-12-03', text: 'أمس', basis: 'inferred' },
    });
    expect(a.reply).toContain('3 Dec 2025 (inferred from “أمس”)');
  });

  it('gives no date where the article states none', async () => {
    const a = await ask('What did Lavrov say about the Europeans?');
    expect(a.citations[0]!.date).toEqual({ iso: null, text: 'أمس', basis: 'unknown' });
  });
});
