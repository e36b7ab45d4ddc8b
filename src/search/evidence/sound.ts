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
 * Analysed corpus terms that sound like a Latin-script word, nearest first.
 */
export function soundsLike(index: SearchIndex, word: string, asName = false, most = 4): string[] {
  const shortest = asName ? MIN_NAME_SOUNDS : MIN_SOUNDS;
  const key = latinSoundKey(word);
  if (key.length < shortest) return [];
  const table = keyedVocabulary(index, arabicSoundKey, MIN_NAME_SOUNDS);
  const shape = withoutFinalVowel(latinSoundShape(word));
  const distance = (term: string, to: string) => editDistance(withoutFinalVowel(arabicSoundShape(term)), to);
  // The key as it is, and two ways Arabic may shorten it, each one edit: the light stemmer takes -ين/-ون/-ان off
  // (بوتين -> بوت, الأمازون -> اماز), and a plural's name is written without its s (Grammys / غرامي, Huguenots /
  // هوغونوت). A shortened shape of two sounds says too little (Spain is not سبب).
  const readings = [{ key, shape, edits: 0 }];
  if (key.endsWith('N') && key.length > shortest)
    readings.push({ key: key.slice(0, -1), shape: withoutFinalVowel(shape.replace(/N$/, '')), edits: 1 });
  if (/s$/i.test(word)) {
    const singular = word.slice(0, -1);
    const singularKey = latinSoundKey(singular);
    if (singularKey !== key && singularKey.length >= shortest)
      readings.push({ key: singularKey, shape: withoutFinalVowel(latinSoundShape(singular)), edits: 1 });
  }
  const found = new Map<string, number>();
  for (const reading of readings) {
    if (reading.edits > 0 && reading.shape.length < 3) continue;
    for (const term of table.get(reading.key) ?? []) {
      const edits = reading.edits + distance(term, reading.shape);
      if (edits < (found.get(term) ?? Number.POSITIVE_INFINITY)) found.set(term, edits);
    }
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
