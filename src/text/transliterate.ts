/** A plain Arabic-to-Latin transliteration, for names the lexicon does not know (readable, not scholarly). */

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

/**
 * A spelling-independent key for a name: its consonant skeleton, normalised, without long vowels or doubled
 * letters, so that دراتشييف and دارتشييف, or زيلينسكي and زيلنسكي, are one person.
 */
export function nameKey(arabic: string): string {
  return arabic
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0640\u0670]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .split(/\s+/)
    .filter(Boolean)
    .map(
      (w) =>
        w[0] +
        w
          .slice(1)
          .replace(/[اوي]/g, '')
          .replace(/(.)\1+/g, '$1'),
    )
    .join(' ');
}
