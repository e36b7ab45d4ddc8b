/** Weekday names and the words that place a day relative to today. */

import { normalizeArabic } from '../normalize.ts';

/** Arabic weekday names with their day number (Sunday 0), as written; الاثنين has two spellings. */
export const ARABIC_WEEKDAYS: ReadonlyArray<readonly [string, number]> = [
  ['الأحد', 0],
  ['الاثنين', 1],
  ['الإثنين', 1],
  ['الثلاثاء', 2],
  ['الأربعاء', 3],
  ['الخميس', 4],
  ['الجمعة', 5],
  ['السبت', 6],
];

const byName = new Map(ARABIC_WEEKDAYS.map(([name, day]) => [normalizeArabic(name), day]));

/** The day number (Sunday 0) of a normalised weekday name, or undefined. */
export const weekdayNumber = (normalised: string) => byName.get(normalised);

/** Words after a weekday or "الأسبوع" that point back or forward. */
export const PAST_WORDS = ['الماضي', 'الفائت', 'المنصرم'] as const;
export const NEXT_WORDS = ['المقبل', 'القادم'] as const;
/** Day words relative to the article's date: "اليوم" today, "أمس" yesterday, "غدا" tomorrow. */
export const TODAY = 'اليوم';
export const YESTERDAY = ['أمس', 'الأمس'] as const;
export const TOMORROW = ['غدا', 'غداً'] as const;
