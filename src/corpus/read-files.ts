/**
 * Reads article files: regular UTF-8 text files only, within a size limit. A bad entry (a dangling link, a
 * directory, a FIFO, a device, an unreadable file) is reported with its reason and never fatal, and never read
 * blindly: its type is checked before it is opened, it is opened without blocking, and at most the limit is read.
 */

import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
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

const reason = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'a link to a file that does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return (error as Error).message;
};

/** What a path that is not a regular file is, for the warning. */
function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads at most `maxBytes + 1` bytes of a regular file (following one symbolic link chain), or says why not.
 * One byte over the limit is enough to know the file is too large.
 */
export function readRegularFile(path: string, maxBytes: number): { bytes: Uint8Array } | { error: string } {
  let fd: number | undefined;
  try {
    const target = lstatSync(path).isSymbolicLink() ? statSync(path) : lstatSync(path);
    if (!target.isFile()) return { error: kindOf(target) };
    if (target.size > maxBytes) return { error: `larger than ${maxBytes} bytes` };
    // O_NONBLOCK: should the entry be swapped for a FIFO after the check, opening it does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { error: kindOf(opened) };
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { error: `larger than ${maxBytes} bytes` };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { error: reason(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The folder's entry names, or an error that names the folder and the setting it comes from. */
function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    throw new Error(`ARTICLES_DIR ${dir} cannot be read: ${reason(error)}`);
  }
}

/** Reads every `.txt` entry of a folder, in name order; `root` makes the reported paths relative. */
export function readArticleFiles(
  dir: string,
  root: string,
): { files: SourceFile[]; warnings: IngestWarning[]; names: string[] } {
  const files: SourceFile[] = [];
  const warnings: IngestWarning[] = [];
  const names = listFolder(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    const read = readRegularFile(path, MAX_ARTICLE_BYTES);
    const decoded = 'error' in read ? read : decodeArticle(read.bytes);
    if ('error' in decoded) warnings.push({ file, message: `skipped: ${decoded.error}` });
    else files.push({ file, stem: name.replace(/\.txt$/, ''), text: decoded.text });
  }
  return { files, warnings, names };
}
