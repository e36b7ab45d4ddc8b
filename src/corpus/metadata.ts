/**
 * The optional metadata file, `data/articles/meta.json`: per file, and per article inside a file, the URL, outlet,
 * title and publication date. It completes and overrides what the text says; its date counts as stated.
 *
 *     { "001_x.txt": { "url": "https://…", "date": "2024-02-10", "articles": { "2": { "outlet": "الاتحاد" } } } }
 *
 * The fields at file level describe the file's first article, so a date never leaks into a second one; `url`
 * alone describes the page and applies to every article of the file.
 */

import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const ArticleMetaSchema = z.strictObject({
  url: z.url().optional(),
  outlet: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1).optional(),
  date: z.iso.date().optional(),
});

const FileMetaSchema = ArticleMetaSchema.extend({
  articles: z.record(z.string().regex(/^[1-9][0-9]*$/), ArticleMetaSchema).optional(),
});

/** The whole metadata file, keyed by article file name. */
export const MetadataSchema = z.record(z.string().regex(/\.txt$/), FileMetaSchema);

export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export type Metadata = z.infer<typeof MetadataSchema>;

/** Metadata of article n (from 1) of a file, with the file-level rules above applied. */
export function metaFor(meta: Metadata, fileName: string, n: number): ArticleMeta {
  const file = meta[fileName];
  if (!file) return {};
  const { articles, ...first } = file;
  const own = articles?.[String(n)] ?? {};
  return n === 1 ? { ...first, ...own } : { url: first.url, ...own };
}

/** Reads the metadata file if there is one; a broken file is reported and ignored, never fatal. */
export function readMetadata(path: string): { meta: Metadata; error?: string } {
  if (!existsSync(path)) return { meta: {} };
  try {
    const parsed = MetadataSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return { meta: parsed.data };
    const issue = parsed.error.issues[0]!;
    return { meta: {}, error: `ignored: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  } catch (error) {
    return { meta: {}, error: `ignored: not valid JSON (${(error as Error).message})` };
  }
}
