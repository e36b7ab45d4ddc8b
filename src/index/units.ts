/** What the index holds: quotations, statements and passages of the corpus, as searchable units. */

import type { Article, Corpus, DateInfo, Speaker } from '../corpus/types.ts';

/** A searchable excerpt: a direct quotation, an attributed statement or another passage. */
export interface Unit {
  id: string;
  kind: 'quote' | 'statement' | 'passage';
  articleId: string;
  /** The excerpt, verbatim. */
  text: string;
  /** For a quotation, the sentence it stands in; otherwise empty. */
  context: string;
  /** Offsets in the article text. */
  start: number;
  end: number;
  speaker: Speaker | null;
  /** Position of the sentence in its article (0-based). */
  position: number;
  /** The paragraph (line of the article text) the excerpt starts in, 0-based: passages share evidence with it. */
  paragraph: number;
}

/** What citations need of an article. */
export interface ArticleInfo {
  id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  /** Agencies the article credits; absent in an index saved before they were recorded. */
  agencies?: string[];
  url: string | null;
  date: DateInfo;
  text: string;
}

/** The units of a corpus: each quotation, then each sentence, in article order. */
export function unitsOf(corpus: Corpus): Unit[] {
  return corpus.articles.flatMap((a) => {
    const paragraphOf = paragraphFinder(a.text);
    const sentences = new Map(a.passages.map((p) => [p.id, p]));
    const quotes: Unit[] = a.quotes.map((q) => ({
      id: q.id,
      kind: 'quote',
      articleId: a.id,
      text: q.text,
      context: sentences.get(q.passageId)?.text ?? '',
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      position: q.position,
      paragraph: paragraphOf(q.start),
    }));
    const passages: Unit[] = a.passages.map((p) => ({
      id: p.id,
      kind: p.kind,
      articleId: a.id,
      text: p.text,
      context: '',
      start: p.start,
      end: p.end,
      speaker: p.speaker,
      position: p.position,
      paragraph: paragraphOf(p.start),
    }));
    return [...quotes, ...passages];
  });
}

/** The paragraph (line) number of an offset in a text, by binary search over the line starts. */
function paragraphFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** The article fields citations need. */
export function articleInfo(a: Article): ArticleInfo {
  return {
    id: a.id,
    file: a.file,
    title: a.title,
    outlet: a.outlet,
    agencies: a.agencies,
    url: a.url,
    date: a.date,
    text: a.text,
  };
}
