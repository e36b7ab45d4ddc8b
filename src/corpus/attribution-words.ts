/**
 * The words attribution reads: verbs of saying, the words that open or close a subject, titles and unnamed
 * subjects. Normalised spellings (see text/normalize.ts); extend a list here, not the rules in speakers.ts.
 */

import { normalizeArabic } from '../text/normalize.ts';

const list = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(normalizeArabic));

/** Verbs of saying (past, present, feminine) and participles. */
export const SAYING = list(`
  قال قالت يقول تقول أكد أكدت يؤكد تؤكد أوضح أوضحت يوضح توضح أضاف أضافت يضيف تضيف تابع تابعت شدد شددت يشدد
  أشار أشارت يشير تشير اعتبر اعتبرت يعتبر تعتبر أعرب أعربت ذكر ذكرت يذكر صرح صرحت يصرح أعلن أعلنت يعلن تعلن
  نفى نفت ينفي حذر حذرت يحذر كرر كررت رأى يرى ترى لفت لفتت طالب طالبت يطالب دعا دعت يدعو أبلغ أبلغت
  اتهم اتهمت يتهم تتهم اقترح اقترحت يقترح
  قائلا قائلة مضيفا مضيفة مشيرا مشيرة مؤكدا مؤكدة موضحا معتبرا محذرا متابعا
`);
/** "نقلت X عن Y": the speaker follows عن. */
export const RELAYING = list('نقل نقلت نقلا ينقل');
/** Phrases that name the source after the fact: "بحسب X"، "وفقا لـ X"، "حسبما ذكر X". */
export const ACCORDING = list('بحسب حسب وفقا وفق طبقا حسبما');
/** Words that end a verb's subject: complementisers, and the start of what was said. */
export const SUBJECT_END = list('إن أن ان انه أنه إنه انها أنها إنها بأن بان انهم أنهم إنهم انهما أنهما');
/** Words between a verb and its subject that are not the subject. */
export const SKIPPABLE = list(`
  أيضا كذلك بدوره بدورها من جانبه جانبها أمس اليوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم
  الماضي صباح مساء مجددا بدوره فيه فيها
`);
/** Words that cannot start a subject: after them the verb had none ("أشار إلى"، "شدد على"). */
export const NOT_A_SUBJECT = list(
  'إلى على عن في من مع ل ب خلال بشأن حول ردا رداً لوكالة للصحفيين قائلا له لها',
);
/** Words after which a verb starts a new clause with the same subject ("كما قال"، "لكنه قال"). */
export const CLAUSE_OPENERS = list('كما ثم لكنه لكنها ولكنه ولكنها وقد قد فيما بينما حيث كذلك');
/** Relative pronouns: the verb's subject is the noun before them ("موسكو التي نفت"). */
export const RELATIVES = list('الذي التي الذين اللذين اللتين');
/** Pronouns after "وفقا لـ" that point back to the last speaker ("ووفقا له"). */
export const BACK_POINTERS = list('له لها لهم لهما');
/** Nouns that make an explicit but unnamed subject ("قال مسؤول"، "ذكرت مصادر"). */
export const UNNAMED_SUBJECTS = list(`
  مسؤول مسؤولون مسؤولين مصدر مصادر بيان متحدث متحدثة صحيفة وكالة خبراء خبير محللون محلل مراقبون دبلوماسي
  دبلوماسيون شهود مراسل تقارير تقرير وسائل مسؤولة أحد
`);
/** Documents whose author follows them ("بيان للكرملين"، "بيان صادر عن الخارجية"). */
export const DOCUMENTS = list('بيان رسالة تصريح تصريحات');
/** Titles that may precede a name the lexicon does not know. */
export const TITLES = list(`
  الرئيس رئيس وزير الوزير وزيرة المتحدث الناطق المتحدثة مساعد مستشار السفير سفير نائب الأمين زعيم قائد
  المبعوث مبعوث المندوب مندوب رئيسة السيناتور النائب الجنرال وزيرا رئيسا كبير باسم
`);
