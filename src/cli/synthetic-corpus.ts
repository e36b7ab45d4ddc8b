/**
 * A synthetic corpus for the benchmark: articles made of the seed articles' paragraphs, mixed, with the speakers'
 * names swapped among the lexicon's people, numbers and dates changed, and a fifth of the longer words replaced by
 * words of a generated vocabulary drawn with Zipf's law, so that posting lists have the long tail of real news
 * rather than the seeds' words copied N times. Everything comes from one fixed seed: the same N gives the same files.
 */

import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lexicon } from '../lexicon/lexicon.ts';

/** Mulberry32: a small seeded generator, so that runs are comparable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
];
const VOCABULARY = 40_000;
const WORD = /[\u0621-\u064A]{5,}/g;

/**
 * When the synthetic articles were last changed: one fixed time in the past, as for articles gathered before their
 * index is built (a file changed a moment before it is indexed is checked by its contents at the next start, not by
 * its stamp: src/index/store.ts).
 */
const GATHERED = new Date('2026-01-01T00:00:00Z');

/** Index units per seed paragraph, roughly (quotations and sentences). */
const UNITS_PER_PARAGRAPH = 1.45;

/** Writes about `units` index units of synthetic articles into a new temporary folder and returns it. */
export function writeSyntheticCorpus(seedsDir: string, lexicon: Lexicon, units: number, seed = 11): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  const next = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
  const seeds = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(seedsDir, f), 'utf8').split('\n'));
  const titles = seeds.map((lines) => lines[0]!);
  const paragraphs = seeds.flatMap((lines) => lines.slice(2).filter((l) => l.trim().length > 40));
  const people = lexicon.entries.filter((e) => e.kind === 'person');
  const names = new Map<string, string[]>();
  for (const p of people) for (const form of p.ar) names.set(form, p.ar);
  const namePattern = new RegExp([...names.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');
  const vocabulary = Array.from({ length: VOCABULARY }, () => {
    const length = 4 + Math.floor(next() * 4);
    let w = '';
    for (let i = 0; i < length; i++) w += LETTERS[Math.floor(next() * LETTERS.length)];
    return w;
  });
  // Zipf: the rank of a word drawn by inverting the cumulative of 1/rank (approximately, by its logarithm).
  const zipf = () =>
    vocabulary[Math.min(VOCABULARY - 1, Math.floor(Math.exp(next() * Math.log(VOCABULARY))) - 1)]!;

  const vary = (text: string) =>
    text
      .replace(namePattern, (name) => {
        const other = pick(people);
        // The same form of another person: a full name stays a full name, a surname a surname.
        const forms = other.ar;
        const i = Math.min(names.get(name)!.indexOf(name), forms.length - 1);
        return forms[Math.max(0, i)]!;
      })
      .replace(/\d+/g, (d) => String((Number(d) + Math.floor(next() * 50)) % 10_000))
      .replace(WORD, (w) => (next() < 0.2 ? (w.startsWith('ال') ? `ال${zipf()}` : zipf()) : w));

  let made = 0;
  for (let file = 0; made < units; file++) {
    const count = 3 + Math.floor(next() * 6);
    const body = Array.from({ length: count }, () => vary(pick(paragraphs)));
    const date = `${1 + Math.floor(next() * 28)}th, ${pick(MONTHS)} ${2022 + Math.floor(next() * 4)} GMT`;
    const text = [vary(pick(titles)), `تاريخ النشر: ${date}`, ...body].join('\n');
    const path = join(dir, `${String(file).padStart(6, '0')}.txt`);
    writeFileSync(path, `${text}\n`);
    utimesSync(path, GATHERED, GATHERED);
    made += count * UNITS_PER_PARAGRAPH;
  }
  return dir;
}
