/**
 * Questions are answered first come, first served, instead of all at once: answering is CPU work on one thread,
 * and answers interleaved at their awaits all wait as long as the whole batch. In a queue a question waits only
 * for those asked before it, and each answer first yields to the event loop, so that replies already computed
 * are sent, and other updates read, while the queue drains.
 */

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { Answerer } from './answer.ts';

/**
 * The answerer with its answers queued, at most `concurrency` at a time: 1 when answering is all local work, more
 * when answers wait on a remote endpoint (embeddings, a language model) and others can use the time.
 */
export function queueAnswers(answerer: Answerer, concurrency = 1): Answerer {
  const limit = pLimit(concurrency);
  return {
    // Read through: the coverage summary may be made on first read.
    get coverage() {
      return answerer.coverage;
    },
    articles: answerer.articles,
    index: answerer.index,
    answer: (question, options) =>
      limit(async () => {
        await yieldToEventLoop();
        return answerer.answer(question, options);
      }),
  };
}
