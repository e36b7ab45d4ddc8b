/**
 * Size limits that keep the work per input bounded. Text beyond a limit is cut at a word boundary and the cut is
 * marked with CUT_MARK, in the article text users see, so nothing is silently shortened.
 */

/** A headline longer than this is no headline (news headlines are under 200 characters). */
export const MAX_HEADLINE_CHARS = 300;
/** A paragraph longer than this is cut (news paragraphs are under 2,000 characters). */
export const MAX_PARAGRAPH_CHARS = 6_000;
/** Marks where a paragraph or headline was cut. */
export const CUT_MARK = ' […]';

/** The text cut to at most `max` characters at a word boundary, and whether it was cut. */
export function cutText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const space = text.lastIndexOf(' ', max);
  const end = space > max / 2 ? space : max;
  return { text: text.slice(0, end).trimEnd(), cut: true };
}
