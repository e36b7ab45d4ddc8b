/**
 * Finds the excerpts that answer a question. Orama's hybrid search (BM25 through the Arabic analyser, plus the
 * vector side) proposes candidates; each candidate is then weighed by how much of the question's topic it holds
 * (term groups weighted by rarity), which also decides whether the sources answer at all. Excerpts by the asked
 * speaker come first: their direct quotations, then their statements, then other relevant passages.
 */

import { search } from '@orama/orama';
import { dayNumber, type SearchIndex } from '../index/search-index.ts';
import type { ArticleInfo, Unit } from '../index/units.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { Question, TermGroup } from './question.ts';

/** A relevant excerpt with its scores. */
export interface Hit {
  unit: Unit;
  article: ArticleInfo;
  /** Share of the question's topic (weighted by term rarity) that the excerpt holds, 0–1. */
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

/** Tuning, with the defaults used by every channel. */
export interface SearchOptions {
  /** Use the vector side (the evaluation switches it off to measure its contribution). */
  vector?: boolean;
}

/** Candidates fetched from Orama per search. */
const CANDIDATES = 80;

/** Minimum topic coverage for an excerpt to count as an answer. */
export const RELEVANCE_FLOOR = 0.5;
/** Excerpts far below the best one are dropped even above the floor. */
const RELATIVE_FLOOR = 0.6;
/** Credit for a lexicon synonym rather than the question's own words ("الوفد" for "كبير المفاوضين"). */
const SYNONYM_CREDIT = 0.9;
/** Credit for a topic found only in the headline or lead of the asked speaker's article. */
const ARTICLE_CREDIT = 0.7;

const termCaches = new WeakMap<SearchIndex, Map<string, Set<string>>>();

/** Analysed terms, computed once per index and key. */
function cachedTerms(index: SearchIndex, key: string, text: () => string): Set<string> {
  let cache = termCaches.get(index);
  if (!cache) {
    cache = new Map();
    termCaches.set(index, cache);
  }
  let terms = cache.get(key);
  if (!terms) {
    terms = new Set(index.analyser.documentTerms(text()));
    cache.set(key, terms);
  }
  return terms;
}

/** The terms of a unit's own words. */
const termsOf = (index: SearchIndex, unit: Unit) => cachedTerms(index, `unit:${unit.id}`, () => unit.text);

/** The terms of an article's headline and lead sentence. */
const articleTermsOf = (index: SearchIndex, article: ArticleInfo) =>
  cachedTerms(index, `article:${article.id}`, () => {
    return `${article.title ?? ''} ${index.leads.get(article.id)?.text ?? ''}`;
  });

const idf = (index: SearchIndex, t: string) =>
  Math.log(1 + index.units.size / (index.documentFrequency.get(t) ?? 0));

/**
 * Weight of each group: the rarity (idf) of its best alternative that the corpus knows. A group the corpus never
 * mentions, or an English word the lexicon cannot translate, weighs like a rare word: a question about something
 * else ("the weather in Moscow") falls below the floor, while one odd word among several known ones does not.
 */
function groupWeights(index: SearchIndex, groups: TermGroup[]): number[] {
  const known = groups.map((g) => {
    let best = 0;
    for (const alt of g.alternatives) {
      if (alt.every((t) => index.documentFrequency.has(t))) {
        best = Math.max(best, alt.reduce((sum, t) => sum + idf(index, t), 0) / alt.length);
      }
    }
    return best;
  });
  // Unknown words weigh like a word the corpus has twice, or the rarest known group if that weighs more.
  const unknown = Math.max(...known, Math.log(1 + index.units.size / 2));
  return known.map((w) => w || unknown);
}

/** An inflection the corpus lacks ("ينشرون") read as the stem the corpus has (نشر): present-tense affixes off. */
function withCorpusForms(index: SearchIndex, groups: TermGroup[]): TermGroup[] {
  const variant = (t: string): string | null => {
    if (index.documentFrequency.has(t) || !/^[يتنا]/.test(t) || t.length < 4) return null;
    const bare = t.slice(1).replace(/(?:ون|ين|ان|وا|ن)$/, '');
    for (const candidate of [bare, t.slice(1)])
      if (candidate.length >= 2 && index.documentFrequency.has(candidate)) return candidate;
    return null;
  };
  return groups.map((g) => {
    const extra = g.alternatives.flatMap((alt) => {
      const mapped = alt.map((t) => variant(t) ?? t);
      return mapped.some((t, i) => t !== alt[i]) ? [mapped] : [];
    });
    return extra.length ? { ...g, alternatives: [...g.alternatives, ...extra] } : g;
  });
}

/**
 * Weighted share of the topic groups a unit holds in its own words. A quotation whose topic is only in the
 * sentence around it loses to that sentence, which contains it and is the better citation. For the asked
 * speaker's own words, the event their article reports (headline and lead: "after the video call between Putin
 * and Biden") counts too, at a discount.
 */
function coverageOf(
  index: SearchIndex,
  hit: Pick<Hit, 'unit' | 'article' | 'byAskedSpeaker'>,
  groups: TermGroup[],
  weights: number[],
  total: number,
) {
  if (total === 0) return 1;
  const own = termsOf(index, hit.unit);
  const around = hit.byAskedSpeaker ? articleTermsOf(index, hit.article) : undefined;
  /** The best credit of a group: its first alternative (the question's own words) over a synonym. */
  const credit = (g: TermGroup, holds: (t: string) => boolean) => {
    const i = g.alternatives.findIndex((alt) => alt.every(holds));
    return i < 0 ? 0 : i === 0 ? 1 : SYNONYM_CREDIT;
  };
  let got = 0;
  groups.forEach((g, i) => {
    const direct = credit(g, (t) => own.has(t));
    const viaArticle = around ? ARTICLE_CREDIT * credit(g, (t) => own.has(t) || around.has(t)) : 0;
    got += Math.max(direct, viaArticle) * weights[i]!;
  });
  return got / total;
}

/** True when the corpus quotes a name the lexicon lacks (speakers found by transliteration keep their Arabic). */
function corpusHasName(index: SearchIndex, name: string): boolean {
  const wanted = normalizeArabic(name).toLowerCase();
  for (const [first] of index.bySpeaker.values()) {
    const s = first?.speaker;
    if (s && (normalizeArabic(s.ar).includes(wanted) || s.en.toLowerCase().includes(wanted))) return true;
  }
  return false;
}

type OramaHit = { id: string; score: number };

/** Surfaces per group handed to full-text search; coverage still weighs every alternative. */
const SURFACES_PER_GROUP = 4;

/**
 * The words full-text search gets: per group, only surfaces the corpus contains, rarest first, a few of them.
 * Every extra OR'ed term costs a walk over its postings, and a word the corpus lacks finds nothing anyway.
 */
function searchTerms(index: SearchIndex, groups: TermGroup[]): string {
  const df = (t: string) => index.documentFrequency.get(t) ?? 0;
  const chosen = groups.flatMap((g) =>
    g.surface
      .map((surface) => ({ surface, terms: index.analyser.terms(surface) }))
      .filter(({ terms }) => terms.length > 0 && terms.every((t) => df(t) > 0))
      .sort((a, b) => Math.max(...a.terms.map(df)) - Math.max(...b.terms.map(df)))
      .slice(0, SURFACES_PER_GROUP)
      .map(({ surface }) => surface),
  );
  return [...new Set(chosen)].join(' ');
}

/** Searches the index for a parsed question. */
export async function searchQuestion(
  index: SearchIndex,
  question: Question,
  lexicon: Lexicon,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const asked = new Set(question.speakers.flatMap((s) => lexicon.voicesOf(s.id)));
  const askedInCorpus = [...asked].filter((id) => index.bySpeaker.has(id));
  if (
    (asked.size > 0 && askedInCorpus.length === 0) ||
    (question.unknownSpeaker && !corpusHasName(index, question.unknownSpeaker))
  ) {
    return { hits: [], unanswered: 'speaker-absent', timeMatched: false };
  }
  const groups = withCorpusForms(index, question.groups);
  if (groups.length === 0 && asked.size === 0) return { hits: [], unanswered: 'empty', timeMatched: false };

  // Candidates: hybrid search on the topic, and full text restricted to the asked speakers (an enum filter), so
  // that their words are candidates however many other passages match better.
  const found = new Map<string, number>();
  const term = searchTerms(index, groups);
  const useVector = options.vector !== false;
  const vector = useVector ? (await index.embedder.embed([question.text]))[0] : undefined;
  if (term || vector) {
    // Orama writes null into the stored vectors of returned documents unless they are included.
    const text = {
      term,
      properties: ['text', 'context'],
      boost: { text: 2, context: 1 },
      limit: CANDIDATES,
      includeVectors: true,
    };
    const runs: object[] = [
      vector
        ? {
            ...text,
            mode: term ? 'hybrid' : 'vector',
            vector: { value: vector, property: 'embedding' },
            similarity: 0.05,
          }
        : { ...text, mode: 'fulltext' },
    ];
    // The asked speakers' words by full text only: one vector scan per question is enough.
    if (askedInCorpus.length > 0 && term)
      runs.push({ ...text, mode: 'fulltext', where: { speaker: { in: askedInCorpus } } });
    for (const run of runs) {
      const result = (await search(index.db, run as never)) as { hits: OramaHit[] };
      const max = Math.max(1e-9, ...result.hits.map((h) => h.score));
      for (const h of result.hits) found.set(h.id, Math.max(found.get(h.id) ?? 0, h.score / max));
    }
  }
  // "What did X say?" with no topic: X's words in article order, as many as a few pages need.
  if (groups.length === 0) {
    for (const id of askedInCorpus) {
      for (const u of index.bySpeaker.get(id)!.slice(0, 50)) if (!found.has(u.id)) found.set(u.id, 0);
    }
  }

  const weights = groupWeights(index, groups);
  const total = weights.reduce((a, b) => a + b, 0);
  const scored: Hit[] = [];
  for (const [id, oramaScore] of found) {
    const unit = index.units.get(id);
    const article = unit && index.articles.get(unit.articleId);
    if (!unit || !article) continue;
    const byAskedSpeaker = unit.speaker !== null && asked.has(unit.speaker.id);
    const coverage = coverageOf(index, { unit, article, byAskedSpeaker }, groups, weights, total);
    scored.push({ unit, article, coverage, score: 0.75 * coverage + 0.25 * oramaScore, byAskedSpeaker });
  }
  const best = Math.max(0, ...scored.map((h) => h.coverage));
  if (best < RELEVANCE_FLOOR) return { hits: [], unanswered: 'no-match', timeMatched: false };
  // With no topic ("What did X say?"), only X's own words answer.
  let relevant = scored.filter(
    (h) =>
      h.coverage >= Math.max(RELEVANCE_FLOOR, best * RELATIVE_FLOOR) &&
      (groups.length > 0 || h.byAskedSpeaker),
  );

  let timeMatched = true;
  const time = question.time;
  if (time?.from || time?.to) {
    const from = time.from ? dayNumber(time.from) : Number.NEGATIVE_INFINITY;
    const to = time.to ? dayNumber(time.to) : Number.POSITIVE_INFINITY;
    const inRange = relevant.filter((h) => {
      const day = dayNumber(h.article.date.iso);
      return h.article.date.iso !== null && day >= from && day <= to;
    });
    if (inRange.length > 0) relevant = inRange;
    else timeMatched = false;
  }

  const tier = (h: Hit) => (h.byAskedSpeaker ? (h.unit.kind === 'quote' ? 0 : 1) : 2);
  const day = (h: Hit) => dayNumber(h.article.date.iso);
  relevant.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      (time?.latest ? day(b) - day(a) : 0) ||
      b.score - a.score ||
      a.unit.position - b.unit.position,
  );

  // No two overlapping excerpts: a quotation and the sentence around it are one citation.
  const chosen: Hit[] = [];
  for (const h of relevant) {
    const overlaps = chosen.some(
      (c) => c.unit.articleId === h.unit.articleId && c.unit.start < h.unit.end && h.unit.start < c.unit.end,
    );
    if (!overlaps) chosen.push(h);
  }
  return { hits: chosen, unanswered: null, timeMatched };
}
