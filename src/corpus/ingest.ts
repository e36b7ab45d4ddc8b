/** The corpus stage's entry point: article files on disk -> clean, dated, attributed articles. */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { SOURCE_DIR } from '../paths.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { buildArticle } from './build-article.ts';
import { CUT_MARK, MAX_PARAGRAPH_CHARS } from './limits.ts';
import { metaFor, orphanEntries, readMetadata } from './metadata.ts';
import { readArticleFiles, type SourceFile } from './read-files.ts';
import { splitArticles } from './split-articles.ts';
import type { Article, Corpus, IngestWarning } from './types.ts';

export type { Article, Corpus, DateInfo, IngestWarning, Passage, Quotation, Speaker } from './types.ts';

/** Where the articles are and what to read them with. */
export interface IngestOptions {
  /** Folder of `.txt` article files (and the optional `meta.json`). */
  articlesDir: string;
  /** Project root: file paths in the output are relative to it. */
  root: string;
  lexicon: Lexicon;
}

/** Ingests one file's text (exposed for tests and for validating an uploaded article). */
export function ingestFile(
  source: SourceFile,
  lexicon: Lexicon,
  meta: Parameters<typeof metaFor>[0] = {},
): { articles: Article[]; warnings: IngestWarning[] } {
  const blocks = splitArticles(source.text);
  const cutLines = blocks.flatMap((b) => b.lines).filter((l) => l.cut).length;
  const articles = blocks.map((block, i) =>
    buildArticle(
      block,
      { file: source.file, stem: source.stem, n: i + 1 },
      metaFor(meta, basename(source.file), i + 1),
      lexicon,
    ),
  );
  const warnings: IngestWarning[] = [];
  if (articles.length === 0)
    warnings.push({ file: source.file, message: 'skipped: no article text after removing site chrome' });
  if (cutLines > 0)
    warnings.push({
      file: source.file,
      message: `${cutLines} paragraph(s) longer than ${MAX_PARAGRAPH_CHARS} characters cut (marked "${CUT_MARK.trim()}")`,
    });
  for (const a of articles) {
    if (a.passages.length === 0) warnings.push({ file: source.file, message: `${a.id}: no sentences found` });
    for (const q of a.quotes) {
      if (!q.balanced)
        warnings.push({
          file: source.file,
          message: `${q.id}: closing quotation mark missing; cut at the end of its paragraph`,
        });
    }
  }
  return { articles: articles.filter((a) => a.passages.length > 0), warnings };
}

/**
 * What makes two articles the same text: the body's letters and digits, normalised, without the headline or
 * white space (a copy saved from another page differs in chrome and line breaks, not in its words).
 */
export function textKey(article: Pick<Article, 'text' | 'passages'>): string {
  const body = article.passages.map((p) => p.text).join(' ');
  const letters = normalizeArabic(body).replace(/[^\p{L}\p{N}]+/gu, '');
  return createHash('sha256').update(letters).digest('hex');
}

/** One file ingested for a corpus: its articles with their text keys, and its warnings. */
export interface FileIngested {
  articles: Article[];
  /** `textKey` of each article, in order: how copies of one text are told apart. */
  keys: string[];
  warnings: IngestWarning[];
}

/** Ingests one file of a corpus (what each worker of the parallel ingestion does per file). */
export function ingestForCorpus(
  file: SourceFile,
  lexicon: Lexicon,
  meta: Parameters<typeof metaFor>[0],
): FileIngested {
  const { articles, warnings } = ingestFile(file, lexicon, meta);
  return { articles, keys: articles.map(textKey), warnings };
}

/** A folder's files read, and the warnings about the folder and its metadata file, before any file is ingested. */
export interface CorpusFiles {
  files: SourceFile[];
  meta: Parameters<typeof metaFor>[0];
  warnings: IngestWarning[];
}

/** Reads a folder's article files and its metadata file. */
export function readCorpusFiles({
  articlesDir,
  root,
}: Pick<IngestOptions, 'articlesDir' | 'root'>): CorpusFiles {
  const { files, warnings, names } = readArticleFiles(articlesDir, root);
  const metaPath = join(articlesDir, 'meta.json');
  const metaFile = relative(root, metaPath);
  const { meta, error } = readMetadata(metaPath);
  if (error) warnings.push({ file: metaFile, message: error });
  for (const name of orphanEntries(meta, new Set(names)))
    warnings.push({ file: metaFile, message: `entry for ${name}: no such article file` });
  return { files, meta, warnings };
}

/**
 * Merges files ingested each alone, taken in file order: a text met before is skipped. The articles come out as
 * each file is added, so that a caller can use them before the last file is ingested.
 */
export class CorpusMerger {
  /** The folder's warnings, then each added file's. */
  readonly warnings: IngestWarning[];
  /** Text key -> the id of the article first met with it. */
  private readonly seen = new Map<string, string>();

  constructor(read: CorpusFiles) {
    this.warnings = [...read.warnings];
  }

  /** Adds the next file's result; returns its articles that are new to the corpus. */
  add(file: SourceFile, result: FileIngested): Article[] {
    this.warnings.push(...result.warnings);
    const articles: Article[] = [];
    result.articles.forEach((article, k) => {
      const key = result.keys[k]!;
      const first = this.seen.get(key);
      if (first) {
        this.warnings.push({
          file: file.file,
          message: `${article.id}: skipped: same text as ${first}, already in the corpus`,
        });
        return;
      }
      this.seen.set(key, article.id);
      articles.push(article);
    });
    return articles;
  }
}

/** The corpus of files ingested each alone (`ingested[i]` is `files[i]`): a text met before is skipped. */
export function mergeCorpus(read: CorpusFiles, ingested: FileIngested[]): Corpus {
  const merger = new CorpusMerger(read);
  const articles = read.files.flatMap((file, i) => merger.add(file, ingested[i]!));
  return { articles, warnings: merger.warnings };
}

/** Reads, cleans, splits and attributes every article file of a folder. */
export function ingestCorpus({ articlesDir, root, lexicon }: IngestOptions): Corpus {
  const read = readCorpusFiles({ articlesDir, root });
  return mergeCorpus(
    read,
    read.files.map((file) => ingestForCorpus(file, lexicon, read.meta)),
  );
}

/** The folders whose code decides what ingestion makes of an article: its stages, its text tools and vocabulary. */
const INGESTION_CODE = ['corpus', 'text', 'lexicon'];
let codeFingerprint: string | null = null;

/**
 * A hash of ingestion's own code (under `source`, by default this project's src/), so that a saved index made by an
 * older version (other speakers, dates or outlets for the same files) is rebuilt rather than served.
 */
export function ingestionFingerprint(source = SOURCE_DIR): string {
  if (source === SOURCE_DIR && codeFingerprint !== null) return codeFingerprint;
  const hash = createHash('sha256');
  for (const folder of INGESTION_CODE) {
    const files = readdirSync(join(source, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const file of files)
      hash.update(`\0${folder}/${file}\0`).update(readFileSync(join(source, folder, file)));
  }
  const fingerprint = hash.digest('hex').slice(0, 16);
  if (source === SOURCE_DIR) codeFingerprint = fingerprint;
  return fingerprint;
}
