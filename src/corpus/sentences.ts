/** Splits a paragraph into sentences, never inside a quotation (quoted speech often holds several sentences). */

/** A sentence's offsets within its paragraph. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const TERMINATOR = /[.!?؟]+["'”»)]*(?=\s|$)/gu;

/** Sentence spans of a paragraph; `protectedSpans` (quotations, marks included) are never cut. */
export function splitSentences(
  text: string,
  protectedSpans: ReadonlyArray<{ outerStart: number; outerEnd: number }>,
  from = 0,
): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = from;
  for (const m of text.matchAll(TERMINATOR)) {
    const end = m.index! + m[0].length;
    if (end <= start) continue;
    if (protectedSpans.some((p) => m.index! > p.outerStart && m.index! < p.outerEnd - 1)) continue;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans
    .map(({ start: s, end: e }) => {
      let a = s;
      let b = e;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      return { start: a, end: b };
    })
    .filter((s) => /\p{L}/u.test(text.slice(s.start, s.end)));
}
