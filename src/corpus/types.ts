/** The corpus model: what ingestion produces and every later stage reads. Offsets are into `Article.text`. */

/** A date as the source gives it, with where it comes from (see ANSWER.md). */
export interface DateInfo {
  iso: string | null;
  text: string | null;
  basis: 'stated' | 'inferred' | 'unknown';
}

/** Who said something: a lexicon id (or `ar:<name>` for a name the lexicon lacks) and both names. */
export interface Speaker {
  id: string;
  en: string;
  ar: string;
}

/** A sentence or paragraph piece of an article; `statement` when it is attributed reported speech. */
export interface Passage {
  id: string;
  articleId: string;
  position: number;
  kind: 'statement' | 'passage';
  start: number;
  end: number;
  text: string;
  speaker: Speaker | null;
}

/** Text between quotation marks, verbatim, with the passage it stands in. */
export interface Quotation {
  id: string;
  articleId: string;
  position: number;
  start: number;
  end: number;
  text: string;
  /** Id of the passage (sentence) that holds the quotation. */
  passageId: string;
  speaker: Speaker | null;
  /** False when the closing mark was missing and the quotation was cut at the end of its paragraph. */
  balanced: boolean;
}

/** What a line of an article's header zone was taken for. */
export type HeaderLineKind =
  | 'headline'
  | 'subtitle'
  | 'date'
  | 'dateline'
  | 'outlet'
  | 'agencies'
  | 'section'
  | 'caption'
  | 'boilerplate'
  | 'url';

/** One header line as classified, with the reason (shown by the ingest report). */
export interface HeaderLine {
  text: string;
  kind: HeaderLineKind;
  why: string;
}

/** One article: a file may hold several. */
export interface Article {
  /** `<file stem>#<n>`, n counting from 1 within the file. */
  id: string;
  /** Path relative to the project root, e.g. `data/articles/001_x.txt`. */
  file: string;
  title: string | null;
  outlet: string | null;
  agencies: string[];
  url: string | null;
  date: DateInfo;
  /** The lines before the body and the lead's dateline, as classified: why a headline or date was taken. */
  header: HeaderLine[];
  /** The article's lines without site chrome, verbatim, joined by newlines. */
  text: string;
  passages: Passage[];
  quotes: Quotation[];
}

/** A problem with one input file or article; ingestion goes on without it. */
export interface IngestWarning {
  file: string;
  message: string;
}

/** Everything ingestion produced. */
export interface Corpus {
  articles: Article[];
  warnings: IngestWarning[];
}
