/**
 * The small words attribution reads around a verb of saying: who relays, what names a source, where a subject
 * ends. Normalised spellings (see text/normalize.ts); extend a list here, not the rules in corpus/speakers.ts.
 */

import { wordSet } from './words.ts';

/** "نقلت X عن Y": the speaker follows عن. */
export const RELAYING = wordSet('نقل نقلت نقلا ينقل');
/** Phrases that name the source: "بحسب X"، "وفقا لـ X"، "حسبما ذكر X"، "برأي X". */
export const ACCORDING = wordSet('بحسب حسب وفقا وفق طبقا حسبما برأي بحسبما ووفقا');
/** Prepositions a title may go on with before a place ("السفير الروسي لدى واشنطن"، "الوفد الروسي إلى إسطنبول"). */
export const TITLE_PREPOSITIONS = wordSet('لدى إلى في');
/** Words that end a verb's subject: complementisers, and the start of what was said. */
export const SUBJECT_END = wordSet('إن أن ان انه أنه إنه انها أنها إنها بأن بان انهم أنهم إنهم انهما أنهما');
/** Words between a verb and its subject that are not the subject. */
export const SKIPPABLE = wordSet(`
  أيضا كذلك بدوره بدورها من جانبه جانبها أمس اليوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم
  الماضي صباح مساء مجددا بدوره فيه فيها
`);
/** Prepositions that are only prepositions (not من, which is also "who"). */
const PLAIN_PREPOSITIONS = 'إلى على عن في مع خلال بشأن حول أمام ضد نحو';
/** Words that cannot start a subject: after them the verb had none ("أشار إلى"، "شدد على"). */
export const NOT_A_SUBJECT = wordSet(`${PLAIN_PREPOSITIONS} من ل ب ردا رداً لوكالة للصحفيين قائلا له لها`);
/** Prepositions a word of saying right after which is a noun ("عن أمل موسكو", "في تصريح"). */
export const PREPOSITIONS = wordSet(`${PLAIN_PREPOSITIONS} عبر لدى منذ`);
/** Words after which a verb starts a new clause with the same subject ("كما قال"، "لكنه قال"). */
export const CLAUSE_OPENERS = wordSet('كما ثم لكنه لكنها ولكنه ولكنها وقد قد فيما بينما حيث كذلك');
/** Verbs of going on before a subject and "ليقول": "ومضى السفير الروسي ليقول"، "وعاد بيسكوف ليؤكد". */
export const GOING_ON = wordSet('مضى ومضى عاد وعاد');
/** Relative pronouns: the verb's subject is the noun before them ("موسكو التي نفت"). */
export const RELATIVES = wordSet('الذي التي الذين اللذين اللتين');
/**
 * "يُذكر أن …"، "ويذكر أن …": unvowelled the passive "it is noted that", the narrator's own words, when the verb
 * opens the sentence and أن follows it at once.
 */
export const NARRATOR_NOTES = wordSet('يذكر ويذكر');
/** Pronouns after "وفقا لـ" that point back to the last speaker ("ووفقا له"). */
export const BACK_POINTERS = wordSet('له لها لهم لهما');
