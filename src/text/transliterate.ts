/** A plain Arabic-to-Latin transliteration, for names the lexicon does not know (readable, not scholarly). */

import { normalizeArabic } from './normalize.ts';

const MAP: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ء: '',
  ؤ: "'",
  ئ: "'",
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: "'",
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  پ: 'p',
  چ: 'ch',
  ڤ: 'v',
  گ: 'g',
  ک: 'k',
  ی: 'y',
};

/** Transliterates Arabic letters to Latin ones, word by word, with capitals. */
export function transliterate(arabic: string): string {
  return arabic
    .replace(/[\u064B-\u065F\u0640]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      let out = '';
      for (let i = 0; i < word.length; i++) {
        const c = word[i]!;
        const next = word[i + 1];
        // Long vowels between consonants read better as vowels than as consonants.
        if ((c === 'و' || c === 'ي') && i > 0 && next !== 'ا') out += c === 'و' ? 'o' : 'i';
        else out += MAP[c] ?? c;
      }
      return out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join(' ');
}

/*
 * Sound keys: how a name is matched across scripts ("Witkoff" / ويتكوف, "Panthers" / بانثرز) and across
 * spellings (بيسكوف / بسكوف). Vowels, weak letters and h are dropped (Arabic writes long vowels only, and
 * transcriptions disagree on them); consonants fall into classes of sounds that transcriptions confuse (p/b,
 * v/f, t/d/th, s/z/sh, k/q/c/kh, g/j), and doubled classes collapse.
 */

const LATIN_DIGRAPHS: Array<[string, string]> = [
  ['tch', 'S'],
  ['sch', 'S'],
  ['ch', 'S'],
  ['sh', 'S'],
  ['zh', 'S'],
  ['th', 'T'],
  ['dh', 'T'],
  ['ph', 'F'],
  ['kh', 'K'],
  ['gh', 'G'],
  ['ck', 'K'],
  ['qu', 'K'],
  ['dj', 'G'],
  ['ts', 'S'],
];
const LATIN_CLASS: Record<string, string> = {
  b: 'B',
  p: 'B',
  f: 'F',
  v: 'F',
  t: 'T',
  d: 'T',
  s: 'S',
  z: 'S',
  k: 'K',
  q: 'K',
  g: 'G',
  j: 'G',
  l: 'L',
  m: 'M',
  n: 'N',
  r: 'R',
  x: 'KS',
};
const ARABIC_CLASS: Record<string, string> = {
  ب: 'B',
  پ: 'B',
  ف: 'F',
  ڤ: 'F',
  ت: 'T',
  ط: 'T',
  د: 'T',
  ض: 'T',
  ث: 'T',
  ذ: 'T',
  ظ: 'T',
  س: 'S',
  ص: 'S',
  ز: 'S',
  ش: 'S',
  ج: 'G',
  غ: 'G',
  گ: 'G',
  ك: 'K',
  ق: 'K',
  خ: 'K',
  ل: 'L',
  م: 'M',
  ن: 'N',
  ر: 'R',
};

const collapse = (classes: string) => classes.replace(/(.)\1+/g, '$1');

/*
 * Sound shapes: a sound key with its vowels (V) and h-like sounds (H) kept, to tell apart the words that share a
 * key: سوبر (SVBR) is one vowel from "super" (SVBVR), حسابنا (HSVBN) three from "Spain" (SBVN).
 */

const LATIN_VOWELS = /[aeiouyw]/;
const ARABIC_VOWELS = /[اويىءأإآئؤ]/;
const ARABIC_H = /[حهعة]/;

/** The sound classes of a Latin-script word; with `shape`, its vowels and h as well. */
function latinSounds(word: string, shape: boolean): string {
  // Slavic names end in -ow where English writes -ov (Peskow, Lawrow).
  const w = word
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ow$/, 'ov');
  let out = '';
  for (let i = 0; i < w.length; ) {
    const digraph = LATIN_DIGRAPHS.find(([d]) => w.startsWith(d, i));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    const c = w[i]!;
    if (shape && LATIN_VOWELS.test(c)) out += 'V';
    else if (shape && c === 'h') out += 'H';
    // c is s before e, i and y, k elsewhere.
    else if (c === 'c') out += /[eiy]/.test(w[i + 1] ?? '') ? 'S' : 'K';
    else out += LATIN_CLASS[c] ?? '';
    i++;
  }
  return collapse(out);
}

/** The sound classes of an Arabic-script word without its article; with `shape`, its vowels and h-like letters. */
function arabicSounds(word: string, shape: boolean): string {
  // The article goes only where enough is left to be a name: ألين (Allen) keeps its ال.
  const w = (word.startsWith('ال') && word.length >= 5 ? word.slice(2) : word).replace(/تش/g, 'ش');
  let out = '';
  for (const c of w)
    out += shape && ARABIC_VOWELS.test(c) ? 'V' : shape && ARABIC_H.test(c) ? 'H' : (ARABIC_CLASS[c] ?? '');
  return collapse(out);
}

/** The sound key of a Latin-script word ("Panthers" -> BNTRS). */
export const latinSoundKey = (word: string) => latinSounds(word, false);
/** The sound key of an Arabic-script word ("البانثرز" -> BNTRS); expects normalised text. */
export const arabicSoundKey = (word: string) => arabicSounds(word, false);
/** The sound shape of a Latin-script word ("Super" -> SVBVR). */
export const latinSoundShape = (word: string) => latinSounds(word, true);
/** The sound shape of an Arabic-script word ("البانثرز" -> BVNTRS); expects normalised text. */
export const arabicSoundShape = (word: string) => arabicSounds(word, true);

/**
 * A spelling-independent key for a name: the sound key of each word, so that دراتشييف and دارتشييف, or زيلينسكي
 * and زيلنسكي, are one person.
 */
export function nameKey(arabic: string): string {
  return arabic
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => arabicSoundKey(normalizeArabic(w)))
    .join(' ');
}
