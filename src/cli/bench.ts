/**
 * `npm run bench [-- --scale N]`: the product and plain Orama side by side, at the seed corpus, a synthetic corpus
 * of 10,000 index units, and (with `--scale N`) one of N units. Each figure that a fresh process pays (build, cold
 * start, memory) is measured in a fresh child process; the rest in the same child after its first answer.
 */

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnyOrama, create, insertMultiple, search } from '@orama/orama';
import { persist, restore } from '@orama/plugin-data-persistence';
import { hostileInputs } from '../corpus/hostile-inputs.ts';
import { ingestFile } from '../corpus/ingest.ts';
import { ingestCorpusInParallel } from '../corpus/ingest-parallel.ts';
import { addArticleFiles, createEngine } from '../engine.ts';
import { questionSetFiles, readQuestions } from '../eval/questions.ts';
import { createAnalyser } from '../index/analyser.ts';
import type { Embedder } from '../index/embedders/embedder.ts';
import { createLexicalEmbedder } from '../index/embedders/lexical.ts';
import { unitDocument, unitSchema } from '../index/search-index.ts';
import { articleInfo, unitsOf } from '../index/units.ts';
import { loadLexicon } from '../lexicon/lexicon.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { loadEnvironment, runCommand, UsageError } from './common.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const HELP = `Usage: npm run bench [-- --scale UNITS] [--no-orama]

Prints, side by side for the product and plain Orama 3.1.18 (its own Arabic tokenizer, the same units and vectors,
saved with @orama/plugin-data-persistence): build rate (ingest to saved), saved size, cold start (a fresh process
to its first answer), answer latency p50/p95/p99 over the questions of data/eval, RSS after load and at peak, and
each question's latency when 100 are asked at once; then the growth ratios between corpus sizes. Corpora: the seed
articles and a synthetic corpus of about 10,000 index units; --scale adds one of about UNITS units (synthetic:
the seeds' paragraphs mixed, names swapped, a Zipf vocabulary, from a fixed seed). Beside wall times, the cpu time
of the process (the machine is shared: a wall time far above its cpu time waited for other work). For the product,
the time to add one article to the loaded index without a rebuild, alone and with saving the index. Last, the
ingest time of each hostile input of src/corpus/hostile-inputs.ts.
  --no-orama   skips plain Orama`;

const CONCURRENT = 100;

const percentile = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : Number.NaN;
const latencyFigures = (xs: number[]) => ({
  p50: percentile(xs, 0.5),
  p95: percentile(xs, 0.95),
  p99: percentile(xs, 0.99),
});
const questions = () =>
  questionSetFiles()
    .flatMap(readQuestions)
    .map((q) => q.q);
const mb = (bytes: number) => bytes / 1e6;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Latencies of answering every question `rounds` times, one after another, and of CONCURRENT asked at once. */
async function latencies(ask: (q: string) => Promise<unknown>, rounds: number) {
  const qs = questions();
  for (const q of qs) await ask(q);
  const serial: number[] = [];
  const [wall, cpu] = [performance.now(), cpuMs()];
  for (let r = 0; r < rounds; r++) {
    for (const q of qs) {
      const t = performance.now();
      await ask(q);
      serial.push(performance.now() - t);
    }
  }
  const serialCpuShare = (cpuMs() - cpu) / (performance.now() - wall);
  const start = performance.now();
  const atOnce = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) =>
      ask(qs[i % qs.length]!).then(() => performance.now() - start),
    ),
  );
  return {
    ...latencyFigures(serial),
    serialCpuShare,
    concurrent: latencyFigures(atOnce),
    concurrentMax: Math.max(...atOnce),
  };
}

/** A hybrid Orama search for a question, as plain Orama would be asked: its text and its vector. */
const oramaAsk = (db: AnyOrama, embedder: Embedder) => async (q: string) => {
  const [vector] = await embedder.embed([q]);
  return search(db, {
    mode: 'hybrid',
    term: q,
    vector: { value: vector!, property: 'embedding' },
    similarity: 0.05,
    limit: 10,
    includeVectors: true,
  } as never);
};

/** The child processes: each does one task and prints its figures as one JSON line. */
const tasks: Record<string, (a: Record<string, string>) => Promise<object>> = {
  async productBuild(a) {
    const config = { ...loadEnvironment(), ARTICLES_DIR: a.articles!, INDEX_PATH: a.index! };
    const [t, cpu] = [performance.now(), cpuMs()];
    const engine = await createEngine(config, { rebuild: true });
    const units = engine.answerer.index.byOrdinal;
    return {
      ms: performance.now() - t,
      cpuMs: cpuMs() - cpu,
      units: units.length,
      passages: units.filter((u) => u.kind !== 'quote').length,
      articles: engine.answerer.articles.length,
      bytes: statSync(a.index!).size,
      peak: peakRss(),
    };
  },
  async productServe(a) {
    const config = { ...loadEnvironment(), ARTICLES_DIR: a.articles!, INDEX_PATH: a.index! };
    const engine = await createEngine(config);
    if (engine.origin !== 'loaded') throw new Error('the saved index did not load');
    await engine.answerer.answer(questions()[0]!);
    const [coldStart, coldCpu] = [performance.now(), cpuMs()];
    const rss = process.memoryUsage().rss;
    const figures = await latencies((q) => engine.answerer.answer(q), Number(a.rounds));
    return { coldStart, coldCpu, loadMs: engine.openMs, rss, ...figures, peak: peakRss() };
  },
  async productAdd(a) {
    const config = { ...loadEnvironment(), ARTICLES_DIR: a.articles!, INDEX_PATH: a.index! };
    const engine = await createEngine(config);
    // One seed article under a name new to the folder; first into the index alone, then with the save.
    const seedDir = join(PROJECT_ROOT, 'data/articles');
    const seed = readdirSync(seedDir).find((f) => f.endsWith('.txt'))!;
    const names = ['zz_added_1.txt', 'zz_added_2.txt'];
    for (const name of names) copyFileSync(join(seedDir, seed), join(a.articles!, name));
    try {
      let [t, cpu] = [performance.now(), cpuMs()];
      const grown = await addArticleFiles(engine, config, [names[0]!], { save: false });
      const [indexMs, indexCpu] = [performance.now() - t, cpuMs() - cpu];
      [t, cpu] = [performance.now(), cpuMs()];
      await addArticleFiles(grown, config, [names[1]!]);
      return { indexMs, indexCpu, savedMs: performance.now() - t, savedCpu: cpuMs() - cpu };
    } finally {
      for (const name of names) rmSync(join(a.articles!, name));
    }
  },
  async oramaBuild(a) {
    const [t, cpu] = [performance.now(), cpuMs()];
    const config = loadEnvironment();
    const lexicon = loadLexicon(config.LEXICON_PATH);
    const analyser = createAnalyser(lexicon.nameKeys());
    const embedder = createLexicalEmbedder(lexicon, analyser);
    const corpus = await ingestCorpusInParallel({
      articlesDir: a.articles!,
      root: PROJECT_ROOT,
      lexicon,
      threads: config.INGEST_THREADS,
    });
    const units = unitsOf(corpus);
    const articles = new Map(corpus.articles.map((x) => [x.id, articleInfo(x)]));
    const vectors = await embedder.embed(units.map((u) => u.text));
    // Orama's own Arabic tokenizer and stemmer: plain Orama as documented.
    const db = create({ schema: unitSchema(vectors[0]?.length ?? 256), language: 'arabic' });
    await insertMultiple(
      db,
      units.map((u, i) => unitDocument(u, articles.get(u.articleId), vectors[i]!)) as never,
      1000,
    );
    let format: 'json' | 'binary' = 'json';
    let failed: string | undefined;
    let data: string | Buffer | ArrayBuffer;
    try {
      data = await persist(db, 'json');
      if (typeof data === 'string' && data.includes('"index":null')) throw new Error('wrote a null index');
    } catch (error) {
      failed = `json: ${(error as Error).message.slice(0, 60)}`;
      format = 'binary';
      try {
        data = await persist(db, 'binary');
      } catch (binaryError) {
        // Nothing to start from: the warm figures are taken here, from the database just built.
        const ms = performance.now() - t;
        const figures = await latencies(oramaAsk(db, embedder), 1);
        return {
          ms,
          units: units.length,
          failed: `${failed}; binary: ${(binaryError as Error).message.slice(0, 60)}`,
          unsaved: { ...figures, rss: process.memoryUsage().rss, peak: peakRss() },
          peak: peakRss(),
        };
      }
    }
    writeFileSync(a.file!, typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer));
    return {
      ms: performance.now() - t,
      cpuMs: cpuMs() - cpu,
      units: units.length,
      bytes: statSync(a.file!).size,
      format,
      failed,
      peak: peakRss(),
    };
  },
  async oramaServe(a) {
    const lexicon = loadLexicon(loadEnvironment().LEXICON_PATH);
    const analyser = createAnalyser(lexicon.nameKeys());
    const embedder = createLexicalEmbedder(lexicon, analyser);
    const t = performance.now();
    const raw = readFileSync(a.file!);
    const db = (await restore(
      a.format as 'json',
      a.format === 'json' ? raw.toString('utf8') : raw,
    )) as AnyOrama;
    const loadMs = performance.now() - t;
    const ask = oramaAsk(db, embedder);
    await ask(questions()[0]!);
    const [coldStart, coldCpu] = [performance.now(), cpuMs()];
    const rss = process.memoryUsage().rss;
    const figures = await latencies(ask, Number(a.rounds));
    return { coldStart, coldCpu, loadMs, rss, ...figures, peak: peakRss() };
  },
};

/** Runs one task in a fresh process (the same loader as this one) and returns its figures. */
function child(task: string, args: Record<string, string>): Record<string, unknown> {
  const argv = [...process.execArgv, fileURLToPath(import.meta.url), '--child', task, JSON.stringify(args)];
  const run = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line.startsWith('{'))
    throw new Error(`bench step ${task} failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(line);
}

type Figures = Record<string, Record<string, unknown>>;

/**
 * Rounds of the questions each corpus is timed over: enough answers on a small corpus for the JIT to settle (the
 * seed corpus's 20 rounds are 1,520 answers), fewer where one answer takes long.
 */
const roundsFor = (units: number) => (units <= 1_000 ? 20 : units <= 20_000 ? 5 : 1);

/** Every figure of one corpus, for the product and (unless skipped) plain Orama. */
function measure(articles: string, withOrama: boolean, size: number): Figures {
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  const index = join(work, 'index.bin');
  const rounds = String(roundsFor(size));
  const out: Figures = {};
  // A step that fails (plain Orama runs out of memory or string length at scale) is reported, not fatal.
  const step = (name: string, task: string, args: Record<string, string>) => {
    try {
      out[name] = child(task, args);
    } catch (error) {
      out[name] = { error: (error as Error).message.slice(0, 160) };
    }
  };
  try {
    step('productBuild', 'productBuild', { articles, index });
    step('productServe', 'productServe', { articles, index, rounds });
    step('productAdd', 'productAdd', { articles, index });
    if (withOrama) {
      const file = join(work, 'orama.dat');
      step('oramaBuild', 'oramaBuild', { articles, file });
      const format = String(out.oramaBuild?.format);
      if (out.oramaBuild?.unsaved) out.oramaServe = out.oramaBuild.unsaved as Record<string, unknown>;
      else if (!out.oramaBuild?.error) step('oramaServe', 'oramaServe', { file, format, rounds });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

const n = (x: unknown, digits = 0) =>
  typeof x === 'number' && Number.isFinite(x)
    ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';
const msText = (x: unknown) => (typeof x === 'number' && x < 10 ? `${n(x, 2)} ms` : `${n(x)} ms`);

/** The rows of the table: a label and how to read the figure from one side's results. */
function rows(f: Figures, side: 'product' | 'orama'): Array<[string, string]> {
  const build = f[`${side}Build`] ?? {};
  const serve = f[`${side}Serve`] ?? {};
  const c = (serve.concurrent ?? {}) as Record<string, number>;
  const rate = (Number(build.units) / Number(build.ms)) * 1000;
  const failed = [build.error, serve.error].filter(Boolean).join('; ');
  if (failed) return [['index units', `failed: ${failed}`]];
  const out: Array<[string, string]> = [
    ['index units', n(build.units)],
    [
      'build (units/s, ingest to saved)',
      `${n(rate)}/s (${n(Number(build.ms) / 1000, 1)} s, cpu ${n(Number(build.cpuMs) / 1000, 1)} s)`,
    ],
    [
      'saved size',
      build.unsaved
        ? `cannot save (${build.failed})`
        : `${n(mb(Number(build.bytes)), 1)} MB${build.failed ? ` (${build.format}; ${build.failed})` : ''}`,
    ],
    [
      'cold start, fresh process to first answer (cpu; of it, index load)',
      `${n(Number(serve.coldStart) / 1000, 2)} s (cpu ${n(Number(serve.coldCpu) / 1000, 2)} s; ${n(Number(serve.loadMs) / 1000, 2)} s)`,
    ],
    [
      'answer p50 / p95 / p99 (cpu time / wall time)',
      `${msText(serve.p50)} / ${msText(serve.p95)} / ${msText(serve.p99)} (${n(100 * Number(serve.serialCpuShare))}%)`,
    ],
    [
      'RSS after load / peak',
      `${n(mb(Number(serve.rss)))} / ${n(mb(Math.max(Number(serve.peak), Number(build.peak))))} MB`,
    ],
    [
      `${CONCURRENT} at once: p50 / p95 / max latency`,
      `${msText(c.p50)} / ${msText(c.p95)} / ${msText(serve.concurrentMax)}`,
    ],
  ];
  if (side === 'product') {
    const add = f.productAdd ?? {};
    out.push([
      'add one article without rebuild: into the index / with the save (cpu)',
      add.error
        ? `failed: ${add.error}`
        : `${msText(add.indexMs)} (cpu ${msText(add.indexCpu)}) / ${msText(add.savedMs)} (cpu ${msText(add.savedCpu)})`,
    ]);
  }
  return out;
}

function printTable(scales: Array<{ name: string; figures: Figures }>, withOrama: boolean) {
  const sides = withOrama ? (['product', 'orama'] as const) : (['product'] as const);
  const header = [
    'figure',
    ...scales.flatMap((s) =>
      sides.map((side) => `${s.name}: ${side === 'product' ? 'product' : 'plain Orama'}`),
    ),
  ];
  const labels = rows(scales[0]!.figures, 'product').map(([label]) => label);
  const table = labels.map((label) => [
    label,
    ...scales.flatMap((s) =>
      sides.map((side) => rows(s.figures, side).find(([l]) => l === label)?.[1] ?? ''),
    ),
  ]);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const r of table) console.log(`| ${r.join(' | ')} |`);
}

function printGrowth(scales: Array<{ name: string; figures: Figures }>) {
  const figure = (
    f: Figures,
    side: string,
    get: (b: Record<string, unknown>, s: Record<string, unknown>) => number,
  ) => get(f[`${side}Build`] ?? {}, f[`${side}Serve`] ?? {});
  const measures: Array<[string, (b: Record<string, unknown>, s: Record<string, unknown>) => number]> = [
    ['units', (b) => Number(b.units)],
    ['answer p95', (_, s) => Number(s.p95)],
    ['cold start', (_, s) => Number(s.coldStart)],
    ['RSS after load', (_, s) => Number(s.rss)],
    ['saved size', (b) => Number(b.bytes)],
  ];
  console.log('\ngrowth ratios (larger corpus / smaller):');
  for (let i = 1; i < scales.length; i++) {
    const [a, b] = [scales[i - 1]!, scales[i]!];
    const parts = ['product', 'orama'].flatMap((side) =>
      b.figures[`${side}Serve`]
        ? [
            `${side === 'product' ? 'product' : 'plain Orama'}: ${measures
              .map(
                ([name, get]) =>
                  `${name} ×${n(figure(b.figures, side, get) / figure(a.figures, side, get), 1)}`,
              )
              .join(', ')}`,
          ]
        : [],
    );
    console.log(`  ${a.name} → ${b.name}: ${parts.join('; ')}`);
  }
}

runCommand(async (args) => {
  if (args[0] === '--child') {
    const figures = await tasks[args[1]!]!(JSON.parse(args[2]!));
    return void console.log(JSON.stringify(figures));
  }
  if (args.includes('--help')) return void console.log(HELP);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 0;
  if (scaleAt >= 0 && !(scale > 0)) throw new UsageError('--scale takes a number of index units');
  const withOrama = !args.includes('--no-orama');
  const base = loadEnvironment();
  const lexicon = loadLexicon(base.LEXICON_PATH);
  const sizes = [...new Set([10_000, ...(scale ? [scale] : [])])].sort((a, b) => a - b);
  const scales: Array<{ name: string; figures: Figures }> = [
    { name: 'seed corpus', figures: measure(base.ARTICLES_DIR, withOrama, 0) },
  ];
  for (const size of sizes) {
    const dir = writeSyntheticCorpus(join(PROJECT_ROOT, 'data/articles'), lexicon, size);
    try {
      scales.push({ name: `${n(size)} synthetic`, figures: measure(dir, withOrama, size) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`Node ${process.version}, ${n(questions().length)} questions (data/eval), lexical embedder\n`);
  printTable(scales, withOrama);
  printGrowth(scales);
  const hostile = Object.entries(hostileInputs()).map(([name, text]) => {
    const t = performance.now();
    ingestFile({ file: name, stem: name, text }, lexicon);
    return `${name} ${msText(performance.now() - t)}`;
  });
  console.log(`\nhostile input: ${hostile.join(', ')} (ingest of each; see test/corpus/bounded.test.ts)`);
});
