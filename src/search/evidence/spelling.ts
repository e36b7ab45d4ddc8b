/**
 * Other spellings and forms of an Arabic word in the sources: terms with the same skeleton, the word without its
 * long vowels and hamza seats after the first letter. It joins what dictionaries and users spell one way and news
 * another (أوكسجين / الأكسجين), and forms of one root the light stemmer keeps apart (اكتشف / اكتشاف, فاز / فوز).
 * A loose key, so it is used only for a reading the sources never use.
 */

import type { SearchIndex } from '../../index/search-index.ts';
import { editDistance, keyedVocabulary } from './keyed-vocabulary.ts';

/** Two letters are a skeleton too many words share (قل: قال، قيل، قول، قلي…). */
const SHORTEST_SKELETON = 3;

/** The word's skeleton: its first letter, then its letters but ا و ي and hamza. Expects an analysed term. */
export function skeleton(term: string): string {
  return term.charAt(0) + term.slice(1).replace(/[اويءئؤ]/g, '');
}

/**
 * Corpus terms with the skeleton of `term` one letter away from it (أوكسجين / أكسجين, اكتشف / اكتشاف, فاز / فوز;
 * not قادم / قديم), never `term` itself.
 */
export function spellingVariants(index: SearchIndex, term: string): string[] {
  const key = skeleton(term);
  if (key.length < SHORTEST_SKELETON) return [];
  const table = keyedVocabulary(index, skeleton, SHORTEST_SKELETON);
  return (table.get(key) ?? []).filter((t) => t !== term && editDistance(t, term) === 1).sort();
}

/*
 * Prefixes of derived forms, peeled in layers: the future's س before a present-tense prefix; the present tense's
 * and the participles' ي ت ن ا م; then the derived verb forms' ست (X), ت (V, VI) and ن (VII).
 */
const FUTURE = /^س(?=[يتنا])/;
const TENSE_OR_PARTICIPLE = ['ي', 'ت', 'ن', 'ا', 'م'];
const VERB_FORM = ['ست', 'ت', 'ن'];

/** The word without `prefix`, when a skeleton of three letters or more is left. */
function peel(word: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes)
    if (word.startsWith(prefix) && skeleton(word.slice(prefix.length)).length >= 3)
      return word.slice(prefix.length);
  return word;
}

/**
 * A word's root, approximately: the skeleton of the word without derivation prefixes and form VIII's infixed ت
 * (مركز / سيركزان / التركيز -> ركز, تسريب / يسرب -> سرب, اكتشاف / اكتشف / كشف -> كشف, يستخدم / استخدام -> خدم).
 * '' unless three or four letters remain. Roots with a weak letter (فاوض) keep only two and are not matched.
 */
export function rootKey(term: string): string {
  const bare = peel(peel(term.replace(FUTURE, ''), TENSE_OR_PARTICIPLE), VERB_FORM);
  let key = skeleton(bare);
  if (key.length === 4 && (key[1] === 'ت' || key[1] === 'ط')) key = key[0]! + key.slice(2);
  return key.length === 3 || key.length === 4 ? key : '';
}

/** Corpus terms of the same approximate root as `term` (never `term` itself), nearest in spelling first. */
export function rootRelatives(index: SearchIndex, term: string, most = 4): string[] {
  const key = rootKey(term);
  if (key === '') return [];
  const table = keyedVocabulary(index, rootKey, 3);
  return (table.get(key) ?? [])
    .filter((t) => t !== term)
    .map((t) => ({ t, distance: editDistance(t, term) }))
    .sort((a, b) => a.distance - b.distance || (a.t < b.t ? -1 : 1))
    .slice(0, most)
    .map(({ t }) => t);
}
