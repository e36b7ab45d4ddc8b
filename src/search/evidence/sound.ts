/**
 * Names by sound: the corpus words a Latin-script word may transliterate ("Witkoff" -> ويتكوف), found through
 * sound keys (src/text/transliterate.ts). The table is made once per index from its vocabulary.
 */

import type { SearchIndex } from '../../index/search-index.ts';
import { arabicSoundKey, latinSoundKey } from '../../text/transliterate.ts';

/** Shortest key matched: two consonants are shared by too many words. */
const MIN_SOUNDS = 3;

const tables = new WeakMap<SearchIndex, Map<string, string[]>>();

function soundTable(index: SearchIndex): Map<string, string[]> {
  let table = tables.get(index);
  if (!table) {
    table = new Map();
    for (const term of index.stats.vocabulary()) {
      if (!/^[\u0600-\u06FF]/.test(term)) continue;
      const key = arabicSoundKey(term);
      if (key.length < MIN_SOUNDS) continue;
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
export function soundsLike(index: SearchIndex, word: string): string[] {
  const key = latinSoundKey(word);
  if (key.length < MIN_SOUNDS) return [];
  const table = soundTable(index);
  const found = new Set(table.get(key) ?? []);
  if (key.endsWith('N') && key.length > MIN_SOUNDS) for (const t of table.get(key.slice(0, -1)) ?? []) found.add(t);
  return [...found];
}
