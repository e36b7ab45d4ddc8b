/**
 * Site chrome: the lines news sites wrap around an article. One list of patterns, applied to every line;
 * nothing here knows a particular file.
 */

import { normalizeArabic } from '../text/normalize.ts';
import { outletNamed } from '../text/vocabulary/outlets.ts';

/** What a line of a raw article file is. */
export type LineKind =
  | { kind: 'chrome' }
  | { kind: 'read-also' }
  | { kind: 'source'; outlet: string }
  /** A line that is only a known outlet's name: the site signing its page ("القدس العربي" at its foot). */
  | { kind: 'signature'; outlet: string }
  /** `source`: the outlet an aggregator's closing credit names ("تم نشر هذه المقالة … للمرة الأولى على X"). */
  | { kind: 'content'; text: string; offset: number; source?: string };

const CHROME_LINES: RegExp[] = [
  /^في حال واجهت مشكلة في مشاهدة الفيديو/,
  /^(?:إضغط|اضغط) (?:هنا|على الرابط)/,
  /^(?:شاركها|شارك(?: المقال| الخبر)?|مشاركة|اترك تعليقا?ً?|أضف تعليقا?ً?|التعليقات|تابعونا على.*)[.:]?$/,
  /^exit mobile version$/i,
  /^(?:share|comments?|leave a comment|read more)\.?$/i,
  /^(?:كلمات دلالية|الكلمات الدلالية|الوسوم|وسوم|مواضيع ذات صلة|tags)\s*[:：]/i,
  /^(?:أخبار ذات صلة|اخبار ذات صلة|مواضيع ذات صلة|اقرأ المزيد)\s*[:.]?$/,
  /^[\s|\-–—_=*•·.…]+$/,
];

const READ_ALSO = /^(?:إقرأ|اقرأ|إقرا|اقرا)\s+(?:أيضاً|أيضا|ايضا|ايضاً|كذلك)\s*[:：]?\s*$/;
const SOURCE_LINE = /^(?:المصدر|مصدر الخبر)\s*[:：]\s*(.{2,80})$/;

/**
 * An aggregator's credit at the end of a line: "تم نشر هذه المقالة <headline> للمرة الأولى على صحيفة الوئام ."; the
 * headline between is at most this long.
 */
const FIRST_PUBLISHED_AT =
  /(?:تم نشر|نشرت|نُشرت|نشر|نُشر) (?:هذه|هذا) (?:المقالة|المقال|الخبر|المادة|الموضوع) /;
const FIRST_PUBLISHED_ON =
  /^.{0,300}?(?:للمرة الأولى|للمرة الاولى|للمرة الأولي|للمرة الاولي|لأول مرة|أولا) (?:على|علي|في|عبر) (.{2,40}?)\s*\.?\s*$/;

/** Labels that sites glue to the start of the first sentence of a block ("أخبار ذات صلةأعلن …"). */
const GLUED_LABELS = /^(?:أخبار ذات صلة|اخبار ذات صلة|اقرأ أيضا|إقرأ أيضاً)\s*[:：]?\s*/;

/**
 * A page's control or list label rather than a name: it opens with an imperative ("استمع إلى الملخص"، "اظهر
 * الملخص") or a superlative that heads a list ("آخر الأخبار"، "الأكثر قراءة"), or runs through a preposition.
 */
const CONTROL_OPENERS = new Set(
  'استمع اظهر أظهر اخف أخف اضغط انقر شاهد تابع تابعوا اقرأ إقرأ شارك حمل اشترك آخر أحدث الأكثر أهم أبرز'
    .split(' ')
    .map(normalizeArabic),
);
const PREPOSITIONS_IN_LABELS = new Set(['الى', 'على', 'علي', 'في', 'من', 'عن', 'مع']);
export function isPageControl(line: string): boolean {
  const words = normalizeArabic(line.trim()).split(/\s+/);
  return CONTROL_OPENERS.has(words[0]!) || words.some((w) => PREPOSITIONS_IN_LABELS.has(w));
}

/** Classifies one line; content lines lose glued labels and report where their text starts. */
export function classifyLine(line: string): LineKind {
  const trimmed = line.trim();
  if (trimmed === '' || CHROME_LINES.some((p) => p.test(trimmed))) return { kind: 'chrome' };
  if (READ_ALSO.test(trimmed)) return { kind: 'read-also' };
  const source = SOURCE_LINE.exec(trimmed);
  if (source) return { kind: 'source', outlet: source[1]!.trim() };
  const signature = outletNamed(trimmed);
  if (signature) return { kind: 'signature', outlet: signature };
  const lead = line.length - line.trimStart().length;
  const glued = GLUED_LABELS.exec(trimmed);
  const cut = glued && glued[0].length < trimmed.length ? glued[0].length : 0;
  const credit = FIRST_PUBLISHED_AT.exec(trimmed);
  const site = credit && FIRST_PUBLISHED_ON.exec(trimmed.slice(credit.index + credit[0].length))?.[1];
  if (credit && site) {
    const text = trimmed.slice(cut, credit.index).trimEnd();
    if (text === '') return { kind: 'source', outlet: site };
    return { kind: 'content', text, offset: lead + cut, source: site };
  }
  return { kind: 'content', text: trimmed.slice(cut), offset: lead + cut };
}
