import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/corpus/ingest.ts';
import { findQuotes } from '../../src/corpus/quotes.ts';
import { splitSentences } from '../../src/corpus/sentences.ts';
import { lexicon } from '../helpers.ts';

const ingest = (text: string) => ingestFile({ file: 'q.txt', stem: 'q', text }, lexicon);

const quoted = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe('findQuotes', () => {
  it('keeps an inner word quoted with the same straight mark inside the outer quotation', () => {
    const text = 'وقال "إن نشر عسكريين تابعين لدول حلف "الناتو" على الأراضي أمر لا يمكن قبوله". وانتهى.';
    expect(quoted(text)).toEqual(['إن نشر عسكريين تابعين لدول حلف "الناتو" على الأراضي أمر لا يمكن قبوله']);
  });

  it('reads guillemets, curly and mis-paired curly marks', () => {
    expect(quoted('قال «نحن مستعدون للحوار» أمس')).toEqual(['نحن مستعدون للحوار']);
    expect(quoted('إن “الاتصالات الأولى تمنح بعض الأمل”.')).toEqual(['الاتصالات الأولى تمنح بعض الأمل']);
    expect(quoted('مرحبا بـ”الإرادة السياسية لكلا البلدين”.')).toEqual(['الإرادة السياسية لكلا البلدين']);
    expect(quoted('قال ”لا أحد يتوقع الحلول“ ثم غادر')).toEqual(['لا أحد يتوقع الحلول']);
  });

  it('reads marks with spaces on both sides', () => {
    expect(quoted('قائلا " ان الناتو هو الذى يقوم بمحاولات " . وقال')).toEqual([
      'ان الناتو هو الذى يقوم بمحاولات',
    ]);
  });

  it('closes an unbalanced mark at the end of its paragraph, and says so', () => {
    const spans = findQuotes('أعلن الكرملين أن اللقاء «ممكن شرط أن تسبقه اتفاقات.');
    expect(spans).toHaveLength(1);
    expect(spans[0]!.balanced).toBe(false);
  });

  it('ends an unclosed quotation at its last sentence when a colon introduces a new one with the same mark', () => {
    const text =
      '“لن نقبل بهذا الشرط. الحوار وحده يحل الأزمة. وكتب لافروف على حسابه: “الضمانات أولا ثم الاتفاق”.';
    expect(quoted(text)).toEqual(['لن نقبل بهذا الشرط. الحوار وحده يحل الأزمة', 'الضمانات أولا ثم الاتفاق']);
    // A quotation nested without a colon stays inside the outer one.
    expect(quoted('قال "إن حلف "الناتو" يتوسع شرقا".')).toEqual(['إن حلف "الناتو" يتوسع شرقا']);
  });

  it('ignores a stray closing mark', () => {
    expect(quoted('نص» ثم «قول تام هنا»')).toEqual(['قول تام هنا']);
  });
});

describe('splitSentences', () => {
  it('never splits inside a quotation', () => {
    const text = 'وقال بيسكوف: "نتابع التقارير. إنها تتناقض مع التصريحات". وأضاف أمرا آخر.';
    const spans = splitSentences(text, findQuotes(text));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'وقال بيسكوف: "نتابع التقارير. إنها تتناقض مع التصريحات".',
      'وأضاف أمرا آخر.',
    ]);
  });
});

describe('a quotation over two paragraphs', () => {
  it('runs from the opening mark in one paragraph to the closing mark in the next, verbatim', () => {
    const text =
      'عنوان الخبر عن المحادثات\n' +
      'وقال بيسكوف: «لن نقبل بأي شروط مسبقة في المفاوضات مع الجانب الأمريكي.\n' +
      'وننتظر من واشنطن خطوات عملية تثبت جديتها في الحوار».\n' +
      'وأضاف أن "الاتصالات مستمرة على مستوى الخبراء.\n' +
      '"الجولة المقبلة لم تحدد بعد" بحسب مصادر.\n';
    const { articles, warnings } = ingest(text);
    const [first, second] = articles[0]!.quotes;
    expect(first).toMatchObject({
      text: 'لن نقبل بأي شروط مسبقة في المفاوضات مع الجانب الأمريكي.\nوننتظر من واشنطن خطوات عملية تثبت جديتها في الحوار',
      balanced: true,
      speaker: { id: 'peskov' },
    });
    expect(articles[0]!.text.slice(first!.start, first!.end)).toBe(first!.text);
    // The next paragraph opens a quotation of its own: the open one is not carried into it.
    expect(second).toMatchObject({ balanced: false });
    expect(warnings.filter((w) => /closing quotation mark missing/.test(w.message))).toHaveLength(1);
  });
});

describe('quoted names', () => {
  it('are no quotations: a short quoted phrase after قناة، طائرة، صحيفة names something', () => {
    const text =
      'عنوان الخبر عن المحادثات\n' +
      'وقال ترامب للصحفيين على متن طائرة "إير فورس وان" الرئاسية إن "اللقاء مع بوتين سيكون مثمرا جدا".\n';
    const quotes = ingest(text).articles[0]!.quotes;
    expect(quotes.map((q) => [q.text, q.speaker?.id])).toEqual([
      ['اللقاء مع بوتين سيكون مثمرا جدا', 'trump'],
    ]);
  });
});

describe('a paragraph that is only a quotation', () => {
  it('continues the speaker of the sentence before it, and of nobody when that sentence named none', () => {
    const text =
      'الكرملين: الحوار مستمر مع واشنطن\n' +
      'وقال المتحدث باسم الكرملين دميتري بيسكوف إن الاتصالات مع الجانب الأمريكي لم تتوقف.\n' +
      '"نحن مستعدون لمواصلة الحوار في أي وقت يناسب الطرفين".\n' +
      'وتشهد العاصمة الروسية أياما باردة هذا الأسبوع مع تساقط الثلوج.\n' +
      '"هذه أبرد أيام السنة في موسكو منذ عقود طويلة".\n';
    const quotes = ingest(text).articles[0]!.quotes;
    expect(quotes.map((q) => [q.text.split(' ')[0], q.speaker?.id ?? null])).toEqual([
      ['نحن', 'peskov'],
      ['هذه', null],
    ]);
  });
});
