/**
 * General English→Arabic search (issue 7): the ranking is one model that a copied corpus does not change, the
 * asked speaker is a boost, people the sources never quote still get what the sources report about them, places
 * speak through their governments, and questions about what the sources do not cover are declined.
 * Expected quotes were checked against the seed articles' text.
 */

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answerer, createAnswerer } from '../../src/answer/answer.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { questionSetFiles, readQuestions } from '../../src/eval/questions.ts';
import { createAnalyser } from '../../src/index/analyser.ts';
import { createLexicalEmbedder } from '../../src/index/embedders/lexical.ts';
import { buildIndex } from '../../src/index/search-index.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { loadLanguageResources } from '../../src/search/resources.ts';
import { lexicon, seedCorpus } from '../helpers.ts';

const resources = loadLanguageResources(lexicon, join(PROJECT_ROOT, 'data/dictionary'));
const analyser = createAnalyser(lexicon.nameKeys());
const embedder = createLexicalEmbedder(lexicon, analyser);
const answererOf = async (corpus: Corpus) =>
  createAnswerer(await buildIndex(corpus, analyser, embedder), resources);

/** The corpus with every article twice, the copy under another id (ingestion itself refuses copies). */
function twice(corpus: Corpus): Corpus {
  const copies = corpus.articles.map((a) => {
    const id = `copy-${a.id}`;
    const rename = <T extends { id: string; articleId: string }>(x: T) => ({
      ...x,
      id: `copy-${x.id}`,
      articleId: id,
    });
    const passages = a.passages.map(rename);
    const quotes = a.quotes.map((q) => ({ ...rename(q), passageId: `copy-${q.passageId}` }));
    return { ...a, id, passages, quotes };
  });
  return { ...corpus, articles: [...corpus.articles, ...copies] };
}

let seeds: Answerer;
let doubled: Answerer;
beforeAll(async () => {
  const corpus = seedCorpus();
  seeds = await answererOf(corpus);
  doubled = await answererOf(twice(corpus));
});

describe('one ranking', () => {
  const questions = questionSetFiles().flatMap(readQuestions);

  it('gives the same answers when every article is there twice', async () => {
    let compared = 0;
    for (const q of questions) {
      const a = await seeds.answer(q.q);
      const b = await doubled.answer(q.q);
      expect(b.answered, q.id).toBe(a.answered);
      // The copy of a citation may come next to it: compare the distinct quotes, in order.
      const distinct = (x: typeof a) => [...new Set(x.citations.map((c) => c.quote))].slice(0, 2);
      expect(distinct(b).slice(0, 1), q.id).toEqual(distinct(a).slice(0, 1));
      compared++;
    }
    expect(compared).toBe(questions.length);
  });

  it('puts the asked speaker’s words first, and never two overlapping excerpts', async () => {
    const a = await seeds.answer('What did Peskov say about NATO troops?');
    expect(a.citations[0]!.speaker?.en).toBe('Dmitry Peskov');
    for (const [i, c] of a.citations.entries())
      for (const d of a.citations.slice(i + 1))
        if (c.source.id === d.source.id)
          expect(c.quote.includes(d.quote) || d.quote.includes(c.quote)).toBe(false);
  });
});

describe('people and places as speakers', () => {
  it('answers about a person the sources report but never quote, and says so', async () => {
    const a = await seeds.answer('What did Biden say about sanctions?');
    expect(a.answered).toBe(true);
    expect(a.reply).toMatch(/^The sources hold no statement by Joe Biden/);
    // Article 003: "وفي الوقت نفسه، أوجز الرئيس بايدن عقوبات غربية محتملة ضد روسيا".
    expect(a.citations[0]!.quote).toContain('أوجز الرئيس بايدن عقوبات غربية محتملة');
  });

  it('declines a person the sources never name', async () => {
    const a = await seeds.answer('What did Macron say about sanctions on Russia?');
    expect(a.answered).toBe(false);
    expect(a.reply).toMatch(/Emmanuel Macron|Macron/);
  });

  it('lets a country or a capital speak through its government, in Arabic too', async () => {
    const russia = await seeds.answer('ماذا قالت روسيا عن قوات الناتو؟');
    expect(russia.answered).toBe(true);
    expect(russia.citations[0]!.speaker?.en).toBe('Dmitry Peskov');
    const moscow = await seeds.answer('What did Moscow say about the prisoner exchange?');
    expect(['Kremlin', 'Dmitry Peskov']).toContain(moscow.citations[0]!.speaker?.en);
  });
});

describe('abstention', () => {
  it.each([
    'What is the capital of Australia?',
    'How tall is the Eiffel Tower?',
    'Who is the best football player in Spain?',
    'ما سعر البيتكوين اليوم؟',
    'كم عدد سكان القاهرة؟',
  ])('declines "%s", which the sources do not cover', async (q) => {
    expect((await seeds.answer(q)).answered).toBe(false);
  });

  it('does not let an untranslatable word sink an answer', async () => {
    const plain = await seeds.answer('What did Peskov say about NATO troops?');
    const odd = await seeds.answer('What did Peskov say about NATO troops xqzzyt?');
    expect(odd.citations[0]?.quote).toBe(plain.citations[0]?.quote);
  });
});

describe('the vector side failing', () => {
  it('answers from full text and says why, when the embeddings endpoint fails at question time', async () => {
    const corpus = seedCorpus();
    const index = await buildIndex(corpus, analyser, embedder);
    const failing = {
      ...embedder,
      searchWeight: 0.3,
      semantic: true,
      embed: async () => {
        throw new Error('embeddings endpoint answered 503');
      },
    };
    const answerer = createAnswerer({ ...index, embedder: failing }, resources);
    const warnings: string[] = [];
    const a = await answerer.answer('What did Peskov say about NATO troops?', {
      warn: (m) => warnings.push(m),
    });
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.speaker?.en).toBe('Dmitry Peskov');
    expect(warnings).toEqual([expect.stringMatching(/full text.*503/)]);
  });
});
