/** Evaluation questions (JSON lines, the format of `data/eval/dev.jsonl`), validated with zod. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.ts';

export const EvalQuestionSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['ar', 'en']),
  q: z.string().min(1),
  /** Which files may hold the answer: three-digit file prefixes joined by "|". */
  file: z.string().optional(),
  /** A right answer holds one of these strings in a top-3 citation. */
  contains: z.array(z.string().min(1)).optional(),
  /** Lexicon ids joined by "|", or null when the source names nobody. */
  speaker: z.string().nullable().optional(),
  date: z.iso.date().nullable().optional(),
  not_date: z.iso.date().optional(),
  /** True when the sources hold no answer. */
  none: z.boolean().optional(),
});

export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** Reads a question file; a bad line is an error naming the file and the line. */
export function readQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      const parsed = EvalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(
          `${path}:${n}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        );
      return parsed.data;
    });
}

/** The project's question sets: every `.jsonl` file of `data/eval`, in name order. */
export function questionSetFiles(dir = join(PROJECT_ROOT, 'data/eval')): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}
