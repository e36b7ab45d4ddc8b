/**
 * The library the bot serves from: the current answerer, swapped whole on reload (questions in flight finish on
 * the old one), and validated article uploads. The bot talks to this interface only; it never sees the index.
 */

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerOptions, SourceArticle } from './answer/answer.ts';
import type { CoverageSummary } from './answer/phrases.ts';
import type { Answer } from './answer/schema.ts';
import type { CoreConfig } from './config.ts';
import { ingestFile } from './corpus/ingest.ts';
import { decodeArticle } from './corpus/read-files.ts';
import type { IngestWarning } from './corpus/types.ts';
import { createEngine, type Engine } from './engine.ts';

/** What the bot needs of the corpus and the answers. */
export interface Library {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  coverage(): CoverageSummary;
  articles(): SourceArticle[];
  /** Re-reads the articles folder and swaps the new index in. */
  reload(): Promise<{ articles: number; warnings: IngestWarning[] }>;
  /** Validates an uploaded `.txt` article; adds it and reloads, or changes nothing and says why. */
  addArticle(
    fileName: string,
    bytes: Uint8Array,
  ): Promise<{ ok: true; articleIds: string[] } | { ok: false; error: string }>;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\.txt$/;

/** Opens the library: builds or loads the index once, then serves from it. */
export async function openLibrary(config: CoreConfig, warn?: (message: string) => void): Promise<Library> {
  let engine: Engine = await createEngine(config, { warn });
  let reloading: Promise<unknown> = Promise.resolve();

  // One reload at a time: a second one waits for the first, then reads the folder again.
  const reload = () => {
    const next = reloading.then(async () => {
      engine = await createEngine(config, { warn });
      return { articles: engine.answerer.articles.length, warnings: engine.answerer.index.warnings };
    });
    reloading = next.catch(() => undefined);
    return next;
  };

  return {
    answer: (question, options) => engine.answerer.answer(question, options),
    coverage: () => engine.answerer.coverage,
    articles: () => engine.answerer.articles,
    reload,
    async addArticle(fileName, bytes) {
      if (!SAFE_NAME.test(fileName)) {
        return {
          ok: false,
          error: 'the file name must end in .txt and use only Latin letters, digits, _ . -',
        };
      }
      const path = join(config.ARTICLES_DIR, fileName);
      if (existsSync(path)) return { ok: false, error: `an article file named ${fileName} already exists` };
      const decoded = decodeArticle(bytes);
      if ('error' in decoded) return { ok: false, error: decoded.error };
      const stem = fileName.replace(/\.txt$/, '');
      const { articles } = ingestFile({ file: fileName, stem, text: decoded.text }, engine.lexicon);
      if (articles.length === 0)
        return { ok: false, error: 'no article text found after removing site chrome' };
      writeFileSync(path, bytes, { flag: 'wx' });
      await reload();
      return { ok: true, articleIds: articles.map((a) => a.id) };
    },
  };
}
