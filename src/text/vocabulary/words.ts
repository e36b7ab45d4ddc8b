/** How the vocabulary modules write their lists: words separated by white space, stored in normalised form. */

import { normalizeArabic } from '../normalize.ts';

/** A set of normalised words (see text/normalize.ts) from a white-space separated list. */
export const wordSet = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(normalizeArabic));
