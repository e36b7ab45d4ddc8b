/** Scores answers against evaluation questions: right quote in the top 3, right speaker, right date, no answer. */

import type { Answer, Citation } from '../answer/schema.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { EvalQuestion } from './questions.ts';

/** The verdicts for one question; a check that does not apply is null. */
export interface Verdict {
  id: string;
  lang: 'ar' | 'en';
  quote: boolean | null;
  speaker: boolean | null;
  date: boolean | null;
  unanswerable: boolean | null;
  /** A short account of what went wrong, for the report. */
  problems: string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function speakerId(c: Citation, lexicon: Lexicon): string | null {
  if (!c.speaker) return null;
  return (
    lexicon.entries.find((e) => e.en[0] === c.speaker!.en && e.ar[0] === c.speaker!.ar)?.id ??
    `unknown:${c.speaker.en}`
  );
}

/** Scores one answer. */
export function scoreAnswer(q: EvalQuestion, answer: Answer, lexicon: Lexicon): Verdict {
  const v: Verdict = {
    id: q.id,
    lang: q.lang,
    quote: null,
    speaker: null,
    date: null,
    unanswerable: null,
    problems: [],
  };
  if (q.none) {
    v.unanswerable = !answer.answered;
    if (!v.unanswerable)
      v.problems.push(
        `answered, but the sources hold no answer: «${answer.citations[0]?.quote.slice(0, 60)}…»`,
      );
    return v;
  }
  const files = q.file?.split('|') ?? [];
  const wanted = (q.contains ?? []).map(collapse);
  const speakerRight = (c: Citation) =>
    q.speaker === undefined ||
    (q.speaker === null
      ? speakerId(c, lexicon) === null
      : q.speaker.split('|').includes(speakerId(c, lexicon) ?? ''));
  const dateRight = (c: Citation) =>
    (q.date === undefined || c.date.iso === q.date) &&
    (q.not_date === undefined || c.date.iso !== q.not_date);
  const holding = answer.citations
    .slice(0, 3)
    .filter(
      (c) =>
        (files.length === 0 || files.some((f) => c.source.file.includes(`/${f}`))) &&
        wanted.some((w) => collapse(c.quote).includes(w)),
    );
  // The reader sees the top 3: the answer is right when one of them is right in every respect.
  const right = holding.find((c) => speakerRight(c) && dateRight(c)) ?? holding[0];
  v.quote = right !== undefined;
  if (!right) {
    v.problems.push(
      answer.answered
        ? `top 3 lacks the quote (first: «${answer.citations[0]?.quote.slice(0, 50)}…»)`
        : 'not answered',
    );
    return v;
  }
  if (q.speaker !== undefined) {
    v.speaker = speakerRight(right);
    if (!v.speaker) v.problems.push(`speaker ${speakerId(right, lexicon)} instead of ${q.speaker}`);
  }
  if (q.date !== undefined || q.not_date !== undefined) {
    v.date = dateRight(right);
    if (!v.date) v.problems.push(`date ${right.date.iso} (wanted ${q.date ?? `not ${q.not_date}`})`);
  }
  return v;
}

/** Per-language totals: right / applicable, for each check. */
export function summarise(verdicts: Verdict[]) {
  const langs = ['en', 'ar'] as const;
  const checks = ['quote', 'speaker', 'date', 'unanswerable'] as const;
  return Object.fromEntries(
    langs.map((lang) => {
      const mine = verdicts.filter((v) => v.lang === lang);
      return [
        lang,
        Object.fromEntries(
          checks.map((check) => {
            const applicable = mine.filter((v) => v[check] !== null);
            return [check, { right: applicable.filter((v) => v[check]).length, of: applicable.length }];
          }),
        ),
      ];
    }),
  ) as Record<'en' | 'ar', Record<(typeof checks)[number], { right: number; of: number }>>;
}

/** True when every applicable check of every verdict is right. */
export function allRight(verdicts: Verdict[]): boolean {
  return verdicts.every((v) => v.problems.length === 0);
}
