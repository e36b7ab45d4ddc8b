/** Titles that stand before a name ("الرئيس"، "المتحدث باسم") and nouns that make an unnamed subject. */

import { wordSet } from './words.ts';

/** Titles that may precede a name the lexicon does not know. */
export const TITLES = wordSet(`
  الرئيس رئيس وزير الوزير وزيرة المتحدث الناطق المتحدثة مساعد مستشار السفير سفير نائب الأمين زعيم قائد
  المبعوث مبعوث المندوب مندوب رئيسة السيناتور النائب الجنرال وزيرا رئيسا كبير باسم المستشار المساعد
  الممثل ممثل المدير مدير المفوض الأمين العام
`);

/** Nouns that make an explicit but unnamed subject ("قال مسؤول"، "ذكرت مصادر"). */
export const UNNAMED_SUBJECTS = wordSet(`
  مسؤول مسؤولون مسؤولين مصدر مصادر بيان متحدث متحدثة صحيفة وكالة خبراء خبير محللون محلل مراقبون دبلوماسي
  دبلوماسيون شهود مراسل تقارير تقرير وسائل مسؤولة أحد
`);

/** Documents whose author follows them ("بيان للكرملين"، "بيان صادر عن الخارجية"). */
export const DOCUMENTS = wordSet('بيان رسالة تصريح تصريحات');
