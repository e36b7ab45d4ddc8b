/** `npm run ingest [-- --json]`: what ingestion made of the article files, as a report or as JSON. */

import { ingestCorpus } from '../corpus/ingest.ts';
import type { Corpus } from '../corpus/types.ts';
import { loadLexicon } from '../lexicon/lexicon.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { loadEnvironment, runCommand, UsageError } from './common.ts';

const HELP = `Usage: npm run ingest [-- --json]

Reads every .txt file of ARTICLES_DIR (default data/articles), removes site chrome, splits files holding
several articles, and reports per article: id, title, outlet, date (with its basis), passages and quotations
with their speakers; then warnings about files that were skipped or repaired.

  --json    print one JSON object instead of the report
  --help    show this text`;

/** The JSON form of a corpus, as documented in the README. */
export function corpusToJson(corpus: Corpus) {
  return {
    articles: corpus.articles.map((a) => ({
      id: a.id,
      file: a.file,
      title: a.title,
      outlet: a.outlet,
      date: a.date,
      passages: a.passages.length,
      quotes: a.quotes.map((q) => ({
        text: q.text,
        speaker: q.speaker ? { en: q.speaker.en, ar: q.speaker.ar } : null,
      })),
    })),
    warnings: corpus.warnings,
  };
}

/** The readable report. */
export function corpusToReport(corpus: Corpus, ms: number): string {
  const out: string[] = [];
  for (const a of corpus.articles) {
    const date = a.date.iso
      ? `${a.date.iso} (${a.date.basis}: "${a.date.text}")`
      : `unknown${a.date.text ? ` ("${a.date.text}")` : ''}`;
    out.push(`${a.id}  ${a.file}`);
    out.push(`  title:  ${a.title ?? '-'}`);
    out.push(`  outlet: ${a.outlet ?? '-'}${a.agencies.length ? ` (via ${a.agencies.join(', ')})` : ''}`);
    out.push(`  date:   ${date}`);
    out.push(`  ${a.passages.length} passages, ${a.quotes.length} quotations`);
    for (const q of a.quotes)
      out.push(`    «${q.text}» — ${q.speaker ? `${q.speaker.en} / ${q.speaker.ar}` : 'speaker not named'}`);
    out.push('');
  }
  out.push(`${corpus.articles.length} articles in ${ms.toFixed(1)} ms`);
  out.push(corpus.warnings.length ? 'warnings:' : 'no warnings');
  for (const w of corpus.warnings) out.push(`  ${w.file}: ${w.message}`);
  return out.join('\n');
}

runCommand(async (args) => {
  if (args.includes('--help')) return void console.log(HELP);
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) throw new UsageError(`unknown argument ${unknown[0]}; see --help`);
  const config = loadEnvironment();
  const started = performance.now();
  const corpus = ingestCorpus({
    articlesDir: config.ARTICLES_DIR,
    root: PROJECT_ROOT,
    lexicon: loadLexicon(config.LEXICON_PATH),
  });
  const ms = performance.now() - started;
  console.log(args.includes('--json') ? JSON.stringify(corpusToJson(corpus)) : corpusToReport(corpus, ms));
});
