/**
 * The built-in embedder: offline, no download, no key. It is a lexical, cross-lingual embedding, not a neural
 * model: a text becomes a bag of features hashed into a fixed number of dimensions:
 * - lexicon concept ids (Arabic and English forms of one entry land on the same feature), weighted highest;
 * - Arabic light stems;
 * - character trigrams of the stems, weighted lowest, so that spelling variants still overlap.
 */

import { createHash } from 'node:crypto';
import { splitWords } from '../../lexicon/keys.ts';
import type { Lexicon } from '../../lexicon/lexicon.ts';
import { isMostlyArabic } from '../../text/normalize.ts';
import type { Analyser } from '../analyser.ts';
import { type Embedder, normalise } from './embedder.ts';

const WEIGHTS = { concept: 3, stem: 1.5, trigram: 0.35 };

/** FNV-1a, 32 bits: a fast, stable hash for feature names. */
function hash(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Distinct words whose features are remembered: beyond it the memory starts again. */
const REMEMBERED = 200_000;

/** Creates the lexical embedder with `dimensions` hashed features. */
export function createLexicalEmbedder(lexicon: Lexicon, analyser: Analyser, dimensions = 256): Embedder {
  const lexiconHash = createHash('sha256').update(JSON.stringify(lexicon.entries)).digest('hex').slice(0, 12);

  /**
   * A feature's dimension and signed weight, appended to `out`: the sign bit of its hash spreads collisions
   * around zero instead of piling them up.
   */
  const feature = (out: number[], name: string, weight: number) => {
    const h = hash(name);
    out.push(h % dimensions, h & 0x80000000 ? -weight : weight);
  };
  const concepts = new Map<string, number[]>();
  /** A word's features (its stem, then the stem's trigrams), as dimension, weight pairs; none for a stop word. */
  const words = new Map<string, number[]>();
  const wordFeatures = (word: string): number[] => {
    let out = words.get(word);
    if (out === undefined) {
      out = [];
      const stem = analyser.term(word);
      if (stem !== null && !/^[a-z0-9]/.test(stem)) {
        feature(out, `s:${stem}`, WEIGHTS.stem);
        const padded = `_${stem}_`;
        for (let i = 0; i + 3 <= padded.length; i++)
          feature(out, `g:${padded.slice(i, i + 3)}`, WEIGHTS.trigram);
      }
      if (words.size >= REMEMBERED) words.clear();
      words.set(word, out);
    }
    return out;
  };
  const conceptFeatures = (id: string): number[] => {
    let out = concepts.get(id);
    if (out === undefined) {
      out = [];
      feature(out, `c:${id}`, WEIGHTS.concept);
      concepts.set(id, out);
    }
    return out;
  };

  // The features are added in the order they were always added (concepts, then each word's stem and trigrams), so
  // that the sums, and the vectors, are the same to the last bit.
  const embedOne = (text: string): number[] => {
    const v = new Float64Array(dimensions);
    const add = (features: number[]) => {
      for (let i = 0; i < features.length; i += 2) v[features[i]!]! += features[i + 1]!;
    };
    const split = splitWords(text);
    const matches = isMostlyArabic(text)
      ? lexicon.findArabic(text, { words: split })
      : lexicon.findEnglish(text, { words: split });
    for (const m of matches) for (const e of m.entries) add(conceptFeatures(e.id));
    for (const w of split) add(wordFeatures(w.text));
    return normalise(v);
  };

  return {
    id: `lexical-${dimensions}-${lexiconHash}-${analyser.fingerprint}`,
    // Its features are the words full-text search already weighs; trigrams add a little for spelling variants.
    searchWeight: 0.1,
    semantic: false,
    embed: async (texts) => texts.map(embedOne),
  };
}
