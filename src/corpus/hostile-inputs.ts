/** Inputs that once made ingestion backtrack or go quadratic (issue 9): for the tests and `npm run bench`. */

const HEADLINE = 'عنوان الخبر عن المحادثات\n';

export function hostileInputs() {
  return {
    /** A line of 200k dots, then a letter. */
    dots: `${HEADLINE}قال المتحدث ${'.'.repeat(200_000)}x\n`,
    /** 100k « then 100k ». */
    guillemets: `${HEADLINE}قال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين ${'«'.repeat(100_000)}كلام${'»'.repeat(100_000)} في المؤتمر.\n`,
    /** About 800 KB: 80k quotations never closed. */
    unbalanced: `${HEADLINE}${'قال «كلمة '.repeat(80_000)}\n`,
    /** About 1 MB of one word, in paragraphs of 100 words. */
    oneWord: `${HEADLINE}${`${'كلمة '.repeat(99)}كلمة.\n`.repeat(1_000)}`,
    /** About 1 MB of one word on one line. */
    oneLine: `${HEADLINE}${'كلمة '.repeat(100_000)}\n`,
  };
}
