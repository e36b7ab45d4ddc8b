import { describe, expect, it } from 'vitest';
import { foldDigits, isMostlyArabic, luceneNormalize, normalizeArabic } from '../../src/text/normalize.ts';
import { lightStem } from '../../src/text/stem.ts';
import { transliterate } from '../../src/text/transliterate.ts';
import { fixtureRows } from '../helpers.ts';

const rows = fixtureRows('lucene-arabic-test-vectors.tsv');

describe("Lucene's Arabic test vectors", () => {
  it.each(
    rows.filter((r) => r[2] === 'ArabicNormalizationFilter'),
  )('normalises %s/%s', (_s, _t, _c, input, expected) => {
    expect(luceneNormalize(input ?? '')).toBe(expected ?? '');
    // Our search normaliser is a superset: it agrees on every Lucene case.
    expect(normalizeArabic(input ?? '')).toBe(expected ?? '');
  });

  it.each(rows.filter((r) => r[2] === 'ArabicStemFilter'))('stems %s/%s', (_s, _t, _c, input, expected) => {
    expect(lightStem(input ?? '')).toBe(expected ?? '');
  });

  it.each(
    rows.filter((r) => r[2] === 'norm+stem'),
  )('normalises and stems %s/%s', (_s, _t, _c, input, expected) => {
    expect(lightStem(luceneNormalize(input ?? ''))).toBe(expected ?? '');
  });

  it('folds Arabic-Indic digits', () => {
    expect(foldDigits('١٢٣٤')).toBe('1234');
    expect(normalizeArabic('۲۰۲۲')).toBe('2022');
  });
});

describe('normalizeArabic beyond Lucene', () => {
  it('folds Persian letters, hamza carriers and presentation forms', () => {
    expect(normalizeArabic('پاکستان')).toBe('پاكستان');
    expect(normalizeArabic('زيلينسكى')).toBe(normalizeArabic('زيلينسكي'));
    // A hamza's carrier stays as the letter people type when they leave the hamza out.
    expect(normalizeArabic('مسؤول')).toBe(normalizeArabic('مسوول'));
    expect(normalizeArabic('رئيس')).toBe(normalizeArabic('رييس'));
    expect(normalizeArabic('\uFEFB')).toBe('لا');
  });

  it('keeps words whole across diacritics and tatweel', () => {
    expect(normalizeArabic('كَتَبَ')).toBe('كتب');
    expect(normalizeArabic('بعـد')).toBe('بعد');
  });
});

describe('helpers', () => {
  it('tells Arabic from English', () => {
    expect(isMostlyArabic('ماذا قال بيسكوف عن NATO؟')).toBe(true);
    expect(isMostlyArabic('What did Peskov say?')).toBe(false);
  });

  it('transliterates unknown names readably', () => {
    expect(transliterate('بيتر سيارتو')).toBe('Bitr Syarto');
    expect(transliterate('فولوديمير')).toMatch(/^[A-Z][a-z]+$/);
  });
});
