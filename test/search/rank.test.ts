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
import { buildConcepts } from '../../src/search/query.ts';
import { parseQuestion } from '../../src/search/question.ts';
import { rankUnits } from '../../src/search/rank.ts';
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
