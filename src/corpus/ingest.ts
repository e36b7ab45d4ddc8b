/** The corpus stage's entry point: article files on disk -> clean, dated, attributed articles. */

import { basename, join } from 'node:path';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { buildArticle } from './build-article.ts';
import { metaFor, readMetadata } from './metadata.ts';
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

/** Reads, cleans, splits and attributes every article file of a folder. */
export function ingestCorpus({ articlesDir, root, lexicon }: IngestOptions): Corpus {
  const { files, warnings } = readArticleFiles(articlesDir, root);
  const metaPath = join(articlesDir, 'meta.json');
  const { meta, error } = readMetadata(metaPath);
  if (error) warnings.push({ file: join(articlesDir, 'meta.json').replace(`${root}/`, ''), message: error });
  const articles: Article[] = [];
  for (const file of files) {
    const result = ingestFile(file, lexicon, meta);
    articles.push(...result.articles);
    warnings.push(...result.warnings);
  }
  return { articles, warnings };
}
