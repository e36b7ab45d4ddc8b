/**
 * Wiring only: configuration -> lexicon -> analyser -> embedder -> index -> answerer. Every channel (command
 * line, bot) starts here and then only calls `answer()`.
 */

import { join, relative } from 'node:path';
import type { Answerer } from './answer/answer.ts';
import { createAnswerer } from './answer/answer.ts';
import { COVERAGE_VERSION, describeCoverage } from './answer/coverage.ts';
import { queueAnswers } from './answer/queue.ts';
import type { CoreConfig } from './config.ts';
import { ingestFile } from './corpus/ingest.ts';
import { readMetadata } from './corpus/metadata.ts';
import { decodeArticle, MAX_ARTICLE_BYTES, readRegularFile } from './corpus/read-files.ts';
import type { Article, IngestWarning } from './corpus/types.ts';
import { type Analyser, createAnalyser } from './index/analyser.ts';
import type { Embedder } from './index/embedders/embedder.ts';
import { createLexicalEmbedder } from './index/embedders/lexical.ts';
import { createOpenAIEmbedder } from './index/embedders/openai.ts';
import { addArticles } from './index/search-index.ts';
import { indexFingerprintAndStamp, openIndex, saveIndex } from './index/store.ts';
import type { Lexicon } from './lexicon/lexicon.ts';
import { loadLexicon } from './lexicon/lexicon.ts';
import { PROJECT_ROOT } from './paths.ts';
import { type LanguageResources, loadLanguageResources } from './search/resources.ts';

/** An answerer and how its index was obtained. */
export interface Engine {
  answerer: Answerer;
  origin: 'loaded' | 'built';
  lexicon: Lexicon;
  /** The lexicon, dictionary and thesaurus questions are read with. */
  resources: LanguageResources;
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
    ingestThreads: config.INGEST_THREADS,
    warn: options.warn,
    // The coverage summary is saved with the index: made again at each start it costs seconds at scale.
    summary: { version: COVERAGE_VERSION, make: (index) => describeCoverage(index, lexicon) },
  });
  const resources = loadLanguageResources(lexicon, config.DICTIONARY_DIR);
  return {
    answerer: queueAnswers(createAnswerer(opened.index, resources, opened.summary), answersAtOnce(config)),
    origin: opened.origin,
    lexicon,
    resources,
    openMs: performance.now() - started,
  };
}

/** Answers wait on remote endpoints only with neural embeddings or a language model: then a few run at once. */
const answersAtOnce = (config: CoreConfig) =>
  config.EMBEDDER === 'openai' || config.LLM_BASE_URL !== undefined ? REMOTE_ANSWERS_AT_ONCE : 1;

/**
 * Adds article files (already in the articles folder) to the engine's index without rebuilding it: each is read
 * and ingested alone, its units are added to the index, and the index is saved under the folder's new fingerprint.
 * Returns the engine over the grown index for the caller to swap in; the engine passed answers questions already
 * under way. `save: false` leaves the saved index as it was (the next start rebuilds it).
 */
export async function addArticleFiles(
  engine: Engine,
  config: CoreConfig,
  names: string[],
  options: { save?: boolean } = {},
): Promise<Engine> {
  const started = performance.now();
  const { meta } = readMetadata(join(config.ARTICLES_DIR, 'meta.json'));
  const articles: Article[] = [];
  const warnings: IngestWarning[] = [];
  for (const name of names) {
    const file = relative(PROJECT_ROOT, join(config.ARTICLES_DIR, name));
    const read = readRegularFile(join(config.ARTICLES_DIR, name), MAX_ARTICLE_BYTES);
    const decoded = 'error' in read ? read : decodeArticle(read.bytes);
    if ('error' in decoded) {
      warnings.push({ file, message: `skipped: ${decoded.error}` });
      continue;
    }
    const ingested = ingestFile(
      { file, stem: name.replace(/\.txt$/, ''), text: decoded.text },
      engine.lexicon,
      meta,
    );
    articles.push(...ingested.articles);
    warnings.push(...ingested.warnings);
  }
  const index = await addArticles(engine.answerer.index, articles, warnings);
  // Saved with the index when it is saved; else made when first read.
  const coverage = options.save !== false ? describeCoverage(index, engine.lexicon) : undefined;
  if (coverage) {
    const fingerprint = indexFingerprintAndStamp({
      articlesDir: config.ARTICLES_DIR,
      lexiconPath: config.LEXICON_PATH,
      analyser: index.analyser,
      embedder: index.embedder,
    });
    saveIndex(index, config.INDEX_PATH, fingerprint, { version: COVERAGE_VERSION, value: coverage });
  }
  return {
    ...engine,
    answerer: queueAnswers(createAnswerer(index, engine.resources, coverage), answersAtOnce(config)),
    openMs: performance.now() - started,
  };
}
