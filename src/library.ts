/**
 * The library the bot serves from: the current answerer, swapped whole on reload (questions in flight finish on
 * the old one), and validated article uploads. The bot talks to this interface only; it never sees the index.
 */

import type { AnswerOptions, SourceArticle } from './answer/answer.ts';
import type { CoverageSummary } from './answer/phrases.ts';
import type { Answer } from './answer/schema.ts';
import type { CoreConfig } from './config.ts';
import type { ArticleMeta } from './corpus/metadata.ts';
import type { IngestWarning } from './corpus/types.ts';
import { createEngine, type Engine } from './engine.ts';
import { type Added, addFromUrl, addText, PageError } from './pages/add.ts';

/** What the bot needs of the corpus and the answers. */
export interface Library {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  coverage(): CoverageSummary;
  articles(): SourceArticle[];
  /** Re-reads the articles folder and swaps the new index in. */
  reload(): Promise<{ articles: number; warnings: IngestWarning[] }>;
  /** Validates an uploaded `.txt` article; adds it and reloads, or changes nothing and says why. */
  addArticle(fileName: string, bytes: Uint8Array): Promise<AddResult>;
  /** Fetches a web page and adds its article with the page's metadata; or changes nothing and says why. */
  addPage(url: string): Promise<AddResult>;
}

/** What an addition did: the new article ids and the metadata recorded, or why nothing was added. */
export type AddResult = { ok: true; articleIds: string[]; meta: ArticleMeta } | { ok: false; error: string };

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

  /** Runs an addition; on success the index is reloaded, on refusal nothing changed and the reason is given. */
  const added = async (add: () => Added | Promise<Added>): Promise<AddResult> => {
    try {
      const result = await add();
      await reload();
      return { ok: true, articleIds: result.articleIds, meta: result.meta };
    } catch (error) {
      if (error instanceof PageError) return { ok: false, error: error.message };
      throw error;
    }
  };

  return {
    answer: (question, options) => engine.answerer.answer(question, options),
    coverage: () => engine.answerer.coverage,
    articles: () => engine.answerer.articles,
    reload,
    async addArticle(fileName, bytes) {
      return added(() =>
        addText(fileName, bytes, { articlesDir: config.ARTICLES_DIR, lexicon: engine.lexicon }),
      );
    },
    async addPage(url) {
      return added(() => addFromUrl(url, { articlesDir: config.ARTICLES_DIR, lexicon: engine.lexicon }));
    },
  };
}
