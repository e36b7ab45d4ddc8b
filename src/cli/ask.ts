/**
 * `npm run ask -- "question"`: the answer as readable text. `--json`: one Answer (ANSWER.md) as one JSON line;
 * with no question, one JSON line per line of standard input, in order (blank lines skipped).
 */

import { createInterface } from 'node:readline';
import { AnswerSchema } from '../answer/schema.ts';
import { createEngine } from '../engine.ts';
import { enrichAnswer, missingEnrichment } from '../llm/enrich.ts';
import { openLanguageModel } from '../llm/open.ts';
import { createLogger } from '../logger.ts';
import { loadEnvironment, runCommand, UsageError } from './common.ts';

const HELP = `Usage: npm run ask -- [--json] [--rebuild] ["question"]

Answers a question about the Russia–US talks on the war in Ukraine with verbatim quotes from the articles in
ARTICLES_DIR, in the question's language (Arabic or English). When a language model is configured (LLM_BASE_URL,
LLM_MODEL; see the README), English questions also get machine renderings of the quotes, and every answer a short
checked summary, each labelled with the model's name; what the model fails to give in LLM_TIMEOUT_MS is left out
with a note on standard error.

  --json      print the Answer as one JSON line (see the README for its shape); with no question, read one
              question per line from standard input and print one JSON line each, in order
  --rebuild   rebuild the saved index even if it is fresh
  --help      show this text

Exit codes: 0 when the question was handled (answered or not), 2 for bad usage.`;

runCommand(async (args) => {
  if (args.includes('--help')) return void console.log(HELP);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  for (const flag of flags)
    if (!['--json', '--rebuild'].includes(flag)) throw new UsageError(`unknown option ${flag}; see --help`);
  const words = args.filter((a) => !a.startsWith('--'));
  const json = flags.has('--json');
  if (words.length === 0 && !json)
    throw new UsageError('no question given; usage: npm run ask -- "question" (see --help)');
  if (words.length > 0 && words.join(' ').trim() === '') throw new UsageError('the question is empty');

  const config = loadEnvironment();
  const engine = await createEngine(config, {
    rebuild: flags.has('--rebuild'),
    warn: (m) => console.error(`warning: ${m}`),
  });
  // Log lines (JSON) go to standard error, so that standard output stays one answer per line.
  const logger = createLogger(
    config.LOG_LEVEL,
    [config.LLM_API_KEY, config.EMBEDDINGS_API_KEY],
    process.stderr,
  );
  const llm = openLanguageModel(config, engine.lexicon, logger);
  const ask = async (question: string) => {
    let answer = await engine.answerer.answer(
      question,
      llm ? { modelTerms: (q) => llm.proposeArabicTerms(q) } : {},
    );
    if (llm) {
      answer = await enrichAnswer(answer, llm);
      const missing = missingEnrichment(answer);
      if (missing.length > 0)
        console.error(
          `note: ${missing.join(' and ')} by ${llm.model} omitted (failed, timed out or refused by the guard)`,
        );
    }
    answer = AnswerSchema.parse(answer);
    console.log(json ? JSON.stringify(answer) : answer.reply);
  };

  if (words.length > 0) return ask(words.join(' '));
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim() !== '') await ask(line);
});
