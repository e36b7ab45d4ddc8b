/** Sources of translation evidence: the general dictionary, the thesaurus, and names matched by sound. */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/index/analyser.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { englishLemmas, parseDictionary } from '../../src/search/evidence/dictionary.ts';
import { englishSpecificity } from '../../src/search/evidence/specificity.ts';
import { rootKey, skeleton } from '../../src/search/evidence/spelling.ts';
import { loadThesaurus } from '../../src/search/evidence/thesaurus.ts';
import { mixTranslations } from '../../src/search/evidence/translation.ts';
import { normalizeArabic } from '../../src/text/normalize.ts';
import { relationWords } from '../../src/text/parts-of-speech.ts';
import {
  arabicSoundKey,
  arabicSoundShape,
  latinSoundKey,
  latinSoundShape,
} from '../../src/text/transliterate.ts';
import { dictionary, lexicon } from '../helpers.ts';

describe('the dictionary', () => {
  it('translates inflected words through their lemmas', () => {
    expect(englishLemmas('negotiated')).toContain('negotiate');
    const held = dictionary.translateWord('held').map((t) => t.arabic);
    const hold = dictionary.translateWord('hold').map((t) => t.arabic);
    expect(held).toEqual(expect.arrayContaining(hold));
  });

  it('gives probabilities that sum to one per word', () => {
    for (const w of ['prisoners', 'talks', 'security', 'sanctions']) {
      const sum = dictionary.translateWord(w).reduce((s, t) => s + t.p, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
  });

  it('tells English and Arabic words from names', () => {
    expect(dictionary.knows('parts')).toBe(true);
    expect(dictionary.knows('Witkoff')).toBe(false);
    expect(dictionary.knowsArabic('الميدان')).toBe(true);
  });

  it('rejects a malformed table with the line', () => {
    expect(() => parseDictionary('peace\tسلام:1\nbroken line\n', 'x.tsv')).toThrow(/x\.tsv:2/);
  });

  it('mixes sources by their weights', () => {
    const mixed = mixTranslations([
      { weight: 3, translations: [{ arabic: 'أ', p: 1 }] },
      { weight: 1, translations: [{ arabic: 'ب', p: 1 }] },
      { weight: 5, translations: [] },
    ]);
    expect(mixed).toEqual([
      { arabic: 'أ', p: 0.75 },
      { arabic: 'ب', p: 0.25 },
    ]);
  });
});

describe('the thesaurus', () => {
  it('lists synonyms with or without the article', () => {
    const thesaurus = loadThesaurus(join(PROJECT_ROOT, 'data/dictionary/ar-synonyms.tsv'));
    expect(thesaurus.synonyms('استعمال')).toContain('استخدام');
    expect(thesaurus.synonyms('الاستعمال')).toContain('استخدام');
  });
});

describe('names by sound', () => {
  it.each([
    ['Witkoff', 'ويتكوف'],
    ['Panthers', 'البانثرز'],
    ['Peskov', 'بيسكوف'],
    ['Peskow', 'بيسكوف'],
    ['Kuechly', 'كوتشلي'],
    ['Dmitriev', 'دميترييف'],
    ['Istanbul', 'إسطنبول'],
    ['Allen', 'ألين'],
  ])('%s sounds like %s', (latin, arabic) => {
    expect(latinSoundKey(latin)).toBe(arabicSoundKey(normalizeArabic(arabic)));
  });

  it('reads a misspelt name as the lexicon name, but never a word the dictionary knows', () => {
    const english = (t: string) =>
      lexicon
        .findEnglish(t, { nearNames: (w) => dictionary.knows(w) })
        .flatMap((m) => m.entries.map((e) => e.id));
    expect(english('What did Peskow say?')).toContain('peskov');
    expect(english('Which parts of the plan?')).not.toContain('paris');
    expect(english('What crimes were named?')).not.toContain('crimea');
    const arabic = (t: string) =>
      lexicon
        .findArabic(t, { nearNames: (w) => dictionary.knowsArabic(w) })
        .flatMap((m) => m.entries.map((e) => e.id));
    expect(arabic('ماذا قال بسكوف؟')).toContain('peskov');
    expect(arabic('ماذا يجري في الميدان؟')).not.toContain('fidan');
  });

  it('keeps "us" apart from the US', () => {
    const ids = (t: string) => lexicon.findEnglish(t).flatMap((m) => m.entries.map((e) => e.id));
    expect(ids('Tell us about the talks')).not.toContain('usa');
    expect(ids('What did the US say?')).toContain('usa');
  });
});

describe('sound shapes', () => {
  const shape = (arabic: string) => arabicSoundShape(normalizeArabic(arabic));
  it('keep the vowels and h-like sounds a key drops', () => {
    expect(latinSoundShape('Super')).toBe('SVBVR');
    expect(shape('سوبر')).toBe('SVBR');
    // Same key, different shapes: a transcription is near, an Arabic word that happens to share it is not.
    expect(latinSoundKey('Spain')).toBe(arabicSoundKey(normalizeArabic('حسابن')));
    expect(shape('حسابن')).not.toBe(latinSoundShape('Spain'));
    expect(shape('بيسكوف')).toBe(latinSoundShape('Peskov'));
  });
});

describe('spellings and roots of Arabic words', () => {
  const term = (word: string) => createAnalyser(lexicon.nameKeys()).term(word)!;
  it('gives one skeleton to spellings that differ in long vowels', () => {
    expect(skeleton(term('أوكسجين'))).toBe(skeleton(term('الأكسجين')));
    expect(skeleton(term('فاز'))).toBe(skeleton(term('الفوز')));
  });

  it.each([
    ['مركز', 'سيركزان', 'التركيز'],
    ['تسريب', 'يسربها', 'سرب'],
    ['اكتشاف', 'اكتشف', 'الكشف'],
    ['الاستخدام', 'يستخدم', 'مستخدم'],
  ])('gives %s, %s and %s one root', (a, b, c) => {
    const key = rootKey(term(a));
    expect(key).not.toBe('');
    expect(rootKey(term(b))).toBe(key);
    expect(rootKey(term(c))).toBe(key);
  });

  it.each([
    ['أسلحة', 'السلاح'],
    ['المواقف', 'موقف'],
    ['رسائل', 'الرسالة'],
    ['الجنود', 'جندي'],
    ['الأسرى', 'أسير'],
  ])('gives the broken plural %s the root of %s', (plural, singular) => {
    expect(rootKey(term(plural))).not.toBe('');
    expect(rootKey(term(plural))).toBe(rootKey(term(singular)));
  });

  it('leaves words of other roots apart, and short skeletons without a root', () => {
    expect(rootKey(term('مركز'))).not.toBe(rootKey(term('مرسوم')));
    expect(rootKey(term('الكشف'))).not.toBe(rootKey(term('الكتب')));
    expect(rootKey(term('نوع'))).toBe('');
  });
});

describe('how much an English word says of a topic', () => {
  it('weighs everyday words less than words that name a subject', () => {
    expect(englishSpecificity('take')).toBeLessThan(0.2);
    expect(englishSpecificity('next')).toBeLessThan(0.5);
    expect(englishSpecificity('ceasefire')).toBe(1);
    expect(englishSpecificity('oxygen')).toBe(1);
    // Not in the list at all: a name or a rare word.
    expect(englishSpecificity('Witkoff')).toBe(1);
    expect(englishSpecificity('Next')).toBe(englishSpecificity('next'));
  });
});

describe('parts of speech of an English question', () => {
  it('tells words of relation (verbs, adverbs, prepositions) from words of things', () => {
    const relations = relationWords('What does the Borgmann plan include for the prisoners?');
    expect(relations.has('include')).toBe(true);
    expect(relations.has('plan')).toBe(false);
    expect(relations.has('prisoners')).toBe(false);
    expect(relations.has('Borgmann')).toBe(false);
  });
});
