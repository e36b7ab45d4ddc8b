/**
 * The ranking reuses per-index arrays from one question to the next and computes text scores only when asked:
 * a question ranks the same whatever was ranked before it, and a ranking read after the next one started is an
 * error rather than a wrong score.
 */

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { questionSetFiles, readQuestions } from '../../src/eval/questions.ts';
import { createAnalyser } from '../../src/index/analyser.ts';
import { createLexicalEmbedder } from '../../src/index/embedders/lexical.ts';
import { buildIndex, type SearchIndex } from '../../src/index/search-index.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { buildConcepts, type Concept } from '../../src/search/query.ts';
import { parseQuestion } from '../../src/search/question.ts';
import { holdsConcept, rankUnits } from '../../src/search/rank.ts';
import { loadLanguageResources } from '../../src/search/resources.ts';
import { queryEvidence } from '../../src/search/search.ts';
import { dictionary, lexicon, seedCorpus } from '../helpers.ts';

const resources = loadLanguageResources(lexicon, join(PROJECT_ROOT, 'data/dictionary'));
const analyser = createAnalyser(lexicon.nameKeys());
const questions = questionSetFiles()
  .flatMap(readQuestions)
  .map((q) => q.q);

/** Everything a ranking says of every candidate, as plain values. */
function rankingOf(index: SearchIndex, question: string) {
  const concepts = buildConcepts(
    parseQuestion(question, lexicon, dictionary),
    queryEvidence(index, resources),
  );
  const ranking = rankUnits(index, concepts, { extra: [0, 1] });
  const all = [...ranking.ordinals.keys()];
  return {
    ordinals: [...ranking.ordinals],
    holds: [...ranking.holds],
    mentions: [...ranking.mentions],
    weights: ranking.weights,
    text: all.map((j) => ranking.text(j)),
    score: all.map((j) => ranking.score(j)),
  };
}

describe('ranking with reused arrays', () => {
  let first: SearchIndex;
  let second: SearchIndex;
  beforeAll(async () => {
    first = await buildIndex(seedCorpus(), analyser, createLexicalEmbedder(lexicon, analyser));
    second = await buildIndex(seedCorpus(), analyser, createLexicalEmbedder(lexicon, analyser));
  });

  it('ranks each question the same whichever questions came before it', () => {
    const forward = questions.map((q) => rankingOf(first, q));
    const backward = [...questions].reverse().map((q) => rankingOf(second, q));
    backward.reverse();
    let scored = 0;
    questions.forEach((q, i) => {
      expect(backward[i], q).toEqual(forward[i]);
      scored += forward[i]!.text.filter((t) => t > 0).length;
    });
    // The questions did find units to score.
    expect(scored).toBeGreaterThan(questions.length);
  });

  it('says what each candidate holds as each concept ranked alone does, past 32 concepts', () => {
    // Every concept of every question, once: more than 32, so that a candidate's holdings take several words.
    const evidence = queryEvidence(first, resources);
    const byLabel = new Map<string, Concept>();
    for (const q of questions)
      for (const c of buildConcepts(parseQuestion(q, lexicon, dictionary), evidence))
        if (c.alternatives.length > 0) byLabel.set(c.label, c);
    const concepts = [...byLabel.values()].slice(0, 70);
    expect(concepts.length).toBeGreaterThan(64);
    // Every unit a candidate, so that one holding a concept only through its paragraph is met alone too.
    const everyUnit = first.byOrdinal.map((_, o) => o);
    const alone = concepts.map((c) => {
      const ranking = rankUnits(first, [c], { extra: everyUnit });
      return new Set([...ranking.ordinals].filter((_, j) => holdsConcept(ranking, j, 0)));
    });
    const together = rankUnits(first, concepts);
    expect(together.words).toBe(3);
    let held = 0;
    together.ordinals.forEach((o, j) => {
      concepts.forEach((c, i) => {
        expect(holdsConcept(together, j, i), `${c.label} at ordinal ${o}`).toBe(alone[i]!.has(o));
        if (alone[i]!.has(o)) held++;
      });
    });
    // Units held concepts of the last word too, and every concept was mentioned.
    expect(concepts.slice(64).some((_, i) => together.mentions[64 + i] === 1)).toBe(true);
    expect(held).toBeGreaterThan(together.ordinals.length);
  });

  it('refuses to score from a ranking after the next one started', () => {
    const evidence = queryEvidence(first, resources);
    const concepts = (q: string) => buildConcepts(parseQuestion(q, lexicon, dictionary), evidence);
    const earlier = rankUnits(first, concepts('What did Peskov say about NATO?'));
    expect(earlier.ordinals.length).toBeGreaterThan(0);
    const scoredBefore = earlier.text(0);
    rankUnits(first, concepts('Where were the talks held?'));
    // A score computed before stays; one not yet computed cannot be.
    expect(earlier.text(0)).toBe(scoredBefore);
    expect(() => earlier.text(earlier.ordinals.length - 1)).toThrow(/next one/);
  });
});
