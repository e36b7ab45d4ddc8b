/**
 * The optional metadata file, `data/articles/meta.json`: per file, and per article inside a file, the URL, outlet,
 * title and publication date. It completes and overrides what the text says; its date counts as stated.
 *
 *     { "001_x.txt": { "url": "https://…", "date": "2024-02-10", "articles": { "2": { "outlet": "الاتحاد" } } } }
 *
 * The fields at file level describe the file's first article, so a date never leaks into a second one; `url`
 * alone describes the page and applies to every article of the file.
 */

import { lstatSync } from 'node:fs';
import { z } from 'zod';
import { CUT_MARK, cutText, MAX_HEADLINE_CHARS } from './limits.ts';
import { readRegularFile } from './read-files.ts';

/** A metadata file is small: a few hundred bytes per article. */
const MAX_METADATA_BYTES = 5_000_000;

const ArticleMetaSchema = z.strictObject({
  // Only web pages: a javascript: or file: URL would end up as a link in replies.
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
  // A headline longer than any real one is cut, and the cut marked, rather than refused with the whole file.
  title: z
    .string()
    .trim()
    .min(1)
    .transform((t) => {
      const { text, cut } = cutText(t, MAX_HEADLINE_CHARS);
      return cut ? `${text}${CUT_MARK}` : text;
    })
    .optional(),
  date: z.iso.date().optional(),
  /** Agencies the article credits ("أ ف ب"، "رويترز"). */
  agencies: z.array(z.string().trim().min(1).max(100)).max(10).optional(),
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
  // lstat, not exists: a dangling link named meta.json is reported rather than taken for no file.
  try {
    lstatSync(path);
  } catch {
    return { meta: {} };
  }
  const read = readRegularFile(path, MAX_METADATA_BYTES);
  if ('error' in read) return { meta: {}, error: `ignored: ${read.error}` };
  try {
    const parsed = MetadataSchema.safeParse(JSON.parse(new TextDecoder().decode(read.bytes)));
    if (parsed.success) return { meta: parsed.data };
    const issue = parsed.error.issues[0]!;
    return { meta: {}, error: `ignored: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  } catch (error) {
    return { meta: {}, error: `ignored: not valid JSON (${(error as Error).message})` };
  }
}

/** Entries of the metadata file for files that are not in the folder (a typo, or a file since removed). */
export function orphanEntries(meta: Metadata, fileNames: ReadonlySet<string>): string[] {
  return Object.keys(meta).filter((name) => !fileNames.has(name));
}
