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

  it('folds in one pass what a replace per character class did', () => {
    // The definition, step by step, as it was written before the one-pass version.
    const stepwise = (text: string) =>
      foldDigits(text.normalize('NFKC'))
        .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
        .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
        .replace(/\u0640/g, '')
        .replace(
          /[آأإٱىیېةۀہکؤئ]/g,
          (c) => ({ ی: 'ي', ې: 'ي', ى: 'ي', ة: 'ه', ۀ: 'ه', ہ: 'ه', ک: 'ك', ؤ: 'و', ئ: 'ي' })[c] ?? 'ا',
        )
        .replace(/ء/g, '')
        .toLowerCase();
    // Every character of the Arabic blocks, the invisibles and some Latin, in texts long and short.
    const alphabet = [
      ...Array.from({ length: 0x0700 - 0x0600 }, (_, i) => String.fromCharCode(0x0600 + i)),
      ...Array.from({ length: 0x75 - 0x50 }, (_, i) => String.fromCharCode(0xfe70 + i)),
      ...'\u200B\u200E\u202B\u2067\uFEFF AbZ 09.-',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let n = 0; n < 2_000; n++) {
      const length = 1 + Math.floor(next() * 60);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      expect(normalizeArabic(text)).toBe(stepwise(text));
    }
    expect(normalizeArabic(alphabet.join(''))).toBe(stepwise(alphabet.join('')));
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
