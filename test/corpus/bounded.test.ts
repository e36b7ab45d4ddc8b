/**
 * Hostile inputs (issue 9): each once took from 29 s to 291 s. Ingestion now scans quotations and sentences in
 * one pass and cuts paragraphs over MAX_PARAGRAPH_CHARS, so these finish at once; `npm run bench` prints their
 * times. The assertions are on what ingestion makes of them, not on time.
 */

import { describe, expect, it } from 'vitest';
import { hostileInputs } from '../../src/corpus/hostile-inputs.ts';
import { ingestFile } from '../../src/corpus/ingest.ts';
import { CUT_MARK, MAX_PARAGRAPH_CHARS } from '../../src/corpus/limits.ts';
import { findQuotes } from '../../src/corpus/quotes.ts';
import { splitSentences } from '../../src/corpus/sentences.ts';
import { lexicon } from '../helpers.ts';

const ingest = (name: string, text: string) => ingestFile({ file: `${name}.txt`, stem: name, text }, lexicon);
const inputs = hostileInputs();

describe('hostile inputs', () => {
  it('a line of 200k dots and a letter: one cut paragraph, no sentence break inside the dots', () => {
    const line = `${'.'.repeat(200_000)}x`;
    expect(splitSentences(line, [])).toEqual([{ start: 0, end: line.length }]);
    const { articles, warnings } = ingest('dots', inputs.dots);
    const text = articles[0]!.text;
    expect(text.endsWith(CUT_MARK)).toBe(true);
    expect(text.length).toBeLessThan(MAX_PARAGRAPH_CHARS + 200);
    expect(warnings.map((w) => w.message)).toContain(
      `1 paragraph(s) longer than ${MAX_PARAGRAPH_CHARS} characters cut (marked "[…]")`,
    );
  });

  it('100k « then 100k »: one quotation, the outermost pair', () => {
    const text = `${'«'.repeat(100_000)}نص${'»'.repeat(100_000)}`;
    expect(findQuotes(text)).toEqual([
      { start: 1, end: 200_001, outerStart: 0, outerEnd: 200_002, balanced: true },
    ]);
    const { articles } = ingest('guillemets', inputs.guillemets);
    expect(articles[0]!.passages).toHaveLength(1);
    expect(articles[0]!.passages[0]!.speaker?.id).toBe('peskov');
  });

  it('80k unbalanced «: one quotation cut at the end of its (cut) paragraph, and a warning', () => {
    const text = 'قال «كلمة '.repeat(80_000);
    const spans = findQuotes(text);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ outerStart: 4, balanced: false, end: text.trimEnd().length });
    const { articles, warnings } = ingest('unbalanced', inputs.unbalanced);
    expect(articles[0]!.quotes.every((q) => !q.balanced)).toBe(true);
    expect(warnings.some((w) => /closing quotation mark missing/.test(w.message))).toBe(true);
  });

  it('a 1 MB file of one repeated word, in paragraphs: every paragraph read, none cut', () => {
    const { articles, warnings } = ingest('oneword', inputs.oneWord);
    expect(Buffer.byteLength(inputs.oneWord)).toBeGreaterThan(900_000);
    const paragraphs = inputs.oneWord.trim().split('\n').length - 1; // less the headline
    expect(articles[0]!.passages).toHaveLength(paragraphs);
    expect(warnings.filter((w) => /cut/.test(w.message))).toEqual([]);
  });

  it('a 1 MB line of one repeated word: cut at a word boundary, marked', () => {
    const { articles } = ingest('oneline', inputs.oneLine);
    const body = articles[0]!.text.split('\n')[1]!;
    expect(body.endsWith(`كلمة${CUT_MARK}`)).toBe(true);
  });
});
