import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answer.ts';
import { queueAnswers } from '../../src/answer/queue.ts';
import type { Answer } from '../../src/answer/schema.ts';

/** An answerer whose answers await several times (and a timer, as a remote endpoint would), recording when each starts and ends and how many overlap. */
function recordingAnswerer() {
  const events: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const answerer = {
    async answer(question: string) {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      events.push(`start ${question}`);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${question}`);
      running--;
      return { question } as unknown as Answer;
    },
  } as unknown as Answerer;
  return { answerer, events, mostAtOnce: () => mostAtOnce };
}

describe('queueAnswers', () => {
  it('answers questions asked at once one after another, in the order asked', async () => {
    const { answerer, events, mostAtOnce } = recordingAnswerer();
    const queued = queueAnswers(answerer);
    const answers = await Promise.all(['a', 'b', 'c'].map((q) => queued.answer(q)));
    expect(answers.map((a) => a.question)).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(mostAtOnce()).toBe(1);
  });

  it('without a queue the same answers interleave (what the queue prevents)', async () => {
    const { answerer, events } = recordingAnswerer();
    await Promise.all(['a', 'b'].map((q) => answerer.answer(q)));
    expect(events.slice(0, 2)).toEqual(['start a', 'start b']);
  });

  it('lets up to `concurrency` answers run at once', async () => {
    const { answerer, mostAtOnce } = recordingAnswerer();
    const queued = queueAnswers(answerer, 2);
    await Promise.all(['a', 'b', 'c', 'd'].map((q) => queued.answer(q)));
    expect(mostAtOnce()).toBe(2);
  });
});
