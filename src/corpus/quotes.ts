/**
 * Finds quotations in one paragraph. Straight and curly marks do not say which way they face, so a mark's
 * direction comes from its neighbours (space before and letter after opens; letter before and space after
 * closes) and, when both sides agree, from whether a quotation of its family is open. Quotations nest, so an
 * inner quoted word with the outer quotation's own mark stays inside it. A mark left open is closed at the end of
 * its paragraph, never later.
 */

/** A top-level quotation: offsets of its content (marks excluded) within the paragraph. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Offsets including the marks. */
  outerStart: number;
  outerEnd: number;
  balanced: boolean;
}

type Family = 'straight' | 'curly' | 'guillemet';
const FAMILY: Record<string, Family> = {
  '"': 'straight',
  '“': 'curly',
  '”': 'curly',
  '„': 'curly',
  '‟': 'curly',
  '«': 'guillemet',
  '»': 'guillemet',
};
const OPEN_SIDE = /[\s([{:،,؛—–-]/u;
const CLOSE_SIDE = /[\s.,،؛:;!?؟)\]}]/u;

function trimmed(
  text: string,
  start: number,
  end: number,
  outerStart: number,
  outerEnd: number,
  balanced: boolean,
) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /[\s]/.test(text[e - 1]!)) e--;
  if (!balanced) while (e > s && /[\s.,،؛:]/.test(text[e - 1]!)) e--;
  return { start: s, end: e, outerStart, outerEnd, balanced };
}

/** True when a colon (and spaces) stands right before the mark at `at`: "كتبت: “…". */
function introduced(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && k > at - 4 && /\s/.test(text[k]!)) k--;
  return text[k] === ':';
}

/** Just after the last full stop (or ! ?) followed by a space in text[from, to), or -1. */
function lastSentenceEnd(text: string, from: number, to: number): number {
  for (let k = to - 2; k > from; k--) if (/[.!?؟]/.test(text[k]!) && /\s/.test(text[k + 1]!)) return k + 1;
  return -1;
}

/**
 * Finds the top-level quotations of a paragraph, in one pass (each mark is pushed and popped at most once; an
 * unclosed quotation's text is scanned back once, when the next is found).
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: Array<{ family: Family; at: number }> = [];
  // Per family, the stack depths of its open marks: the innermost one is found without walking the stack.
  const depths: Record<Family, number[]> = { straight: [], curly: [], guillemet: [] };
  const truncate = (depth: number) => {
    stack.length = depth;
    for (const list of Object.values(depths))
      while (list.length && list[list.length - 1]! >= depth) list.pop();
  };
  for (let i = 0; i < text.length; i++) {
    // Most characters are no mark: told by their code, before any lookup.
    const c = text.charCodeAt(i);
    if (c !== 0x22 && c !== 0xab && c !== 0xbb && (c < 0x201c || c > 0x201f)) continue;
    const family = FAMILY[text[i]!];
    if (!family) continue;
    const before = i === 0 || OPEN_SIDE.test(text[i - 1]!);
    const after = i === text.length - 1 || CLOSE_SIDE.test(text[i + 1]!);
    let opens: boolean;
    if (text[i] === '«') opens = true;
    else if (text[i] === '»') opens = false;
    else if (before && !after) opens = true;
    else if (!before && after) opens = false;
    else opens = stack[stack.length - 1]?.family !== family;

    if (opens && stack.length === 1 && stack[0]!.family === family && introduced(text, i)) {
      // "“… بروسيا. وكتبت زاخاروفا: “…”": a new quotation introduced by a colon while one of the same marks is
      // open means the first was never closed; it ends at the last sentence end before the words introducing this.
      const end = lastSentenceEnd(text, stack[0]!.at + 1, i);
      if (end > 0) {
        spans.push(trimmed(text, stack[0]!.at + 1, end, stack[0]!.at, end, false));
        truncate(0);
      }
    }
    if (opens) {
      depths[family].push(stack.length);
      stack.push({ family, at: i });
      continue;
    }
    const own = depths[family];
    if (own.length === 0) continue; // a stray closing mark
    const depth = own[own.length - 1]!;
    const opener = stack[depth]!;
    truncate(depth);
    if (depth === 0) spans.push(trimmed(text, opener.at + 1, i, opener.at, i + 1, true));
  }
  const open = stack[0];
  if (open) spans.push(trimmed(text, open.at + 1, text.length, open.at, text.length, false));
  return spans.filter((s) => s.end > s.start);
}

/** The paragraph with its quotations blanked out: what the reporter says, not what was quoted. */
export function withoutQuotes(text: string): string {
  let out = '';
  let at = 0;
  for (const q of findQuotes(text)) {
    out += `${text.slice(at, q.outerStart)} `;
    at = q.outerEnd;
  }
  return out + text.slice(at);
}
