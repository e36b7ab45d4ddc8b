/** `npm run ingest [-- --json]`: what ingestion made of the article files, as a report or as JSON. */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ingestCorpusInParallel } from '../corpus/ingest-parallel.ts';
import type { Corpus } from '../corpus/types.ts';
import { compareWithTruth, readTruth, truthReport } from '../eval/ingest-truth.ts';
import { loadLexicon } from '../lexicon/lexicon.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { loadEnvironment, runCommand, UsageError } from './common.ts';

const HELP = `Usage: npm run ingest [-- --json]

Reads every .txt file of ARTICLES_DIR (default data/articles), removes site chrome, splits files holding
several articles, and reports per article: id, title, outlet and agencies, date (with its basis), the header
lines it classified (headline, date, dateline, outlet, section, caption, boilerplate…) and why, passages and
quotations with their speakers; then warnings about files that were skipped or repaired.

  --json          print one JSON object instead of the report
  --truth FILE    compare with a truth file (one JSON line per article file: title, date_iso, outlet,
                  agencies, quotes with speaker_id and optional speaker_id_alt) and print counts of right, wrong
                  and missed values
  --help          show this text`;

/** The JSON form of a corpus, as documented in the README. */
export function corpusToJson(corpus: Corpus) {
  return {
    articles: corpus.articles.map((a) => ({
      id: a.id,
      file: a.file,
      title: a.title,
      outlet: a.outlet,
      agencies: a.agencies,
      url: a.url,
      date: a.date,
      header: a.header,
      passages: a.passages.length,
      quotes: a.quotes.map((q) => ({
        text: q.text,
        speaker: q.speaker ? { en: q.speaker.en, ar: q.speaker.ar } : null,
      })),
    })),
    warnings: corpus.warnings,
  };
}

const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 70)}…` : s);

/** The readable report: per article its header lines as classified and why, then what was taken. */
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
    if (a.url) out.push(`  url:    ${a.url}`);
    for (const h of a.header) out.push(`  | ${h.kind.padEnd(11)} ${clip(h.text)}  (${h.why})`);
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
  const truthAt = args.indexOf('--truth');
  const truthFile = truthAt >= 0 ? args[truthAt + 1] : undefined;
  if (truthAt >= 0 && !truthFile) throw new UsageError('--truth takes a file; see --help');
  const unknown = args.filter((a, i) => a !== '--json' && i !== truthAt && i !== truthAt + 1);
  if (unknown.length) throw new UsageError(`unknown argument ${unknown[0]}; see --help`);
  const config = loadEnvironment();
  const started = performance.now();
  const corpus = await ingestCorpusInParallel({
    articlesDir: config.ARTICLES_DIR,
    root: PROJECT_ROOT,
    lexicon: loadLexicon(config.LEXICON_PATH),
    threads: config.INGEST_THREADS,
  });
  const ms = performance.now() - started;
  if (truthFile) {
    const lexicon = loadLexicon(config.LEXICON_PATH);
    const names = new Map(lexicon.entries.map((e) => [e.id, e.ar]));
    const raw = (file: string) => readFileSync(resolve(PROJECT_ROOT, file), 'utf8');
    return void console.log(truthReport(compareWithTruth(corpus, readTruth(truthFile), names, raw)));
  }
  console.log(args.includes('--json') ? JSON.stringify(corpusToJson(corpus)) : corpusToReport(corpus, ms));
});
