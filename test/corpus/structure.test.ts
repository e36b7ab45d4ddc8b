/** Chrome removal, splitting and headers on cases written for the purpose (other outlets, other layouts). */

import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/corpus/chrome.ts';
import { readHeader } from '../../src/corpus/header.ts';
import { ingestFile } from '../../src/corpus/ingest.ts';
import { splitArticles } from '../../src/corpus/split-articles.ts';
import { lexicon } from '../helpers.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, fileOffset: i * 100 }));
const BODY =
  'وقال المتحدث باسم الخارجية إن الحوار مستمر بين الجانبين رغم الخلافات الكبيرة حول ملفات الأمن في أوروبا.';

describe('classifyLine', () => {
  it.each([
    'في حال واجهت مشكلة في مشاهدة الفيديو، إضغط على رابط المصدر للمشاهدة على الموقع الرسمي',
    'شاركها.',
    'اترك تعليقاً',
    'Exit mobile version',
    'كلمات دلالية: الكرملين بوتين',
    '|',
    '— — —',
  ])('drops chrome: %s', (line) => {
    expect(classifyLine(line).kind).toBe('chrome');
  });

  it('marks "read also" and source lines', () => {
    expect(classifyLine('إقرأ أيضاً:').kind).toBe('read-also');
    expect(classifyLine('اقرأ أيضا').kind).toBe('read-also');
    expect(classifyLine('المصدر: البوابة نيوز')).toEqual({ kind: 'source', outlet: 'البوابة نيوز' });
  });

  it('cuts a label glued to the first sentence and reports where the text starts', () => {
    expect(classifyLine('أخبار ذات صلةأعلن الكرملين أمس')).toEqual({
      kind: 'content',
      text: 'أعلن الكرملين أمس',
      offset: 13,
    });
  });
});

describe('splitArticles', () => {
  it('splits a file holding three articles and drops a trailing list of related headlines', () => {
    const file = [
      'العنوان الأول للخبر',
      BODY,
      'إقرأ أيضاً:',
      'العنوان الثاني للخبر',
      'موسكو (وكالات)',
      BODY,
      BODY,
      'اقرأ أيضا:',
      'العنوان الثالث',
      'تاريخ النشر: 3 مارس 2025',
      BODY,
      'إقرأ أيضاً:',
      'عنوان مرتبط قصير',
      'عنوان آخر مرتبط',
    ].join('\n');
    const blocks = splitArticles(file);
    expect(blocks.map((b) => b.lines[0]!.text)).toEqual([
      'العنوان الأول للخبر',
      'العنوان الثاني للخبر',
      'العنوان الثالث',
    ]);
    const articles = ingestFile({ file: 'x.txt', stem: 'x', text: file }, lexicon).articles;
    expect(articles.map((a) => [a.id, a.date.iso])).toEqual([
      ['x#1', null],
      ['x#2', null],
      ['x#3', '2025-03-03'],
    ]);
  });

  it('keeps the file offsets of the lines it keeps', () => {
    const file = `|\nعنوان الخبر هنا\n${BODY}`;
    const [block] = splitArticles(file);
    expect(file.slice(block!.lines[1]!.fileOffset).startsWith(BODY)).toBe(true);
  });
});

describe('readHeader', () => {
  it('reads "(outlet / agency - date)" glued to the lead', () => {
    const h = readHeader(
      lines('الخارجية: الحوار مستمر رغم الخلافات', `(الشرق الأوسط / أ ف ب - 2 يونيو 2025) ${BODY}`),
    );
    expect(h).toMatchObject({
      title: 'الخارجية: الحوار مستمر رغم الخلافات',
      outlet: 'الشرق الأوسط',
      agencies: ['أ ف ب'],
    });
    expect(h.date).toEqual({ iso: '2025-06-02', text: '2 يونيو 2025', basis: 'stated' });
    expect(h.leadSkip).toBeGreaterThan(0);
  });

  it('takes no label that shares no word with the article for its headline, and a lead without a stop for prose', () => {
    const labelled = readHeader(lines('في سطور قليلة', 'الخارجية: الحوار مستمر رغم الخلافات', BODY));
    expect(labelled.title).toBe('الخارجية: الحوار مستمر رغم الخلافات');
    expect(labelled.lines[0]).toMatchObject({ kind: 'section' });
    const lead =
      'أكد المتحدث باسم الخارجية، سيرغي ريابكوف، أن الحوار مستمر بين الجانبين رغم الخلافات الكبيرة حول ملفات الأمن';
    const unstopped = readHeader(lines(lead, BODY));
    expect(unstopped.title).toBeNull();
    expect(unstopped.bodyStart).toBe(0);
  });

  it('reads an agency after a dateline and its date, and an outlet glued to the lead by a colon', () => {
    const wire = readHeader(
      lines('الخارجية: الحوار مستمر رغم الخلافات', `موسكو - 3 - 2 (كونا) -- ${BODY}`),
      (n) => n === 'موسكو',
    );
    expect(wire).toMatchObject({ outlet: null, agencies: ['كونا'] });
    expect(BODY.startsWith(`موسكو - 3 - 2 (كونا) -- ${BODY}`.slice(wire.leadSkip))).toBe(true);
    const slashed = readHeader(
      lines('الخارجية: الحوار مستمر رغم الخلافات', `موسكو في 3 مارس /أ ش أ/ ${BODY}`),
      (n) => n === 'موسكو',
    );
    expect(slashed.agencies).toEqual(['أ ش أ']);
    const bare = readHeader(
      lines('الخارجية: الحوار مستمر رغم الخلافات', `موسكو – أ ف ب ${BODY}`),
      (n) => n === 'موسكو',
    );
    expect(bare.agencies).toEqual(['أ ف ب']);
    const colon = readHeader(lines('الخارجية: الحوار مستمر رغم الخلافات', `الرصد :${BODY}`));
    expect(colon.outlet).toBe('الرصد');
    // A name the lexicon knows before a colon is a speaker, not an outlet.
    const known = (n: string) => n === 'ريابكوف';
    expect(
      readHeader(lines('الخارجية: الحوار مستمر رغم الخلافات', `ريابكوف: ${BODY}`), () => false, known).outlet,
    ).toBeNull();
  });

  it('reads a breadcrumb, a labelled date with Latin letters, and the headline glued again to the lead', () => {
    const headline = 'الخارجية: الحوار مستمر رغم الخلافات';
    const crumbs = readHeader(
      lines(`الرئيسية - أخبار العالم - ${headline}`, headline, 'تاريخ النشر: 3 مارس 2025 - 10:52 GMT', BODY),
    );
    expect(crumbs.title).toBe(headline);
    expect(crumbs.lines[0]).toMatchObject({ kind: 'boilerplate' });
    expect(crumbs.date).toMatchObject({ iso: '2025-03-03', basis: 'stated' });
    const glued = readHeader(
      lines(headline, `${headline}موسكو – 3 – 2 (كونا) — ${BODY}`),
      (n) => n === 'موسكو',
    );
    expect(glued).toMatchObject({ title: headline, agencies: ['كونا'] });
    expect(`${headline}موسكو – 3 – 2 (كونا) — ${BODY}`.slice(glued.leadSkip)).toBe(BODY);
  });

  it('reads an outlet before «من» and a place, and one glued by a dash after a space', () => {
    const from = readHeader(
      lines('الخارجية: الحوار مستمر رغم الخلافات', `الرصد من موسكو: ${BODY}`),
      (n) => n === 'موسكو',
    );
    expect(from.outlet).toBe('الرصد');
    const dashed = readHeader(lines('الخارجية: الحوار مستمر رغم الخلافات', `الرصد الإخباري -${BODY}`));
    expect(dashed.outlet).toBe('الرصد الإخباري');
  });

  it('reads a "city، city (outlet، agencies)" line and a Levantine date line', () => {
    const h = readHeader(
      lines(
        'الخارجية: الحوار مستمر رغم الخلافات',
        'بيروت، دمشق (النهار، وكالات)',
        'تاريخ النشر: 18 شباط/فبراير 2025',
        BODY,
      ),
      (name) => name === 'بيروت' || name === 'دمشق',
    );
    expect(h.outlet).toBe('النهار');
    expect(h.date.iso).toBe('2025-02-18');
    expect(h.bodyStart).toBe(3);
  });

  it('reads "city -" and a dateline date opening the lead, but not a date later in the body', () => {
    expect(readHeader(lines('عنوان الخبر', `موسكو 16 فبراير 2022 - ${BODY}`)).date.iso).toBe('2022-02-16');
    const later = readHeader(
      lines(`جاكرتا - قال الكرملين إن اجتماعا عقد في 18 فبراير 2025 في الرياض وسط آمال كبيرة.`),
    );
    expect(later.date).toEqual({ iso: null, text: null, basis: 'unknown' });
    expect(later.leadSkip).toBe('جاكرتا - '.length);
  });

  it('keeps weekday words of an undated article, with no date', () => {
    const h = readHeader(lines('أكد الكرملين، الخميس، أنه قرر استئناف الحوار مع واشنطن في كل المجالات.'));
    expect(h.title).toBeNull();
    expect(h.date).toEqual({ iso: null, text: 'الخميس', basis: 'unknown' });
  });
});
