/**
 * `npm run bench [-- --scale N]`: speed figures. Ingestion, index build, cold load of the saved index, and warm
 * `ask` latency over the evaluation questions. `--scale N` repeats the benchmark on a synthetic corpus of about
 * N passages (the seed articles copied with varied numbers and names), to see how the design grows.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileInputs } from '../corpus/hostile-inputs.ts';
import { ingestCorpus, ingestFile } from '../corpus/ingest.ts';
import { createEngine } from '../engine.ts';
import { questionSetFiles, readQuestions } from '../eval/questions.ts';
import { loadLexicon } from '../lexicon/lexicon.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { loadEnvironment, runCommand, UsageError } from './common.ts';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

/** Writes copies of the seed articles, with varied numbers and names, until about `passages` passages. */
function syntheticCorpus(passages: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  const seeds = join(PROJECT_ROOT, 'data/articles');
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
  const perRound = 100; // passages in the seed corpus, roughly
  const names = ['بيسكوف', 'لافروف', 'أوشاكوف', 'زيلينسكي', 'ترامب', 'روبيو'];
  for (let round = 0; round * perRound < passages; round++) {
    for (const f of files) {
      const text = readFileSync(join(seeds, f), 'utf8')
        .replace(/\d+/g, (d) => String((Number(d) + round) % 10_000))
        .replace(/بيسكوف/g, names[round % names.length]!);
      writeFileSync(join(dir, `${String(round).padStart(5, '0')}_${f}`), text);
    }
  }
  return dir;
}

runCommand(async (args) => {
  if (args.includes('--help')) {
    return void console.log(`Usage: npm run bench [-- --scale PASSAGES]

Prints speed figures: ingestion (median of 10 runs), index build, size of the saved index, cold load of the saved
index, warm ask latency (p50, p95, max) over the questions of data/eval, and the ingest time of each hostile
input of src/corpus/hostile-inputs.ts. With --scale, the same on a synthetic
corpus of about PASSAGES passages (the seed articles copied with varied numbers and names).`);
  }
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 0;
  if (scaleAt >= 0 && !(scale > 0)) throw new UsageError('--scale takes a number of passages');
  const base = loadEnvironment();
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  const config = {
    ...base,
    ARTICLES_DIR: scale ? syntheticCorpus(scale) : base.ARTICLES_DIR,
    INDEX_PATH: join(work, 'index.json'),
  };

  const ingestRuns: number[] = [];
  const lexicon = loadLexicon(config.LEXICON_PATH);
  let corpus = ingestCorpus({ articlesDir: config.ARTICLES_DIR, root: PROJECT_ROOT, lexicon });
  for (let i = 0; i < (scale ? 1 : 10); i++) {
    const t = performance.now();
    corpus = ingestCorpus({ articlesDir: config.ARTICLES_DIR, root: PROJECT_ROOT, lexicon });
    ingestRuns.push(performance.now() - t);
  }
  const passages = corpus.articles.reduce((n, a) => n + a.passages.length, 0);
  const quotes = corpus.articles.reduce((n, a) => n + a.quotes.length, 0);

  const built = await createEngine(config);
  const loaded = await createEngine(config);
  if (built.origin !== 'built' || loaded.origin !== 'loaded') throw new Error('the saved index did not load');

  const questions = questionSetFiles()
    .flatMap(readQuestions)
    .map((q) => q.q);
  const answerer = loaded.answerer;
  for (const q of questions) await answerer.answer(q); // warm-up
  const latencies: number[] = [];
  for (let round = 0; round < (scale ? 2 : 20); round++) {
    for (const q of questions) {
      const start = performance.now();
      await answerer.answer(q);
      latencies.push(performance.now() - start);
    }
  }

  console.log(
    `corpus: ${corpus.articles.length} articles, ${passages} passages, ${quotes} quotations, ${built.answerer.index.units.size} index units`,
  );
  console.log(`embedder: ${built.answerer.index.embedder.id}`);
  console.log(`ingest:        median ${ms(percentile(ingestRuns, 0.5))} (${ingestRuns.length} runs)`);
  console.log(`index build:   ${ms(built.openMs)} (lexicon + ingest + embed + insert + save)`);
  const mb = (path: string) => (statSync(path).size / 1e6).toFixed(1);
  console.log(
    `saved index:   ${mb(config.INDEX_PATH)} MB JSON + ${mb(`${config.INDEX_PATH}.vectors`)} MB vectors`,
  );
  console.log(`cold load:     ${ms(loaded.openMs)} (lexicon + fingerprint + read + restore + verify)`);
  console.log(
    `warm ask:      p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}, max ${ms(Math.max(...latencies))} over ${latencies.length} answers`,
  );
  const hostile = Object.entries(hostileInputs()).map(([name, text]) => {
    const t = performance.now();
    ingestFile({ file: name, stem: name, text }, lexicon);
    return `${name} ${ms(performance.now() - t)}`;
  });
  console.log(`hostile input: ${hostile.join(', ')} (ingest of each; see test/corpus/bounded.test.ts)`);
  console.log(`memory:        ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB RSS`);
  rmSync(work, { recursive: true, force: true });
  if (scale) rmSync(config.ARTICLES_DIR, { recursive: true, force: true });
});
