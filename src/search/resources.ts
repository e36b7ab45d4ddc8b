/** The language resources a question is read and translated with: the domain lexicon, dictionary and thesaurus. */

import { join } from 'node:path';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { relationWords } from '../text/parts-of-speech.ts';
import { type Dictionary, loadDictionary } from './evidence/dictionary.ts';
import { englishSpecificity } from './evidence/specificity.ts';
import { loadThesaurus, type Thesaurus } from './evidence/thesaurus.ts';

/** What search needs besides the index. */
export interface LanguageResources {
  lexicon: Lexicon;
  dictionary: Dictionary;
  thesaurus: Thesaurus;
}

/** Loads the dictionary (`en-ar.tsv`) and thesaurus (`ar-synonyms.tsv`) of a folder beside a lexicon. */
export function loadLanguageResources(lexicon: Lexicon, dictionaryDir: string): LanguageResources {
  return {
    lexicon,
    dictionary: loadDictionary(join(dictionaryDir, 'en-ar.tsv')),
    thesaurus: loadThesaurus(join(dictionaryDir, 'ar-synonyms.tsv')),
  };
}

/**
 * Loads what the first English question would load (the part-of-speech tagger's lexicon, the word frequency list;
 * about 0.7 s): a long-running process calls it once it serves, so that no user's question waits for it.
 */
export function warmUpEnglish(): void {
  relationWords('What did they say about the talks?');
  englishSpecificity('talks');
}
