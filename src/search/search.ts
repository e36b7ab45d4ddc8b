/**
 * Finds the excerpts that answer a question: the question's topic becomes a structured query (query.ts), every
 * unit that holds part of it is ranked by one model (rank.ts), and the answer is declined when no unit holds
 * enough of the topic. Excerpts by the asked speaker come first: their direct quotations, then their statements,
 * then other relevant passages.
 */

import type { SearchIndex } from '../index/search-index.ts';
import { dayNumber } from '../index/search-index.ts';
import type { ArticleInfo, Unit } from '../index/units.ts';
import { cosineTo, largestNorm, vectorScores } from '../index/vectors.ts';
import { splitWords } from '../lexicon/keys.ts';
import { oncePer } from '../once-per.ts';
import { soundsLike } from './evidence/sound.ts';
import { rootRelatives, spellingVariants } from './evidence/spelling.ts';
import { buildConcepts, type Concept, type QueryEvidence } from './query.ts';
import type { Question, TopicPart } from './question.ts';
import { holdsConcept, paragraphs, type Ranking, rankUnits } from './rank.ts';
import type { LanguageResources } from './resources.ts';
import type { TimeFilter } from './time.ts';

/** A relevant excerpt with its scores. */
export interface Hit {
  unit: Unit;
  article: ArticleInfo;
  /** Share of the question's topic (weighted by term rarity) that the excerpt or its paragraph holds, 0–1. */
  coverage: number;
  /** The same share with everyday words weighing less (Concept.specificity): whether the excerpt answers at all. */
  answers: number;
  score: number;
  /** True when the asked speaker (or someone speaking for them) said it. */
  byAskedSpeaker: boolean;
}

/** Why there is no answer. */
export type Unanswered = 'empty' | 'speaker-absent' | 'no-match';

/** The relevant excerpts, best first and not overlapping, or why there are none. */
export type SearchResult =
  | {
      hits: Hit[];
      unanswered: null;
      timeMatched: boolean;
      /** False when `hits` holds only the first `want` (or a few more) of the excerpts. */
      complete: boolean;
      /** Whether any excerpt (shown or not) is the asked speaker's. */
      anyByAskedSpeaker: boolean;
    }
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
  /**
   * How many excerpts the caller will read: only that many (or a few more) are ordered and returned, which on a
   * large corpus spares sorting every relevant unit. All of them when absent.
   */
  want?: number;
}

/**
 * Minimum share of the topic's weight that the best excerpt (with its paragraph) must hold for the sources to
 * answer; a concept the corpus never mentions weighs like its rarest present one (rank.ts), an everyday English
 * word by its specificity (evidence/specificity.ts). Calibrated on the XQuAD development half (all answerable), our
 * own answerable and unanswerable questions about the seeds and about real articles: see the README's table.
 */
export const RELEVANCE_FLOOR = 0.35;
/**
 * The share of a question's topic (weighted as for RELEVANCE_FLOOR) that the sources must mention somewhere: most of
 * what is asked must be in them at all.
 */
const MENTIONED_FLOOR = 0.5;
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

/** Where an article's headline and lead sentence are found by term. */
interface HeadlineIndex {
  /** For each analysed term of the headlines, the numbers (`UnitTable`) of the articles whose headline holds it. */
  titles: Map<string, Int32Array>;
  /** The article number of each unit that is its article's lead sentence, by ordinal (-1 for the others). */
  leadOf: Int32Array;
}

/**
 * The headlines by term, and the lead sentences by ordinal, once per index: a question whose asked speaker said
 * thousands of things reads the articles holding its concepts here instead of testing every article of those
 * things. A lead's terms are its postings (the index analysed it); only the headlines are analysed here.
 */
const headlineIndex = oncePer((index: SearchIndex): HeadlineIndex => {
  const table = unitTable(index);
  // Headlines share most of their words: each distinct word is analysed once (a headline's terms are its
  // words' terms).
  const analysed = new Map<string, string[]>();
  const termsOf = (word: string) => {
    let terms = analysed.get(word);
    if (!terms) {
      terms = index.analyser.documentTerms(word);
      analysed.set(word, terms);
    }
    return terms;
  };
  const lists = new Map<string, number[]>();
  table.articles.forEach((article, number) => {
    const terms = new Set(splitWords(article.title ?? '').flatMap((w) => termsOf(w.text)));
    for (const term of terms) {
      const list = lists.get(term);
      if (list) list.push(number);
      else lists.set(term, [number]);
    }
  });
  const leadOf = new Int32Array(index.byOrdinal.length).fill(-1);
  index.byOrdinal.forEach((unit, o) => {
    if (index.leads.get(unit.articleId) === unit) leadOf[o] = table.articleNumber[o]!;
  });
  return { titles: new Map([...lists].map(([term, list]) => [term, Int32Array.from(list)])), leadOf };
});

/**
 * Which articles' headline or lead holds a concept (one of its one-word alternatives, or every word of another), as
 * 1 per article number.
 */
function headlinesHolding(index: SearchIndex, table: UnitTable, concept: Concept): Uint8Array {
  const { titles, leadOf } = headlineIndex(index);
  const holding = new Uint8Array(table.articleCount);
  const none = new Int32Array(0);
  // Calls `each` for every article whose headline or lead holds `term` (an article may come twice).
  const articlesHolding = (term: string, each: (a: number) => void) => {
    for (const a of titles.get(term) ?? none) each(a);
    const { ordinals } = index.stats.postings(term);
    for (let i = 0; i < ordinals.length; i++) {
      const a = ordinals[i]! < leadOf.length ? leadOf[ordinals[i]!]! : -1;
      if (a >= 0) each(a);
    }
  };
  // Per article, how many words of a several-word alternative it holds, and the last word counted (made when
  // first needed).
  let counted: Int32Array | undefined;
  let lastWord: Int32Array | undefined;
  for (const alt of concept.alternatives) {
    const terms = [...new Set(alt.terms)];
    if (terms.length === 1) {
      articlesHolding(terms[0]!, (a) => {
        holding[a] = 1;
      });
      continue;
    }
    if (counted && lastWord) {
      counted.fill(0);
      lastWord.fill(-1);
    } else {
      counted = new Int32Array(table.articleCount);
      lastWord = new Int32Array(table.articleCount).fill(-1);
    }
    const [count, last] = [counted, lastWord];
    terms.forEach((term, w) => {
      articlesHolding(term, (a) => {
        if (last[a] === w) return;
        last[a] = w;
        count[a]!++;
      });
    });
    for (let a = 0; a < count.length; a++) if (count[a] === terms.length) holding[a] = 1;
  }
  return holding;
}

/**
 * What the decision reads of every candidate, by ordinal, once per index: reading it from the unit objects would
 * touch one object per candidate, a cache miss each on a large corpus.
 */
interface UnitTable {
  article: Array<ArticleInfo | undefined>;
  /** The articles by number. */
  articles: ArticleInfo[];
  /** 1 where `article` is known. */
  hasArticle: Uint8Array;
  /** The article's number (0 up to `articleCount`; -1 where not known). */
  articleNumber: Int32Array;
  articleCount: number;
  /** The speaker's number in `speakerNumbers` (-1 for none). */
  speaker: Int32Array;
  speakerNumbers: Map<string, number>;
  /** 1 for a quotation (the ranking's own table, not a second copy). */
  quote: Uint8Array;
}

/** Each unit's article, speaker and quotation flag by ordinal, once per index. */
const unitTable = oncePer((index: SearchIndex): UnitTable => {
  const numbers = new Map<string, number>();
  const speaker = Int32Array.from(index.byOrdinal, (u) => {
    if (u.speaker === null) return -1;
    const number = numbers.get(u.speaker.id) ?? numbers.size;
    numbers.set(u.speaker.id, number);
    return number;
  });
  const article = index.byOrdinal.map((u) => index.articles.get(u.articleId));
  const articleNumbers = new Map<ArticleInfo, number>();
  const articleNumber = Int32Array.from(article, (a) => {
    if (!a) return -1;
    const number = articleNumbers.get(a) ?? articleNumbers.size;
    articleNumbers.set(a, number);
    return number;
  });
  return {
    article,
    articles: [...articleNumbers.keys()],
    hasArticle: Uint8Array.from(article, (a) => (a ? 1 : 0)),
    articleNumber,
    articleCount: articleNumbers.size,
    speaker,
    speakerNumbers: numbers,
    quote: paragraphs(index).quote,
  };
});

/** Each article's date by article number: read from objects spread over a large heap, a cache miss each. */
interface ArticleDates {
  /** The day number (`dayNumber`; NO_DATE when undated). */
  days: Float64Array;
  /** The month, 1–12 (NaN when undated). */
  months: Float64Array;
  /** 1 for an article with a date. */
  dated: Uint8Array;
}

/** The articles' dates, once per index. */
const articleDates = oncePer((table: UnitTable): ArticleDates => {
  const isos = table.articles.map((a) => a.date.iso);
  return {
    days: Float64Array.from(isos, (iso) => dayNumber(iso)),
    months: Float64Array.from(isos, (iso) => (iso === null ? Number.NaN : Number(iso.slice(5, 7)))),
    dated: Uint8Array.from(isos, (iso) => (iso === null ? 0 : 1)),
  };
});

const ordinalTables = oncePer((index: SearchIndex) => new Map(index.byOrdinal.map((u, o) => [u.id, o])));

/** The ordinal of a unit id. */
function ordinalOf(index: SearchIndex, id: string): number | undefined {
  return ordinalTables(index).get(id);
}

const speakerTables = oncePer((_index: SearchIndex) => new Map<string, Int32Array>());

/** The ordinals of every unit a speaker said, in the order `bySpeaker` lists them, once per index and speaker. */
function ordinalsOfSpeaker(index: SearchIndex, id: string): Int32Array {
  const table = speakerTables(index);
  let ordinals = table.get(id);
  if (!ordinals) {
    const found = (index.bySpeaker.get(id) ?? []).map((u) => ordinalOf(index, u.id));
    ordinals = Int32Array.from(found.filter((o) => o !== undefined));
    table.set(id, ordinals);
  }
  return ordinals;
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
    // No cosine exceeds the product of the lengths (Cauchy–Schwarz), with room for rounding.
    const cosineBound = Math.hypot(...vector) * largestNorm(index) * (1 + 1e-6);
    const nearest = index.embedder.semantic
      ? [...vectorScores(index, vector)]
          .sort((a, b) => b[1] - a[1])
          .slice(0, VECTOR_CANDIDATES)
          .map(([o]) => o)
      : [];
    return { cosine, cosineBound, nearest };
  } catch (error) {
    options.warn?.(`vector search unavailable, answering from full text: ${(error as Error).message}`);
    return undefined;
  }
}

/** The sources' today: the newest article date (a day number), once per index. */
const newestDay = oncePer((index: SearchIndex): number | null => {
  const days = [...index.articles.values()].flatMap((a) => (a.date.iso ? [dayNumber(a.date.iso)] : []));
  return days.length > 0 ? Math.max(...days) : null;
});

/**
 * Whether an article (by number) is dated in the question's time, or null when the question names no time span.
 * Day numbers are read from a table: parsing dates costs more than the rest of a search at scale.
 */
function timeTest(
  index: SearchIndex,
  table: UnitTable,
  time: TimeFilter | null,
): ((a: number) => boolean) | null {
  if (!time) return null;
  const { days, months, dated } = articleDates(table);
  if (time.from || time.to) {
    const from = time.from ? dayNumber(time.from) : Number.NEGATIVE_INFINITY;
    const to = time.to ? dayNumber(time.to) : Number.POSITIVE_INFINITY;
    return (a) => dated[a] === 1 && days[a]! >= from && days[a]! <= to;
  }
  if (time.month) return (a) => months[a] === time.month;
  const today = newestDay(index);
  if (time.daysBack && today !== null) {
    const { from, to } = time.daysBack;
    return (a) => dated[a] === 1 && days[a]! >= today - from && days[a]! <= today - to;
  }
  return null;
}

/** Units the vector side alone proposes: the nearest few, when the embedder knows meaning beyond words. */
const VECTOR_CANDIDATES = 20;

/** The evidence a structured query is built from, for this index and these language resources. */
export function queryEvidence(index: SearchIndex, resources: LanguageResources): QueryEvidence {
  return {
    analyser: index.analyser,
    dictionary: resources.dictionary,
    soundsLike: (word, asName) => soundsLike(index, word, asName),
    documentFrequency: (term) => index.stats.documentFrequency(term),
    synonyms: (word) => resources.thesaurus.synonyms(word),
    spellingVariants: (term) => spellingVariants(index, term),
    rootRelatives: (term) => rootRelatives(index, term),
  };
}

/** Searches the index for a parsed question. */
export async function searchQuestion(
  index: SearchIndex,
  question: Question,
  resources: LanguageResources,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const { lexicon } = resources;
  const asked = new Set(question.speakers.flatMap((s) => lexicon.voicesOf(s.id)));
  const askedInCorpus = [...asked].filter((id) => index.bySpeaker.has(id));
  const evidence = queryEvidence(index, resources);

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
  for (const id of askedInCorpus) {
    const said = ordinalsOfSpeaker(index, id);
    for (let s = 0; s < said.length; s++) extra.push(said[s]!);
  }
  const vectors = await vectorSide(index, question, options);
  if (vectors && concepts.length > 0) extra.push(...vectors.nearest);
  const ranking = rankUnits(index, rankingConcepts, {
    vector: vectors?.cosine,
    cosineBound: vectors?.cosineBound,
    vectorWeight: index.embedder.searchWeight,
    extra,
  });
  const weights = ranking.weights.slice(0, concepts.length);
  // Whether an excerpt answers at all weighs each concept also by how much it says of a topic: matching only
  // everyday words ("next", "start") is no answer, however rare they are in the sources.
  const topicWeights = weights.map((w, i) => w * (concepts[i]!.specificity ?? 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const topicTotal = topicWeights.reduce((a, b) => a + b, 0);
  if (concepts.length > 0 && total === 0) return none(speakerAbsent ? 'speaker-absent' : 'no-match');

  const count = ranking.ordinals.length;
  // Most of what is asked must be somewhere in the sources: a question whose subject they never mention ("the
  // price of Russian gas" where no article speaks of gas or prices) is not answered by what it shares with them.
  // Sources name a thing they speak of in some form the dictionary knows; a relation (a verb) they may not.
  const mentioned = topicWeights.reduce((sum, w, i) => {
    const concept = concepts[i]!;
    if (ranking.mentions[i] === 1) return sum + w;
    return sum + (concept.relation ? w * (concept.saidOtherwise ?? 0) : 0);
  }, 0);
  if (topicTotal > 0 && mentioned / topicTotal < MENTIONED_FLOOR)
    return none(speakerAbsent ? 'speaker-absent' : 'no-match');

  // Every candidate's share of the topic and score, in typed arrays: a large corpus has tens of thousands.
  const { ordinals } = ranking;
  const unitOf = (j: number) => index.byOrdinal[ordinals[j]!]!;
  const units = unitTable(index);
  const askedNumber = new Uint8Array(units.speakerNumbers.size);
  for (const id of asked) {
    const number = units.speakerNumbers.get(id);
    if (number !== undefined) askedNumber[number] = 1;
  }
  const saidOtherwise = concepts.map((c) => c.saidOtherwise ?? 0);
  // Whether an article's headline or lead holds concept i, by article number (asked speakers only).
  const inHeadlines: Array<Uint8Array | undefined> = [];
  const headlines = (i: number) => {
    inHeadlines[i] ??= headlinesHolding(index, units, concepts[i]!);
    return inHeadlines[i];
  };
  const { coverage, answers, boost, byAsked, isHit, best, bestAnswers } = judge(ranking, units, {
    asked: askedNumber,
    required: Int32Array.from(required),
    weights: Float64Array.from(weights),
    topicWeights: Float64Array.from(topicWeights),
    saidOtherwise: Float64Array.from(saidOtherwise),
    total,
    topicTotal,
    headlines,
  });
  if (bestAnswers < RELEVANCE_FLOOR) return none(speakerAbsent ? 'speaker-absent' : 'no-match');
  // With no topic ("What did X say?"), only X's own words answer.
  let relevant: number[] = [];
  for (let j = 0; j < count; j++)
    if (
      isHit[j] === 1 &&
      answers[j]! >= RELEVANCE_FLOOR &&
      coverage[j]! >= best * RELATIVE_FLOOR &&
      (concepts.length > 0 || byAsked[j] === 1)
    )
      relevant.push(j);

  let timeMatched = true;
  const time = question.time;
  const inTime = timeTest(index, units, time);
  const articleOf = (j: number) => units.article[ordinals[j]!]!;
  // (Relevant excerpts all have an article, and its number.)
  const articleNumberOf = (j: number) => units.articleNumber[ordinals[j]!]!;
  if (inTime) {
    // Tested once per article (0 not yet, 1 no, 2 yes): a large corpus has thousands of relevant excerpts.
    const tested = new Uint8Array(units.articleCount);
    const inRange = relevant.filter((j) => {
      const a = articleNumberOf(j);
      if (tested[a] === 0) tested[a] = inTime(a) ? 2 : 1;
      return tested[a] === 2;
    });
    if (inRange.length > 0) relevant = inRange;
    else timeMatched = false;
  }

  // Best first: newest first when asked for the latest, then by score, then earlier in the article; ties keep the
  // order met (a stable sort's order).
  const days = time?.latest ? articleDates(units).days : null;
  const score = (j: number) => ranking.score(j) * boost[j]!;
  const order = (a: number, b: number) =>
    (days ? days[articleNumberOf(b)]! - days[articleNumberOf(a)]! : 0) ||
    score(b) - score(a) ||
    unitOf(a).position - unitOf(b).position ||
    a - b;

  // Which excerpts can be among the first `length` (MaxScore's bound, the threshold algorithm's stop): a score
  // lies between its lower bound (a cosine of 0) and its upper bound (the largest cosine). At least `length`
  // excerpts score above the `length`-th highest lower bound, so one whose upper bound is below it cannot be among
  // them; of the rest, taken by upper bound, best first, the exact scores of the first `length` raise the bar, and
  // once an upper bound is below the `length`-th best exact score met, no later excerpt can enter. Newest first
  // orders by date before score: all of them then.
  const contenders = (items: number[], length: number) => {
    if (days || length >= items.length) return items;
    const lows = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) lows[i] = ranking.lowest(items[i]!) * boost[items[i]!]!;
    const threshold = selectInPlace(lows, lows.length - length);
    const above = items.filter((j) => ranking.highest(j) * boost[j]! >= threshold);
    if (above.length <= length) return above;
    const highs = new Float64Array(above.length);
    for (let at = 0; at < above.length; at++) highs[at] = ranking.highest(above[at]!) * boost[above[at]!]!;
    // (The comparison gives small integers: a difference of doubles would be allocated, once per comparison.)
    const byHigh = Array.from(above.keys()).sort((a, b) =>
      highs[a]! > highs[b]! ? -1 : highs[a]! < highs[b]! ? 1 : a - b,
    );
    const best = new MinHeap(length);
    const met: number[] = [];
    for (let h = 0; h < byHigh.length; h++) {
      const at = byHigh[h]!;
      if (best.full && highs[at]! < best.least) break;
      met.push(above[at]!);
      best.offer(score(above[at]!));
    }
    return met;
  };

  // No two overlapping excerpts: a quotation and the sentence around it are one citation. Whether an excerpt is
  // kept depends only on the better ones of its article, so the first `want` kept come from a prefix of the order:
  // the best few are selected, not all sorted, and the prefix grows only when overlaps used it up.
  const want = options.want ?? Number.POSITIVE_INFINITY;
  let prefixLength = Math.min(relevant.length, Math.max(MIN_PREFIX, want * PREFIX_PER_WANTED));
  let prefix: number[];
  let chosen: number[];
  for (;;) {
    prefix = firstInOrder(contenders(relevant, prefixLength), prefixLength, order);
    chosen = withoutOverlaps(prefix, unitOf);
    if (chosen.length >= want || prefixLength >= relevant.length) break;
    prefixLength = Math.min(relevant.length, prefixLength * PREFIX_PER_WANTED);
  }
  const complete = prefixLength >= relevant.length;
  // Whether any kept excerpt is the asked speaker's: one outside the prefix is kept unless a better one of its
  // article overlaps it.
  let anyByAskedSpeaker = chosen.some((j) => byAsked[j] === 1);
  if (!anyByAskedSpeaker && !complete && asked.size > 0) {
    const inPrefix = new Set(prefix);
    const theirs = relevant.filter((j) => byAsked[j] === 1 && !inPrefix.has(j));
    const articles = new Set(theirs.map((j) => articleOf(j)));
    const byArticle = new Map<ArticleInfo, number[]>();
    for (const j of relevant) {
      const article = articleOf(j);
      if (!articles.has(article)) continue;
      const same = byArticle.get(article);
      if (same) same.push(j);
      else byArticle.set(article, [j]);
    }
    // Kept when no relevant excerpt of its article overlaps it; otherwise as the article's own order decides (its
    // excerpts ordered once, not once per excerpt).
    const keptOf = new Map<ArticleInfo, Set<number>>();
    anyByAskedSpeaker = theirs.some((j) => {
      const same = byArticle.get(articleOf(j))!;
      const unit = unitOf(j);
      if (!same.some((i) => i !== j && overlap(unitOf(i), unit))) return true;
      let kept = keptOf.get(articleOf(j));
      if (!kept) {
        kept = new Set(withoutOverlaps([...same].sort(order), unitOf));
        keptOf.set(articleOf(j), kept);
      }
      return kept.has(j);
    });
  }
  const hits = chosen.map(
    (j): Hit => ({
      unit: unitOf(j),
      article: articleOf(j),
      coverage: coverage[j]!,
      answers: answers[j]!,
      score: score(j),
      byAskedSpeaker: byAsked[j] === 1,
    }),
  );
  return { hits, unanswered: null, timeMatched, complete, anyByAskedSpeaker };
}

/** What the decision finds of each candidate (by candidate number, `Ranking.ordinals`). */
interface DecisionArrays {
  coverage: Float64Array;
  answers: Float64Array;
  boost: Float64Array;
  byAsked: Uint8Array;
  isHit: Uint8Array;
}

/**
 * The decision's arrays, once per index and as long as it has units (a question has at most that many candidates):
 * made afresh for each question, their allocation cost as much as a large question's decision. A question reads
 * them before the next one starts (the search is synchronous from the ranking on).
 */
const decisionArrays = oncePer((units: UnitTable): DecisionArrays => {
  const n = units.speaker.length;
  return {
    coverage: new Float64Array(n),
    answers: new Float64Array(n),
    boost: new Float64Array(n),
    byAsked: new Uint8Array(n),
    isHit: new Uint8Array(n),
  };
});

/** What the decision weighs of a question's concepts (by concept number), and which asked speakers count. */
interface Weighing {
  /** 1 for the speaker numbers (`UnitTable.speakerNumbers`) of the asked speakers. */
  asked: Uint8Array;
  /** Concepts an excerpt must hold to answer at all. */
  required: Int32Array;
  weights: Float64Array;
  topicWeights: Float64Array;
  saidOtherwise: Float64Array;
  total: number;
  topicTotal: number;
  /** Which articles' headline or lead holds concept i, by article number (made when first asked). */
  headlines: (i: number) => Uint8Array;
}

/**
 * Every candidate's share of the topic (`coverage`, `answers`), its boost and whether it may answer at all, in
 * typed arrays (a large corpus has tens of thousands of candidates), and the best shares met. A loop of its own, on
 * typed arrays, so that it is compiled as one.
 */
function judge(ranking: Ranking, units: UnitTable, weighing: Weighing) {
  const { ordinals, holds, words } = ranking;
  const { asked, required, weights, topicWeights, saidOtherwise, total, topicTotal } = weighing;
  const count = ordinals.length;
  const k = weights.length;
  const { coverage, answers, boost, byAsked, isHit } = decisionArrays(units);
  let best = 0;
  let bestAnswers = 0;
  candidates: for (let j = 0; j < count; j++) {
    const o = ordinals[j]!;
    // (Only a hit's other entries are read: those of the others may be a previous question's.)
    isHit[j] = 0;
    if (units.hasArticle[o] === 0) continue;
    for (let r = 0; r < required.length; r++)
      if (!holdsConcept(ranking, j, required[r]!)) continue candidates;
    isHit[j] = 1;
    const speaker = units.speaker[o]!;
    const byAskedSpeaker = speaker >= 0 && asked[speaker] === 1;
    byAsked[j] = byAskedSpeaker ? 1 : 0;
    let got = 0;
    let topicGot = 0;
    for (let i = 0; i < k; i++) {
      const held = ((holds[j * words + (i >> 5)]! >>> (i & 31)) & 1) === 1;
      const credit = held
        ? 1
        : byAskedSpeaker && weighing.headlines(i)[units.articleNumber[o]!] === 1
          ? ARTICLE_CREDIT
          : 0;
      got += weights[i]! * credit;
      topicGot += topicWeights[i]! * Math.max(credit, saidOtherwise[i]!);
    }
    boost[j] = byAskedSpeaker ? SPEAKER_BOOST * (units.quote[o] === 1 ? QUOTE_BOOST : 1) : 1;
    coverage[j] = total > 0 ? got / total : 1;
    answers[j] = topicTotal > 0 ? topicGot / topicTotal : 1;
    best = Math.max(best, coverage[j]!);
    bestAnswers = Math.max(bestAnswers, answers[j]!);
  }
  return { coverage, answers, boost, byAsked, isHit, best, bestAnswers };
}

/** Relevant excerpts selected before the first overlap check, at least, and per excerpt wanted. */
const MIN_PREFIX = 32;
const PREFIX_PER_WANTED = 4;

/** The first `count` items in `order`, sorted: a bounded heap of the best so far, not a sort of them all. */
function firstInOrder(items: number[], count: number, order: (a: number, b: number) => number): number[] {
  if (count >= items.length) return [...items].sort(order);
  // A max-heap (by `order`) of the `count` best items seen: its root is the worst of them.
  const heap: number[] = [];
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (order(heap[at]!, heap[parent]!) <= 0) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && order(heap[left]!, heap[worst]!) > 0) worst = left;
      if (right < heap.length && order(heap[right]!, heap[worst]!) > 0) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      up(heap.length - 1);
    } else if (count > 0 && order(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(order);
}

/**
 * The number that would be at `at` were `values` sorted ascending (Hoare's selection: linear on average, where a
 * sort of tens of thousands of bounds is not); `values` is reordered.
 */
function selectInPlace(values: Float64Array, at: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (at <= j) high = j;
    else if (at >= i) low = i;
    else break;
  }
  return values[at]!;
}

/** The `size` largest numbers offered so far, the least of them at hand. */
class MinHeap {
  private readonly values: Float64Array;
  private length = 0;
  constructor(size: number) {
    this.values = new Float64Array(size);
  }
  get full(): boolean {
    return this.length === this.values.length;
  }
  get least(): number {
    return this.values[0]!;
  }
  offer(value: number): void {
    const v = this.values;
    if (!this.full) {
      let at = this.length++;
      while (at > 0 && v[(at - 1) >> 1]! > value) {
        v[at] = v[(at - 1) >> 1]!;
        at = (at - 1) >> 1;
      }
      v[at] = value;
      return;
    }
    if (value <= v[0]!) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= v.length) break;
      const child = left + 1 < v.length && v[left + 1]! < v[left]! ? left + 1 : left;
      if (v[child]! >= value) break;
      v[at] = v[child]!;
      at = child;
    }
    v[at] = value;
  }
}

/** Whether two units of one article share text. */
const overlap = (a: Unit, b: Unit) => a.start < b.end && b.start < a.end;

/** The items (in order) that overlap no earlier kept item of the same article. */
function withoutOverlaps(items: number[], unitOf: (j: number) => Unit): number[] {
  const kept: number[] = [];
  const keptIn = new Map<string, Unit[]>();
  for (const j of items) {
    const unit = unitOf(j);
    const same = keptIn.get(unit.articleId) ?? [];
    if (same.some((c) => overlap(c, unit))) continue;
    same.push(unit);
    keptIn.set(unit.articleId, same);
    kept.push(j);
  }
  return kept;
}
