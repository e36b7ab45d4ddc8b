/**
 * Wiring only: configuration -> lexicon -> analyser -> embedder -> index -> answerer. Every channel (command
 * line, bot) starts here and then only calls `answer()`.
 */

import type { Answerer } from './answer/answer.ts';
import { createAnswerer } from './answer/answer.ts';
import { queueAnswers } from './answer/queue.ts';
import type { CoreConfig } from './config.ts';
import { type Analyser, createAnalyser } from './index/analyser.ts';
import type { Embedder } from './index/embedders/embedder.ts';
import { createLexicalEmbedder } from './index/embedders/lexical.ts';
import { createOpenAIEmbedder } from './index/embedders/openai.ts';
import { openIndex } from './index/store.ts';
import type { Lexicon } from './lexicon/lexicon.ts';
import { loadLexicon } from './lexicon/lexicon.ts';
import { PROJECT_ROOT } from './paths.ts';
import { loadLanguageResources } from './search/resources.ts';

/** An answerer and how its index was obtained. */
export interface Engine {
  answerer: Answerer;
  origin: 'loaded' | 'built';
  lexicon: Lexicon;
  /** Milliseconds to open the index. */
  openMs: number;
}

/** Answers computed at once when each may wait on a remote endpoint. */
const REMOTE_ANSWERS_AT_ONCE = 4;

/** Chooses the embedder the configuration names. */
function createEmbedder(config: CoreConfig, lexicon: Lexicon, analyser: Analyser): Embedder {
  if (config.EMBEDDER === 'openai') {
    return createOpenAIEmbedder({
      baseUrl: config.EMBEDDINGS_BASE_URL!,
      model: config.EMBEDDINGS_MODEL!,
      apiKey: config.EMBEDDINGS_API_KEY,
      timeoutMs: config.EMBEDDINGS_TIMEOUT_MS,
    });
  }
  return createLexicalEmbedder(lexicon, analyser);
}

/** Opens (loads or builds) the index and returns the answerer over it. */
export async function createEngine(
  config: CoreConfig,
  options: { rebuild?: boolean; warn?: (message: string) => void } = {},
): Promise<Engine> {
  const started = performance.now();
  const lexicon = loadLexicon(config.LEXICON_PATH);
  const analyser = createAnalyser(lexicon.nameKeys());
  const embedder = createEmbedder(config, lexicon, analyser);
  const opened = await openIndex({
    articlesDir: config.ARTICLES_DIR,
    root: PROJECT_ROOT,
    lexicon,
    lexiconPath: config.LEXICON_PATH,
    indexPath: config.INDEX_PATH,
    analyser,
    embedder,
    rebuild: options.rebuild,
    warn: options.warn,
  });
  // Answers wait on remote endpoints only with neural embeddings or a language model: then a few run at once.
  const remote = config.EMBEDDER === 'openai' || config.LLM_BASE_URL !== undefined;
  return {
    answerer: queueAnswers(
      createAnswerer(opened.index, loadLanguageResources(lexicon, config.DICTIONARY_DIR)),
      remote ? REMOTE_ANSWERS_AT_ONCE : 1,
    ),
    origin: opened.origin,
    lexicon,
    openMs: performance.now() - started,
  };
}
