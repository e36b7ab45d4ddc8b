/** The five seed files, end to end: articles, headers, dates, verbatim quotations and every speaker. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { seedCorpus } from '../helpers.ts';

const corpus = seedCorpus();
const byId = new Map(corpus.articles.map((a) => [a.id, a]));

describe('seed articles', () => {
  it('finds six articles in five files, with ids per file', () => {
    expect(corpus.articles.map((a) => a.id)).toEqual([
      '000_a3efd6bd4ede35a1#1',
      '001_f1dda8b0c791e8d6#1',
      '001_f1dda8b0c791e8d6#2',
      '002_46fa6df76d4e3716#1',
      '003_7870b1bc0c8ec65c#1',
      '004_6b6843914a22ef7f#1',
    ]);
  });

  it('reads titles, outlets and dates with their basis', () => {
    const summary = corpus.articles.map((a) => [
      a.id.slice(0, 3) + a.id.slice(-2),
      a.title,
      a.outlet,
      a.date,
    ]);
    expect(summary).toEqual([
      ['000#1', null, null, { iso: null, text: 'الخميس', basis: 'unknown' }],
      [
        '001#1',
        'الكرملين: روسيا لا ترى أي رغبة من الولايات المتحدة في إجراء مفاوضات',
        'البوابة نيوز',
        { iso: '2024-02-10', text: '10th, February 2024', basis: 'stated' },
      ],
      [
        '001#2',
        'الكرملين: لقاء بوتين وزيلينسكي ممكن بعـد التوصل لاتفاقات',
        'الاتحاد',
        { iso: null, text: 'أمس', basis: 'unknown' },
      ],
      [
        '002#1',
        'توسيع- الكرملين يعتبر استعداد بايدن للمحادثات مع روسيا حول الأمن أمراً إيجابياً',
        'پاکستان پوائنٹ نیوز',
        { iso: '2022-02-16', text: '16 فبراير 2022ء', basis: 'stated' },
      ],
      [
        '003#1',
        'الكرملين يقول إن الرئيس يوافق على استئناف المحادثات الأمريكية مع روسيا حول أوكرانيا',
        null,
        { iso: null, text: 'يوم الثلاثاء', basis: 'unknown' },
      ],
      ['004#1', null, null, { iso: null, text: 'اليوم الخميس', basis: 'unknown' }],
    ]);
    expect(byId.get('002_46fa6df76d4e3716#1')!.agencies).toEqual(['سبوتنيك']);
  });

  it('removes site chrome and keeps no boilerplate in any passage', () => {
    const all = corpus.articles.flatMap((a) => a.passages.map((p) => p.text)).join('\n');
    for (const chrome of [
      'مشاهدة الفيديو',
      'Exit mobile version',
      'شاركها',
      'اترك تعليق',
      'كلمات دلالية',
      'إقرأ أيضاً',
      'أخبار ذات صلة',
      'المصدر:',
    ]) {
      expect(all).not.toContain(chrome);
    }
    expect(all).not.toMatch(/^\|$/m);
  });

  it('keeps every passage and quotation verbatim, at its offsets, and within its own file', () => {
    for (const a of corpus.articles) {
      const file = readFileSync(join(PROJECT_ROOT, a.file), 'utf8');
      for (const unit of [...a.passages, ...a.quotes]) {
        expect(a.text.slice(unit.start, unit.end)).toBe(unit.text);
        expect(file).toContain(unit.text);
      }
    }
  });

  it('never carries a date from one article of a file into the next', () => {
    expect(byId.get('001_f1dda8b0c791e8d6#1')!.date.iso).toBe('2024-02-10');
    expect(byId.get('001_f1dda8b0c791e8d6#2')!.date.iso).toBeNull();
  });

  it('keeps the tags and source lines of the first article out of the second', () => {
    const second = byId.get('001_f1dda8b0c791e8d6#2')!;
    expect(second.text.startsWith('الكرملين: لقاء بوتين')).toBe(true);
    expect(byId.get('001_f1dda8b0c791e8d6#1')!.text).not.toContain('الاتحاد، وكالات');
  });
});

/** Every quotation of the seeds with the speaker a careful reader names (null: the source names nobody). */
const EXPECTED_SPEAKERS: Record<string, Array<[string, string | null]>> = {
  '000_a3efd6bd4ede35a1#1': [
    ['اتُخذ القرار بالمضي', 'peskov'],
    ['تم اتخاذ قرار بالبدء', 'peskov'],
    ['كانت الولايات المتحدة، ولا تزال', 'peskov'],
    ['يتحدثون عن ضرورة إحلال السلام', 'peskov'],
    ['نتابع هذه التقارير عن كثب', 'peskov'],
    ['إن نشر عسكريين تابعين لدول حلف "الناتو"', 'peskov'],
    ['جيشنا يواصل العملية العسكرية الخاصة', 'peskov'],
  ],
  '001_f1dda8b0c791e8d6#1': [
    ['السلطات الأمريكية تدرك جيدا موقفنا', 'peskov'],
    ['هم يدركون جيدًا', 'peskov'],
  ],
  '001_f1dda8b0c791e8d6#2': [
    ['مكن شرط أن تسبقه اتفاقات', 'kremlin'],
    ['الأمر يتعلق أولاً بتبادل ألف أسير', 'peskov'],
  ],
  '002_46fa6df76d4e3716#1': [
    ['من المهم بالنسبة لنا', 'peskov'],
    ['في هذه الحالة، يؤكد الرئيس بوتين', 'peskov'],
    ['لا، سيتعين عليهم', 'peskov'],
    ['تهديد روسي محتمل', null],
    // "the United States and Western countries": countries are not speakers.
    ['هذا الغزو يمكن أن يحصل', null],
  ],
  '003_7870b1bc0c8ec65c#1': [
    ['من الصعب توقع انفراجة', 'ushakov'],
    ['ان الناتو هو الذى يقوم', 'putin'],
    ['لذلك فان روسيا مهتمة', 'kremlin'],
    ['مشاورات جوهرية حول هذه القضية', 'kremlin'],
    ['اجراءات اقتصادية قوية وغيرها', null],
    ['أظهرت لي ساعتان', null],
  ],
  '004_6b6843914a22ef7f#1': [
    ['الاتصالات الأولى مع الإدارة', 'putin'],
    ['الشركاء الحاليون في أميركا', 'putin'],
    ['لا يمكن ضمان أمن البعض', 'putin'],
    ['دبلوماسيينا يحاولون البناء', 'peskov'],
    ['لا أحد يتوقّع أن تكون الحلول', 'peskov'],
    ['الرئيس ترامب يتحدث باسمه', 'peskov'],
    ['الإرادة السياسية لكلا البلدين', 'peskov'],
  ],
};

describe('speakers of every seed quotation', () => {
  for (const [id, expected] of Object.entries(EXPECTED_SPEAKERS)) {
    it(id, () => {
      const quotes = byId.get(id)!.quotes;
      expect(
        quotes.map((q) => [q.text.slice(0, expected[quotes.indexOf(q)]?.[0].length), q.speaker?.id ?? null]),
      ).toEqual(expected);
    });
  }
});

describe('speakers of reported speech in the seeds', () => {
  const squash = (t: string) => t.replace(/\s+/g, ' ');
  const speakerOf = (fragment: string) =>
    corpus.articles.flatMap((a) => a.passages).find((p) => squash(p.text).includes(fragment))?.speaker?.id ??
    null;

  it.each([
    ['أمر غير مقبول بالنسبة لروسيا', 'peskov'],
    ['أشار الناطق باسم الكرملين إلى أن الإدارة', 'peskov'],
    ['أخذت علماً بطلب كييف', 'medinsky'],
    ['عن أمله في أن يتم هذا التبادل', 'budanov'],
    ['خط مدمر', 'putin'],
    ['الرئيسين فلاديمير بوتين وجو بايدن أعلنا', 'kremlin'],
    ['لا ترفض حلا سلميا', 'putin'],
    ['تعاود سفارات وقنصليات', 'lavrov'],
    ['يريد إنهاء إراقة الدماء', 'trump'],
    ['بحسب أوشاكوف', 'ushakov'],
    ['وأضاف أنهما لم يناقشا', 'ushakov'],
    ['موسكو التي نفت استهداف المدنيين', 'zelensky'],
    // Two speakers in one sentence: the clause after the comma is the ministry's own statement.
    ['سيطرت على بلدة أخرى في شرق أوكرانيا', 'russian-defence-ministry'],
  ])('%s -> %s', (fragment, speaker) => {
    expect(speakerOf(fragment)).toBe(speaker);
  });

  it.each([
    ['أقل من 30 ألف جندي'],
    ['وتم نشر، أمس الجمعة'],
    ['بتخلي أوكرانيا عن فكرة الانضمام'],
    ['مسودتي اتفاقيتين'],
    ['مقر القنصل العام الأميركي'],
    ['عن مسؤول أوكراني مطلع'],
  ])('names nobody where the source names nobody: %s', (fragment) => {
    expect(speakerOf(fragment)).toBeNull();
  });
});
