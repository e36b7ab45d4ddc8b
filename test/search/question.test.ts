import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/index/analyser.ts';
import { buildConcepts } from '../../src/search/query.ts';
import { parseQuestion } from '../../src/search/question.ts';
import { findTime } from '../../src/search/time.ts';
import { dictionary, lexicon } from '../helpers.ts';

const analyser = createAnalyser(lexicon.nameKeys());
const parse = (q: string) => parseQuestion(q, lexicon, dictionary);
const speakers = (q: string) => parse(q).speakers.map((s) => s.id);
const concepts = (q: string) =>
  buildConcepts(parse(q), {
    analyser,
    dictionary,
    soundsLike: () => [],
    documentFrequency: () => 1,
    synonyms: () => [],
    spellingVariants: () => [],
    rootRelatives: () => [],
  });
const labels = (q: string) => concepts(q).map((g) => g.label);
const alternatives = (q: string, label: string) =>
  concepts(q)
    .find((g) => g.label === label)!
    .alternatives.map((a) => a.terms);

describe('parseQuestion', () => {
  it('reads dialect question words as question words, not topic', () => {
    expect(labels('شو قال بيسكوف عن الناتو؟')).toEqual(['الناتو']);
    expect(labels('وين عقد الاجتماع؟')).toEqual(['عقد', 'الاجتماع']);
  });

  it('reads names and terms of either script in one question', () => {
    expect(speakers('What did بيسكوف say about الناتو?')).toEqual(['peskov']);
    expect(labels('What did بيسكوف say about الناتو?')).toEqual(['الناتو']);
    expect(speakers('ماذا قال Peskov عن NATO؟')).toEqual(['peskov']);
    expect(labels('<b>What did Peskov say?</b>')).toEqual([]);
  });

  it('reads "according to X" in Arabic as asking X', () => {
    expect(speakers('لماذا اختيرت ألاسكا للقمة حسب أوشاكوف؟')).toEqual(['ushakov']);
    expect(speakers('ما موقف موسكو من الهدنة وفقا لبيسكوف؟')).toContain('peskov');
    expect(labels('لماذا اختيرت ألاسكا للقمة حسب أوشاكوف؟')).not.toContain('أوشاكوف');
  });

  it('reads a title before the asked name in Arabic as part of it', () => {
    expect(speakers('ماذا قال وزير الدفاع الروسي بيلوسوف عن قمة ألاسكا؟')).toEqual(['belousov']);
    expect(labels('ماذا قال وزير الدفاع الروسي بيلوسوف عن قمة ألاسكا؟')).not.toContain('الروسي');
    expect(speakers('ماذا قال وزير الخارجية عن جنيف؟')).toEqual([]);
  });

  it('takes a repeated word as one idea', () => {
    expect(labels('هل ناقشوا الخطة بندا بندا؟')).toEqual(['ناقشوا', 'الخطة', 'بندا']);
  });

  it('asks a country or a capital as a speaker, in both languages', () => {
    expect(speakers('ماذا قالت روسيا عن قوات الناتو؟')).toEqual(['russia']);
    expect(speakers('What did Moscow say about the truce?')).toEqual(['moscow']);
    expect(lexicon.voicesOf('moscow')).toEqual(expect.arrayContaining(['russia', 'kremlin', 'peskov']));
  });

  it('keeps month words and relative time out of the topic, but not the modal "may"', () => {
    expect(labels('What did Lavrov say in March about the talks?')).toEqual(['talks']);
    expect(labels('What did Peskov say last week about the talks?')).toEqual(['talks']);
  });

  it('detects the language', () => {
    expect(parse('What did Peskov say?').language).toBe('en');
    expect(parse('ماذا قال بيسكوف؟').language).toBe('ar');
  });

  it('finds the asked speakers only where a verb of saying makes them speakers', () => {
    expect(speakers('What did Peskov say about NATO troops?')).toEqual(['peskov']);
    expect(speakers('What did Lavrov and Rubio say about the embassies?')).toEqual(['lavrov', 'rubio']);
    expect(speakers('Does Putin reject a peaceful solution?')).toEqual(['putin']);
    expect(speakers("What are Zelensky's remarks on the talks?")).toEqual(['zelensky']);
    expect(speakers('According to the Kremlin, what happens next?')).toEqual(['kremlin']);
    expect(speakers('How much territory does the Russian army control?')).toEqual([]);
    expect(speakers('When is Witkoff expected in Moscow, according to Ushakov?')).toEqual(['ushakov']);
    expect(speakers("When was Putin's interview with Tucker Carlson published?")).toEqual([]);
    expect(speakers('ماذا قال لافروف وروبيو عن السفارات؟')).toEqual(['lavrov', 'rubio']);
    expect(speakers('ما الذي قرره الكرملين مع واشنطن؟')).toEqual([]);
  });

  it('reads a misspelt name (a dropped letter) as the name', () => {
    expect(speakers('ماذا قال بسكوف عن الناتو؟')).toEqual(['peskov']);
    expect(speakers('ماذا قال زيلنسكى؟')).toEqual(['zelensky']);
    expect(speakers('What did Peskow say about NATO?')).toEqual(['peskov']);
  });

  it('keeps a name the lexicon lacks, so that nobody else’s words answer for it', () => {
    expect(parse('What did John Smith say about the talks?').unknownSpeaker).toBe('John Smith');
    expect(parse('ماذا قال يوهانسون عن المحادثات؟').unknownSpeaker).toBe('يوهانسون');
    expect(parse('ما هي العقوبات التي هدد بها الغرب روسيا؟').unknownSpeaker).toBeNull();
    expect(parse('What does Moscow demand about NATO?').unknownSpeaker).toBeNull();
    expect(parse('ماذا قال مسؤول أوكراني عن مطالب روسيا؟').unknownSpeaker).toBeNull();
  });

  it('translates English topics into Arabic term groups, with synonyms and inflections', () => {
    const q = 'What did Peskov say about resuming the prisoner exchange?';
    expect(labels(q)).toEqual(['resuming', 'prisoner exchange']);
    expect(alternatives(q, 'prisoner exchange')).toContainEqual(analyser.terms('تبادل الأسرى'));
    expect(alternatives(q, 'prisoner exchange')).toContainEqual(analyser.terms('تبادل السجناء'));
    const prisoners = alternatives('What did Peskov say about the prisoners?', 'prisoners');
    expect(prisoners).toContainEqual(analyser.terms('الأسرى'));
    expect(prisoners).toContainEqual(analyser.terms('السجناء'));
  });

  it('expands Arabic names and concepts to the spellings of the sources', () => {
    expect(alternatives('ماذا قال بيسكوف عن الناتو؟', 'الناتو')).toContainEqual(analyser.terms('حلف الناتو'));
  });

  it('keeps an English word the lexicon cannot translate as a group without Arabic', () => {
    expect(concepts('What about xqzzyt?')).toEqual([
      { label: 'xqzzyt', alternatives: [], name: true, specificity: 1, saidOtherwise: 0, relation: false },
    ]);
  });
});

describe('findTime', () => {
  it.each([
    ['What did Peskov say in 2022?', { from: '2022-01-01', to: '2022-12-31' }],
    ['What did Peskov say in February 2024?', { from: '2024-02-01', to: '2024-02-29' }],
    ['ماذا قال بيسكوف في فبراير ٢٠٢٢؟', { from: '2022-02-01', to: '2022-02-28' }],
    ['What is the latest on the talks?', { latest: true }],
    ['ما آخر تصريحات بيسكوف؟', { latest: true }],
    ['What did Peskov say?', null],
    ['What did Lavrov say in May?', { month: 5 }],
    ['What may Russia do next?', null],
    ['ماذا قال بيسكوف في آب؟', { month: 8 }],
    ['ماذا قال لافروف في تشرين الأول؟', { month: 10 }],
    ['ماذا قال الأب؟', null],
    ['What did Peskov say yesterday?', { daysBack: { from: 1, to: 1 } }],
    ['What did Peskov say last week?', { daysBack: { from: 7, to: 0 } }],
    ['ماذا قال بيسكوف الأسبوع الماضي؟', { daysBack: { from: 7, to: 0 } }],
    ['ماذا قال بيسكوف أمس الأول؟', { daysBack: { from: 2, to: 2 } }],
  ])('%s', (q, expected) => {
    expect(findTime(q)).toEqual(expected);
  });
});
