/**
 * Adding an article to a running engine without rebuilding its index: the grown engine answers from it, agrees with
 * an engine rebuilt from the same folder, saves an index that the next start loads, and the engine it replaces
 * keeps answering.
 */

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { addArticleFiles, createEngine } from '../src/engine.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

// Our own wording, in the seeds' layout: a headline, a date line, a body with a quotation.
const NEW_ARTICLE = [
  'شولتس: العقوبات على موسكو باقية',
  'تاريخ النشر: 12 مارس 2025',
  'قال المستشار الألماني أولاف شولتس إن "العقوبات على روسيا ستبقى قائمة حتى انسحاب القوات" من الأراضي الأوكرانية.',
  '',
].join('\n');

describe('addArticleFiles', () => {
  it('grows the index by one article without a rebuild, as a rebuild would answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-add-'));
    const articlesDir = join(dir, 'articles');
    mkdirSync(articlesDir);
    const seeds = join(PROJECT_ROOT, 'data/articles');
    for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(articlesDir, f));
    const config = parseConfig({ ARTICLES_DIR: articlesDir, INDEX_PATH: join(dir, 'cache/index.json') });
    const engine = await createEngine(config);
    const before = engine.answerer.index.units.size;

    writeFileSync(join(articlesDir, '900_added.txt'), NEW_ARTICLE);
    const grown = await addArticleFiles(engine, config, ['900_added.txt']);
    const added = [...grown.answerer.index.units.values()].filter((u) => u.articleId.startsWith('900_added'));
    expect(added.length).toBeGreaterThan(0);
    expect(grown.answerer.index.units.size).toBe(before + added.length);
    expect(grown.answerer.index.byOrdinal).toHaveLength(before + added.length);
    // Its coverage summary, made when first read, counts the new article.
    expect(grown.answerer.coverage.articles).toBe(engine.answerer.coverage.articles + 1);

    const question = 'ماذا قال شولتس عن العقوبات على روسيا؟';
    const answer = await grown.answerer.answer(question);
    expect(answer.citations[0]?.quote).toContain('العقوبات على روسيا ستبقى قائمة');
    expect(answer.citations[0]?.speaker?.en).toContain('Scholz');
    // The engine it replaces still answers, from the index it knew, but cannot grow the shared database again.
    const old = await engine.answerer.answer(question);
    expect(old.citations.some((c) => c.source.id.startsWith('900_added'))).toBe(false);
    writeFileSync(join(articlesDir, '901_added.txt'), NEW_ARTICLE.replace('12 مارس', '13 مارس'));
    await expect(addArticleFiles(engine, config, ['901_added.txt'], { save: false })).rejects.toThrow(
      /not the newest/,
    );
    rmSync(join(articlesDir, '901_added.txt'));

    // The next start loads the saved grown index, and a rebuild from the folder answers the same.
    const reopened = await createEngine(config);
    expect(reopened.origin).toBe('loaded');
    expect(reopened.answerer.index.units.size).toBe(before + added.length);
    const rebuilt = await createEngine(config, { rebuild: true });
    for (const q of [question, 'What did Peskov say about the talks?', 'ماذا قال لافروف؟']) {
      const quotes = async (e: typeof engine) => (await e.answerer.answer(q)).citations.map((c) => c.quote);
      expect(await quotes(grown), q).toEqual(await quotes(rebuilt));
      expect(await quotes(reopened), q).toEqual(await quotes(rebuilt));
    }
  });
});
