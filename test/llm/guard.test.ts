/** The guard on model output, on citations written for the purpose. */

import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/schema.ts';
import { checkSynthesis, checkTranslation, markersIn } from '../../src/llm/guard.ts';
import { lexicon } from '../helpers.ts';

const source = (id: string) => ({
  id,
  file: `data/articles/${id}.txt`,
  title: null,
  outlet: null,
  url: null,
});
const peskov: Citation = {
  quote: 'وقال بيسكوف إن نشر قوات حلف الناتو في أوكرانيا   خط أحمر بالنسبة لموسكو، كما قال لافروف في 2021.',
  speaker: { en: 'Dmitry Peskov', ar: 'دميتري بيسكوف' },
  date: { iso: '2022-02-16', text: 'الأربعاء 16 فبراير 2022', basis: 'stated' },
  source: source('a#1'),
};
const unnamed: Citation = {
  quote: 'لا توجد أي خطط لعقد قمة في الوقت الحالي.',
  speaker: null,
  date: { iso: null, text: null, basis: 'unknown' },
  source: source('b#1'),
};
const citations = [peskov, unnamed];
const reason = (text: string) => {
  const r = checkSynthesis(text, citations, lexicon);
  return r.ok ? 'ok' : r.reason;
};

describe('checkSynthesis', () => {
  it('accepts text quoted verbatim (white space aside) from a citation it points at', () => {
    expect(reason('Peskov said that «نشر قوات حلف الناتو في أوكرانيا خط أحمر» [1].')).toBe('ok');
    expect(
      reason('Another source says no summit is planned [2], and Peskov spoke on 16 February 2022 [1].'),
    ).toBe('ok');
  });

  it('refuses quoted words that are not in the cited quote, even if another citation has them', () => {
    expect(reason('Peskov said NATO troops were “a red line” [1].')).toBe('quote-not-in-source');
    expect(reason('Peskov said «لا توجد أي خطط لعقد قمة» [1].')).toBe('quote-not-in-source');
    expect(reason('A source said «لا توجد أي خطط لعقد قمة» [2].')).toBe('ok');
  });

  it('does not read apostrophes as quotation marks', () => {
    expect(reason('Russia’s spokesman Peskov called it Moscow’s red line [1].')).toBe('ok');
  });

  it('needs markers, all pointing at existing citations', () => {
    expect(reason('Peskov called it a red line.')).toBe('no-marker');
    expect(reason('Peskov called it a red line [3].')).toBe('marker-out-of-range');
    expect(reason('Peskov called it a red line [0].')).toBe('marker-out-of-range');
    expect(markersIn('a [1, 2] b [3][4]')).toEqual([1, 2, 3, 4]);
  });

  it('accepts only people who speak in, or are named by, the citations a sentence points at', () => {
    expect(reason('Lavrov called it a red line [1].')).toBe('ok'); // named in quote 1
    expect(reason('Putin called it a red line [1].')).toBe('name-mismatch');
    expect(reason('Peskov said there are no plans for a summit [2].')).toBe('name-mismatch');
    expect(reason('قال بوتين إن ذلك خط أحمر [1].')).toBe('name-mismatch');
  });

  it('accepts only the dates and years of the cited sources', () => {
    expect(reason('On 17 February 2022 Peskov called it a red line [1].')).toBe('date-mismatch');
    expect(reason('In 2023 Peskov called it a red line [1].')).toBe('date-mismatch');
    expect(reason('Peskov recalled what Lavrov said in 2021 [1].')).toBe('ok');
    expect(reason('قال بيسكوف في ١٦ فبراير ٢٠٢٢ إن ذلك خط أحمر [1].')).toBe('ok');
    expect(reason('قال بيسكوف في ١٧ فبراير ٢٠٢٢ إن ذلك خط أحمر [1].')).toBe('date-mismatch');
    expect(reason('No summit is planned, a source said in 2022 [2].')).toBe('date-mismatch');
  });

  it('refuses empty and overlong text', () => {
    expect(reason('  ')).toBe('empty');
    expect(reason(`${'Peskov called it a red line [1]. '.repeat(60)}`)).toBe('too-long');
  });
});

describe('checkTranslation', () => {
  const check = (text: string, c = peskov) => {
    const r = checkTranslation(text, c, lexicon);
    return r.ok ? 'ok' : r.reason;
  };
  it('accepts a faithful English rendering that names the speaker and the people in the quote', () => {
    expect(
      check(
        'Peskov said that deploying NATO troops in Ukraine is a red line for Moscow, as Lavrov said in 2021.',
      ),
    ).toBe('ok');
  });
  it('refuses a rendering that adds a person or a year, stays Arabic, or runs on', () => {
    expect(check('Putin said the deployment is a red line.')).toBe('name-mismatch');
    expect(check('There are no plans for a summit in 2024.', unnamed)).toBe('date-mismatch');
    expect(check(unnamed.quote, unnamed)).toBe('not-translated');
    expect(check('No summit. '.repeat(50), unnamed)).toBe('too-long');
    expect(check('')).toBe('empty');
  });
});
