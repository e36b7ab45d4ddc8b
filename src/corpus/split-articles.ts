/**
 * Splits a file into article blocks. A "read also" marker followed by a headline and a body starts a new
 * article; a marker followed only by short lines (related headlines) closes the article and is dropped.
 */

import { classifyLine } from './chrome.ts';
import { cutText, MAX_PARAGRAPH_CHARS } from './limits.ts';

/** A content line of an article, verbatim, with its offset in the file. */
export interface Line {
  text: string;
  fileOffset: number;
  /** True when the line was longer than MAX_PARAGRAPH_CHARS and `text` is its beginning. */
  cut?: boolean;
}

/** The lines of one article and what the file's own chrome said about it. */
export interface ArticleBlock {
  lines: Line[];
  /** From an "المصدر: X" line inside the block, or an aggregator's "first published on X" credit. */
  sourceOutlet: string | null;
  /** From a line that is only a known outlet's name. */
  signatureOutlet: string | null;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** True when the lines after a "read also" marker form an article rather than a list of links. */
function looksLikeArticle(lines: Line[]): boolean {
  return lines.length >= 2 && lines.some((l) => words(l.text) >= 15);
}

/** Splits a file's text into article blocks, dropping site chrome. */
export function splitArticles(text: string): ArticleBlock[] {
  const newGroup = (afterReadAlso: boolean) => ({
    lines: [] as Line[],
    sourceOutlet: null as string | null,
    signatureOutlet: null as string | null,
    afterReadAlso,
  });
  const groups = [newGroup(false)];
  let offset = 0;
  for (const whole of text.split('\n')) {
    // Cut before any pattern sees the line: every later step then works on bounded paragraphs.
    const { text: raw, cut } = cutText(whole, MAX_PARAGRAPH_CHARS);
    const line = classifyLine(raw);
    const current = groups[groups.length - 1]!;
    if (line.kind === 'read-also') groups.push(newGroup(true));
    else if (line.kind === 'source') current.sourceOutlet ??= line.outlet;
    else if (line.kind === 'signature') current.signatureOutlet ??= line.outlet;
    else if (line.kind === 'content') {
      current.lines.push({ text: line.text, fileOffset: offset + line.offset, ...(cut ? { cut } : {}) });
      if (line.source) current.sourceOutlet ??= line.source;
    }
    offset += whole.length + 1;
  }
  return groups
    .filter((g) => g.lines.length > 0 && (!g.afterReadAlso || looksLikeArticle(g.lines)))
    .map(({ lines, sourceOutlet, signatureOutlet }) => ({ lines, sourceOutlet, signatureOutlet }));
}
