/** Month names as news text writes them: Egyptian/Gulf, Levantine (Syriac) and Maghrebi Arabic, and English. */

import { normalizeArabic } from '../normalize.ts';

/** Arabic names of each month (1–12), as written. */
export const ARABIC_MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['يناير', 'كانون الثاني', 'جانفي']],
  [2, ['فبراير', 'شباط', 'فيفري']],
  [3, ['مارس', 'آذار', 'اذار']],
  [4, ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'افريل']],
  [5, ['مايو', 'أيار', 'ايار', 'ماي']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'جوان']],
  [7, ['يوليو', 'يوليه', 'تموز', 'جويلية']],
  [8, ['أغسطس', 'اغسطس', 'آب', 'اب', 'أوت', 'اوت']],
  [9, ['سبتمبر', 'أيلول', 'ايلول']],
  [10, ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول']],
  [11, ['نوفمبر', 'تشرين الثاني']],
  [12, ['ديسمبر', 'كانون الأول', 'كانون الاول']],
];

/** English month names, January first; their first three letters are abbreviations. */
export const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const byName = new Map<string, number>();
for (const [month, names] of ARABIC_MONTHS) for (const n of names) byName.set(normalizeArabic(n), month);
ENGLISH_MONTHS.forEach((name, i) => {
  byName.set(name, i + 1);
  byName.set(name.slice(0, 3), i + 1);
});
byName.set('sept', 9);

/** The month (1–12) a name stands for, in either language and any spelling above, or undefined. */
export function monthNumber(name: string): number | undefined {
  return byName.get(normalizeArabic(name.trim().replace(/\s+/g, ' ')));
}
