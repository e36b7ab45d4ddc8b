/**
 * A minimal client for any OpenAI-compatible `/v1/chat/completions` endpoint (OpenAI, Ollama, llama.cpp server,
 * vLLM). Written by hand rather than with the OpenAI SDK because every call must stay inside one deadline shared by
 * its retries, and the SDK reads OPENAI_* variables from the environment and insists on a key a local server lacks.
 * Errors say what failed and never carry the key or the texts.
 */

import { endpointUrl, postJson } from '../http.ts';

/** Why a call failed: callers log the kind, never the content. */
export type ChatErrorKind = 'timeout' | 'http' | 'network' | 'malformed';

export class ChatError extends Error {
  override name = 'ChatError';
  constructor(
    readonly kind: ChatErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Where the endpoint is and how to call it. */
export interface ChatClientOptions {
  /** Base URL up to and including `/v1`, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Attempts per call, the first included (429, 5xx and network errors are retried). */
  attempts?: number;
  /** First wait between attempts; it doubles each time, with jitter. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

/** Sends one user message and returns the model's text. */
export interface ChatClient {
  readonly model: string;
  /** `signal` bounds the whole call, retries and waits included. */
  complete(prompt: string, signal: AbortSignal): Promise<string>;
}

interface CompletionResponse {
  choices?: Array<{ message?: { content?: unknown } }>;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

/** Waits, or rejects as soon as the signal aborts. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Seconds of a Retry-After header (the HTTP-date form is ignored: the backoff applies then). */
function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** Creates a client for one model on one endpoint. */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const url = endpointUrl(options.baseUrl, 'chat/completions');
  const doFetch = options.fetch ?? fetch;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 250;

  async function attempt(prompt: string, signal: AbortSignal): Promise<string> {
    let response: Response;
    try {
      response = await postJson(
        doFetch,
        url,
        {
          model: options.model,
          messages: [{ role: 'user', content: prompt }],
          temperature: 0,
          stream: false,
        },
        options.apiKey,
        signal,
      );
    } catch (error) {
      if (signal.aborted) throw new ChatError('timeout', `chat endpoint ${url} did not answer in time`);
      throw new ChatError('network', `chat endpoint ${url} unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const error = new ChatError(
        'http',
        `chat endpoint ${url} answered ${response.status}`,
        response.status,
      );
      throw Object.assign(error, { retryAfterMs: retryAfterMs(response) });
    }
    let body: CompletionResponse;
    try {
      body = (await response.json()) as CompletionResponse;
    } catch {
      if (signal.aborted) throw new ChatError('timeout', `chat endpoint ${url} did not answer in time`);
      throw new ChatError('malformed', `chat endpoint ${url} returned a body that is not JSON`);
    }
    const content = body?.choices?.[0]?.message?.content;
    if (typeof content !== 'string')
      throw new ChatError('malformed', `chat endpoint ${url} returned no choices[0].message.content`);
    return content;
  }

  return {
    model: options.model,
    async complete(prompt, signal) {
      for (let n = 1; ; n++) {
        try {
          return await attempt(prompt, signal);
        } catch (error) {
          const e = error as ChatError & { retryAfterMs?: number };
          const retryable = e.kind === 'network' || (e.kind === 'http' && RETRYABLE(e.status ?? 0));
          if (!retryable || n >= attempts) throw e;
          const backoff = backoffMs * 2 ** (n - 1) * (0.75 + Math.random() / 2);
          try {
            await wait(e.retryAfterMs ?? backoff, signal);
          } catch {
            throw new ChatError(
              'timeout',
              `chat endpoint ${url} did not answer in time (after ${n} attempts)`,
            );
          }
        }
      }
    },
  };
}
