/**
 * Turns a question's topic into a structured query: one concept per idea of the question, each with its Arabic
 * alternatives and their probabilities (a probabilistic structured query, Darwish and Oard, TREC 2002). English
 * reaches Arabic through several sources of evidence, mixed with fixed weights: the domain lexicon (names and
 * terms of the field), the general dictionary, and the sound of names (corpus words that transliterate the English
 * word). Arabic questions keep their own words, with the lexicon's spellings of a name or term beside them.
 */

import type { Analyser } from '../index/analyser.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { Dictionary } from './evidence/dictionary.ts';
import { englishSpecificity } from './evidence/specificity.ts';
import { mixTranslations, type Translation } from './evidence/translation.ts';
import type { Question, TopicPart } from './question.ts';

/** One way the sources may express a concept: analysed terms that must all occur, and its probability. */
export interface Alternative {
  terms: string[];
  p: number;
}

/** One idea of the question with its weighted alternatives ([] when no evidence translates it). */
export interface Concept {
  label: string;
  alternatives: Alternative[];
  /**
   * Written as a name: when nothing translates it, the question is still about it (a name the sources never
   * spell), whereas an ordinary word nothing translates is left out of the question's weight.
   */
  name?: boolean;
  /** A share of the concept's rarity weight (0–1; 1 when unset): how sure its source is. */
  weight?: number;
  /**
   * How much the concept says of a topic (0.1–1; 1 when unset; evidence/specificity.ts): its share in deciding
   * whether an excerpt answers at all, not in ranking, where an everyday word may be what tells excerpts apart.
   */
  specificity?: number;
  /**
   * The chance that an excerpt which does not hold the concept says it all the same, in words its translation
   * missed (0 when unset): credit toward deciding whether the excerpt answers, never toward ranking.
   */
  saidOtherwise?: number;
  /** An English verb, adverb or preposition: a relation between things rather than a thing (TopicPart). */
  relation?: boolean;
}

/** The evidence a query is built from. */
export interface QueryEvidence {
  analyser: Analyser;
  dictionary: Dictionary;
  /** Analysed corpus terms that sound like a Latin-script word (names the sources transliterate). */
  soundsLike(word: string, asName?: boolean): string[];
  /** How many units hold a term: readings of a word the corpus never uses are no evidence. */
  documentFrequency(term: string): number;
  /** Arabic synonyms of an Arabic word (a thesaurus). */
  synonyms(word: string): string[];
  /** Corpus terms spelling an analysed term another way (src/search/evidence/spelling.ts). */
  spellingVariants(term: string): string[];
  /** Corpus terms of the same approximate root as an analysed term (src/search/evidence/spelling.ts). */
  rootRelatives(term: string): string[];
}

/*
 * Weights of the sources, explained:
 * - A lexicon term of the field is surer than the dictionary's general sense (LEXICON 0.6 : DICTIONARY 0.4).
 * - For an ordinary English word the dictionary is the evidence and sound adds little (0.8 : 0.2); a word unknown
 *   to the dictionary is probably a name, and sound leads (0.3 : 0.7); a known word written with a capital inside
 *   the sentence may be either ("Tower" in "Eiffel Tower", "Patriots"): even (0.5 : 0.5), unless the sources use
 *   one of its translations, when it is taken as the word.
 * - In an Arabic question, the user's own word is surest; the lexicon's other spellings share the rest (0.6 : 0.4).
 */
const LEXICON_WEIGHT = 0.6;
const WORD_WEIGHT = { dictionary: 0.8, sound: 0.2 };
const NAME_WEIGHT = { dictionary: 0.3, sound: 0.7 };
const CAPITAL_WEIGHT = { dictionary: 0.5, sound: 0.5 };
const OWN_WORDS_WEIGHT = 0.6;
/**
 * The share of a dictionary translation's probability passed to its thesaurus synonyms: the dictionary gives one
 * sense and one word for it, where the sources may use another word for the same sense (استعمال / استخدام).
 */
const SYNONYM_SHARE = 0.3;

/**
 * How often the excerpt that answers says a dictionary-translated word of the question in other words than the
 * dictionary's: on the XQuAD development half the right paragraph holds 74% of the Arabic questions' own words, but
 * the translations of 63% of the English questions' nouns and adjectives and of 38% of their verbs and adverbs
 * (src/text/parts-of-speech.ts): the differences, about 0.1 and 0.4, are what translation misses.
 */
const THING_SAID_OTHERWISE = 0.1;
const RELATION_SAID_OTHERWISE = 0.4;

/** The share of a word's probability passed to other words of its root (يركز for مركز): a looser sense. */
const ROOT_SHARE = 0.2;

/** Synonyms taken per translation: the thesaurus lists a word's first sense first; later ones drift. */
const MAX_SYNONYMS = 4;

/** A translation with its synonyms beside it, which share SYNONYM_SHARE of its probability. */
function withSynonyms(translations: Translation[], e: QueryEvidence): Translation[] {
  return translations.flatMap((t) => {
    const synonyms = t.arabic.includes(' ') ? [] : e.synonyms(t.arabic).slice(0, MAX_SYNONYMS);
    if (synonyms.length === 0) return [t];
    return [
      { arabic: t.arabic, p: t.p * (1 - SYNONYM_SHARE) },
      ...synonyms.map((arabic) => ({ arabic, p: (t.p * SYNONYM_SHARE) / synonyms.length })),
    ];
  });
}

const uniform = (forms: string[]): Translation[] => forms.map((arabic) => ({ arabic, p: 1 / forms.length }));

/**
 * The readings of one Arabic word (analyser.variants) that the corpus uses, with their shares: the word's own term
 * counts twice as much as another reading (a clitic or an ending taken off). A word the corpus never uses keeps
 * its own term, so that the concept still counts as asked, unless the corpus spells it another way.
 */
function readings(word: string, e: QueryEvidence): Translation[] {
  const [own, ...others] = e.analyser.variants(word);
  if (own === undefined) return [];
  const used = others.filter((t) => e.documentFrequency(t) > 0);
  if (used.length === 0 && e.documentFrequency(own) === 0) {
    // The sources never write the word so; the way they spell it, if they do.
    const spelt = [own, ...others].flatMap((t) => e.spellingVariants(t));
    if (spelt.length > 0) return uniform([...new Set(spelt)]);
  }
  const ownWeight = e.documentFrequency(own) > 0 || used.length === 0 ? 2 : 0;
  const total = ownWeight + used.length;
  return [
    ...(ownWeight ? [{ arabic: own, p: ownWeight / total }] : []),
    ...used.map((t) => ({ arabic: t, p: 1 / total })),
  ];
}

/**
 * Alternatives from translations: a one-word translation by its readings, a phrase by its words' terms (all must
 * occur); the same terms merged, the ones with no terms left dropped. `analysed` translations are terms already.
 */
function alternativesOf(translations: Translation[], e: QueryEvidence, analysed = new Set<string>()) {
  const byKey = new Map<string, Alternative>();
  const add = (terms: string[], p: number) => {
    const key = terms.join(' ');
    const known = byKey.get(key);
    if (known) known.p += p;
    else byKey.set(key, { terms, p });
  };
  for (const t of translations) {
    if (analysed.has(t.arabic)) add([t.arabic], t.p);
    else if (!t.arabic.trim().includes(' ')) {
      const own = readings(t.arabic, e);
      const relatives = [...new Set(own.flatMap((r) => e.rootRelatives(r.arabic)))].filter(
        (r) => !own.some((o) => o.arabic === r),
      );
      const share = relatives.length > 0 ? ROOT_SHARE : 0;
      for (const r of own) add([r.arabic], t.p * r.p * (1 - share));
      for (const r of relatives) add([r], (t.p * share) / relatives.length);
    } else {
      const terms = e.analyser.terms(t.arabic);
      if (terms.length > 0) add(terms, t.p);
    }
  }
  return [...byKey.values()].sort((a, b) => b.p - a.p);
}

/** The concept of one English word: a number as itself, else dictionary and sound evidence. */
function englishWord(part: TopicPart & { kind: 'word' }, e: QueryEvidence): Concept {
  const word = part.text;
  if (/^\d+$/.test(word)) return { label: word, alternatives: [{ terms: [word], p: 1 }] };
  const known = e.dictionary.knows(word);
  const nameLike = part.capital || !known;
  const sounds = e.soundsLike(word, nameLike);
  const sound = uniform(sounds);
  const translations = withSynonyms(e.dictionary.translateWord(word), e);
  // A capital makes a known word a possible name, unless the sources use its translation ("Russian": روسي).
  const attested = alternativesOf(translations, e).some(
    (a) => a.terms.length === 1 && e.documentFrequency(a.terms[0]!) > 0,
  );
  const weights = !known ? NAME_WEIGHT : part.capital && !attested ? CAPITAL_WEIGHT : WORD_WEIGHT;
  const mixed = mixTranslations([
    { weight: weights.dictionary, translations },
    { weight: weights.sound, translations: sound },
  ]);
  return {
    label: word,
    alternatives: alternativesOf(mixed, e, new Set(sounds)),
    name: nameLike,
    // A name says what it names, however common the word ("Super Bowl", "Trump").
    specificity: nameLike ? 1 : englishSpecificity(word),
    saidOtherwise: nameLike ? 0 : part.relation ? RELATION_SAID_OTHERWISE : THING_SAID_OTHERWISE,
    relation: part.relation === true,
  };
}

/** The longest dictionary phrase of adjacent topic words starting at part i, if any. */
function dictionaryPhrase(topic: TopicPart[], i: number, e: QueryEvidence) {
  const first = topic[i]!;
  for (let length = Math.min(e.dictionary.maxPhraseWords, topic.length - i); length >= 2; length--) {
    const parts = topic.slice(i, i + length);
    if (parts.some((p, k) => p.kind !== 'word' || p.at !== first.at + k)) continue;
    const key = parts.map((p) => p.text.toLowerCase()).join(' ');
    const translations = e.dictionary.lookup(key);
    if (translations.length > 0) {
      const specificity = Math.max(...parts.map((p) => englishSpecificity(p.text)));
      return {
        length,
        concept: {
          label: key,
          alternatives: alternativesOf(translations, e),
          specificity,
          saidOtherwise: THING_SAID_OTHERWISE,
        },
      };
    }
  }
  return null;
}

/** Concepts of an English topic: lexicon forms, dictionary phrases (longest first), then single words. */
function englishConcepts(topic: TopicPart[], e: QueryEvidence): Concept[] {
  const concepts: Concept[] = [];
  for (let i = 0; i < topic.length; ) {
    const part = topic[i]!;
    if (part.kind === 'lexicon') {
      const forms = uniform([...new Set(part.entries.flatMap((entry) => entry.ar))]);
      const isName = part.entries.every((entry) => entry.kind !== 'concept');
      const general = isName ? [] : e.dictionary.lookup(part.text.toLowerCase());
      const mixed = mixTranslations([
        { weight: LEXICON_WEIGHT, translations: forms },
        { weight: 1 - LEXICON_WEIGHT, translations: general },
      ]);
      concepts.push({ label: part.text, alternatives: alternativesOf(mixed, e) });
      i++;
      continue;
    }
    // A dictionary phrase of adjacent words ("prime minister", "white house"), longest first.
    const phrase = dictionaryPhrase(topic, i, e);
    if (phrase) {
      concepts.push(phrase.concept);
      i += phrase.length;
      continue;
    }
    concepts.push(englishWord(part, e));
    i++;
  }
  return concepts;
}

/** Concepts of an Arabic topic: each word as written, a lexicon form with the lexicon's other spellings. */
function arabicConcepts(topic: TopicPart[], e: QueryEvidence): Concept[] {
  return topic.map((part) => {
    if (part.kind === 'word' || part.entries.length === 0) {
      return { label: part.text, alternatives: alternativesOf([{ arabic: part.text, p: 1 }], e) };
    }
    const own = normalizeArabic(part.text);
    const others = [...new Set(part.entries.flatMap((entry) => entry.ar))].filter(
      (f) => normalizeArabic(f) !== own,
    );
    const mixed = mixTranslations([
      { weight: OWN_WORDS_WEIGHT, translations: [{ arabic: part.text, p: 1 }] },
      { weight: 1 - OWN_WORDS_WEIGHT, translations: uniform(others) },
    ]);
    return { label: part.text, alternatives: alternativesOf(mixed, e) };
  });
}

/** The structured query of a parsed question. */
export function buildConcepts(
  question: Pick<Question, 'language' | 'topic'>,
  evidence: QueryEvidence,
): Concept[] {
  const concepts =
    question.language === 'en'
      ? englishConcepts(question.topic, evidence)
      : arabicConcepts(question.topic, evidence);
  // A word the question repeats ("بندًا بندًا") is one idea, not two.
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = normalizeArabic(c.label.trim());
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
