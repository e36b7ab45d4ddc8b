/**
 * Arabic verbs of saying. Attribution reads every form (past, present, feminine, participles); questions need to
 * know which verbs only say that someone spoke ("قال") and which also carry the topic ("نفى"، "حذر").
 */

import { wordSet } from './words.ts';

/** Verbs that only say that someone spoke. */
export const PLAIN_SAYING = wordSet(`
  قال قالت يقول تقول أكد أكدت يؤكد تؤكد أوضح أوضحت يوضح توضح أضاف أضافت يضيف تضيف تابع تابعت شدد شددت يشدد
  أشار أشارت يشير تشير اعتبر اعتبرت يعتبر تعتبر ذكر ذكرت يذكر صرح صرحت يصرح أعلن أعلنت يعلن تعلن
  كرر كررت رأى يرى ترى لفت لفتت أبلغ أبلغت كتب كتبت يكتب وصف وصفت تحدث تحدثت علق علقت رد ردت
  استطرد استطردت نبه نبهت ينبه أفاد أفادت يفيد كشف كشفت يكشف أردف أردفت ختم ختمت أبرز أبرزت يبرز
  مازح مازحت تساءل تساءلت يتساءل أجاب أجابت يجيب اعترف اعترفت يعترف زعم زعمت يزعم ادعى ادعت يدعي
  استدرك استدركت لاحظ لاحظت نوه نوهت ينوه ليقول لتقول ليؤكد لتؤكد ليضيف لتضيف
`);

/** Verbs that name the speaker and carry the topic. */
export const CONTENT_SAYING = wordSet(`
  نفى نفت ينفي حذر حذرت يحذر طالب طالبت يطالب دعا دعت يدعو اتهم اتهمت يتهم تتهم اقترح اقترحت يقترح
  أعرب أعربت رفض رفضت يرفض أمل يأمل توقع يتوقع هدد
`);

/** Participles that report the words of the sentence's subject ("… قائلاً"، "مضيفاً"). */
export const SAYING_PARTICIPLES = wordSet(`
  قائلا قائلة مضيفا مضيفة مشيرا مشيرة مؤكدا مؤكدة موضحا موضحة معتبرا معتبرة محذرا محذرة متابعا متابعة
  مشددا مشددة لافتا لافتة رافضا رافضة معلنا معلنة منوها منوهة مبينا مبينة واصفا واصفة معربا معربة
  زاعما زاعمة بالقول بقوله بقولها
`);

/**
 * Verbs that name a speaker in a question but in news text more often are nouns ("في رد على") or report no
 * words ("لا يتوقع"، "رفضت موسكو"): questions only.
 */
const QUESTION_ONLY = wordSet('رد ردت أمل يأمل توقع يتوقع رفض رفضت يرفض هدد تحدث تحدثت علق علقت وصف وصفت');

/**
 * Verbal nouns spelt as written with a final ya, which normalisation folds into the verb written with alif maqsura
 * ("نفي" the denial, "نفى" he denied; "رأي" an opinion, "رأى" he saw): no verb of saying. Unnormalised.
 */
export const YA_NOUNS: ReadonlySet<string> = new Set(['نفي', 'رأي']);

/** Verbal nouns that name a speaker when a name follows them ("تأكيد دميترييف بأن …"): attribution only. */
export const SAYING_NOUNS = wordSet('تأكيد تحذير');

/** Every form attribution reads as a verb of saying. */
export const SAYING = new Set(
  [...PLAIN_SAYING, ...CONTENT_SAYING, ...SAYING_PARTICIPLES].filter((w) => !QUESTION_ONLY.has(w)),
);

/**
 * "عبّر X عن": expressed. Unvowelled it is also the preposition "عبر" (via), so attribution reads it only with a
 * named subject after it and عن later in the clause.
 */
export const EXPRESSING = wordSet('عبر عبرت يعبر تعبر');

/** Verbs of saying that attribution reads only when a named subject follows them ("رد زيلينسكي"). */
export const AMBIGUOUS_SAYING: ReadonlySet<string> = new Set([...QUESTION_ONLY, ...EXPRESSING]);
