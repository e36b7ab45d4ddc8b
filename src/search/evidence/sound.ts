/**
 * Names by sound: the corpus words a Latin-script word may transliterate ("Witkoff" -> ويتكوف), found through
 * sound keys (src/text/transliterate.ts). The table is made once per index from its vocabulary.
 */

import type { SearchIndex } from '../../index/search-index.ts';
import {
  arabicSoundKey,
  arabicSoundShape,
  latinSoundKey,
  latinSoundShape,
  transliterate,
} from '../../text/transliterate.ts';
import { editDistance, keyedVocabulary } from './keyed-vocabulary.ts';

/**
 * Shortest key matched: two consonants are shared by too many words, unless the word is written as a name
 * ("Gaga", "Bowl" inside a sentence), when the caller caps how many words may share the key.
 */
const MIN_SOUNDS = 3;
const MIN_NAME_SOUNDS = 2;
/**
 * How far (edits of sound shapes) a corpus word may be from the word, by the number of sounds in its key: a
 * two-sound key has too many words to allow any edit (Cairo / قرا), three allow one (super / سوبر), more two.
 */
const shapeDistanceAllowed = (keyLength: number) => Math.min(2, keyLength - 2);

/** A word's final vowel is no evidence: Arabic's light stemmer takes final ا and ي off (غاغا -> غاغ). */
const withoutFinalVowel = (shape: string) => shape.replace(/V$/, '');

/**
 * Analysed corpus terms that sound like a Latin-script word. The light stemmer takes -ين/-ون/-ان off Arabic words
 * (بوتين -> بوت), so a key ending in n is also tried without it, and a plural's without its s.
 */
export function soundsLike(index: SearchIndex, word: string, asName = false, most = 4): string[] {
  const shortest = asName ? MIN_NAME_SOUNDS : MIN_SOUNDS;
  const key = latinSoundKey(word);
  if (key.length < shortest) return [];
  const table = keyedVocabulary(index, arabicSoundKey, MIN_NAME_SOUNDS);
  const shape = withoutFinalVowel(latinSoundShape(word));
  const distance = (term: string, to: string) => editDistance(withoutFinalVowel(arabicSoundShape(term)), to);
  const found = new Map<string, number>();
  for (const term of table.get(key) ?? []) found.set(term, distance(term, shape));
  // Arabic writes an English plural's name without its s (Grammys / غرامي); dropping the ending is one edit.
  const trimmed = key.endsWith('N') || (key.endsWith('S') && /s$/i.test(word));
  if (trimmed && key.length > shortest) {
    const shorter = withoutFinalVowel(shape.replace(/[NS]$/, ''));
    // The shorter key sets the edits allowed: "Spain" is not سبب.
    const spare = shapeDistanceAllowed(key.length) - shapeDistanceAllowed(key.length - 1);
    for (const term of table.get(key.slice(0, -1)) ?? [])
      if (!found.has(term)) found.set(term, 1 + spare + distance(term, shorter));
  }
  // Many words share a key: the ones whose sound shape (vowels and h-like sounds kept) is nearest the word's,
  // then whose spelling, read in Latin letters, is nearest.
  const latin = word.toLowerCase();
  const allowed = shapeDistanceAllowed(key.length);
  return [...found]
    .filter(([, edits]) => edits <= allowed)
    .map(([term, edits]) => ({
      term,
      edits,
      spelling: editDistance(transliterate(term).toLowerCase(), latin),
    }))
    .sort((a, b) => a.edits - b.edits || a.spelling - b.spelling)
    .slice(0, most)
    .map(({ term }) => term);
}
