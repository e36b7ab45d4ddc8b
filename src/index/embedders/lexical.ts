/**
 * The built-in embedder: offline, no download, no key. It is a lexical, cross-lingual embedding, not a neural
 * model: a text becomes a bag of features hashed into a fixed number of dimensions:
 * - lexicon concept ids (Arabic and English forms of one entry land on the same feature), weighted highest;
 * - Arabic light stems;
 * - character trigrams of the stems, weighted lowest, so that spelling variants still overlap.
 */

import { createHash } from 'node:crypto';
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

/** Creates the lexical embedder with `dimensions` hashed features. */
export function createLexicalEmbedder(lexicon: Lexicon, analyser: Analyser, dimensions = 256): Embedder {
  const lexiconHash = createHash('sha256').update(JSON.stringify(lexicon.entries)).digest('hex').slice(0, 12);

  const embedOne = (text: string): number[] => {
    const v = new Array<number>(dimensions).fill(0);
    const add = (feature: string, weight: number) => {
      const h = hash(feature);
      // The sign bit spreads collisions around zero instead of piling them up.
      v[h % dimensions]! += h & 0x80000000 ? -weight : weight;
    };
    const matches = isMostlyArabic(text) ? lexicon.findArabic(text) : lexicon.findEnglish(text);
    for (const m of matches) for (const e of m.entries) add(`c:${e.id}`, WEIGHTS.concept);
    for (const stem of analyser.terms(text)) {
      if (/^[a-z0-9]/.test(stem)) continue;
      add(`s:${stem}`, WEIGHTS.stem);
      const padded = `_${stem}_`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`g:${padded.slice(i, i + 3)}`, WEIGHTS.trigram);
    }
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
