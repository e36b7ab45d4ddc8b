/**
 * The optional language model's three tasks: an English rendering of a quote, Arabic search terms for an English
 * question, and a short synthesis with [n] markers. Every task is bounded by a signal, returns null (or []) on any
 * failure, and logs why without the texts; renderings and syntheses pass the guard or are dropped.
 */

import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { datePhrase, sourcePhrase, speakerPhrase } from '../answer/phrases.ts';
import type { Answer, Citation } from '../answer/schema.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { Logger } from '../logger.ts';
import { isMostlyArabic } from '../text/normalize.ts';
import { type ChatClient, ChatError } from './client.ts';
import { checkSynthesis, checkTranslation, type GuardResult } from './guard.ts';
import type { Prompts } from './prompts.ts';

/** An Arabic search term the model proposes, with how sure it is (0–1) when it says. */
export interface ArabicTerm {
  text: string;
  weight?: number;
}

/** What the model wrote and which model wrote it. */
export interface ModelText {
  text: string;
  model: string;
}

export interface LanguageModel {
  readonly model: string;
  /** The most time all calls for one answer may take together. */
  readonly timeoutMs: number;
  /** The English rendering of a citation's quote (cached by quote and model), or null. */
  translateQuote(citation: Citation, signal: AbortSignal): Promise<ModelText | null>;
  /** One to three sentences answering the question from the citations, with [n] markers, or null. */
  synthesise(answer: Answer, signal: AbortSignal): Promise<ModelText | null>;
  /** Arabic search terms for an English question, within the timeout; [] on any failure or for Arabic. */
  proposeArabicTerms(question: string): Promise<ArabicTerm[]>;
}

export interface LanguageModelOptions {
  client: ChatClient;
  prompts: Prompts;
  lexicon: Lexicon;
  logger: Logger;
  timeoutMs: number;
  /** Renderings and term lists kept (least recently used go first). */
  cacheSize?: number;
}

/** Terms kept from one proposal, and their bounds. */
const TERMS = { max: 8, maxChars: 40, maxWords: 3 };

const TermsSchema = z.union([
  z.object({ terms: z.array(z.unknown()) }).transform((o) => o.terms),
  z.array(z.unknown()),
]);
const TermSchema = z.union([
  z.string().transform((text) => ({ text, weight: undefined })),
  z.object({ text: z.string(), weight: z.number().optional().catch(undefined) }),
]);

/** Parses the model's term list: JSON, possibly inside a ``` fence or after a sentence; [] when it is not. */
export function parseTerms(output: string): ArabicTerm[] {
  const start = output.search(/[[{]/);
  const end = Math.max(output.lastIndexOf('}'), output.lastIndexOf(']'));
  if (start < 0 || end < start) return [];
  let json: unknown;
  try {
    json = JSON.parse(output.slice(start, end + 1));
  } catch {
    return [];
  }
  const list = TermsSchema.safeParse(json);
  if (!list.success) return [];
  const seen = new Set<string>();
  const terms: ArabicTerm[] = [];
  for (const item of list.data) {
    const term = TermSchema.safeParse(item);
    if (!term.success) continue;
    const text = term.data.text.replace(/\s+/g, ' ').trim();
    const words = text.split(' ').length;
    if (!text || text.length > TERMS.maxChars || words > TERMS.maxWords || !isMostlyArabic(text)) continue;
    if (seen.has(text)) continue;
    seen.add(text);
    const w = term.data.weight;
    terms.push(
      w === undefined || !Number.isFinite(w) ? { text } : { text, weight: Math.min(1, Math.max(0, w)) },
    );
    if (terms.length === TERMS.max) break;
  }
  return terms;
}

/** The citations as the synthesis prompt lists them: number, speaker, date, source, quote. */
export function citationsForPrompt(citations: Citation[]): string {
  return citations
    .map((c, i) =>
      [
        `[${i + 1}] Speaker: ${c.speaker ? `${c.speaker.en} (${c.speaker.ar})` : speakerPhrase(null, 'en')}`,
        `Date: ${datePhrase(c.date, 'en')}`,
        `Source: ${sourcePhrase(c.source, 'en')}`,
        `Quotation: «${c.quote}»`,
      ].join('\n'),
    )
    .join('\n\n');
}

const LANGUAGE_NAMES = { en: 'English', ar: 'Arabic' } as const;

/** Creates the language model's tasks over a chat client. */
export function createLanguageModel(options: LanguageModelOptions): LanguageModel {
  const { client, prompts, lexicon, logger, timeoutMs } = options;
  const model = client.model;
  const cache = new LRUCache<string, string>({ max: options.cacheSize ?? 5000 });
  const termCache = new LRUCache<string, ArabicTerm[]>({ max: options.cacheSize ?? 5000 });

  /** Calls the model; null on failure, logged with its kind and status only. */
  async function call(task: string, prompt: string, signal: AbortSignal): Promise<string | null> {
    try {
      return await client.complete(prompt, signal);
    } catch (error) {
      const e = error instanceof ChatError ? error : new ChatError('network', String(error));
      logger.warn({ task, model, kind: e.kind, status: e.status }, 'language model call failed');
      return null;
    }
  }

  /** Keeps output that passes the guard; logs a drop with its reason (the text only at debug level). */
  function guarded(task: string, output: string, result: GuardResult): ModelText | null {
    if (result.ok) return { text: output.trim(), model };
    logger.warn({ task, model, reason: result.reason }, 'language model output dropped by the guard');
    logger.debug({ task, model, output }, 'dropped output');
    return null;
  }

  return {
    model,
    timeoutMs,

    async translateQuote(citation, signal) {
      const key = `${model}\n${citation.quote}`;
      const cached = cache.get(key);
      if (cached !== undefined) return { text: cached, model };
      const output = await call(
        'translation',
        prompts.translateQuote.fill({ quote: citation.quote }),
        signal,
      );
      if (output === null) return null;
      const kept = guarded('translation', output, checkTranslation(output, citation, lexicon));
      if (kept) cache.set(key, kept.text);
      return kept;
    },

    async synthesise(answer, signal) {
      if (!answer.answered) return null;
      const prompt = prompts.synthesis.fill({
        question: answer.question,
        language: LANGUAGE_NAMES[answer.language],
        citations: citationsForPrompt(answer.citations),
      });
      const output = await call('synthesis', prompt, signal);
      if (output === null) return null;
      return guarded('synthesis', output, checkSynthesis(output, answer.citations, lexicon));
    },

    async proposeArabicTerms(question) {
      const text = question.trim();
      if (text === '' || isMostlyArabic(text)) return [];
      const key = `${model}\n${text}`;
      const cached = termCache.get(key);
      if (cached) return cached;
      const output = await call(
        'query-terms',
        prompts.queryTerms.fill({ question: text }),
        AbortSignal.timeout(timeoutMs),
      );
      if (output === null) return [];
      const terms = parseTerms(output);
      if (terms.length === 0)
        logger.warn({ task: 'query-terms', model }, 'language model proposed no usable terms');
      else termCache.set(key, terms);
      return terms;
    },
  };
}
