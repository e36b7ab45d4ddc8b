/**
 * Adding an article from a URL or an HTML file, against an HTTP server on 127.0.0.1 that serves HTML fixtures
 * written for the purpose: several site layouts, a page with no metadata, a 404, a slow server, a non-HTML body,
 * a huge body. Metadata lands in meta.json; the same article twice is refused and nothing is written then.
 */

import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/corpus/ingest.ts';
import { addFromFile, addFromUrl, fileNameFor } from '../../src/pages/add.ts';
import { extractArticle } from '../../src/pages/extract.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/pages');
const page = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*/, '');
    if (path === '/missing') return void res.writeHead(404).end('not found');
    if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 3_000);
    if (path === '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' }); // no length: the cap must hold while reading
      const chunk = `<p>${'كلمة '.repeat(2_000)}</p>`;
      let sent = 0;
      const pump = () => {
        while (sent < 2_000 && res.write(chunk)) sent++;
        if (sent < 2_000) res.once('drain', pump);
        else res.end();
      };
      return void pump();
    }
    const file = join(FIXTURES, `${path.slice(1)}.html`);
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const folder = () => mkdtempSync(join(tmpdir(), 'add-'));
const options = (articlesDir: string) => ({ articlesDir, lexicon, timeoutMs: 1_000, maxBytes: 200_000 });
const meta = (dir: string) => JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));

describe('extractArticle', () => {
  it('prefers JSON-LD NewsArticle: headline, the date as the page writes it, publisher', () => {
    const a = extractArticle(page('jsonld-news.html'), 'https://example.org/a');
    expect(a).toMatchObject({
      title: 'الكرملين يرحب بمحادثات جديدة في جنيف',
      date: '2025-03-04', // 23:30 in Moscow: the page's own date, not UTC's
      outlet: 'جريدة المثال',
      url: 'https://example.org/a',
    });
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs.join('\n')).not.toMatch(/الرئيسية|جميع الحقوق/);
  });

  it('reads Open Graph, and og:url as the address', () => {
    expect(extractArticle(page('opengraph.html'), null)).toMatchObject({
      title: 'لافروف: لا بديل عن الحوار مع الولايات المتحدة',
      date: '2024-11-18',
      outlet: 'موقع الأنباء التجريبي',
      url: 'https://news.example/world/lavrov-dialogue',
    });
  });

  it('reads <time datetime> and the <h1> when that is all there is', () => {
    expect(extractArticle(page('time-tag.html'), null)).toMatchObject({
      title: 'ويتكوف يصل إلى موسكو لبحث خطة السلام',
      date: '2025-12-02',
      outlet: null,
    });
  });

  it('states nothing for a page with no metadata', () => {
    const a = extractArticle(page('no-metadata.html'), null);
    expect(a).toMatchObject({ title: null, date: null, outlet: null, url: null });
    expect(a.paragraphs).toHaveLength(3);
  });
});

describe('addFromUrl', () => {
  it('saves the text and records the metadata, which then counts as stated', async () => {
    const dir = folder();
    const added = await addFromUrl(`${base}/jsonld-news`, options(dir));
    expect(added.file).toBe(fileNameFor(`${base}/jsonld-news`));
    expect(meta(dir)[added.file]).toEqual({
      url: `${base}/jsonld-news`,
      title: 'الكرملين يرحب بمحادثات جديدة في جنيف',
      date: '2025-03-04',
      outlet: 'جريدة المثال',
    });
    const [article] = ingestCorpus({ articlesDir: dir, root: dir, lexicon }).articles;
    expect(article).toMatchObject({
      title: 'الكرملين يرحب بمحادثات جديدة في جنيف',
      outlet: 'جريدة المثال',
      date: { iso: '2025-03-04', basis: 'stated' },
    });
    expect(article!.quotes[0]).toMatchObject({
      text: 'نحن مستعدون لمواصلة العمل مع واشنطن على أساس الاحترام المتبادل والمصالح المشتركة',
      speaker: { id: 'peskov' },
    });
  });

  it('recognises the same page twice, and the same text under another name; nothing more is written', async () => {
    const dir = folder();
    await addFromUrl(`${base}/opengraph`, options(dir));
    await addFromUrl(`${base}/jsonld-news`, options(dir));
    const before = readdirSync(dir).sort();
    // The page names its address in og:url: the same page is recognised whatever address it was fetched from.
    await expect(addFromUrl(`${base}/opengraph?from=feed`, options(dir))).rejects.toThrow(/already added as/);
    const copy = join(folder(), 'copy-of-page.html');
    copyFileSync(join(FIXTURES, 'jsonld-news.html'), copy);
    expect(() => addFromFile(copy, options(dir))).toThrow(/same text is already in the corpus/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it.each([
    ['/missing', 'the server answered 404 Not Found'],
    ['/slow', 'no complete answer within 1 s'],
    ['/json', 'not an HTML page (content type "application/json")'],
    ['/huge', 'the page is larger than 200000 bytes'],
    ['/no-article', 'no article text found on the page'],
  ])('refuses %s with a clear message', async (path, message) => {
    const dir = folder();
    await expect(addFromUrl(`${base}${path}`, options(dir))).rejects.toThrow(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('accepts only http and https addresses, and says when nothing listens', async () => {
    await expect(addFromUrl('file:///etc/passwd', options(folder()))).rejects.toThrow(
      'only http and https addresses can be added, not file:',
    );
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(addFromUrl(`http://127.0.0.1:${port}/x`, options(folder()))).rejects.toThrow(
      'could not fetch the page (ECONNREFUSED)',
    );
  });
});

describe('addFromFile', () => {
  it('extracts a saved HTML page; a page without metadata adds no meta.json entry', () => {
    const dir = folder();
    const added = addFromFile(join(FIXTURES, 'no-metadata.html'), options(dir));
    expect(added.file).toBe('no-metadata.txt');
    expect(existsSync(join(dir, 'meta.json'))).toBe(false);
    const [article] = ingestCorpus({ articlesDir: dir, root: dir, lexicon }).articles;
    expect(article!.date).toEqual({ iso: null, text: null, basis: 'unknown' });
  });

  it('copies a text file, and refuses other kinds', () => {
    const dir = folder();
    const txt = join(folder(), 'note.txt');
    writeFileSync(txt, 'عنوان الخبر عن المحادثات\nقال بيسكوف إن "الحوار مع واشنطن مستمر رغم كل الصعوبات".\n');
    expect(addFromFile(txt, options(dir)).articleIds).toEqual(['note#1']);
    const pdf = join(folder(), 'x.pdf');
    writeFileSync(pdf, '%PDF');
    expect(() => addFromFile(pdf, options(dir))).toThrow(
      'x.pdf: only .txt, .html and .htm files can be added',
    );
  });
});
