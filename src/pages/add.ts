/**
 * Adds one article to the articles folder: from a web address, a saved HTML page or a text file. The text goes
 * into `<name>.txt` (headline first, then the paragraphs), and what the page's metadata states (URL, headline,
 * date, outlet) into `meta.json` beside it. An article already in the folder (the same URL, or the same text under
 * another name) is refused, and so is a page with no article text; on refusal nothing is written.
 */

import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ingestCorpus, ingestFile, textKey } from '../corpus/ingest.ts';
import { MAX_HEADLINE_CHARS } from '../corpus/limits.ts';
import { type ArticleMeta, type Metadata, readMetadata } from '../corpus/metadata.ts';
import { decodeArticle, MAX_ARTICLE_BYTES, readRegularFile } from '../corpus/read-files.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { extractArticle } from './extract.ts';
import { type FetchOptions, fetchPage, PageError } from './fetch.ts';

export { PageError } from './fetch.ts';

/** What was added. */
export interface Added {
  file: string;
  articleIds: string[];
  meta: ArticleMeta;
}

export interface AddOptions extends FetchOptions {
  articlesDir: string;
  lexicon: Lexicon;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\.txt$/;

/** A file name for a page: its host and a short hash of its address, so the same URL gives the same name. */
export function fileNameFor(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, '').replace(/[^A-Za-z0-9.-]/g, '_');
  return `${host}_${createHash('sha256').update(url).digest('hex').slice(0, 12)}.txt`;
}

/** The article file's text: the headline, then the paragraphs, one per line. */
function articleText(title: string | null, paragraphs: string[]): string {
  const body = title && paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  return `${[title, ...body].filter(Boolean).join('\n')}\n`;
}

function writeAtomically(path: string, text: string) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Checks a candidate against the folder and writes it, or throws a PageError saying why not. */
function save(options: AddOptions, name: string, text: string, meta: ArticleMeta): Added {
  const { articlesDir, lexicon } = options;
  if (!SAFE_NAME.test(name))
    throw new PageError('the file name must end in .txt and use only Latin letters, digits, _ . -');
  const metaPath = join(articlesDir, 'meta.json');
  const existing = readMetadata(metaPath);
  if (existing.error) throw new PageError(`meta.json cannot be updated: ${existing.error}`);
  if (meta.url) {
    const same = Object.entries(existing.meta).find(([, m]) => m.url === meta.url);
    if (same) throw new PageError(`this page was already added as ${same[0]}`);
  }
  const bytes = Buffer.from(text);
  if (bytes.length > MAX_ARTICLE_BYTES)
    throw new PageError(`the article is larger than ${MAX_ARTICLE_BYTES} bytes`);
  const stem = name.replace(/\.txt$/, '');
  const fileMeta = Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) as ArticleMeta;
  const { articles } = ingestFile({ file: name, stem, text }, lexicon, { [name]: fileMeta });
  if (articles.length === 0) throw new PageError('no article text found on the page');
  const corpus = ingestCorpus({ articlesDir, root: articlesDir, lexicon });
  if (corpus.articles.some((a) => basename(a.file) === name))
    throw new PageError(`an article file named ${name} already exists`);
  const keys = new Map(corpus.articles.map((a) => [textKey(a), a.id]));
  for (const a of articles) {
    const same = keys.get(textKey(a));
    if (same) throw new PageError(`the same text is already in the corpus as ${same}`);
  }
  writeFileSync(join(articlesDir, name), bytes, { flag: 'wx' });
  if (Object.keys(fileMeta).length > 0) {
    const next: Metadata = { ...existing.meta, [name]: fileMeta };
    writeAtomically(metaPath, `${JSON.stringify(next, null, 2)}\n`);
  }
  return { file: name, articleIds: articles.map((a) => a.id), meta: fileMeta };
}

const cap = (s: string | null) => (s && s.length > MAX_HEADLINE_CHARS ? null : s);

/** Adds an article from a web page. */
export async function addFromUrl(url: string, options: AddOptions): Promise<Added> {
  const page = await fetchPage(url, options);
  return addFromHtml(page.html, page.url, fileNameFor(page.url), options);
}

/** Adds an article from a page's HTML (fetched, or saved to a file); `url` is where it came from, if known. */
export function addFromHtml(html: string, url: string | null, name: string, options: AddOptions): Added {
  const page = extractArticle(html, url);
  if (page.paragraphs.length === 0) throw new PageError('no article text found on the page');
  const meta: ArticleMeta = {
    url: page.url ?? undefined,
    title: cap(page.title) ?? undefined,
    date: page.date ?? undefined,
    outlet: page.outlet ?? undefined,
  };
  return save(options, name, articleText(page.title, page.paragraphs), meta);
}

/** Adds an article from a local file: `.html`/`.htm` pages are extracted, `.txt` files copied as they are. */
export function addFromFile(path: string, options: AddOptions): Added {
  const read = readRegularFile(path, MAX_ARTICLE_BYTES * 5);
  if ('error' in read) throw new PageError(`${path}: ${read.error}`);
  const name = basename(path);
  if (/\.html?$/i.test(name)) {
    const html = new TextDecoder('utf-8').decode(read.bytes);
    return addFromHtml(html, null, name.replace(/\.html?$/i, '.txt'), options);
  }
  if (!/\.txt$/i.test(name)) throw new PageError(`${name}: only .txt, .html and .htm files can be added`);
  return addText(name, read.bytes, options);
}

/** Adds a `.txt` article from its bytes (an upload): UTF-8 text within the size limit, new to the corpus. */
export function addText(name: string, bytes: Uint8Array, options: AddOptions): Added {
  const decoded = decodeArticle(bytes);
  if ('error' in decoded) throw new PageError(`${name}: ${decoded.error}`);
  return save(options, name, decoded.text, {});
}
