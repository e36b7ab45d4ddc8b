/** Titles that stand before a name ("الرئيس"، "المتحدث باسم") and nouns that make an unnamed subject. */

import { normalizeArabic } from '../normalize.ts';
import { wordSet } from './words.ts';

/** Titles that may precede a name the lexicon does not know. */
export const TITLES = wordSet(`
  الرئيس رئيس وزير الوزير وزيرة المتحدث الناطق المتحدثة مساعد مستشار السفير سفير نائب الأمين زعيم قائد
  المبعوث مبعوث المندوب مندوب رئيسة السيناتور النائب الجنرال وزيرا رئيسا كبير باسم باسمه باسمها المستشار المساعد
  الممثل ممثل المدير مدير المفوض الأمين العام
  الممثلة ممثلة المديرة مديرة المبعوثة مبعوثة المندوبة مندوبة السفيرة سفيرة المستشارة مستشارة المساعدة مساعدة
  نائبة النائبة الأمينة زعيمة قائدة الوزيرة الناطقة
  مساعدي مستشاري مبعوثي
`);

/** Nouns of an office's domain inside a title without their article ("وزير خارجية روسيا"، "وزارة دفاع"). */
export const OFFICE_NOUNS = wordSet('خارجية دفاع داخلية مالية خزانة وزارة رئاسة مجلس');

/** Nouns that make an explicit but unnamed subject ("قال مسؤول"، "ذكرت مصادر"). */
export const UNNAMED_SUBJECTS = wordSet(`
  مسؤول مسؤولون مسؤولين مصدر مصادر بيان متحدث متحدثة صحيفة وكالة خبراء خبير محللون محلل مراقبون دبلوماسي
  دبلوماسيون شهود مراسل تقارير تقرير وسائل مسؤولة أحد
`);

/**
 * Nouns that make an unnamed subject alone ("قال متحدث") but stand before an institution or a name like a title
 * ("متحدث الكرملين دميتري بيسكوف").
 */
export const UNNAMED_TITLES = wordSet('متحدث متحدثة ناطق ناطقة');

/** Documents whose author follows them ("بيان للكرملين"، "بيان صادر عن الخارجية"). */
export const DOCUMENTS = wordSet('بيان رسالة تصريح تصريحات');

/** "جاء في بيان للخارجية": verbs that, before في and a document, give the document's author as the speaker. */
export const DOCUMENT_VERBS = wordSet('جاء ورد');

/**
 * Titles that alone refer back to the person the article wrote them with ("وذكّرت السفيرة" after "سفيرة الولايات
 * المتحدة …، ليندا توماس غرينفيلد"); not "الرئيس" or "الوزير", which an article gives to many.
 */
export const LONE_TITLES = wordSet(`
  السفير السفيرة المتحدث المتحدثة الناطق الناطقة المندوب المندوبة المبعوث المبعوثة المستشار المستشارة
`);

/** Nouns that refer back to a person already named ("وتابع المسؤول الروسي"). */
export const ANAPHORS = wordSet('المسؤول الدبلوماسي المستشار المساعد المبعوث السياسي');

/** English for the words of a title without a name, normalised Arabic -> English; adjectives of nationality apart. */
export const TITLE_WORDS_EN: Record<string, string> = Object.fromEntries(
  (
    [
      ['الرئيس', 'president'],
      ['رئيس', 'head'],
      ['وزير', 'minister'],
      ['الوزير', 'minister'],
      ['الخارجية', 'foreign'],
      ['الدفاع', 'defence'],
      ['المتحدث', 'spokesperson'],
      ['الناطق', 'spokesperson'],
      ['باسم', 'for'],
      ['مساعد', 'aide to the'],
      ['مستشار', 'adviser to the'],
      ['المستشار', 'adviser'],
      ['المسؤول', 'official'],
      ['المبعوث', 'envoy'],
      ['السفير', 'ambassador'],
      ['نائب', 'deputy'],
      ['الوزراء', 'prime'],
      ['الكرملين', 'Kremlin'],
    ] as const
  ).map(([ar, en]) => [normalizeArabic(ar), en]),
);
export const NATIONALITIES_EN: Record<string, string> = Object.fromEntries(
  (
    [
      ['الروسي', 'Russian'],
      ['الأوكراني', 'Ukrainian'],
      ['الأمريكي', 'US'],
      ['الأميركي', 'US'],
      ['الفرنسي', 'French'],
      ['البريطاني', 'British'],
      ['الألماني', 'German'],
      ['التركي', 'Turkish'],
      ['الصيني', 'Chinese'],
      ['السعودي', 'Saudi'],
    ] as const
  ).map(([ar, en]) => [normalizeArabic(ar), en]),
);
