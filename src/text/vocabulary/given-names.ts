/**
 * The most common Arabic given names, written from general knowledge of Arabic naming (not from any article here):
 * a short line that opens with one is a byline ("عبدالرحمن ابودوح"), a person, not the outlet.
 */

import { normalizeArabic } from '../normalize.ts';
import { wordSet } from './words.ts';

export const GIVEN_NAMES = wordSet(`
  محمد أحمد محمود مصطفى علي عمر عمرو خالد حسن حسين إبراهيم يوسف إسماعيل سعيد سعد سامي سمير طارق عادل
  عماد كريم ماجد مازن مراد نبيل هشام وليد ياسر زياد رامي فادي باسم بسام جمال حمزة أنس أسامة أيمن إيهاب
  جهاد حازم حسام خليل رائد رشيد شريف صلاح ضياء عاطف عصام علاء فؤاد فراس فيصل قاسم كمال لؤي مالك مجدي
  مهند منير نادر ناصر نزار هاني هيثم وائل يحيى يونس سليمان سلمان داود موسى عيسى زكريا ناجي
  فاطمة مريم عائشة خديجة زينب سارة نور هدى منى سلمى ليلى رانيا ريم دينا هالة هبة أمل إيمان أسماء رشا
  سناء سهى لينا نادية ياسمين شيماء آمنة جميلة سوزان ميساء رنا لمى دعاء
`);

/** True when a word is a common given name, or a compound with عبد ("عبدالرحمن"، "عبد"). */
export function isGivenName(word: string): boolean {
  const w = normalizeArabic(word);
  return GIVEN_NAMES.has(w) || /^عبد/.test(w);
}
