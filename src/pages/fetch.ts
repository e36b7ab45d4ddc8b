/**
 * Fetches a web page for ingestion: http(s) only, a timeout for the whole transfer, a size cap enforced while
 * reading (a server that lies about its length or never ends is cut off), and an HTML content type. Every failure
 * is a PageError whose message says what went wrong in words a user can act on.
 */

/** Why a page could not be fetched or read. */
export class PageError extends Error {
  override name = 'PageError';
}

export interface FetchOptions {
  /** The whole request, headers and body, must finish within this time. */
  timeoutMs?: number;
  /** Bodies larger than this are refused. */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5_000_000;

/** A fetched HTML page: its text and the address it came from after redirects. */
export interface FetchedPage {
  html: string;
  url: string;
}

/** Parses a user's URL, accepting only http and https. */
export function parseWebUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new PageError(`not a URL: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PageError(`only http and https addresses can be added, not ${url.protocol}`);
  return url;
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PageError(`the page is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Fetches an HTML page. */
export async function fetchPage(input: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const url = parseWebUrl(input);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'ukraine-talks-quotes-bot' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new PageError(`the server answered ${response.status} ${response.statusText}`.trim());
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/text\/html|application\/xhtml\+xml/i.test(type)) {
      await response.body?.cancel();
      throw new PageError(`not an HTML page (content type "${type || 'none'}")`);
    }
    const length = Number(response.headers.get('content-length'));
    if (length > maxBytes) {
      await response.body?.cancel();
      throw new PageError(`the page is larger than ${maxBytes} bytes`);
    }
    const bytes = response.body ? await readCapped(response.body, maxBytes) : new Uint8Array();
    const charset = /charset=([\w-]+)/i.exec(type)?.[1] ?? 'utf-8';
    let html: string;
    try {
      html = new TextDecoder(charset).decode(bytes);
    } catch {
      html = new TextDecoder('utf-8').decode(bytes);
    }
    return { html, url: response.url || url.href };
  } catch (error) {
    if (error instanceof PageError) throw error;
    if (signal.aborted) throw new PageError(`no complete answer within ${timeoutMs / 1000} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new PageError(
      `could not fetch the page (${cause?.code ?? cause?.message ?? (error as Error).message})`,
    );
  }
}
