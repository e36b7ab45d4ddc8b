/**
 * Attribution: who said a sentence or a quotation. Rules, in the order a reader applies them:
 * - a verb of saying followed by its named subject ("وقال الناطق باسم الكرملين دميتري بيسكوف"), a person
 *   before an institution named inside the title;
 * - a subject before the verb after أن/إن ("أن الرئيس بوتين كرر");
 * - "نقلت وكالة X عن Y قوله": Y, not the agency; "بحسب X" / "وفقا لـ X" at the end names the source;
 * - a title already tied to a name in the same article ("الناطق باسم الكرملين") stands for that name;
 * - a bare verb ("وأضاف"، "قائلا"، "كما قال إن") carries the last named speaker of the article;
 * - an unnamed subject ("مسؤول أوكراني"، "السلطات الروسية") gives null, and so does a sentence with no verb.
 */

import { splitWords, type Word } from '../lexicon/keys.ts';
import type { Lexicon, LexiconEntry, LexiconMatch } from '../lexicon/lexicon.ts';
import { canSpeak } from '../lexicon/lexicon.ts';
import { oncePer } from '../once-per.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { nameKey, transliterate } from '../text/transliterate.ts';
import { agencyNamed } from '../text/vocabulary/agencies.ts';
import {
  ACCORDING,
  BACK_POINTERS,
  CLAUSE_OPENERS,
  DETERMINERS,
  GOING_ON,
  NARRATOR_NOTES,
  NOT_A_SUBJECT,
  PREPOSITIONS,
  RELATIVES,
  RELAYING,
  SKIPPABLE,
  SUBJECT_END,
  TITLE_PREPOSITIONS,
} from '../text/vocabulary/attribution-grammar.ts';
import {
  AMBIGUOUS_SAYING,
  EXPRESSING,
  SAYING,
  SAYING_NOUNS,
  SAYING_PARTICIPLES,
  YA_NOUNS,
} from '../text/vocabulary/saying-verbs.ts';
import {
  ANAPHORS,
  DOCUMENT_VERBS,
  DOCUMENTS,
  LONE_TITLES,
  NATIONALITIES_EN,
  OFFICE_NOUNS,
  TITLE_WORDS_EN,
  TITLES,
  UNNAMED_SUBJECTS,
  UNNAMED_TITLES,
} from '../text/vocabulary/titles.ts';
import type { Speaker } from './types.ts';

/** Words that may stand between a verb and the name of its subject: a title and what qualifies it. */
const isTitleWord = (w: string) =>
  TITLES.has(w) || UNNAMED_TITLES.has(w) || OFFICE_NOUNS.has(w) || /^(?:ال|لل|بال)/.test(w);
/** A word that may continue a title after the name inside it ("… بوتين لشؤون الاستثمار والتعاون الاقتصادي،"). */
const isTitleComplement = (w: string) => TITLES.has(w) || /^(?:و?ال|و?لل?|بال)/.test(w);
const MAX_SUBJECT_WORDS = 10;
/** How far from a title a name is written with it: a few words. */
const TIE_CHARS = 80;
/** How many speakers back a lone title may reach. */
const MAX_PEOPLE = 40;
/** A sentence this much of whose words are quoted, with no attribution of its own, continues the last speaker. */
const CONTINUED_QUOTE_SHARE = 0.8;

/** A preposition, or a word glued to one ("بالضغط"، "للصحفيين"): the start of a complement, not a subject. */
const isPrepositional = (w: string) => NOT_A_SUBJECT.has(w) || /^(?:بال|لل|وبال|ولل)/.test(w);

const peel = (w: string) => (/^[وف]/.test(w) && w.length > 3 ? w.slice(1) : w);

const isSayingVerb = (w: string) => SAYING.has(w) || AMBIGUOUS_SAYING.has(w);

/**
 * A word read as a verb of saying: `w` its form in the vocabulary, `base` the word without a conjunction. The word as
 * written comes first: "وصفت" and "واصفة" are words of their own, not و + "صفت".
 */
function sayingWord(norm: string): { w: string; base: string } {
  const written = sayingForm(norm);
  if (isSayingVerb(written)) return { w: written, base: norm };
  const base = peel(norm);
  return { w: sayingForm(base), base };
}

/** A verb of saying with an object pronoun ("ووصفها"، "وصفه") read as the verb itself. */
function sayingForm(w: string): string {
  if (isSayingVerb(w)) return w;
  const bare = w.replace(/(?:ها|هم|ه)$/, '');
  return bare.length >= 3 && isSayingVerb(bare) ? bare : w;
}

/** The speaker a lexicon entry stands for. */
export function speakerOf(entry: LexiconEntry): Speaker {
  return { id: entry.id, en: entry.en[0]!, ar: entry.ar[0]! };
}

/** One attribution found in a sentence: where its verb stands and whom it names. */
export interface Attribution {
  /** Offset of the verb within the sentence. */
  at: number;
  speaker: Speaker | null;
  /**
   * A verb of saying, a phrase naming the source ("بحسب X"), or a sentence that is only a quotation continuing the
   * speaker of the sentence before it.
   */
  kind: 'verb' | 'according' | 'continued';
  /** True when the speaker is a person, not an institution. */
  person: boolean;
}

/** The article-wide memory attribution needs: the last named speaker and titles tied to names. */
export class AttributionContext {
  last: Speaker | null = null;
  readonly titles = new Map<string, Speaker>();
  /** The article so far, normalised (its last few thousand characters): where titles were tied to names. */
  recent = '';
  /** News agencies the text credits ("بحسب وكالة رويترز"، "وذكرت تاس"), by their usual names. */
  readonly agencies = new Set<string>();
  /** The author of the last document the text named ("بيان لوزارة الخارجية"): who "وأضاف البيان" means. */
  document: Speaker | null = null;
  /** Names of a speaker as the text may write them. */
  names: (speaker: Speaker) => string[] = () => [];
  /** The person the sentence before named last as speaker: whom a sentence that is only a quotation continues. */
  previous: Speaker | null = null;
  /** Lexicon people the article has named so far, the latest last: whom an office alone may mean. */
  readonly named: LexiconEntry[] = [];
  /** People the lexicon lacks whom the article named, by the key of their surname: "وأضاف تاجاني" is one of them. */
  readonly surnames = new Map<string, Speaker>();
  /** The people who spoke so far, each once, the latest last (at most a few dozen). */
  readonly people: Speaker[] = [];

  /** True when the text so far wrote the title within a few words of one of the speaker's names. */
  tiedTo(title: string, speaker: Speaker): boolean {
    return this.nameNear(title, speaker, true);
  }

  /** True when the text so far wrote the title with one of the speaker's names after it, within a few words. */
  wroteBefore(title: string, speaker: Speaker): boolean {
    return this.nameNear(title, speaker, false);
  }

  /** One of the speaker's names within TIE_CHARS after the title (or, `alsoBefore`, around it), so far. */
  private nameNear(title: string, speaker: Speaker, alsoBefore: boolean): boolean {
    const names = this.names(speaker);
    for (let at = this.recent.indexOf(title); at >= 0; at = this.recent.indexOf(title, at + 1)) {
      const end = at + title.length + TIE_CHARS;
      const around = alsoBefore
        ? this.recent.slice(Math.max(0, at - TIE_CHARS), end)
        : this.recent.slice(at + title.length, end);
      if (names.some((n) => around.includes(n))) return true;
    }
    return false;
  }
}

interface Sentence {
  text: string;
  words: Word[];
  /** Words inside a quotation: what was said, never who said it. */
  quoted: boolean[];
  norm: string[];
  entities: Array<LexiconMatch & { entry: LexiconEntry }>;
  /** Places the lexicon knows, wherever they stand ("لدى واشنطن" inside a title). */
  places: LexiconMatch[];
  /** Places that speak for a government as a verb's subject ("أعلنت لندن"): the entry they stand for. */
  governments: Array<LexiconMatch & { entry: LexiconEntry }>;
  personByKey: (key: string) => LexiconEntry | undefined;
  /** The institutions a lexicon person speaks for. */
  memberOf: (id: string) => readonly string[];
}

/**
 * A title's words in a form that ignores the article and the spelling of a nationality: "الرئيس الأميركي" and
 * "رئيس الأمريكي" give the same key.
 */
const officeKey = (norm: readonly string[]) =>
  norm.map((w) => NATIONALITIES_EN[w] ?? w.replace(/^ال/, '')).join(' ');

/**
 * The person a title alone means ("صرح ترامب … وقال الرئيس الأمريكي"): the latest person named before it in the
 * article whose lexicon offices include that title. Never a person the article has not named.
 */
function officeHolder(s: Sentence, from: number, title: readonly string[], ctx: AttributionContext) {
  // The office may be the start of the phrase ("وكشف الرئيس الروسي النقاب": what follows is the object).
  const keys = new Set(title.slice(1).map((_, n) => officeKey(title.slice(0, n + 2))));
  const here = s.entities.filter((e) => e.endWord <= from && e.entry.kind === 'person').map((e) => e.entry);
  const named = [...ctx.named, ...here];
  for (let i = named.length - 1; i >= 0; i--) {
    const entry = named[i]!;
    if (entry.offices?.some((o) => keys.has(officeKey(normalizeArabic(o).split(' ')))))
      return speakerOf(entry);
  }
  return null;
}

function entityStartingIn(s: Sentence, from: number, to: number) {
  const inside = s.entities.filter((e) => e.firstWord >= from && e.firstWord < to && !s.quoted[e.firstWord]);
  return inside.find((e) => e.entry.kind === 'person') ?? inside[0];
}

/**
 * True when only title words (and skippable ones) stand between two words of a sentence; a country or an
 * institution inside the title counts as one of them ("وزير خارجية روسيا سيرغي لافروف"، "الممثلة الرسمية لوزارة
 * الخارجية الروسية ماريا زاخاروفا").
 */
const titlesOnly = (s: Sentence, from: number, to: number) =>
  s.norm.slice(from, to).every((w, i) => isTitleWord(w) || SKIPPABLE.has(w) || insideTitleName(s, from + i));

/**
 * True when word k is part of a place or an institution the lexicon knows, or the preposition before one
 * ("السفير الروسي لدى واشنطن أناتولي أنتونوف"، "رئيس الوفد الروسي إلى إسطنبول").
 */
const insideTitleName = (s: Sentence, k: number) =>
  s.places.some((p) => p.firstWord <= k && k < p.endWord) ||
  s.entities.some((e) => e.entry.kind !== 'person' && e.firstWord <= k && k < e.endWord) ||
  intoTitleName(s, k);

/** True when word k is a preposition a title goes on with into a place or an institution ("لدى واشنطن"، "في الكرملين"). */
const intoTitleName = (s: Sentence, k: number) =>
  TITLE_PREPOSITIONS.has(s.norm[k]!) &&
  (s.places.some((p) => p.firstWord === k + 1) ||
    s.entities.some((e) => e.entry.kind !== 'person' && e.firstWord === k + 1));

/**
 * Where a person's name starts when the words before the lexicon's match are the same given name spelt another way
 * ("ديميتري بيسكوف" for دميتري بيسكوف، "جاي دي فانس" for جي دي فانس): they have the key of one of the person's names.
 */
function givenNameStart(s: Sentence, e: Sentence['entities'][number], from: number): number {
  if (e.entry.kind !== 'person') return e.firstWord;
  // One or two words ("جاي دي فانس"), the longer first.
  for (let before = Math.max(from, e.firstWord - 2); before < e.firstWord; before++) {
    if (s.norm.slice(before, e.firstWord).some((w) => w.startsWith('ال'))) continue;
    const name = s.text.slice(s.words[before]!.start, s.words[e.endWord - 1]!.end);
    if (s.personByKey(nameKey(name)) === e.entry) return before;
  }
  return e.firstWord;
}

/** The subject's name after a verb: only title words may precede it ("كرر اتهامات موسكو" has no subject). */
function subjectEntity(s: Sentence, from: number, to: number) {
  const reachable = s.entities.filter(
    (e) =>
      e.firstWord >= from &&
      e.firstWord < to &&
      !s.quoted[e.firstWord] &&
      (titlesOnly(s, from, e.firstWord) || titlesOnly(s, from, givenNameStart(s, e, from))),
  );
  return reachable.find((e) => e.entry.kind === 'person') ?? reachable[0];
}

/**
 * The person in apposition after a comma: "مستشار بوتين، يوري أوشاكوف،" and "مساعد الرئيس الروسي فلاديمير
 * بوتين، يوري أوشاكوف" name Ushakov, whose title mentions Putin.
 */
function appositive<E extends Sentence['entities'][number]>(
  s: Sentence,
  entity: E | undefined,
): E | undefined {
  if (!entity) return entity;
  // The title may go on after the name inside it ("المبعوث الخاص للرئيس الروسي فلاديمير بوتين لشؤون الاستثمار،").
  const next = s.entities.find(
    (e) =>
      e.firstWord >= entity.endWord &&
      e.firstWord <= entity.endWord + 6 &&
      e.entry.kind === 'person' &&
      s.norm.slice(entity.endWord, e.firstWord).every(isTitleComplement),
  );
  const gap = next ? s.text.slice(s.words[entity.endWord - 1]!.end, s.words[next.firstWord]!.start) : '';
  const inTitle =
    next && (next.firstWord === entity.endWord || isTitleWord(s.norm[entity.firstWord - 1] ?? ''));
  return inTitle && /^[^:"«“”.]*[،,]\s*$/.test(gap) && !s.quoted[next.firstWord] ? (next as E) : entity;
}

/** Where the subject after word k ends: a complementiser, a quotation mark or colon, or another verb. */
function subjectEnd(s: Sentence, k: number): number {
  let j = k + 1;
  for (; j < s.words.length && j <= k + MAX_SUBJECT_WORDS; j++) {
    const between = s.text.slice(s.words[j - 1]!.end, s.words[j]!.start);
    if (/[:"«“”]/.test(between)) break;
    const w = s.norm[j]!;
    // "رئيس الوفد الروسي إلى إسطنبول فلاديمير ميدينسكي"، "مساعد الرئيس في الكرملين، يوري أوشاكوف": a preposition
    // before a place or an institution may go on with a title.
    if (SUBJECT_END.has(w) || SAYING.has(peel(w)) || (NOT_A_SUBJECT.has(w) && !intoTitleName(s, j))) break;
  }
  return j;
}

function unknownName(s: Sentence, from: number, to: number): Speaker | null {
  if (!TITLES.has(s.norm[from] ?? '')) return null;
  let first = to;
  while (first > from + 1) {
    const w = s.norm[first - 1]!;
    if (w.startsWith('ال') || TITLES.has(w) || UNNAMED_SUBJECTS.has(w) || SKIPPABLE.has(w) || w.length < 3)
      break;
    // A place or institution the lexicon knows is no part of an unknown person's name ("في موسكو").
    if (insideTitleName(s, first - 1)) break;
    if (
      /[،,]/.test(s.text.slice(s.words[first - 1]!.end, s.words[first]?.start ?? s.text.length)) &&
      first < to
    )
      break;
    first--;
  }
  if (first === to || to - first > 3) return null;
  return personNamed(s, first, to);
}

/**
 * A word that may be part of a name the lexicon lacks: no article, preposition or adverb, no pronoun after it ("عليه");
 * two letters or more.
 */
const isNameWord = (w: string) =>
  !w.startsWith('ال') &&
  !isPrepositional(w) &&
  !SKIPPABLE.has(w) &&
  w.length >= 2 &&
  !/(?:ه|ها|هم|هما)$/.test(w);

/**
 * The person words [from, to) name: a lexicon person spelt another way is that person, anyone else is known by
 * the name's key.
 */
function personNamed(s: Sentence, from: number, to: number): Speaker {
  const ar = s.text.slice(s.words[from]!.start, s.words[to - 1]!.end);
  const known = s.personByKey(nameKey(ar));
  return known ? speakerOf(known) : { id: `ar:${nameKey(ar)}`, ar, en: transliterate(ar) };
}

/** The lexicon's persons by the key of each Arabic spelling (full name and surname alone). */
const personsByKey = oncePer((lexicon: Lexicon) => {
  const keys = new Map<string, LexiconEntry>();
  for (const e of lexicon.entries)
    if (e.kind === 'person') for (const name of e.ar) keys.set(nameKey(name), e);
  return keys;
});

/** The speaker named by the subject that follows a verb at word k, or 'bare' when there is no subject. */
function subjectAfter(s: Sentence, k: number, ctx: AttributionContext): Speaker | null | 'bare' {
  const end = subjectEnd(s, k);
  let from = k + 1;
  while (from < end && SKIPPABLE.has(s.norm[from]!)) from++;
  if (from >= end || isPrepositional(s.norm[from]!)) return 'bare';
  const window = s.norm.slice(from, end).join(' ');
  const entity = appositive(s, subjectEntity(s, from, end));
  if (entity?.entry.kind === 'person') return speakerOf(entity.entry);
  // The whole title: "وزير الخارجية" must not stand for "وزير الخارجية الأمريكي".
  for (const [title, speaker] of ctx.titles)
    if (window.startsWith(title) && !window.slice(title.length).startsWith(' ال')) return speaker;
  if (entity) {
    // "المتحدثة باسم وزارة الخارجية الأميركية تامي بروس": a name the lexicon lacks after the institution.
    const named = entity.endWord < end && unknownName(s, from, end);
    if (named) return named;
    // "وشدد ممثل الكرملين": a title of the institution the last named person speaks for is that person.
    const titled = TITLES.has(s.norm[from]!) || UNNAMED_TITLES.has(s.norm[from]!);
    if (titled && ctx.last && s.memberOf(ctx.last.id).includes(entity.entry.id)) return ctx.last;
    return speakerOf(entity.entry);
  }
  // Not a joint subject ("وتتهم الولايات المتحدة ودول غربية"): the words are no one government's.
  const government = s.governments.find(
    (e) => e.firstWord === from && !s.quoted[from] && !/^و/.test(s.norm[e.endWord] ?? ''),
  );
  if (government) return speakerOf(government.entry);
  const first = s.norm[from]!;
  if (DOCUMENTS.has(first)) {
    const author = documentAuthor(s, from);
    if (author) {
      ctx.document = author;
      return author;
    }
  }
  // "وأضاف البيان": the document named before.
  if (first.startsWith('ال') && DOCUMENTS.has(first.slice(2)) && ctx.document) return ctx.document;
  if (first.startsWith('ال') || UNNAMED_SUBJECTS.has(first) || TITLES.has(first))
    return unknownName(s, from, end) ?? titleOnly(s, from, end, ctx);
  // "وقالت ديانا دافيتيان، المتحدثة باسم …": a name the lexicon lacks, then its title after a comma.
  for (let j = from + 1; j <= Math.min(from + 3, end - 1); j++) {
    if (!/[،,]/.test(s.text.slice(s.words[j - 1]!.end, s.words[j]!.start))) continue;
    const named = TITLES.has(s.norm[j]!) && s.norm.slice(from, j).every(isNameWord);
    if (named && !s.entities.some((e) => e.firstWord < j && e.endWord > from)) return personNamed(s, from, j);
    break;
  }
  // "وأضاف تاجاني": the surname of someone the article named before ("وزير الخارجية الإيطالي أنطونيو تاجاني").
  if (isNameWord(first)) {
    const known = ctx.surnames.get(nameKey(s.text.slice(s.words[from]!.start, s.words[from]!.end)));
    if (known) return known;
  }
  // "قالت ميلانيا ترامب": a lexicon person's surname after a given name that is not theirs names someone else.
  const surname = s.entities.find(
    (e) => e.entry.kind === 'person' && e.firstWord > from && e.firstWord <= from + 2 && e.endWord <= end,
  );
  if (surname && s.norm.slice(from, surname.firstWord).every(isNameWord))
    return personNamed(s, from, surname.endWord);
  // "وأضافت بروس في حديث …"، "كما يؤكد ميدفيدتشوك.": one or two words that can only be a name, then the clause's
  // edge. Not a noun with a pronoun ("استعداده"), an adverb ("لاحقا") or a phrase with ب ("بوضوح").
  for (let to = from + 1; to <= Math.min(from + 2, s.words.length); to++) {
    if (!s.norm.slice(from, to).every(bareName) || insideTitleName(s, to - 1)) break;
    const next = s.norm[to];
    const edge =
      next === undefined ||
      SUBJECT_END.has(next) ||
      isPrepositional(next) ||
      /[،,.:;؛"«“]/.test(s.text.slice(s.words[to - 1]!.end, s.words[to]?.start ?? s.text.length));
    if (edge) return personNamed(s, from, to);
  }
  return 'bare';
}

/**
 * A word that can only be a name: no article, clitic pronoun, adverb ending or prepositional ب, and not a verbal
 * noun of the derived patterns a verb's object takes ("أعلنت إرسال جنود": إفعال، تفعيل، افتعال، انفعال، استفعال).
 */
const VERBAL_NOUN = /^(?:ا..ا.|ت..ي.|ا.ت.ا.|ان..ا.|است..ا.)$/;
const bareName = (w: string) =>
  isNameWord(w) &&
  w.length >= 3 &&
  !/(?:نا|كم|ا)$/.test(w) &&
  !/^ب.{4,}$/.test(w) &&
  !VERBAL_NOUN.test(w) &&
  !DETERMINERS.has(w);

/** The author named within a few words after a document ("بيان لوزارة الخارجية الروسية"، "بيان صادر عن الكرملين"). */
function documentAuthor(s: Sentence, at: number): Speaker | null {
  const author = s.entities.find((e) => e.firstWord > at && e.firstWord <= at + 3 && !s.quoted[e.firstWord]);
  return author ? speakerOf(author.entry) : null;
}

/** The words of a title with no name after it ("الرئيس الأوكراني"، "المتحدث باسم الكرملين"), up to a comma. */
function titlePhrase(s: Sentence, from: number, end: number): { norm: string[]; text: string } | null {
  if (!TITLES.has(s.norm[from]!) && !ANAPHORS.has(s.norm[from]!)) return null;
  let to = from + 1;
  while (to < end && to < from + 5 && (s.norm[to]!.startsWith('ال') || TITLES.has(s.norm[to]!))) {
    if (/[،,]/.test(s.text.slice(s.words[to - 1]!.end, s.words[to]!.start))) break;
    to++;
  }
  return { norm: s.norm.slice(from, to), text: s.text.slice(s.words[from]!.start, s.words[to - 1]!.end) };
}

/**
 * A title with no name: the last named person when the article tied that title to them or it is a word that
 * refers back ("وتابع المسؤول الروسي"); else the title itself, as its own speaker ("the Ukrainian president").
 */
function titleOnly(s: Sentence, from: number, end: number, ctx: AttributionContext): Speaker | null {
  const phrase = titlePhrase(s, from, end);
  if (!phrase) return null;
  const last = ctx.last;
  if (last && !last.id.startsWith('title:') && !last.id.startsWith('ar:')) {
    if (
      ANAPHORS.has(phrase.norm[0]!) ||
      ctx.tiedTo(phrase.norm.join(' '), last) ||
      shortened(phrase.norm, last, ctx)
    )
      return last;
  }
  // The latest speaker the article wrote this title with, whoever spoke since ("ومضى السفير الروسي ليقول"); a lone
  // title only when it is one an article gives to one person ("وذكّرت السفيرة" after "سفيرة الولايات المتحدة …،
  // ليندا توماس غرينفيلد").
  const lone = phrase.norm.length === 1;
  const written = lone ? phrase.norm[0]!.replace(/^ال/, '') : phrase.norm.join(' ');
  if (!lone || LONE_TITLES.has(phrase.norm[0]!))
    for (let i = ctx.people.length - 1; i >= 0; i--) {
      const person = ctx.people[i]!;
      if (ctx.wroteBefore(written, person)) return person;
    }
  if (phrase.norm.length < 2 && !ANAPHORS.has(phrase.norm[0]!)) return null;
  const holder = officeHolder(s, from, phrase.norm, ctx);
  if (holder) return holder;
  const nationality = phrase.norm.map((w) => NATIONALITIES_EN[w]).filter(Boolean);
  const rest = phrase.norm
    .filter((w) => !NATIONALITIES_EN[w])
    .map((w) => TITLE_WORDS_EN[w] ?? transliterate(w));
  return {
    id: `title:${phrase.norm.join(' ')}`,
    ar: phrase.text,
    en: ['the', ...nationality, ...rest].join(' '),
  };
}

/**
 * A title the text shortens for the person it was last tied to: "نائب الوزير" after "نائب وزير الخارجية الروسي سيرغي
 * ريابكوف". The same first word (the office: نائب، وزير، المتحدث), its other words among the tied title's or the
 * office's with the article, and no other nationality ("وزير الخارجية الأمريكي" is not the Russian one).
 */
function shortened(title: string[], speaker: Speaker, ctx: AttributionContext): boolean {
  if (title.length < 2) return false;
  const bare = (w: string) => w.replace(/^ال/, '');
  for (const [tied, who] of ctx.titles) {
    if (who.id !== speaker.id) continue;
    const words = tied.split(' ');
    if (bare(words[0]!) !== bare(title[0]!)) continue;
    const known = new Set(words.map(bare));
    const nationalities = new Set(words.filter((w) => NATIONALITIES_EN[w]));
    const fits = title
      .slice(1)
      .every((w) => known.has(bare(w)) && (!NATIONALITIES_EN[w] || nationalities.has(w)));
    if (fits) return true;
  }
  return false;
}

function remember(s: Sentence, k: number, speaker: Speaker, ctx: AttributionContext) {
  const entity = s.entities.find((e) => speakerOf(e.entry).id === speaker.id && e.firstWord > k);
  if (!entity || entity.firstWord - k < 3) return;
  const title = s.norm.slice(k + 1, entity.firstWord).filter((w) => !SKIPPABLE.has(w));
  if (title.length >= 2 && TITLES.has(title[0]!)) ctx.titles.set(title.join(' '), speaker);
}

/**
 * Ties each title written right before a person's name ("مع وزير الخارجية السعودي فيصل بن فرحان") to that person,
 * so that the title alone later stands for them ("شدد وزير الخارجية السعودي"). A name in apposition after it
 * ("مساعد الرئيس الروسي فلاديمير بوتين، يوري أوشاكوف") owns the title instead.
 */
function bindTitles(s: Sentence, ctx: AttributionContext) {
  for (const e of s.entities) {
    if (e.entry.kind !== 'person' || s.quoted[e.firstWord] || appositive(s, e) !== e) continue;
    let from = e.firstWord;
    while (
      from > 0 &&
      e.firstWord - from < 5 &&
      (TITLES.has(s.norm[from - 1]!) || s.norm[from - 1]!.startsWith('ال')) &&
      !/[،,:."«“”()]/.test(s.text.slice(s.words[from - 1]!.end, s.words[from]!.start))
    )
      from--;
    while (from < e.firstWord && !TITLES.has(s.norm[from]!)) from++;
    if (e.firstWord - from >= 2)
      ctx.titles.set(s.norm.slice(from, e.firstWord).join(' '), speakerOf(e.entry));
  }
}

/** Where a sentence's opening verb stands: after a fronted phrase and its comma ("من جهتها، نشرت …"), else first. */
function openingVerb(s: Sentence): number {
  // "وقالت ديانا دافيتيان، المتحدثة …": a sentence that opens with a verb of saying has no fronted phrase.
  if (isSayingVerb(sayingWord(s.norm[0] ?? '').w)) return 0;
  for (let k = 0; k < Math.min(3, s.words.length - 1); k++) {
    const gap = s.text.slice(s.words[k]!.end, s.words[k + 1]!.start);
    if (/[،,]/.test(gap)) return s.entities.some((e) => e.firstWord <= k) ? 0 : k + 1;
  }
  return 0;
}

/** True when word k ends a name the lexicon knows or is a noun for a speaker ("المسؤول"، "الصحيفة"). */
function speakerLike(s: Sentence, k: number): boolean {
  const w = s.norm[k]!;
  const bare = w.replace(/^ال/, '');
  return (
    s.entities.some((e) => e.endWord === k + 1) ||
    s.governments.some((e) => e.endWord === k + 1) ||
    UNNAMED_SUBJECTS.has(w) ||
    UNNAMED_SUBJECTS.has(bare) ||
    TITLES.has(w) ||
    TITLES.has(bare)
  );
}

/**
 * The speaker of a verb that has no subject after it: the noun before it ("وكانت واشنطن … أعلنت"), the noun before a
 * relative pronoun ("موسكو التي نفت"), or, at the start of a clause ("وأضاف"، "كما قال"), the last named speaker.
 */
function subjectBefore(s: Sentence, k: number, ctx: AttributionContext): Speaker | null | undefined {
  const prev = s.norm[k - 1];
  const gap = k > 0 ? s.text.slice(s.words[k - 1]!.end, s.words[k]!.start) : '';
  if (prev !== undefined && RELATIVES.has(prev)) {
    if (k < 2) return ctx.last;
    // The noun before the pronoun is the subject: a speaker when it names one ("موسكو التي"), nobody when it is an
    // unnamed one ("المسؤول الذي"); after a thing ("الاتفاق الذي قال إنه") the verb's subject is the last speaker.
    const noun = s.entities.find((e) => e.endWord === k - 1 && !s.quoted[e.firstWord]);
    if (noun) return speakerOf(noun.entry);
    return speakerLike(s, k - 2) ? null : ctx.last;
  }
  // "وكان ترامب، قد كتب": the subject stands between كان and قد.
  if (prev === 'قد' && k >= 2) {
    const noun = s.entities.find((e) => e.endWord === k - 1 && !s.quoted[e.firstWord]);
    if (noun) return speakerOf(noun.entry);
  }
  // "وكانت الخارجية الأميركية، أكدت": a sentence opened by كان names its subject next, whatever the comma says.
  if (k >= 2 && /^[وف]?كان(?:ت)?$/.test(s.norm[0]!)) {
    const noun = s.entities.find((e) => e.firstWord === 1 && e.endWord === k && !s.quoted[e.firstWord]);
    if (noun) return speakerOf(noun.entry);
  }
  // "… مشدداً على أن …": a participle reports the words of the sentence's subject: the one named after its
  // opening verb ("سخر كبير المفاوضين الروس كيريل دميترييف من …، قائلاً"), else the last one named.
  if (SAYING_PARTICIPLES.has(sayingWord(s.norm[k]!).w)) {
    const verb = openingVerb(s);
    const opening = appositive(s, subjectEntity(s, verb + 1, Math.min(k, verb + 1 + MAX_SUBJECT_WORDS)));
    if (opening?.entry.kind === 'person') return speakerOf(opening.entry);
    // "وذكرت وكالة تاس أن المتحدث … بيسكوف رد … بالقول": when the opening verb's subject speaks for nobody (an
    // agency reports), the subject of the clause after "أن", the last one named.
    for (let j = k - 1; j > verb && !opening; j--) {
      if (!SUBJECT_END.has(s.norm[j]!)) continue;
      const clause = appositive(s, subjectEntity(s, j + 1, Math.min(k, j + 1 + MAX_SUBJECT_WORDS)));
      if (clause?.entry.kind === 'person') return speakerOf(clause.entry);
    }
    return ctx.last;
  }
  // A verb with و/ف, or after a comma or "كما", opens a clause that keeps the last subject.
  const coordinated = /^[وف]/.test(s.norm[k]!) && SAYING.has(peel(s.norm[k]!));
  if (prev === undefined || coordinated || /[،,:;؛]/.test(gap) || CLAUSE_OPENERS.has(prev)) return ctx.last;
  const noun = s.entities.filter((e) => e.endWord <= k && e.endWord >= k - 3 && !s.quoted[e.firstWord]).pop();
  if (noun) return speakerOf(noun.entry);
  // "إلا أن موسكو حذرت": a capital or a country opening the clause right before the verb speaks for its government
  // ("حرب أوكرانيا يقول" is no clause of Ukraine's).
  const government = s.governments.find(
    (e) =>
      e.endWord === k &&
      !s.quoted[e.firstWord] &&
      (e.firstWord === 0 ||
        SUBJECT_END.has(s.norm[e.firstWord - 1]!) ||
        CLAUSE_OPENERS.has(s.norm[e.firstWord - 1]!)),
  );
  if (government) return speakerOf(government.entry);
  // "إلا أن الرئيس الأوكراني أعلن": a title with no name as the subject before the verb.
  for (let f = Math.max(0, k - 5); f < k; f++) {
    if (f > 0 && !SUBJECT_END.has(s.norm[f - 1]!) && !GOING_ON.has(s.norm[f - 1]!)) continue;
    const phrase = titlePhrase(s, f, k);
    if (phrase && f + phrase.norm.length === k) return titleOnly(s, f, k, ctx);
  }
  // No subject to be found ("أن الولايات المتحدة لا تعتبر"): the verb says nothing about who speaks.
  return undefined;
}

/**
 * A name read through a preposition glued to it ("بروسيا" in Russia, "ببوتين"; "بروس" is the name Bruce, not "with
 * the Russians"): never a speaker. ل stays: "وفقا لبيسكوف" names the source.
 */
function prepositional(text: string, m: LexiconMatch): boolean {
  const written = normalizeArabic(text.slice(m.start, m.end));
  const form = normalizeArabic(m.form);
  const core = form.replace(/^ال/, '');
  if (written === form || written === core || !written.endsWith(core)) return false;
  return /^[وف]?[بك](?:ال)?$/.test(written.slice(0, written.length - core.length));
}

/** The news agency a lexicon entry names (by any of its Arabic names), remembered per entry. */
const agencyOf = oncePer(
  (entry: LexiconEntry): string | null => entry.ar.map(agencyNamed).find(Boolean) ?? null,
);

/**
 * Finds the attributions of one sentence, updating the article's context as a reader would. `quoted` spans
 * (offsets within the sentence) hold reported words, whose verbs attribute nothing.
 */
export function attributeSentence(
  text: string,
  lexicon: Lexicon,
  ctx: AttributionContext,
  quoted: ReadonlyArray<{ start: number; end: number }> = [],
): Attribution[] {
  const words = splitWords(text);
  const matches = lexicon.findArabic(text, { words });
  const s: Sentence = {
    text,
    words,
    quoted: words.map((w) => quoted.some((q) => w.start >= q.start && w.start < q.end)),
    norm: words.map((w) => normalizeArabic(w.text)),
    personByKey: (key) => personsByKey(lexicon).get(key),
    memberOf: (id) => lexicon.get(id)?.memberOf ?? [],
    entities: matches.flatMap((m) => {
      if (prepositional(text, m)) return [];
      // A news agency reports words: it is the source, never the speaker ("بحسب وكالة تاس").
      const entry = m.entries.find((e) => canSpeak(e) && !agencyOf(e));
      return entry ? [{ ...m, entry }] : [];
    }),
    places: matches.filter((m) => !prepositional(text, m) && m.entries.some((e) => e.kind === 'place')),
    governments: matches.flatMap((m) => {
      if (prepositional(text, m)) return [];
      const entry = m.entries.map((e) => governmentOf(e, lexicon)).find(Boolean);
      return entry ? [{ ...m, entry }] : [];
    }),
  };
  // An agency named right after a verb of saying or "بحسب"/"وكالة" is credited by the article.
  for (const m of matches) {
    const agency = m.entries.map(agencyOf).find(Boolean);
    if (!agency) continue;
    const before = s.norm.slice(Math.max(0, m.firstWord - 4), m.firstWord).map(peel);
    if (before.some((w) => SAYING.has(w) || ACCORDING.has(w) || RELAYING.has(w) || w === 'وكاله'))
      ctx.agencies.add(agency);
  }
  // "وكالة (سبوتنيك)"، "وكالة الإعلام الروسية"، "وكالة الأنباء السعودية": an agency the lexicon may not know.
  for (let k = 0; k < words.length; k++) {
    if (s.norm[k] !== 'وكاله' && !/^[وبل]وكاله$/.test(s.norm[k]!)) continue;
    for (let n = Math.min(3, words.length - 1 - k); n >= 1; n--) {
      const clitic = s.norm[k] === 'وكاله' ? 0 : 1;
      const agency = agencyNamed(text.slice(words[k]!.start + clitic, words[k + n]!.end));
      if (agency) {
        ctx.agencies.add(agency);
        break;
      }
    }
  }
  bindTitles(s, ctx);
  const found: Attribution[] = [];
  ctx.names = (speaker) => (lexicon.get(speaker.id)?.ar ?? [speaker.ar]).map(normalizeArabic);
  for (let k = 0; k < words.length; k++) {
    if (s.quoted[k]) continue;
    // After a preposition a word of saying is a noun: "أعرب عن أمل موسكو" is Moscow's hope, not "Moscow hoped".
    if (k > 0 && PREPOSITIONS.has(s.norm[k - 1]!)) continue;
    // "ويذكر أن …" opening the sentence: the narrator's note, no one's words.
    if (k === 0 && NARRATOR_NOTES.has(s.norm[0]!) && SUBJECT_END.has(s.norm[1] ?? '')) {
      found.push({ at: words[0]!.start, speaker: null, kind: 'verb', person: false });
      k++;
      continue;
    }
    const { w, base } = sayingWord(s.norm[k]!);
    // "الخطة التي اقترحتها واشنطن": a relative clause whose verb has the thing before it as its object.
    const objectRelative = w !== base && k > 1 && RELATIVES.has(s.norm[k - 1]!);
    if (objectRelative && !speakerLike(s, k - 2)) continue;
    const at = words[k]!.start;
    if (YA_NOUNS.has(words[k]!.text.replace(/[\u064B-\u065F\u0670]/g, '').replace(/^[وف](?=...)/, '')))
      continue;
    if (RELAYING.has(w)) {
      let an = k + 1;
      while (an <= k + 6 && an < s.norm.length && s.norm[an] !== 'عن') an++;
      if (s.norm[an] !== 'عن') continue;
      const entity = UNNAMED_SUBJECTS.has(s.norm[an + 1] ?? '')
        ? undefined
        : entityStartingIn(s, an + 1, an + 8);
      ctx.last = entity ? speakerOf(entity.entry) : null;
      found.push({ at, speaker: ctx.last, kind: 'verb', person: entity?.entry.kind === 'person' });
      k = an;
    } else if (ACCORDING.has(w) || ACCORDING.has(s.norm[k]!)) {
      const entity = entityStartingIn(s, k + 1, k + 5);
      const speaker = entity
        ? speakerOf(entity.entry)
        : BACK_POINTERS.has(s.norm[k + 1] ?? '')
          ? ctx.last
          : null;
      const person = isPerson(speaker, lexicon);
      // "أكد بوتين أن … “مفيدة للغاية”، وفق تصريحات نشرها الكرملين": the institution that published a person's
      // words is their source, as an agency is, not their speaker.
      if (speaker && !person && found.some((a) => a.kind === 'verb' && a.person)) continue;
      if (speaker) {
        found.push({ at, speaker, kind: 'according', person });
        ctx.last = speaker;
      }
    } else if (
      DOCUMENT_VERBS.has(s.norm[k]!.replace(/^[وف]/, '')) &&
      s.norm[k + 1] === 'في' &&
      DOCUMENTS.has((s.norm[k + 2] ?? '').replace(/^ال/, ''))
    ) {
      // "وجاء في بيان لوزارة الخارجية الروسية: …"; "وجاء في البيان" is the statement named before.
      const author = s.norm[k + 2]!.startsWith('ال') ? ctx.document : documentAuthor(s, k + 2);
      if (!author) continue;
      ctx.last = ctx.document = author;
      found.push({ at, speaker: author, kind: 'verb', person: isPerson(author, lexicon) });
    } else if (
      SAYING.has(w) ||
      (AMBIGUOUS_SAYING.has(w) && (!EXPRESSING.has(w) || s.norm.slice(k + 2, k + 16).includes('عن'))) ||
      SAYING_NOUNS.has(w)
    ) {
      // A participle's subject is the clause's ("واصفة اللقاء بأنه …": اللقاء is its object).
      const subject = SAYING_PARTICIPLES.has(w) ? 'bare' : subjectAfter(s, k, ctx);
      // "رد الرئيس الأوكراني زيلينسكي": a verb only with a named subject ("في رد على" is a noun).
      if (!SAYING.has(w) && (subject === 'bare' || subject === null)) continue;
      const speaker = subject === 'bare' ? subjectBefore(s, k, ctx) : subject;
      if (speaker === undefined) continue;
      if (subject !== 'bare' && subject) remember(s, k, subject, ctx);
      // "وأفاد الكرملين في بيان بأن …": the statement "البيان" refers to later is the speaker's.
      const inDocument = s.norm
        .slice(k + 1, k + 9)
        .findIndex((x, i, after) => x === 'في' && DOCUMENTS.has(after[i + 1] ?? ''));
      if (speaker && inDocument >= 0) ctx.document = speaker;
      ctx.last = speaker;
      found.push({ at, speaker, kind: 'verb', person: isPerson(speaker, lexicon) });
    }
  }
  // "وقال بيسكوف: …" then a paragraph that is all quotation: the same person goes on. Not an institution: an
  // orphaned quotation after "ونفى الكرملين …" is more often someone else's ("أظهرت لي ساعتان …").
  const quotedShare = s.quoted.filter(Boolean).length / Math.max(1, s.quoted.length);
  if (found.length === 0 && ctx.previous && quotedShare >= CONTINUED_QUOTE_SHARE)
    found.push({ at: 0, speaker: ctx.previous, kind: 'continued', person: true });
  for (const a of found) {
    if (!a.person || !a.speaker || a.speaker.id.startsWith('title:')) continue;
    const seen = ctx.people.findIndex((p) => p.id === a.speaker!.id);
    if (seen >= 0) ctx.people.splice(seen, 1);
    else if (ctx.people.length >= MAX_PEOPLE) ctx.people.shift();
    ctx.people.push(a.speaker);
    const surname = a.speaker.ar.split(/\s+/).pop()!;
    if (a.speaker.id.startsWith('ar:') && surname.length >= 3) ctx.surnames.set(nameKey(surname), a.speaker);
  }
  const latest = found[found.length - 1];
  ctx.previous = latest?.person ? latest.speaker : null;
  ctx.recent = `${ctx.recent} ${s.norm.join(' ')}`.slice(-4_000);
  for (const e of s.entities)
    if (e.entry.kind === 'person' && !s.quoted[e.firstWord]) {
      const seen = ctx.named.indexOf(e.entry);
      if (seen >= 0) ctx.named.splice(seen, 1);
      ctx.named.push(e.entry);
    }
  return found;
}

/** The places some place stands for ("لندن" -> Britain), once per lexicon. */
const governmentTargets = oncePer(
  (lexicon: Lexicon) => new Set(lexicon.entries.flatMap((e) => e.standsFor ?? [])),
);
/**
 * The government a place speaks for as a subject: a capital stands for its country ("أعلنت لندن" -> Britain), and a
 * country that some place stands for speaks as itself ("قالت روسيا"); other places say nothing.
 */
function governmentOf(entry: LexiconEntry, lexicon: Lexicon): LexiconEntry | undefined {
  if (entry.kind !== 'place') return undefined;
  const targets = governmentTargets(lexicon);
  const stands = entry.standsFor?.[0];
  if (stands) return lexicon.get(stands);
  return targets.has(entry.id) ? entry : undefined;
}

const isPerson = (speaker: Speaker | null, lexicon: Lexicon) =>
  speaker !== null && (/^(?:ar|title):/.test(speaker.id) || lexicon.get(speaker.id)?.kind === 'person');

/**
 * The speaker of a whole sentence: a closing "بحسب X" names the source; else the first verb's subject, unless
 * that is an institution relaying a person's words ("ذكر بيان للكرملين أن الرئيس بوتين كرر …"): then the person.
 */
export function sentenceSpeaker(attributions: Attribution[]): Speaker | null {
  const according = attributions.filter((a) => a.kind === 'according').pop();
  if (according) return according.speaker;
  const verbs = attributions.filter((a) => a.kind !== 'according');
  const first = verbs[0];
  if (first?.speaker && !first.person) return (verbs.find((a) => a.person) ?? first).speaker;
  return first?.speaker ?? null;
}

/** The speaker of a quotation at an offset of its sentence: the nearest attribution before it, else after it. */
export function quoteSpeaker(attributions: Attribution[], quoteStart: number): Speaker | null {
  const continued = attributions.find((a) => a.kind === 'continued');
  if (continued) return continued.speaker;
  const before = attributions.filter((a) => a.at < quoteStart && a.kind === 'verb').pop();
  if (before) return before.speaker;
  return attributions.find((a) => a.at > quoteStart)?.speaker ?? null;
}

/** A clause of a sentence with one speaker: offsets within the sentence and the attributions inside it. */
export interface Clause {
  start: number;
  end: number;
  attributions: Attribution[];
}

/**
 * Splits a sentence where, after a comma, a verb of saying names a different speaker ("… في سومي، وقالت وزارة
 * الدفاع الروسية: …"): each clause is then its own statement, with its own speaker.
 */
export function speakerClauses(text: string, attributions: Attribution[]): Clause[] {
  const clauses: Clause[] = [{ start: 0, end: text.length, attributions: [] }];
  for (const a of attributions) {
    const current = clauses[clauses.length - 1]!;
    const speaker = sentenceSpeaker(current.attributions);
    const afterComma = /[،,;؛]\s*$/.test(text.slice(current.start, a.at));
    if (a.kind === 'verb' && a.speaker && speaker && a.speaker.id !== speaker.id && afterComma) {
      current.end = a.at;
      clauses.push({ start: a.at, end: text.length, attributions: [a] });
    } else current.attributions.push(a);
  }
  return clauses.map((c) => {
    let end = c.end;
    while (end > c.start && /[\s،,;؛]/.test(text[end - 1]!)) end--;
    return { ...c, end };
  });
}
