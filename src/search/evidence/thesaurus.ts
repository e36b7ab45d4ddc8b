/**
 * The Arabic thesaurus (data/dictionary/ar-synonyms.tsv, from LibreOffice's Arabic thesaurus): the words that mean
 * what a translation means, so that "use" -> استعمال also finds the sources' استخدام.
 */

import { readFileSync } from 'node:fs';
import { arabicFormKey as key } from '../../lexicon/keys.ts';

/** Synonyms of Arabic words. */
export interface Thesaurus {
  /** Synonyms of one word (with or without the article), as listed; [] when none. */
  synonyms(word: string): string[];
}

/** Parses the thesaurus table (`word<TAB>synonym|synonym`, lines starting with # are comments). */
export function parseThesaurus(text: string): Thesaurus {
  const table = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [word, list] = line.split('\t');
    if (word && list) table.set(key(word), list.split('|').filter(Boolean));
  }
  return { synonyms: (word) => table.get(key(word)) ?? [] };
}

const loaded = new Map<string, Thesaurus>();

/** Reads the thesaurus once per path; a missing file is an error naming it. */
export function loadThesaurus(path: string): Thesaurus {
  let thesaurus = loaded.get(path);
  if (!thesaurus) {
    try {
      thesaurus = parseThesaurus(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: cannot be read (${(error as Error).message})`);
    }
    loaded.set(path, thesaurus);
  }
  return thesaurus;
}
