/** Reads article files: UTF-8 text only, within a size limit; a bad file is reported, never fatal. */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IngestWarning } from './types.ts';

/** Files larger than this are skipped (a news article is a few kilobytes). */
export const MAX_ARTICLE_BYTES = 1_000_000;

/** An article file read as text. */
export interface SourceFile {
  /** Path relative to the project root. */
  file: string;
  /** File name without `.txt`: the stem of article ids. */
  stem: string;
  text: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes one file's bytes, or says why it cannot be used. */
export function decodeArticle(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: 'empty file' };
  if (bytes.length > MAX_ARTICLE_BYTES) return { error: `larger than ${MAX_ARTICLE_BYTES} bytes` };
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { error: 'not valid UTF-8' };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { error: 'empty file (only white space)' };
  return { text };
}

/** Reads every `.txt` file of a folder, in name order; `root` makes the reported paths relative. */
export function readArticleFiles(
  dir: string,
  root: string,
): { files: SourceFile[]; warnings: IngestWarning[] } {
  const files: SourceFile[] = [];
  const warnings: IngestWarning[] = [];
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    if (!statSync(path).isFile()) continue;
    const decoded = decodeArticle(readFileSync(path));
    if ('error' in decoded) warnings.push({ file, message: `skipped: ${decoded.error}` });
    else files.push({ file, stem: name.replace(/\.txt$/, ''), text: decoded.text });
  }
  return { files, warnings };
}
