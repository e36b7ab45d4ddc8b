/** Word splitting: the scan over a table of classes finds the words the regular expression finds. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/cli/synthetic-corpus.ts';
import { splitWords, splitWordsByPattern, wordTexts } from '../../src/lexicon/keys.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

describe('splitWords', () => {
  it('splits the seed articles as the pattern does', () => {
    const dir = join(PROJECT_ROOT, 'data/articles');
    let words = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      const byPattern = splitWordsByPattern(text);
      expect(splitWords(text)).toEqual(byPattern);
      expect(wordTexts(text)).toEqual(byPattern.map((w) => w.text));
      words += byPattern.length;
    }
    expect(words).toBeGreaterThan(2_000);
  });

  it('agrees with the pattern on joiners, marks, tatweel, digits and characters beyond the basic plane', () => {
    // Pieces where the two could part: a joiner before a mark or at the end, tatweel and a mark after a joiner,
    // digits of three scripts, Latin, punctuation, a lone surrogate and a letter and an emoji beyond the plane.
    const pieces = [
      ...'بوتينكرملاوىةءئؤ',
      'ً',
      'ّ',
      'ـ',
      ...'٠١9aZé',
      ..."'’.-",
      ' ',
      '\n',
      '،',
      '"',
      '«',
      '(',
      '\u200f',
      '𝐀',
      '😀',
      '\ud800',
    ];
    const next = random(7);
    let differences = 0;
    let words = 0;
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 24);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
      const byPattern = splitWordsByPattern(text);
      words += byPattern.length;
      if (JSON.stringify(splitWords(text)) !== JSON.stringify(byPattern)) differences++;
      if (JSON.stringify(wordTexts(text)) !== JSON.stringify(byPattern.map((w) => w.text))) differences++;
    }
    expect(words).toBeGreaterThan(10_000);
    expect(differences).toBe(0);
  });

  it('keeps words joined by an apostrophe, a full stop or a hyphen, and marks inside words', () => {
    expect(splitWords("O'Brien U.S. co-chair كَتَبَ كتـــاب").map((w) => w.text)).toEqual([
      "O'Brien",
      'U.S',
      'co-chair',
      'كَتَبَ',
      'كتـــاب',
    ]);
  });
});
