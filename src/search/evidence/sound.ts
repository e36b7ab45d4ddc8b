/**
 * Names by sound: the corpus words a Latin-script word may transliterate ("Witkoff" -> ويتكوف), found through
 * sound keys (src/text/transliterate.ts). The table is made once per index from its vocabulary.
 */

import type { SearchIndex } from '../../index/search-index.ts';
import { arabicSoundKey, latinSoundKey, transliterate } from '../../text/transliterate.ts';

/**
 * Shortest key matched: two consonants are shared by too many words, unless the word is written as a name
 * ("Gaga", "Bowl" inside a sentence), when the caller caps how many words may share the key.
 */
const MIN_SOUNDS = 3;
const MIN_NAME_SOUNDS = 2;

const tables = new WeakMap<SearchIndex, Map<string, string[]>>();

function soundTable(index: SearchIndex): Map<string, string[]> {
  let table = tables.get(index);
  if (!table) {
    table = new Map();
    for (const term of index.stats.vocabulary()) {
      if (!/^[\u0600-\u06FF]/.test(term)) continue;
      const key = arabicSoundKey(term);
      if (key.length < MIN_NAME_SOUNDS) continue;
      const list = table.get(key);
      if (list) list.push(term);
      else table.set(key, [term]);
    }
    tables.set(index, table);
  }
  return table;
}

/**
 * Analysed corpus terms that sound like a Latin-script word. The light stemmer takes -ين/-ون/-ان off Arabic words
 * (بوتين -> بوت), so a key ending in n is also tried without it.
 */
export function soundsLike(index: SearchIndex, word: string, asName = false, most = 4): string[] {
  const shortest = asName ? MIN_NAME_SOUNDS : MIN_SOUNDS;
  const key = latinSoundKey(word);
  if (key.length < shortest) return [];
  const table = soundTable(index);
  const found = new Set(table.get(key) ?? []);
  if (key.endsWith('N') && key.length > shortest)
    for (const t of table.get(key.slice(0, -1)) ?? []) found.add(t);
  // Many words share a short key: the ones whose spelling, read in Latin letters, is nearest the word.
  const latin = word.toLowerCase();
  return [...found]
    .map((term) => ({ term, distance: editDistance(transliterate(term).toLowerCase(), latin) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, most)
    .filter(({ distance }) => distance <= latin.length / 2)
    .map(({ term }) => term);
}

/** Levenshtein distance, for two short words. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
