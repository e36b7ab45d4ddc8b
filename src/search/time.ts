/**
 * Time words in a question, which narrow or order answers by their articles' dates: an exact date, a year, a month
 * (of a year or of any year), "latest", and relative words ("yesterday", "last week", «الأسبوع الماضي»). Relative
 * words count back from the sources' own today, the newest article date: the bot knows the talks only as far as
 * its articles go.
 */

import { findDates } from '../text/dates.ts';
import { foldDigits, normalizeArabic } from '../text/normalize.ts';
import { monthNumber } from '../text/vocabulary/months.ts';
import { PAST_WORDS, TODAY, YESTERDAY } from '../text/vocabulary/weekdays.ts';

/**
 * A date range (inclusive ISO dates; either end may be open), a month of any year, a range of days before the
 * sources' today, and/or a wish for the most recent answers.
 */
export interface TimeFilter {
  from?: string;
  to?: string;
  /** A month (1–12) named without a year: "in March". */
  month?: number;
  /** Days back from the newest article date, inclusive: yesterday is { from: 1, to: 1 }. */
  daysBack?: { from: number; to: number };
  latest?: boolean;
}

const normalised = (words: readonly string[]) => words.map(normalizeArabic);
/** The day words of the one vocabulary, normalised, with the colloquial "البارحة" questions also use. */
const PAST = normalised(PAST_WORDS);
const YESTERDAYS = [...normalised(YESTERDAY), 'البارحه'];
const TODAYS = normalised([TODAY]);
/** "This week / this month": words only questions need. */
const CURRENT = ['الحالي', 'الجاري'];
const either = (words: readonly string[]) => `(?:${words.join('|')})`;
const alone = (words: readonly string[]) => new RegExp(`(?:^|\\s)${either(words)}(?=\\s|$|[؟?])`);

/** Relative expressions, normalised, with the days back they cover (most specific first). */
const RELATIVE: Array<[RegExp, { from: number; to: number }]> = [
  [/\b(?:the day before yesterday)\b|امس الاول/, { from: 2, to: 2 }],
  [new RegExp(`\\byesterday\\b|${alone(YESTERDAYS).source}`), { from: 1, to: 1 }],
  [new RegExp(`\\btoday\\b|${alone(TODAYS).source}`), { from: 0, to: 0 }],
  [
    new RegExp(
      `\\b(?:last|past|this) week\\b|(?:الاسبوع|خلال الاسبوع) ${either([...PAST, ...CURRENT])}|هذا الاسبوع`,
    ),
    { from: 7, to: 0 },
  ],
  [
    new RegExp(`\\b(?:last|past|this) month\\b|الشهر ${either([...PAST, ...CURRENT])}|هذا الشهر`),
    { from: 31, to: 0 },
  ],
  [/\b(?:last|past) (?:few|two|three|couple of) days\b|الايام (?:الماضيه|الاخيره)/, { from: 3, to: 0 }],
];

/**
 * Words of a question that express time: they filter or order answers and are no topic. Month names are checked
 * apart (monthNumber), so that the modal "may" stays a stop word unless it names a month.
 */
export const TIME_WORDS = new RegExp(
  `^(?:latest|recent|recently|newest|last|past|since|yesterday|today|week|month|(?:19|20)\\d\\d|[0-9\\u0660-\\u0669]{4}|اخر|احدث|مؤخرا|موخرا|الاخيره|الاحدث|منذ|${[...YESTERDAYS, ...TODAYS, 'الاسبوع', 'الشهر', ...PAST, 'الجاري'].join('|')})$`,
  'i',
);

/** True when a question word names time: a time word, or a month name ("may" only as the month, "May 2025"). */
export function isTimeWord(word: string, next?: string): boolean {
  const n = normalizeArabic(word);
  if (TIME_WORDS.test(n)) return true;
  if (monthNumber(n) === undefined) return false;
  // English "may" is a modal unless it is capitalised or followed by a day or year; short Arabic "اب" likewise
  // needs a number beside it (it is also "father").
  if (n === 'may' || n === 'mar' || n === 'اب')
    return /^[A-Z]/.test(word) || /^\d/.test(foldDigits(next ?? ''));
  return true;
}

const LATEST =
  /\b(?:latest|most recent|newest|recently)\b|(?:^|\s)(?:اخر|احدث|مؤخرا|موخرا|الاخيره|الاحدث)(?:\s|$|[؟?])/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The month a question names, if any, by its words (see isTimeWord). */
function namedMonth(question: string): number | undefined {
  const words = question.split(/[\s،,.?؟!:;()«»"]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const two = `${words[i]} ${words[i + 1] ?? ''}`;
    // Levantine months of two words: "تشرين الأول", "كانون الثاني".
    const pair = monthNumber(two);
    if (pair !== undefined) return pair;
    if (isTimeWord(words[i]!, words[i + 1]) && monthNumber(words[i]!) !== undefined)
      return monthNumber(words[i]!);
  }
  return undefined;
}

/** Finds the time a question is about, or null. */
export function findTime(question: string): TimeFilter | null {
  const text = normalizeArabic(foldDigits(question)).toLowerCase();
  const filter: TimeFilter = {};
  if (LATEST.test(text)) filter.latest = true;
  const exact = findDates(foldDigits(question))[0];
  const year = /(?<!\d)(19\d\d|20\d\d)(?!\d)/.exec(text);
  const month = namedMonth(question);
  if (exact) {
    filter.from = exact.iso;
    filter.to = exact.iso;
  } else if (year) {
    const y = Number(year[1]);
    filter.from = month ? `${y}-${pad(month)}-01` : `${y}-01-01`;
    // "since 2022" / "منذ 2022" leaves the range open at the end.
    if (!/(?:since|منذ)\s+(?:\S+\s+)?(?:19|20)\d\d/.test(text)) {
      filter.to = month ? `${y}-${pad(month)}-${pad(lastDay(y, month))}` : `${y}-12-31`;
    }
  } else if (month) {
    filter.month = month;
  } else {
    const relative = RELATIVE.find(([re]) => re.test(text));
    if (relative) filter.daysBack = relative[1];
    else if (/\blast\b/.test(text)) filter.latest = true;
  }
  return Object.keys(filter).length > 0 ? filter : null;
}
