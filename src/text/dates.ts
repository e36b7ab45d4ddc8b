/**
 * Dates as news text writes them. Explicit dates (Egyptian, Levantine and Maghrebi month names, combined
 * "فبراير/شباط", English "10th, February 2024", numeric forms, Eastern digits, a year followed by ء/م/هـ) are
 * parsed here: chrono-node's Arabic parser, measured on the reference cases, replaces the year of exactly these
 * forms with the current one. Relative words resolve through chrono-node, and only against a stated date.
 */

// The Arabic parser alone: the package's main module loads every language's (a third of a second at each start).
import * as chronoArabic from 'chrono-node/ar';
import { foldDigits, normalizeArabic } from './normalize.ts';
import { ARABIC_MONTHS, ENGLISH_MONTHS, monthNumber } from './vocabulary/months.ts';
import { ARABIC_WEEKDAYS, weekdayNumber } from './vocabulary/weekdays.ts';

/** An explicit date found in a text: the words as written and the calendar date they name. */
export interface DateMention {
  text: string;
  iso: string;
  start: number;
  end: number;
}

const alternation = (names: string[]) =>
  names
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/ /g, '\\s+'))
    .join('|');
const AR_MONTH = `(?:${alternation(ARABIC_MONTHS.flatMap(([, n]) => [...n]))})`;
const EN_MONTH = `(?:${alternation(ENGLISH_MONTHS.flatMap((m) => [m, m.slice(0, 3)]))})`;
const D = '[0-9\u0660-\u0669\u06F0-\u06F9]';
const DAY = `(${D}{1,2})`;
const YEAR = `(${D}{4})`;
const YEAR_MARK = '(?:\\s*(?:ء|م|هـ)(?![\\p{L}]))?';
/** "18 فبراير/ شباط 2025", "18 شباط (فبراير) 2023", "18 فبراير شباط 2025", "2 يونيه 2025ء". */
const ARABIC_DATE = new RegExp(
  `(?<![0-9\\p{L}])${DAY}\\s*(?:من\\s+)?(${AR_MONTH})(?:\\s*/\\s*${AR_MONTH}|\\s*\\(\\s*${AR_MONTH}\\s*\\)|\\s+${AR_MONTH})?\\s*[،,]?\\s*${YEAR}${YEAR_MARK}`,
  'gu',
);
/** "10th, February 2024", "10 February 2024", "10-Apr-2025", "February 10, 2024". */
const ENGLISH_DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+|-)(${EN_MONTH})\\.?,?(?:\\s+|-)(\\d{4})|(${EN_MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}))\\b`,
  'giu',
);
/** "2025/02/18", "2025-02-18", "18/02/2025", "18.02.2025". */
const NUMERIC_DATE = new RegExp(
  `(?<![0-9])(?:(${D}{4})[/.\\\\-](${D}{1,2})[/.\\\\-](${D}{1,2})|(${D}{1,2})[/.\\\\-](${D}{1,2})[/.\\\\-](${D}{4}))(?![0-9])`,
  'gu',
);

/** ISO form of a calendar date, or null when it does not exist (31 February). */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2200) return null;
  return d.toISOString().slice(0, 10);
}

const num = (s: string | undefined) => Number(foldDigits(s ?? ''));
const month = (name: string | undefined) => monthNumber(name ?? '');

/** Every explicit full date (day, month, year) in a text, in order. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const add = (m: RegExpMatchArray, iso: string | null) => {
    if (!iso) return;
    const start = m.index!;
    if (found.some((f) => start < f.end && f.start < start + m[0].length)) return;
    found.push({ text: m[0].trim(), iso, start, end: start + m[0].length });
  };
  for (const m of text.matchAll(ARABIC_DATE)) add(m, isoDate(num(m[3]), month(m[2]) ?? 0, num(m[1])));
  for (const m of text.matchAll(ENGLISH_DATE)) {
    add(
      m,
      m[1]
        ? isoDate(num(m[3]), month(m[2]) ?? 0, num(m[1]))
        : isoDate(num(m[6]), month(m[4]) ?? 0, num(m[5])),
    );
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    add(m, m[1] ? isoDate(num(m[1]), num(m[2]), num(m[3])) : isoDate(num(m[6]), num(m[5]), num(m[4])));
  }
  return found.sort((a, b) => a.start - b.start);
}

const WEEKDAYS = ARABIC_WEEKDAYS.map(([name]) => name);
/** Weekday names and relative day words, with what may surround them ("اليوم /السبت/", "يوم الثلاثاء الماضي"). */
const DATE_WORDS = new RegExp(
  `(?:(?:صباح|مساء|ظهر)\\s+)?(?:(?:اليوم|يوم)\\s+[/(]?)?(?:${WEEKDAYS.join('|')})[/)]?(?:\\s+(?:الماضي|المقبل|القادم))?|أمس\\s+الأول|أول\\s+أمس|(?:صباح|مساء)\\s+(?:اليوم|أمس)|الأسبوع\\s+(?:الماضي|المقبل|القادم)|اليوم|أمس|غدا|غداً`,
  'gu',
);

/** The first weekday or relative day expression of a text ("الخميس", "اليوم /السبت/", "أمس"), as written. */
export function findDateWords(text: string): string | null {
  for (const m of text.matchAll(DATE_WORDS)) {
    const before = text[m.index! - 1];
    const after = text[m.index! + m[0].length];
    if ((before && /\p{L}/u.test(before)) || (after && /\p{L}/u.test(after))) continue;
    // Names, not days: the channel "روسيا اليوم" and the paper "اليوم السابع".
    if (/روسيا\s+$/.test(text.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    if (/^\s+السابع/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 8))) continue;
    return m[0];
  }
  return null;
}

/**
 * The date of a sentence of an article: a relative expression in it ("أمس"، "اليوم الخميس"، "الأسبوع الماضي")
 * resolved against the date the article states gives an inferred date; otherwise, and always when the article
 * states no date, the article's date as it is.
 */
export function sentenceDate(
  article: { iso: string | null; text: string | null; basis: 'stated' | 'inferred' | 'unknown' },
  sentence: string,
) {
  if (article.basis !== 'stated' || !article.iso) return article;
  const words = findDateWords(sentence);
  const iso = words ? resolveRelativeDate(words, article.iso) : null;
  return words && iso ? { iso, text: words, basis: 'inferred' as const } : article;
}

const DAY_MS = 86_400_000;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Resolves a relative expression ("أمس", "يوم السبت الماضي", "الأسبوع المقبل") against the date its article
 * states. Returns null when it cannot. Weekdays without "المقبل" are read as past, as news reports them.
 */
export function resolveRelativeDate(expression: string, statedIso: string): string | null {
  const words = normalizeArabic(expression)
    .replace(/[/،,()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const has = (w: string) => words.includes(normalizeArabic(w));
  if ((has('امس') && has('الاول')) || (has('اول') && has('امس'))) return shift(statedIso, -2);
  const weekday = words.map((w) => weekdayNumber(w)).find((d) => d !== undefined);
  if (weekday !== undefined) {
    const today = new Date(`${statedIso}T12:00:00Z`).getUTCDay();
    if (has('المقبل') || has('القادم')) return shift(statedIso, ((weekday - today + 6) % 7) + 1);
    const back = (today - weekday + 7) % 7;
    return shift(statedIso, has('الماضي') && back === 0 ? -7 : -back);
  }
  const parsed = chronoArabic.parseDate(expression, new Date(`${statedIso}T12:00:00Z`));
  return parsed ? parsed.toISOString().slice(0, 10) : null;
}
