/**
 * `npm run eval -- [questions.jsonl …]`: runs question sets (default: data/eval/*.jsonl) and prints, per language,
 * right quote in the top 3, right speaker, right date and unanswerable handled; then the same with the vector
 * side off, to measure its contribution. Exit code 1 when a question is wrong.
 */

import { resolve } from 'node:path';
import { createEngine } from '../engine.ts';
import { type EvalQuestion, questionSetFiles, readQuestions } from '../eval/questions.ts';
import { allRight, scoreAnswer, summarise, type Verdict } from '../eval/score.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { loadEnvironment, runCommand } from './common.ts';

const HELP = `Usage: npm run eval -- [questions.jsonl ...]

Runs evaluation questions (default: every data/eval/*.jsonl) and prints per language the share of questions with
the right quote in the top 3 citations, the right speaker, the right date, and unanswerable questions answered
"no"; first with the full hybrid search, then with the vector side off. Exit code 1 when any question is wrong.`;

function table(title: string, verdicts: Verdict[]): string {
  const s = summarise(verdicts);
  const cell = ({ right, of }: { right: number; of: number }) => (of ? `${right}/${of}` : '-').padEnd(9);
  const rows = (['en', 'ar'] as const).map(
    (l) => `  ${l}   ${cell(s[l].quote)}${cell(s[l].speaker)}${cell(s[l].date)}${cell(s[l].unanswerable)}`,
  );
  return [title, '       quote    speaker  date     no-answer', ...rows].join('\n');
}

runCommand(async (args) => {
  if (args.includes('--help')) return void console.log(HELP);
  const config = loadEnvironment();
  const files = args.length ? args.map((a) => resolve(a)) : questionSetFiles();
  const questions: EvalQuestion[] = files.flatMap(readQuestions);
  const engine = await createEngine(config, { warn: (m) => console.error(`warning: ${m}`) });

  const run = async (vector: boolean) => {
    const verdicts: Verdict[] = [];
    for (const q of questions)
      verdicts.push(scoreAnswer(q, await engine.answerer.answer(q.q, { vector }), engine.lexicon));
    return verdicts;
  };
  const hybrid = await run(true);
  const lexicalOnly = await run(false);
  console.log(
    `${questions.length} questions from ${files.map((f) => f.replace(`${PROJECT_ROOT}/`, '')).join(', ')}\n`,
  );
  console.log(table('hybrid (full text + vectors):', hybrid));
  console.log(table('\nfull text only (vector side off):', lexicalOnly));
  const wrong = hybrid.filter((v) => v.problems.length > 0);
  for (const v of wrong) console.log(`\nWRONG ${v.id} (${v.lang}): ${v.problems.join('; ')}`);
  const offWrong = lexicalOnly.filter((v) => v.problems.length > 0).map((v) => v.id);
  if (offWrong.length) console.log(`\nwrong with the vector side off: ${offWrong.join(', ')}`);
  console.log(`\n${allRight(hybrid) ? 'all right' : `${wrong.length} wrong`}`);
  if (!allRight(hybrid)) process.exitCode = 1;
});
