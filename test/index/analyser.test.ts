/** The Arabic analyser, measured against what Orama ships: its Arabic tokenizer and the Snowball stemmer. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { components } from '@orama/orama';
import { stemmer as snowball } from '@orama/stemmers/arabic';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/index/analyser.ts';
import { createOramaTokenizer } from '../../src/index/tokenizer.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

const analyser = createAnalyser(lexicon.nameKeys());
const builtIn = components.tokenizer.createTokenizer({ language: 'arabic', stemming: false });

describe('against Orama’s built-in Arabic tokenizer', () => {
  it('keeps words whole across diacritics, where the built-in splits them', () => {
    expect(builtIn.tokenize('كَتَبَ')).not.toEqual(['كتب']);
    expect(analyser.terms('كَتَبَ')).toEqual(['كتب']);
  });

  it('folds alef forms and keeps آ, which the built-in drops', () => {
    expect(builtIn.tokenize('آلاف')).not.toContain('الاف');
    expect(analyser.terms('آلاف')).toEqual(analyser.terms('الاف'));
  });
});

describe('against the Snowball stemmer', () => {
  it('leaves names whole, where Snowball mangles them', () => {
    expect(snowball('بوتين')).not.toBe('بوتين');
    expect(snowball('بيسكوف')).not.toBe('بيسكوف');
    expect(analyser.terms('بوتين وبيسكوف لبوتين للكرملين الكرملين')).toEqual([
      'بوتين',
      'بيسكوف',
      'بوتين',
      'كرملين',
      'كرملين',
    ]);
  });

  it('joins singular and plural with and without the article, where Snowball does not', () => {
    expect(snowball('مفاوضات')).not.toBe(snowball('المفاوضات'));
    expect(analyser.terms('مفاوضات')).toEqual(analyser.terms('المفاوضات'));
  });
});

describe('analyser', () => {
  it('drops stop words in both languages', () => {
    expect(analyser.terms('ماذا قال بشأن هذا في the talks')).toEqual(['قال', 'talks']);
  });

  it('joins forms Lucene’s light stemmer leaves apart: pronoun after a plural, object pronouns, accusative alef', () => {
    expect(analyser.terms('مفاوضاته')).toEqual(analyser.terms('المفاوضات'));
    expect(analyser.terms('تبادلهم')).toEqual(analyser.terms('تبادل'));
    expect(analyser.terms('أسيرا')).toEqual(analyser.terms('الأسير'));
    expect(analyser.terms('سلميا')).toEqual(analyser.terms('السلمي'));
  });

  it('joins a noun before a pronoun or dual ending with its other forms (ة written ت)', () => {
    expect(analyser.terms('علاقته')).toEqual(analyser.terms('علاقات'));
    expect(analyser.terms('نقطتين')).toEqual(analyser.terms('نقطة'));
    expect(analyser.terms('محاولتهم')).toEqual(analyser.terms('المحاولة'));
    // Not after other endings: "ثواني" loses ي only.
    expect(analyser.terms('الثواني')).not.toEqual(analyser.terms('ثو'));
  });

  it('reads an initial و both ways, with and without the article, on both sides', () => {
    const shared = (a: string, b: string) =>
      analyser.variants(a).some((t) => analyser.variants(b).includes(t));
    expect(shared('وصول', 'الوصول')).toBe(true);
    expect(shared('سجلت', 'سجل')).toBe(true);
  });

  it('indexes a proclitic-free variant of document words only', () => {
    expect(analyser.documentTerms('بوقف')).toEqual(['بوقف', 'وقف']);
    expect(analyser.terms('بوقف')).toEqual(['بوقف']);
    expect(analyser.documentTerms('بوتين')).toEqual(['بوتين']);
  });

  it('changes its fingerprint with its protected names', () => {
    expect(createAnalyser(new Set(['بوتين'])).fingerprint).not.toBe(analyser.fingerprint);
  });
});

describe('Orama tokenizer', () => {
  it('marks term ends so that a short term cannot match a longer one as a prefix', () => {
    const tokenizer = createOramaTokenizer(analyser);
    const [query] = tokenizer.tokenize('حل');
    const [indexed] = tokenizer.tokenize('حلف', 'arabic', 'text');
    expect(indexed!.startsWith(query!)).toBe(false);
  });

  it("gives a document the analyser's document terms, marked, however often its words and texts were met", () => {
    const tokenizer = createOramaTokenizer(analyser);
    const texts = readdirSync(join(PROJECT_ROOT, 'data/articles'))
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(PROJECT_ROOT, 'data/articles', f), 'utf8').split('\n'));
    let words = 0;
    // Twice over: the second pass is read from what the first remembered.
    for (const text of [...texts, ...texts]) {
      const marked = analyser.documentTerms(text).map((t) => `${t}\u0003`);
      expect(tokenizer.tokenize(text, 'arabic', 'text')).toEqual(marked);
      expect(tokenizer.tokenize(text, 'arabic', 'context')).toEqual(marked);
      words += marked.length;
    }
    expect(words).toBeGreaterThan(4_000);
  });
});
