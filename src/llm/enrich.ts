/**
 * The enrichment stage, between answer and render: takes a finished extractive `Answer` and adds what the language
 * model may add (English renderings of the quotes for English questions, a short synthesis), all within one
 * deadline. The quotes, speakers, dates and sources are never changed; whatever fails or times out is left out.
 */

import { citationBlock, replyPreamble, summaryPhrase } from '../answer/phrases.ts';
import type { Answer } from '../answer/schema.ts';
import type { LanguageModel } from './language-model.ts';

/** The answer with what the model added; the extractive answer itself when it added nothing. */
export async function enrichAnswer(answer: Answer, llm: LanguageModel): Promise<Answer> {
  if (!answer.answered) return answer;
  const signal = AbortSignal.timeout(llm.timeoutMs);
  const [translations, summary] = await Promise.all([
    Promise.all(
      answer.citations.map((c) => (answer.language === 'en' ? llm.translateQuote(c, signal) : null)),
    ),
    llm.synthesise(answer, signal),
  ]);
  if (!summary && translations.every((t) => t === null)) return answer;
  const citations = answer.citations.map((c, i) => {
    const translation = translations[i];
    return translation ? { ...c, translation } : c;
  });
  const reply = [
    ...(summary ? [summaryPhrase(summary, answer.language)] : []),
    ...replyPreamble(answer.reply),
    ...citations.map((c, i) => citationBlock(c, i + 1, answer.language)),
  ].join('\n\n');
  return { ...answer, citations, reply, ...(summary ? { summary } : {}) };
}

/** What an enrichment left out, for a channel that cannot add it later (the command line says so). */
export function missingEnrichment(answer: Answer): Array<'translations' | 'summary'> {
  if (!answer.answered) return [];
  const missing: Array<'translations' | 'summary'> = [];
  if (answer.language === 'en' && answer.citations.some((c) => !c.translation)) missing.push('translations');
  if (!answer.summary) missing.push('summary');
  return missing;
}
