/** The evaluation sets in data/eval (the development questions and our own): every question must be right. */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuestions } from '../src/eval/questions.ts';
import { scoreAnswer } from '../src/eval/score.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { seedEngine } from './helpers.ts';

const dir = join(PROJECT_ROOT, 'data/eval');
const questions = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readQuestions(join(dir, f)));
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
