/**
 * News agencies as Arabic news text names them, in datelines, captions and "بحسب وكالة …". An agency that
 * reports words is the article's source, never their speaker.
 */

import { normalizeArabic } from '../normalize.ts';

/** Each agency's usual name first, then the spellings and abbreviations met in the text. */
export const AGENCIES: ReadonlyArray<readonly string[]> = [
  ['فرانس برس', 'أ ف ب', 'أ.ف.ب', 'ا ف ب', 'أ ف پ', 'وكالة الصحافة الفرنسية', 'فرانس پرس', 'AFP'],
  ['رويترز', 'Reuters'],
  ['أسوشيتد برس', 'أسوشييتد برس', 'اسوشيتد برس', 'أ ب', 'أ.ب', 'AP'],
  ['د ب أ', 'د.ب.أ', 'الألمانية', 'DPA'],
  ['تاس', 'وكالة تاس', 'TASS'],
  ['ريا نوفوستي', 'نوفوستي'],
  ['سبوتنيك', 'Sputnik'],
  ['إنترفاكس', 'انترفاكس', 'Interfax'],
  ['وكالة الإعلام الروسية'],
  ['الأناضول', 'الاناضول'],
  ['شينخوا'],
  ['سانا'],
  ['واس', 'وكالة الأنباء السعودية'],
  ['أ ش أ', 'أ.ش.أ', 'وكالة أنباء الشرق الأوسط'],
  ['وام'],
  ['قنا'],
  ['كونا'],
  ['بترا'],
  ['يوكرينفورم', 'أوكرينفورم'],
  ['بلومبرغ', 'بلومبيرغ', 'Bloomberg'],
];

/** Words that credit agencies without naming one ("وكالات"، "متابعات"). */
export const GENERIC_CREDITS = ['وكالات', 'وكالات إخبارية', 'متابعات', 'agencies'] as const;

const key = (s: string) =>
  normalizeArabic(s)
    .replace(/^وكاله\s+(?:انباء\s+)?/, '')
    .replace(/[.\s"«»“”„()]+/g, '');
const byKey = new Map<string, string>();
for (const names of AGENCIES) for (const n of names) byKey.set(key(n), names[0]!);

/** Names asked about, remembered (bounded): ingestion asks about every lexicon name of every match it meets. */
const asked = new Map<string, string | null>();

/** The agency a name stands for (its usual name), or undefined; "وكالة تاس"، "(سبوتنيك)"، "أ.ف.ب" all match. */
export function agencyNamed(name: string): string | undefined {
  let agency = asked.get(name);
  if (agency === undefined) {
    agency = byKey.get(key(name)) ?? null;
    if (asked.size >= 50_000) asked.clear();
    asked.set(name, agency);
  }
  return agency ?? undefined;
}
