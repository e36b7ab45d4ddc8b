/** Shared test helpers: the project's real lexicon and corpus, loaded once per test file. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCorpus } from '../src/corpus/ingest.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { loadLexicon } from '../src/lexicon/lexicon.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { loadDictionary } from '../src/search/evidence/dictionary.ts';

export const lexicon = loadLexicon(join(PROJECT_ROOT, 'data/lexicon.json'));
/** The general English–Arabic dictionary. */
export const dictionary = loadDictionary(join(PROJECT_ROOT, 'data/dictionary/en-ar.tsv'));

/** The seed corpus as ingestion sees it. */
export const seedCorpus = () =>
  ingestCorpus({ articlesDir: join(PROJECT_ROOT, 'data/articles'), root: PROJECT_ROOT, lexicon });

/** The corpus `times` over, each copy under other ids (the first keeps its own). */
export function copies(corpus: Corpus, times: number): Corpus {
  const articles = Array.from({ length: times }, (_, n) =>
    corpus.articles.map((a) => {
      const tag = (id: string) => (n === 0 ? id : `c${n}-${id}`);
      const rename = <T extends { id: string; articleId: string }>(x: T) => ({
        ...x,
        id: tag(x.id),
        articleId: tag(a.id),
      });
      return {
        ...a,
        id: tag(a.id),
        passages: a.passages.map(rename),
        quotes: a.quotes.map((q) => ({ ...rename(q), passageId: tag(q.passageId) })),
      };
    }),
  ).flat();
  return { ...corpus, articles };
}

/** Rows of a tab-separated fixture, without comment lines and header. */
export function fixtureRows(name: string): string[][] {
  return readFileSync(join(PROJECT_ROOT, 'test/fixtures', name), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t'));
}

/** An engine over the seed articles, with its index cached in a temporary folder (one build per test file). */
export async function seedEngine() {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { parseConfig } = await import('../src/config.ts');
  const { createEngine } = await import('../src/engine.ts');
  return createEngine(
    parseConfig({ INDEX_PATH: join(mkdtempSync(join(tmpdir(), 'engine-')), 'index.json') }),
  );
}
