/**
 * The XQuAD benchmark's development half (data/benchmarks/xquad-dev, CC BY-SA 4.0): English and Arabic questions
 * over Arabic paragraphs. Scores answers as the benchmark's scorer does (a top-3 citation from the right paragraph;
 * a top-3 citation holding the gold answer), and computes the reference baseline in the same run: plain Orama
 * with its Arabic tokenizer and the Snowball stemmer over whole paragraphs, English questions translated word by
 * word with the dictionary's first entry and no weighting.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, insertMultiple, search } from '@orama/orama';
import { stemmer } from '@orama/stemmers/arabic';
import { z } from 'zod';
import type { Answer } from '../answer/schema.ts';
import type { Dictionary } from '../search/evidence/dictionary.ts';

const XquadQuestionSchema = z.object({
  id: z.string(),
  file: z.string(),
  en: z.string().min(1),
  ar: z.string().min(1),
  answer_ar: z.string(),
  context: z.string(),
});
export type XquadQuestion = z.infer<typeof XquadQuestionSchema>;

/** Scores of one language: shares of questions, 0–1. */
export interface XquadScore {
  paragraph: number;
  answer: number;
  answered: number;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Reads the benchmark's questions. */
export function readXquad(dir: string): XquadQuestion[] {
  return readFileSync(join(dir, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => XquadQuestionSchema.parse(JSON.parse(l)));
}

/** Scores answers, one per question and in the same order. */
export function scoreXquad(questions: XquadQuestion[], answers: Answer[]): XquadScore {
  let paragraph = 0;
  let answer = 0;
  let answered = 0;
  questions.forEach((q, i) => {
    const a = answers[i];
    if (!a) return;
    if (a.answered) answered++;
    const top = a.citations.slice(0, 3).filter((c) => c.source.file.split('/').pop()!.startsWith(q.file));
    if (top.some((c) => collapse(q.context).includes(collapse(c.quote)))) paragraph++;
    if (top.some((c) => collapse(c.quote).includes(collapse(q.answer_ar)))) answer++;
  });
  const n = questions.length || 1;
  return { paragraph: paragraph / n, answer: answer / n, answered: answered / n };
}

/** The baseline's 40 English stop words. */
const BASELINE_STOPWORDS = new Set(
  `a an the of in on at to for from by with and or is are was were be been did does do what which who whom when
   where why how that this these those it its as`.split(/\s+/),
);

/** The baseline's word-by-word translation: the first dictionary entry of the word or of it without -s/-ed/-ing. */
function baselineTranslation(question: string, dictionary: Dictionary): string {
  return question
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !BASELINE_STOPWORDS.has(w))
    .map((w) => {
      for (const form of [w, w.replace(/(?:s|ed|ing)$/, '')]) {
        const first = dictionary.lookup(form)[0];
        if (first) return first.arabic;
      }
      return w;
    })
    .join(' ');
}

/** Scores the baseline on the benchmark, per language. */
export async function xquadBaseline(
  dir: string,
  questions: XquadQuestion[],
  dictionary: Dictionary,
): Promise<Record<'en' | 'ar', XquadScore>> {
  const db = create({
    schema: { file: 'string', text: 'string' } as const,
    components: { tokenizer: { language: 'arabic', stemming: true, stemmer } },
  });
  const articles = join(dir, 'articles');
  const paragraphs = readdirSync(articles)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(articles, file), 'utf8')
        .split(/\n\s*\n/)
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text) => ({ file, text })),
    );
  await insertMultiple(db, paragraphs);
  const answersOf = async (lang: 'en' | 'ar') => {
    const answers: Answer[] = [];
    for (const q of questions) {
      const term = lang === 'en' ? baselineTranslation(q.en, dictionary) : q.ar;
      const result = await search(db, { term, properties: ['text'], limit: 3 });
      const citations = result.hits.map((h) => ({
        quote: h.document.text,
        speaker: null,
        date: { iso: null, text: null, basis: 'unknown' as const },
        source: { id: h.id, file: `articles/${h.document.file}`, title: null, outlet: null, url: null },
      }));
      answers.push({
        question: q[lang],
        language: lang,
        answered: citations.length > 0,
        citations,
        reply: '-',
      });
    }
    return scoreXquad(questions, answers);
  };
  return { en: await answersOf('en'), ar: await answersOf('ar') };
}
