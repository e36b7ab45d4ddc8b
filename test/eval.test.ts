/** The evaluation sets in data/eval (the development questions and our own): every question must be right. */

import { describe, expect, it } from 'vitest';
import { questionSetFiles, readQuestions } from '../src/eval/questions.ts';
import { scoreAnswer } from '../src/eval/score.ts';
import { seedEngine } from './helpers.ts';

const questions = questionSetFiles().flatMap(readQuestions);
const engine = await seedEngine();

describe('evaluation questions', () => {
  it('has answerable and unanswerable questions in both languages', () => {
    for (const lang of ['en', 'ar']) {
      expect(questions.filter((q) => q.lang === lang && !q.none).length).toBeGreaterThanOrEqual(15);
      expect(questions.filter((q) => q.lang === lang && q.none).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s is right', async (_id, q) => {
    const verdict = scoreAnswer(q, await engine.answerer.answer(q.q), engine.lexicon);
    expect(verdict.problems).toEqual([]);
  });
});
