/** Stop words for search: function words of news Arabic (normalised spelling) and of English questions. */

import { normalizeArabic } from './normalize.ts';

const ARABIC = `
في من الى الي على علي عن مع ان إن أن او أو ثم بل لا لم لن ما ماذا متى اين أين كيف لماذا هل كم اي أي
هذا هذه ذلك تلك هؤلاء هولاء الذي التي الذين اللذين اللتين اللواتي هو هي هم هما نحن انا أنا انت انتم
كان كانت يكون تكون كانوا قد لقد قد كل بعض غير بين عند عندما حيث حتى اذا إذا لكن لكنه ولكن و ف ب ل ك
منذ خلال بعد قبل حول لدى لدي الا إلا امام أمام دون ضمن عبر نحو ايضا أيضا كما وكما فيما بينما
انه أنه إنه انها أنها إنها له لها لهم به بها بهم فيه فيها منه منها عليه عليها اليه إليه اليها
زال زالت يزال تزال لازال مازال لايزال مازالت لازالت أم
بشأن بشان حول إزاء ازاء تجاه بخصوص لدى وفق وسط يا ذا ذي هنا هناك الان الآن اما أما وقد وفي ومن وعلى وان وأن او وهو وهي ولا وما فقد فان فإن
`;

const ENGLISH = `
a an the of in on at to for from by with about into over after before between during and or but not no
is are was were be been being do does did done has have had will would shall should can could may might
what which who whom whose when where why how whether that this these those there here it its it's
i me my we our you your he him his she her they them their as than then so if also any some all
tell told say said says saying state stated states mention mentioned
please give show me us let know
really actually currently exactly just still ever very more most much many such other another own same
about regarding concerning any anything something thing things way
`;

/** Normalised Arabic stop words. */
export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(
  ARABIC.split(/\s+/)
    .filter(Boolean)
    .map((w) => normalizeArabic(w)),
);

/** Lower-case English stop words, including the verbs of saying that every "what did X say" carries. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(ENGLISH.split(/\s+/).filter(Boolean));
