/** Nouns after which a quoted phrase is a name, not quoted speech: «قناة "روسيا 1"»، «طائرة "إير فورس وان"». */

import { wordSet } from './words.ts';

export const NAMING_NOUNS = wordSet(`
  قناة قناه القناة صحيفة الصحيفة مجلة موقع الموقع منصة المنصة منصته طائرة الطائرة وكالة الوكالة برنامج البرنامج
  عملية العملية شبكة الشبكة تلفزيون إذاعة اذاعة حساب حسابه شركة الشركة مبادرة خطة قمة مجموعة حزب حركة
`);
