/** Time words in a question: a year, a month of a year, or "latest", which narrow or order answers by date. */

import { findDates } from '../text/dates.ts';
import { foldDigits, normalizeArabic } from '../text/normalize.ts';

/** A date range (inclusive ISO dates; either end may be open) and/or a wish for the most recent answers. */
export interface TimeFilter {
  from?: string;
  to?: string;
  latest?: boolean;
}

/** Words of a question that express time: they filter or order answers and are no topic. */
export const TIME_WORDS =
  /^(?:latest|recent|recently|newest|last|since|(?:19|20)\d\d|[0-9\u0660-\u0669]{4}|اخر|احدث|مؤخرا|موخرا|الاخيره|الاحدث|منذ)$/i;

const MONTHS: Array<[number, RegExp]> = [
  [1, /january|jan\b|يناير|كانون الثاني|جانفي/],
  [2, /february|feb\b|فبراير|شباط|فيفري/],
  [3, /march|mar\b|مارس|اذار/],
  [4, /april|apr\b|ابريل|نيسان|افريل/],
  [5, /\bmay\b|مايو|ايار/],
  [6, /june|jun\b|يونيو|يونيه|حزيران|جوان/],
  [7, /july|jul\b|يوليو|يوليه|تموز|جويليه/],
  [8, /august|aug\b|اغسطس|\bاب\b|اوت/],
  [9, /september|sept?\b|سبتمبر|ايلول/],
  [10, /october|oct\b|اكتوبر|تشرين الاول/],
  [11, /november|nov\b|نوفمبر|تشرين الثاني/],
  [12, /december|dec\b|ديسمبر|كانون الاول/],
];
const LATEST =
  /\b(?:latest|most recent|newest|recently|last)\b|(?:^|\s)(?:اخر|احدث|مؤخرا|موخرا|الاخيره|الاحدث)(?:\s|$|[؟?])/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Finds the time a question is about, or null. */
export function findTime(question: string): TimeFilter | null {
  const text = normalizeArabic(foldDigits(question)).toLowerCase();
  const filter: TimeFilter = {};
  if (LATEST.test(text)) filter.latest = true;
  const exact = findDates(foldDigits(question))[0];
  const year = /(?<!\d)(19\d\d|20\d\d)(?!\d)/.exec(text);
  if (exact) {
    filter.from = exact.iso;
    filter.to = exact.iso;
  } else if (year) {
    const y = Number(year[1]);
    const month = MONTHS.find(([, re]) => re.test(text))?.[0];
    filter.from = month ? `${y}-${pad(month)}-01` : `${y}-01-01`;
    // "since 2022" / "منذ 2022" leaves the range open at the end.
    if (!/(?:since|منذ)\s+(?:\S+\s+)?(?:19|20)\d\d/.test(text)) {
      filter.to = month ? `${y}-${pad(month)}-${pad(lastDay(y, month))}` : `${y}-12-31`;
    }
  }
  return Object.keys(filter).length > 0 ? filter : null;
}
