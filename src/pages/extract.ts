/**
 * Extracts an article from an HTML page: the text with Mozilla's Readability (on a linkedom document), the
 * headline, date, outlet and agencies from the page's metadata: JSON-LD NewsArticle, Open Graph
 * (og:title, og:site_name, article:published_time), <time datetime>, then <title>. What the metadata says counts
 * as stated by the page.
 */

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDate } from '../text/dates.ts';

/** What a page yields: the article's paragraphs and what its metadata states. */
export interface ExtractedArticle {
  title: string | null;
  /** YYYY-MM-DD, the date part as the page writes it (its own time zone). */
  date: string | null;
  outlet: string | null;
  url: string | null;
  paragraphs: string[];
}

const clean = (s: string | null | undefined) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** The date part of an ISO date-time as written ("2025-11-26T22:40:00+02:00" -> 2025-11-26), if it is real. */
function datePart(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

type Json = Record<string, unknown>;

/** JSON-LD objects of a page, flattened out of arrays and @graph. */
function jsonLd(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      if ('@graph' in v) visit((v as Json)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common; the other metadata still counts.
    }
  }
  return out;
}

const isNews = (o: Json) => {
  const type = o['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some(
    (t) => typeof t === 'string' && /(?:News)?Article|ReportageNewsArticle|BlogPosting/.test(t),
  );
};
const nameOf = (v: unknown): string | null =>
  typeof v === 'string'
    ? clean(v)
    : v && typeof v === 'object'
      ? clean(String((v as Json).name ?? ''))
      : null;

/** The paragraphs of Readability's article HTML: block elements' text, in order. */
function paragraphsOf(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = document.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, pre');
  const out: string[] = [];
  for (const b of blocks) {
    // Nested blocks (a <p> in a <blockquote>) are read once, as the innermost.
    if (b.querySelector('p, li, h2, h3, h4')) continue;
    const text = clean(b.textContent);
    if (text) out.push(text);
  }
  return out;
}

/** Extracts the article and its metadata from a page fetched from (or saved from) `url`. */
export function extractArticle(html: string, url: string | null): ExtractedArticle {
  const { document } = parseHTML(html);
  const meta = (key: string) =>
    clean(document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'));
  const news = jsonLd(document).find(isNews);
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');

  const title =
    clean(typeof news?.headline === 'string' ? news.headline : null) ??
    meta('og:title') ??
    meta('twitter:title') ??
    clean(document.querySelector('h1')?.textContent) ??
    clean(document.querySelector('title')?.textContent);
  const date =
    datePart(typeof news?.datePublished === 'string' ? news.datePublished : null) ??
    datePart(meta('article:published_time')) ??
    datePart(meta('datePublished')) ??
    datePart(time);
  const outlet = nameOf(news?.publisher) ?? meta('og:site_name') ?? meta('application-name');
  const canonical =
    meta('og:url') ?? clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? url;

  const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  return {
    title,
    date,
    outlet,
    url: canonical && /^https?:\/\//i.test(canonical) ? canonical : url,
    paragraphs,
  };
}
