/**
 * Any OpenAI-compatible `/v1/embeddings` endpoint: OpenAI, Ollama, llama.cpp server, vLLM, TEI.
 * Texts go in batches; errors say what failed without the key.
 */

import { endpointUrl, postJson } from '../../http.ts';
import { type Embedder, EmbedderError, normalise } from './embedder.ts';

/** Where the endpoint is and how to call it. */
export interface OpenAIEmbedderOptions {
  /** Base URL up to and including `/v1`, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  batchSize?: number;
  fetch?: typeof fetch;
}

interface EmbeddingsResponse {
  data?: Array<{ embedding?: unknown; index?: number }>;
}

/** Creates an embedder that calls an OpenAI-compatible endpoint. */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const url = endpointUrl(options.baseUrl, 'embeddings');
  const doFetch = options.fetch ?? fetch;
  const batchSize = options.batchSize ?? 64;

  const embedBatch = async (input: string[]): Promise<number[][]> => {
    let response: Response;
    try {
      response = await postJson(
        doFetch,
        url,
        { model: options.model, input },
        options.apiKey,
        AbortSignal.timeout(options.timeoutMs ?? 15_000),
      );
    } catch (error) {
      throw new EmbedderError(`embeddings endpoint ${url} unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) {
      throw new EmbedderError(
        `embeddings endpoint ${url} answered ${response.status} ${response.statusText}`,
      );
    }
    const body = (await response.json().catch(() => ({}))) as EmbeddingsResponse;
    const rows = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const vectors = rows.map((r) => r.embedding);
    if (
      vectors.length !== input.length ||
      !vectors.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'))
    ) {
      throw new EmbedderError(
        `embeddings endpoint ${url} returned ${vectors.length} embeddings for ${input.length} texts`,
      );
    }
    const width = (vectors[0] as number[]).length;
    if (width === 0 || !vectors.every((v) => (v as number[]).length === width)) {
      throw new EmbedderError(`embeddings endpoint ${url} returned vectors of differing sizes`);
    }
    return (vectors as number[][]).map(normalise);
  };

  return {
    id: `openai-${new URL(url).host}-${options.model}`,
    // A multilingual model matches meaning across languages and paraphrase, which full text cannot: a third of the
    // score, so that it reorders close candidates without outvoting the words the question shares with a passage.
    searchWeight: 0.3,
    semantic: true,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize)
        out.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      return out;
    },
  };
}
