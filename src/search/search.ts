/**
 * Finds the excerpts that answer a question: the question's topic becomes a structured query (query.ts), every
 * unit that holds part of it is ranked by one model (rank.ts), and the answer is declined when no unit holds
 * enough of the topic. Excerpts by the asked speaker come first: their direct quotations, then their statements,
 * then other relevant passages.
 */

import type { SearchIndex } from '../index/search-index.ts';
import { dayNumber } from '../index/search-index.ts';
import type { ArticleInfo, Unit } from '../index/units.ts';
import { cosineTo, vectorScores } from '../index/vectors.ts';
import { soundsLike } from './evidence/sound.ts';
import { buildConcepts, type Concept, type QueryEvidence } from './query.ts';
import type { Question, TopicPart } from './question.ts';
import { rankUnits } from './rank.ts';
import type { LanguageResources } from './resources.ts';
import type { TimeFilter } from './time.ts';

/** A relevant excerpt with its scores. */
export interface Hit {
  unit: Unit;
  article: ArticleInfo;
  /** Share of the question's topic (weighted by term rarity) that the excerpt or its paragraph holds, 0–1. */
  coverage: number;
  score: number;
  /** True when the asked speaker (or someone speaking for them) said it. */
  byAskedSpeaker: boolean;
}

/** Why there is no answer. */
export type Unanswered = 'empty' | 'speaker-absent' | 'no-match';

/** The relevant excerpts, best first and not overlapping, or why there are none. */
export type SearchResult =
  | { hits: Hit[]; unanswered: null; timeMatched: boolean }
  | { hits: []; unanswered: Unanswered; timeMatched: boolean };

/** Options of one search. */
export interface SearchOptions {
  /** Use the vector side (the evaluation switches it off to measure its contribution). */
  vector?: boolean;
  /** Told when part of the search could not run (the embeddings endpoint failed): the answer uses the rest. */
  warn?: (message: string) => void;
  /**
   * Arabic search terms a language model proposes for an English question (src/llm): one more source of evidence
   * for ranking, never for deciding whether the sources answer. Expected to give [] on failure, within its own
   * time limit.
   */
  modelTerms?: (question: string) => Promise<Array<{ text: string; weight?: number }>>;
}

/**
 * Minimum share of the topic's weight that the best excerpt (with its paragraph) must hold for the sources to
 * answer; a concept the corpus never mentions weighs like its rarest present one (rank.ts). Calibrated on the
 * XQuAD development half (all answerable), our own answerable and unanswerable questions about the seeds and
 * about real articles: see the README's table.
 */
export const RELEVANCE_FLOOR = 0.35;
/** Excerpts holding far less of the topic than the best one are dropped even above the floor. */
const RELATIVE_FLOOR = 0.6;
/**
 * "What did X say about Y" asks for two things, X and Y: X's own words count twice (the topic is the other half of
 * the question), and their direct quotations a further tenth, since exact words are what the product promises.
 */
const SPEAKER_BOOST = 2;
const QUOTE_BOOST = 1.1;
/** Credit for a concept found only in the headline or lead of the asked speaker's article. */
const ARTICLE_CREDIT = 0.7;

const headlineTerms = new WeakMap<SearchIndex, Map<string, Set<string>>>();

/** The analysed terms of an article's headline and lead sentence, once per index and article. */
function articleTerms(index: SearchIndex, article: ArticleInfo): Set<string> {
  let cache = headlineTerms.get(index);
  if (!cache) {
    cache = new Map();
    headlineTerms.set(index, cache);
  }
  let terms = cache.get(article.id);
  if (!terms) {
    const text = `${article.title ?? ''} ${index.leads.get(article.id)?.text ?? ''}`;
    terms = new Set(index.analyser.documentTerms(text));
    cache.set(article.id, terms);
  }
  return terms;
}

const ordinalTables = new WeakMap<SearchIndex, Map<string, number>>();

/** The ordinal of a unit id. */
function ordinalOf(index: SearchIndex, id: string): number | undefined {
  let table = ordinalTables.get(index);
  if (!table) {
    table = new Map(index.byOrdinal.map((u, o) => [u.id, o]));
    ordinalTables.set(index, table);
  }
  return table.get(id);
}

/** The names of asked speakers the sources never quote become part of the topic: passages about them answer. */
function nameConcepts(question: Question, evidence: QueryEvidence): Concept[] {
  const topic: TopicPart[] = question.unknownSpeaker
    ? question.unknownSpeaker.split(/\s+/).map((text, at) => ({ kind: 'word', text, capital: true, at }))
    : question.speakers.map((entry, at) => ({ kind: 'lexicon', text: entry.ar[0]!, entries: [entry], at }));
  return buildConcepts({ language: question.language, topic }, evidence);
}

/**
 * The model's proposed terms, each a concept of its own read as an Arabic word of the question, weighted by the
 * model's confidence; [] when it proposes none.
 */
async function modelTermConcepts(
  question: string,
  evidence: QueryEvidence,
  options: SearchOptions,
): Promise<Concept[]> {
  if (!options.modelTerms) return [];
  let terms: Array<{ text: string; weight?: number }>;
  try {
    terms = await options.modelTerms(question);
  } catch {
    return [];
  }
  return terms.flatMap((t, at) => {
    const [concept] = buildConcepts(
      { language: 'ar', topic: [{ kind: 'word', text: t.text, capital: false, at }] },
      evidence,
    );
    return concept ? [{ ...concept, weight: Math.min(1, Math.max(0, t.weight ?? 1)) }] : [];
  });
}

/**
 * The vector side: the cosine of the question with a unit, computed when the ranking asks for it (only candidates
 * need it), and for a semantic embedder the nearest units overall, which become candidates too.
 */
async function vectorSide(index: SearchIndex, question: Question, options: SearchOptions) {
  if (options.vector === false || index.embedder.searchWeight <= 0) return undefined;
  try {
    const [vector] = await index.embedder.embed([question.text]);
    if (!vector) return undefined;
    const cosine = cosineTo(index, vector);
    const nearest = index.embedder.semantic
      ? [...vectorScores(index, vector)]
          .sort((a, b) => b[1] - a[1])
          .slice(0, VECTOR_CANDIDATES)
          .map(([o]) => o)
      : [];
    return { cosine, nearest };
  } catch (error) {
    options.warn?.(`vector search unavailable, answering from full text: ${(error as Error).message}`);
    return undefined;
  }
}

const newestDates = new WeakMap<SearchIndex, number | null>();

/** The sources' today: the newest article date (a day number), once per index. */
function newestDay(index: SearchIndex): number | null {
  if (!newestDates.has(index)) {
    const days = [...index.articles.values()].flatMap((a) => (a.date.iso ? [dayNumber(a.date.iso)] : []));
    newestDates.set(index, days.length > 0 ? Math.max(...days) : null);
  }
  return newestDates.get(index)!;
}

/** Whether an ISO date is in the question's time, or null when the question names no time span. */
function timeTest(index: SearchIndex, time: TimeFilter | null): ((iso: string) => boolean) | null {
  if (!time) return null;
  if (time.from || time.to) {
    const from = time.from ? dayNumber(time.from) : Number.NEGATIVE_INFINITY;
    const to = time.to ? dayNumber(time.to) : Number.POSITIVE_INFINITY;
    return (iso) => dayNumber(iso) >= from && dayNumber(iso) <= to;
  }
  if (time.month) return (iso) => Number(iso.slice(5, 7)) === time.month;
  const today = newestDay(index);
  if (time.daysBack && today !== null) {
    const { from, to } = time.daysBack;
    return (iso) => dayNumber(iso) >= today - from && dayNumber(iso) <= today - to;
  }
  return null;
}

/** Units the vector side alone proposes: the nearest few, when the embedder knows meaning beyond words. */
const VECTOR_CANDIDATES = 20;

/** Searches the index for a parsed question. */
export async function searchQuestion(
  index: SearchIndex,
  question: Question,
  resources: LanguageResources,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const { lexicon, dictionary, thesaurus } = resources;
  const asked = new Set(question.speakers.flatMap((s) => lexicon.voicesOf(s.id)));
  const askedInCorpus = [...asked].filter((id) => index.bySpeaker.has(id));
  const evidence: QueryEvidence = {
    analyser: index.analyser,
    dictionary,
    soundsLike: (word, asName) => soundsLike(index, word, asName),
    documentFrequency: (term) => index.stats.documentFrequency(term),
    synonyms: (word) => thesaurus.synonyms(word),
  };
  const concepts = buildConcepts(question, evidence);
  // Someone the sources never quote: what they report about that person still answers, and the reply says so;
  // an excerpt (or its paragraph) must name them.
  const speakerAbsent = (asked.size > 0 && askedInCorpus.length === 0) || question.unknownSpeaker !== null;
  const required = new Set<number>();
  if (speakerAbsent) {
    for (const c of nameConcepts(question, evidence)) required.add(concepts.push(c) - 1);
  }
  const none = (unanswered: Unanswered): SearchResult => ({ hits: [], unanswered, timeMatched: false });
  // The model's terms rank, but are no part of the topic's weight: they never decide whether the sources answer.
  const rankingConcepts =
    question.language === 'en'
      ? [...concepts, ...(await modelTermConcepts(question.text, evidence, options))]
      : concepts;
  if (concepts.length === 0 && askedInCorpus.length === 0) return none('empty');

  // Everything the asked speakers said is a candidate: with no topic ("What did X say?") it is the answer, and
  // with one, their words in a paragraph on the topic answer even when the words themselves do not name it.
  const extra: number[] = [];
  for (const id of askedInCorpus)
    for (const u of index.bySpeaker.get(id)!) {
      const o = ordinalOf(index, u.id);
      if (o !== undefined) extra.push(o);
    }
  const vectors = await vectorSide(index, question, options);
  if (vectors && concepts.length > 0) extra.push(...vectors.nearest);
  const { candidates, weights: rankingWeights } = rankUnits(index, rankingConcepts, {
    vector: vectors?.cosine,
    vectorWeight: index.embedder.searchWeight,
    extra,
  });
  const weights = rankingWeights.slice(0, concepts.length);
  const total = weights.reduce((a, b) => a + b, 0);
  if (concepts.length > 0 && total === 0) return none(speakerAbsent ? 'speaker-absent' : 'no-match');

  const hits: Hit[] = [];
  for (const c of candidates) {
    const article = index.articles.get(c.unit.articleId);
    if (!article || [...required].some((i) => !c.holds[i])) continue;
    const byAskedSpeaker = c.unit.speaker !== null && asked.has(c.unit.speaker.id);
    let got = 0;
    c.holds.slice(0, concepts.length).forEach((holds, i) => {
      const inArticle =
        !holds &&
        byAskedSpeaker &&
        concepts[i]!.alternatives.some((alt) => alt.terms.every((t) => articleTerms(index, article).has(t)));
      got += weights[i]! * (holds ? 1 : inArticle ? ARTICLE_CREDIT : 0);
    });
    const boost = byAskedSpeaker ? SPEAKER_BOOST * (c.unit.kind === 'quote' ? QUOTE_BOOST : 1) : 1;
    hits.push({
      unit: c.unit,
      article,
      coverage: total > 0 ? got / total : 1,
      score: c.score * boost,
      byAskedSpeaker,
    });
  }
  const best = Math.max(0, ...hits.map((h) => h.coverage));
  if (best < RELEVANCE_FLOOR) return none(speakerAbsent ? 'speaker-absent' : 'no-match');
  // With no topic ("What did X say?"), only X's own words answer.
  let relevant = hits.filter(
    (h) =>
      h.coverage >= Math.max(RELEVANCE_FLOOR, best * RELATIVE_FLOOR) &&
      (concepts.length > 0 || h.byAskedSpeaker),
  );

  let timeMatched = true;
  const time = question.time;
  const inTime = timeTest(index, time);
  if (inTime) {
    const inRange = relevant.filter((h) => h.article.date.iso !== null && inTime(h.article.date.iso));
    if (inRange.length > 0) relevant = inRange;
    else timeMatched = false;
  }

  const day = (h: Hit) => dayNumber(h.article.date.iso);
  relevant.sort(
    (a, b) => (time?.latest ? day(b) - day(a) : 0) || b.score - a.score || a.unit.position - b.unit.position,
  );

  // No two overlapping excerpts: a quotation and the sentence around it are one citation.
  const chosen: Hit[] = [];
  const chosenIn = new Map<string, Hit[]>();
  for (const h of relevant) {
    const same = chosenIn.get(h.unit.articleId) ?? [];
    if (same.some((c) => c.unit.start < h.unit.end && h.unit.start < c.unit.end)) continue;
    same.push(h);
    chosenIn.set(h.unit.articleId, same);
    chosen.push(h);
  }
  return { hits: chosen, unanswered: null, timeMatched };
}
