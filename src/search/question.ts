/**
 * Reads a question: its language, whom it asks about ("What did X say", "ماذا قال X"), time words, and the words
 * of its topic. Turning the topic into weighted Arabic search terms is query.ts's job.
 */

import { splitWords } from '../lexicon/keys.ts';
import { canBeAsked, type Lexicon, type LexiconEntry, type LexiconMatch } from '../lexicon/lexicon.ts';
import { isMostlyArabic, normalizeArabic } from '../text/normalize.ts';
import { relationWords } from '../text/parts-of-speech.ts';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS } from '../text/stopwords.ts';
import { ACCORDING } from '../text/vocabulary/attribution-grammar.ts';
import { CONTENT_SAYING, PLAIN_SAYING } from '../text/vocabulary/saying-verbs.ts';
import { ANAPHORS, TITLES, UNNAMED_SUBJECTS } from '../text/vocabulary/titles.ts';
import type { Dictionary } from './evidence/dictionary.ts';
import { findTime, isTimeWord, type TimeFilter } from './time.ts';

/** One part of a question's topic: a lexicon form (a name or domain term, maybe several words) or one word. */
export type TopicPart = { text: string /** Index of its first word in the question. */; at: number } & (
  | { kind: 'lexicon'; entries: LexiconEntry[] }
  | {
      kind: 'word';
      /** Written with a capital inside an English sentence: maybe a name. */
      capital: boolean;
      /** An English verb, adverb or preposition (a relation, not a thing): answers often say it in other words. */
      relation?: boolean;
    }
);

/** What a question asks. */
export interface Question {
  text: string;
  language: 'ar' | 'en';
  /** Whom the question asks about, as written in the lexicon (people, institutions, or places standing for a government). */
  speakers: LexiconEntry[];
  /** A name the question asks about that the lexicon does not know ("What did John Smith say"). */
  unknownSpeaker: string | null;
  /** The topic, in question order, without the speaker part, time words, question words and stop words. */
  topic: TopicPart[];
  time: TimeFilter | null;
}

const AUXILIARIES = /^(?:did|does|do|has|have|had|will|would|can|could|should)$/i;
/** Verbs that only say that someone spoke: they name the speaker and are no topic. */
const ENGLISH_SAYING =
  /^(?:say|says|said|tell|told|think|thinks|thought|claim|claimed|announce|announced|state|stated|comment|commented|declare|declared|argue|argued|mention|mentioned|stress|stressed|reply|replied|respond|responded|explain|explained|describe|described|talk|talked|speak|spoke)$/i;
/** Verbs that name the speaker and also carry the topic ("What did Putin accuse Ukraine of"). */
const ENGLISH_CONTENT_SAYING =
  /^(?:see|sees|believe|believes|consider|considers|fear|fears|feared|welcome|welcomed|warn|warned|insist|insisted|call|called|accuse|accused|hope|hoped|demand|demanded|deny|denied|reject|rejected|want|wanted|propose|proposed|expect|expected|confirm|confirmed|threaten|threatened|promise|promised)$/i;
const SPEECH_NOUNS =
  /^(?:statement|statements|remarks|words|comments|position|positions|view|views|response|reaction|message|stance|opinion|quote|quotes)$/i;
/** Words of a title before a name in a question ("وزير الدفاع الروسي"), at most. */
const MAX_TITLE_WORDS = 5;
const ARABIC_SPEECH_NOUNS = new Set(['موقف', 'راي', 'تصريحات', 'تصريح', 'كلام', 'رد']);
const ARABIC_QUESTION_WORDS = new Set([
  'ماذا',
  'ما',
  'بماذا',
  'بم',
  'هل',
  'الذي',
  'التي',
  'متي',
  'اين',
  'كيف',
  'لماذا',
  'كم',
  // Levantine, Gulf and Egyptian question words.
  'شو',
  'ايش',
  'شنو',
  'وش',
  'ليش',
  'وين',
  'امتي',
  'قديش',
  'ازاي',
]);
const ARABIC_TOPIC_MARKERS = new Set(['عن', 'بشان', 'حول', 'في', 'ل', 'الي', 'على', 'من', 'خلال']);

/** A verb of saying, with an attached object pronoun stripped ("قاله" -> "قال"); 'content' when it is also topic. */
function arabicVerb(word: string): 'plain' | 'content' | null {
  const n = normalizeArabic(word).replace(/^[وف]/, '');
  for (const candidate of [n, n.replace(/(?:ه|ها|هم|ته|تها)$/, '')]) {
    if (PLAIN_SAYING.has(candidate)) return 'plain';
    if (CONTENT_SAYING.has(candidate)) return 'content';
  }
  return null;
}

interface Analysis {
  speakers: Set<LexiconEntry>;
  /** Word indexes that belong to the speaker part ("did", "Peskov", "say") and are no topic. */
  consumed: Set<number>;
  unknownSpeaker: string | null;
}

function englishSpeakers(text: string, matches: LexiconMatch[]): Analysis {
  const words = splitWords(text);
  const out: Analysis = { speakers: new Set(), consumed: new Set(), unknownSpeaker: null };
  const word = (i: number) => words[i]?.text ?? '';
  const speakerAt = (i: number) => matches.find((m) => m.firstWord === i && m.entries.some(canBeAsked));
  const inLexicon = (i: number) => matches.some((m) => i >= m.firstWord && i < m.endWord);
  const isSaying = (w: string) => ENGLISH_SAYING.test(w) || ENGLISH_CONTENT_SAYING.test(w);
  /** Records a speaker, and the words from `from` to its end as the speaker part of the question. */
  const claim = (m: LexiconMatch, from = m.firstWord) => {
    out.speakers.add(m.entries.find(canBeAsked)!);
    for (let k = from; k < m.endWord; k++) out.consumed.add(k);
  };
  /** Speakers from word j joined by "and" ("Lavrov and Rubio"), skipping a leading "the", and the word after. */
  const speakerRun = (j: number) => {
    if (/^the$/i.test(word(j)) && !speakerAt(j)) j++;
    const run: LexiconMatch[] = [];
    for (let m = speakerAt(j); m; m = speakerAt(j)) {
      run.push(m);
      j = m.endWord;
      if (/^and$/i.test(word(j)) && speakerAt(j + 1)) j++;
      else break;
    }
    return { run, next: j };
  };
  /** "did Putin (not|also|ever) reject": a verb of saying at word j, after adverbs. */
  const sayingAt = (j: number) => {
    while (/^(?:not|also|ever|really|actually|publicly|then|later|again|n't)$/i.test(word(j))) j++;
    return isSaying(word(j));
  };

  words.forEach((w, i) => {
    const according = /^according$/i.test(w.text);
    if (AUXILIARIES.test(w.text) || according) {
      const start = according && /^to$/i.test(word(i + 1)) ? i + 2 : i + 1;
      const { run, next } = speakerRun(start);
      if (run.length > 0 && (according || sayingAt(next))) {
        for (const m of run) claim(m);
        out.consumed.add(i);
      }
      // An unknown capitalised name followed by a verb of saying: "What did John Smith say".
      const name: string[] = [];
      for (let k = i + 1; k < words.length && /^\p{Lu}/u.test(word(k)) && !inLexicon(k); k++)
        name.push(word(k));
      if (name.length > 0 && isSaying(word(i + 1 + name.length))) out.unknownSpeaker = name.join(' ');
    }
    if (isSaying(w.text)) {
      if (ENGLISH_SAYING.test(w.text)) out.consumed.add(i);
      const before = matches.find((m) => m.endWord === i && m.entries.some(canBeAsked));
      // "When is Witkoff expected in Moscow": after a form of "be" the verb is passive, the name no speaker.
      if (before && !/^(?:is|are|was|were|be|been|being)$/i.test(word(before.firstWord - 1))) claim(before);
    }
    if (SPEECH_NOUNS.test(w.text)) {
      // "the latest statements by Peskov", "comments from the Kremlin".
      if (/^(?:by|from)$/i.test(word(i + 1))) {
        const [m] = speakerRun(i + 2).run;
        if (m) claim(m, i);
      }
      // "Zelensky's remarks".
      const owner = matches.find(
        (m) => m.endWord === i && m.entries.some(canBeAsked) && /['’]s$/i.test(word(i - 1)),
      );
      if (owner) {
        out.speakers.add(owner.entries.find(canBeAsked)!);
        out.consumed.add(i);
      }
    }
  });
  return out;
}

function arabicSpeakers(text: string, matches: LexiconMatch[]): Analysis {
  const words = splitWords(text);
  const out: Analysis = { speakers: new Set(), consumed: new Set(), unknownSpeaker: null };
  const speakerAt = (i: number) => matches.find((m) => m.firstWord === i && m.entries.some(canBeAsked));
  words.forEach((w, i) => {
    const verb = arabicVerb(w.text);
    const isVerb = verb !== null;
    // "حسب أوشاكوف"، "وفقا لأوشاكوف": the source named, as "according to X".
    const n = normalizeArabic(w.text);
    const isNoun = ARABIC_SPEECH_NOUNS.has(n) || ACCORDING.has(n);
    if (!isVerb && !isNoun) return;
    let j = i + 1;
    // "ماذا قال وزير الدفاع الروسي بيلوسوف": a title before the name, its words with the article after it.
    const titled = (k: number) => {
      if (!TITLES.has(normalizeArabic(words[k]?.text ?? ''))) return k;
      let end = k + 1;
      while (
        end < k + MAX_TITLE_WORDS &&
        /^ال/.test(normalizeArabic(words[end]?.text ?? '')) &&
        !speakerAt(end)
      )
        end++;
      return speakerAt(end) ? end : k;
    };
    j = titled(j);
    const first = speakerAt(j);
    if (!first) {
      const source = normalizeArabic(words[i + 1]?.text ?? '');
      if (ACCORDING.has(n) && (TITLES.has(source) || ANAPHORS.has(source) || UNNAMED_SUBJECTS.has(source))) {
        // "بحسب الدبلوماسي الروسي": an unnamed source says who speaks, not what about.
        out.consumed.add(i);
        for (let k = i + 1; k < Math.min(words.length, i + 1 + MAX_TITLE_WORDS); k++) {
          const next = normalizeArabic(words[k]!.text);
          if (k > i + 1 && !next.startsWith('ال')) break;
          out.consumed.add(k);
        }
        return;
      }
      if (!isVerb) return;
      // "ماذا قال شولتس عن …": the words up to the topic are a name the lexicon lacks.
      const name: string[] = [];
      for (let k = j; k < words.length && name.length < 4; k++) {
        const n = normalizeArabic(words[k]!.text);
        if (ARABIC_TOPIC_MARKERS.has(n) || n.startsWith('ال') || ARABIC_QUESTION_WORDS.has(n)) break;
        if (ARABIC_STOPWORDS.has(n) || n.length < 3) return; // "هدد بها": a pronoun, not a name
        // "ماذا قال مسؤول أوكراني": an unnamed source or a bare title is a topic, not a name.
        if (UNNAMED_SUBJECTS.has(n) || TITLES.has(n)) return;
        name.push(words[k]!.text);
      }
      const before = words.slice(0, i).map((x) => normalizeArabic(x.text));
      if (name.length > 0 && name.length <= 3 && before.some((b) => ARABIC_QUESTION_WORDS.has(b))) {
        out.unknownSpeaker = name.join(' ');
        if (verb === 'plain') out.consumed.add(i);
      }
      return;
    }
    if (verb !== 'content') out.consumed.add(i);
    for (let k = i + 1; k < j; k++) out.consumed.add(k);
    for (let m: LexiconMatch | undefined = first; m; ) {
      out.speakers.add(m.entries.find(canBeAsked)!);
      for (let k = m.firstWord; k < m.endWord; k++) out.consumed.add(k);
      const next: { text: string } | undefined = words[m.endWord];
      // "لافروف وروبيو": a following speaker with the conjunction glued on.
      m = next && /^و/.test(next.text) ? speakerAt(m.endWord) : undefined;
    }
  });
  return out;
}

/** Matches of both scripts, in text order; where they overlap, the one that starts first (or is longer) wins. */
function mergeMatches(a: LexiconMatch[], b: LexiconMatch[]): LexiconMatch[] {
  const merged: LexiconMatch[] = [];
  for (const m of [...a, ...b].sort((x, y) => x.firstWord - y.firstWord || y.endWord - x.endWord)) {
    const last = merged[merged.length - 1];
    if (!last || m.firstWord >= last.endWord) merged.push(m);
  }
  return merged;
}

/** Parses a question; the dictionary tells words from misspelt names. */
export function parseQuestion(text: string, lexicon: Lexicon, dictionary: Dictionary): Question {
  const language = isMostlyArabic(text) ? 'ar' : 'en';
  // Names and terms in either script: "What did بيسكوف say about الناتو?" mixes them.
  const matches = mergeMatches(
    // A word the general dictionary knows is never read as a misspelt name.
    lexicon.findArabic(text, { nearNames: dictionary.knowsArabic }),
    lexicon.findEnglish(text, { nearNames: dictionary.knows }),
  );
  const speakerPart = language === 'ar' ? arabicSpeakers(text, matches) : englishSpeakers(text, matches);
  const words = splitWords(text);
  const relations = language === 'en' ? relationWords(text) : new Set<string>();
  const topic: TopicPart[] = [];
  const covered = new Set<number>();

  for (const m of matches) {
    for (let k = m.firstWord; k < m.endWord; k++) covered.add(k);
    if (speakerPart.consumed.has(m.firstWord)) continue;
    topic.push({ kind: 'lexicon', text: text.slice(m.start, m.end), entries: m.entries, at: m.firstWord });
  }
  words.forEach((w, i) => {
    if (covered.has(i) || speakerPart.consumed.has(i)) return;
    const n = normalizeArabic(w.text);
    if (isTimeWord(w.text, words[i + 1]?.text)) return;
    // "كم عدد …": the question asks for a number; "عدد" is not its topic.
    if (n === 'عدد' && normalizeArabic(words[i - 1]?.text ?? '') === 'كم') return;
    if (!isMostlyArabic(w.text)) {
      const lower = w.text.toLowerCase();
      // Stop words, and single letters (a pasted "<b>" leaves a "b").
      if (ENGLISH_STOPWORDS.has(lower) || AUXILIARIES.test(lower) || lower.length < 2) return;
      // "Luther's works": the possessive is no part of the word.
      const text = w.text.replace(/['’]s$/i, '');
      topic.push({
        kind: 'word',
        text,
        capital: i > 0 && /^\p{Lu}/u.test(text),
        relation: relations.has(w.text),
        at: i,
      });
      return;
    }
    if (ARABIC_QUESTION_WORDS.has(n) || ARABIC_STOPWORDS.has(n)) return;
    topic.push({ kind: 'word', text: w.text, capital: false, at: i });
  });

  return {
    text,
    language,
    speakers: [...speakerPart.speakers],
    unknownSpeaker: speakerPart.speakers.size === 0 ? speakerPart.unknownSpeaker : null,
    topic: topic.sort((a, b) => a.at - b.at),
    time: findTime(text),
  };
}
