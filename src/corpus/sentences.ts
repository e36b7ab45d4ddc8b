/**
 * Splits a paragraph into sentences, never inside a quotation (quoted speech often holds several sentences).
 * One pass over the text: no regular expression that could backtrack over a long run of marks.
 */

/** A sentence's offsets within its paragraph. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const isTerminator = (c: string) => c === '.' || c === '!' || c === '?' || c === '؟';
const isCloser = (c: string) => c === '"' || c === "'" || c === '”' || c === '»' || c === ')';
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const LETTER = /\p{L}/u;
/** Arabic script has no abbreviations with full stops: "القمة.وقال" is two sentences a page ran together. */
const isArabicLetter = (c: string | undefined) => c !== undefined && c >= '\u0621' && c <= '\u064A';
const isHaraka = (c: string | undefined) => c !== undefined && c >= '\u064B' && c <= '\u0652';

/** Sentence spans of a paragraph; `protectedSpans` (quotations, marks included, in order) are never cut. */
export function splitSentences(
  text: string,
  protectedSpans: ReadonlyArray<{ outerStart: number; outerEnd: number }>,
  from = 0,
): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = from;
  let p = 0; // the first protected span that may still hold a terminator
  for (let i = from; i < text.length; i++) {
    if (!isTerminator(text[i]!)) continue;
    const at = i;
    while (i + 1 < text.length && isTerminator(text[i + 1]!)) i++;
    while (i + 1 < text.length && isCloser(text[i + 1]!)) i++;
    const end = i + 1;
    const glued =
      text[at] === '.' &&
      (isArabicLetter(text[at - 1]) || isHaraka(text[at - 1])) &&
      isArabicLetter(text[end]);
    if (end < text.length && !isSpace(text[end]) && !glued) continue;
    while (p < protectedSpans.length && protectedSpans[p]!.outerEnd - 1 <= at) p++;
    const inside = p < protectedSpans.length && at > protectedSpans[p]!.outerStart;
    if (inside) continue;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  const out: SentenceSpan[] = [];
  for (const span of spans) {
    let a = span.start;
    let b = span.end;
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    let letter = false;
    for (let k = a; k < b && !letter; k++) letter = LETTER.test(text[k]!);
    if (letter) out.push({ start: a, end: b });
  }
  return out;
}
