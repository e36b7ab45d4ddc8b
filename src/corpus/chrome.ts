/**
 * Site chrome: the lines news sites wrap around an article. One list of patterns, applied to every line;
 * nothing here knows a particular file.
 */

import { outletNamed } from '../text/vocabulary/outlets.ts';

/** What a line of a raw article file is. */
export type LineKind =
  | { kind: 'chrome' }
  | { kind: 'read-also' }
  | { kind: 'source'; outlet: string }
  /** A line that is only a known outlet's name: the site signing its page ("القدس العربي" at its foot). */
  | { kind: 'signature'; outlet: string }
  | { kind: 'content'; text: string; offset: number };

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

/** Labels that sites glue to the start of the first sentence of a block ("أخبار ذات صلةأعلن …"). */
const GLUED_LABELS = /^(?:أخبار ذات صلة|اخبار ذات صلة|اقرأ أيضا|إقرأ أيضاً)\s*[:：]?\s*/;

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
  return { kind: 'content', text: trimmed.slice(cut), offset: lead + cut };
}
