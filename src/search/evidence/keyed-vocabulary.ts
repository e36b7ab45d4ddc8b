/**
 * The index's Arabic vocabulary grouped by a key (a sound key, a spelling skeleton), made once per index and key:
 * how a word the question spells one way finds the terms the sources spell another.
 */

import type { SearchIndex } from '../../index/search-index.ts';
import { oncePer } from '../../once-per.ts';

type Key = (term: string) => string;

const tables = oncePer((_index: SearchIndex) => new Map<Key, Map<string, string[]>>());

/** Arabic-script terms of the index by `key`; terms whose key is shorter than `shortest` are left out. */
export function keyedVocabulary(index: SearchIndex, key: Key, shortest: number): Map<string, string[]> {
  const byKey = tables(index);
  let table = byKey.get(key);
  if (!table) {
    table = new Map();
    for (const term of index.stats.vocabulary()) {
      if (!/^[\u0600-\u06FF]/.test(term)) continue;
      const k = key(term);
      if (k.length < shortest) continue;
      const list = table.get(k);
      if (list) list.push(term);
      else table.set(k, [term]);
    }
    byKey.set(key, table);
  }
  return table;
}

/** Levenshtein distance, for two short words. */
export function editDistance(a: string, b: string): number {
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
