/**
 * The one function behind every channel: a question in, an `Answer` (ANSWER.md) out. Quotes are checked against
 * the article text before they are returned; a quote that is not found there verbatim is dropped.
 */

import { withoutQuotes } from '../corpus/quotes.ts';
import type { SearchIndex } from '../index/search-index.ts';
import type { ArticleInfo } from '../index/units.ts';
import { parseQuestion } from '../search/question.ts';
import type { LanguageResources } from '../search/resources.ts';
import { type Hit, type SearchOptions, searchQuestion } from '../search/search.ts';
import { sentenceDate } from '../text/dates.ts';
import { isMostlyArabic } from '../text/normalize.ts';
import { describeCoverage } from './coverage.ts';
import { type CoverageSummary, noAnswerPhrase, notBySpeakerNote, plainReply, timeNote } from './phrases.ts';
import type { Answer, Citation, Language } from './schema.ts';

/** Longest question accepted; longer ones get a clear reply, not a search. */
export const MAX_QUESTION_LENGTH = 1000;
/** Citations per answer (ANSWER.md). */
export const CITATIONS_PER_ANSWER = 5;

/** Options of one call. */
export interface AnswerOptions extends SearchOptions {
  /** Skip this many citations (the bot's "More" button pages through an answer). */
  offset?: number;
}

/** An article as channels show it (the /sources list, the "Source" button). */
export type SourceArticle = ArticleInfo;

/** Answers questions from one index. */
export interface Answerer {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  /** What the sources cover: for /start, /help and replies with no answer. */
  readonly coverage: CoverageSummary;
  /** The articles, in corpus order. */
  readonly articles: SourceArticle[];
  readonly index: SearchIndex;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const collapsedArticles = new WeakMap<ArticleInfo, string>();

/** True when the quote stands character for character in its article (runs of white space aside). */
export function isVerbatim(hit: Hit): boolean {
  const { unit, article } = hit;
  if (article.text.slice(unit.start, unit.end) !== unit.text) return false;
  let whole = collapsedArticles.get(article);
  if (whole === undefined) {
    whole = collapse(article.text);
    collapsedArticles.set(article, whole);
  }
  return whole.includes(collapse(unit.text));
}

/** The first `count` verbatim hits after skipping `offset` of them: only those shown are checked. */
function verbatimPage(hits: Hit[], offset: number, count: number): Hit[] {
  const page: Hit[] = [];
  let seen = 0;
  for (const hit of hits) {
    if (page.length === count) break;
    if (!isVerbatim(hit)) continue;
    if (seen++ >= offset) page.push(hit);
  }
  return page;
}

function citationOf({ unit, article }: Hit): Citation {
  return {
    quote: unit.text,
    speaker: unit.speaker ? { en: unit.speaker.en, ar: unit.speaker.ar } : null,
    // "وقال بيسكوف أمس" dates a statement the day before the article's stated date (inferred); the words of the
    // quotation itself and narration without a speaker keep the article's date.
    date: unit.speaker ? sentenceDate(article.date, withoutQuotes(unit.context || unit.text)) : article.date,
    source: {
      id: article.id,
      file: article.file,
      title: article.title,
      outlet: article.outlet,
      ...(article.agencies?.length ? { agency: article.agencies.join('، ') } : {}),
      url: article.url,
    },
  };
}

/**
 * Creates the answer function over an index; `coverage` when it was saved with the index, else it is made when
 * first read (it takes seconds at scale: an article just added should not wait for it).
 */
export function createAnswerer(
  index: SearchIndex,
  resources: LanguageResources,
  saved?: CoverageSummary,
): Answerer {
  const { lexicon, dictionary } = resources;
  let summary = saved;
  const coverageNow = () => {
    summary ??= describeCoverage(index, lexicon);
    return summary;
  };

  async function answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    const text = question.trim();
    const language: Language = isMostlyArabic(text) ? 'ar' : 'en';
    const none = (reason: Parameters<typeof noAnswerPhrase>[0], asked: string | null = null): Answer => ({
      question,
      language,
      answered: false,
      citations: [],
      reply: noAnswerPhrase(reason, language, coverageNow(), asked),
    });
    if (text === '') return none('empty');
    if (text.length > MAX_QUESTION_LENGTH) return none('too-long');

    const parsed = parseQuestion(text, lexicon, dictionary);
    const asked =
      parsed.speakers
        .map((s) => (language === 'en' ? s.en[0] : s.ar[0]))
        .join(language === 'en' ? ' and ' : ' و') || parsed.unknownSpeaker;
    const offset = options.offset ?? 0;
    let result = await searchQuestion(index, parsed, resources, {
      ...options,
      want: offset + CITATIONS_PER_ANSWER,
    });
    if (result.unanswered) return none(result.unanswered, asked);
    let page = verbatimPage(result.hits, offset, CITATIONS_PER_ANSWER);
    // Excerpts that failed the verbatim check left the page short: read on through all of them.
    if (page.length < CITATIONS_PER_ANSWER && !result.complete) {
      result = await searchQuestion(index, parsed, resources, options);
      if (result.unanswered) return none(result.unanswered, asked);
      page = verbatimPage(result.hits, offset, CITATIONS_PER_ANSWER);
    }
    const citations = page.map(citationOf);
    if (citations.length === 0) return none('no-match', asked);
    const notes = [
      parsed.speakers.length > 0 && !result.anyByAskedSpeaker ? notBySpeakerNote(asked!, language) : null,
      result.timeMatched ? null : timeNote(language),
    ];
    return {
      question,
      language,
      answered: true,
      citations,
      reply: plainReply(citations, language, ...notes),
    };
  }

  return {
    answer,
    get coverage() {
      return coverageNow();
    },
    articles: [...index.articles.values()],
    index,
  };
}
