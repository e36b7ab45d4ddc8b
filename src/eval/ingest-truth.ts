/**
 * Measures ingestion against a truth file (one JSON line per article file: title, stated date, outlet,
 * agencies, quotations and their speakers), as `npm run ingest -- --truth FILE` prints it. Only the first article
 * of each file is compared: the truth describes the page's article.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { MIN_QUOTE_WORDS } from '../corpus/build-article.ts';
import type { Corpus } from '../corpus/types.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { agencyNamed } from '../text/vocabulary/agencies.ts';

const TruthSchema = z.object({
  file: z.string(),
  title: z.string().nullable().optional(),
  date_iso: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  agencies: z.array(z.string()).optional(),
  quotes: z
    .array(
      z.object({
        text: z.string(),
        speaker_id: z.string().nullable().optional(),
        /** Other ids that are as right («الرئاسة الروسية (الكرملين)»: the presidency or the Kremlin). */
        speaker_id_alt: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});
export type Truth = z.infer<typeof TruthSchema>;

/** Reads a truth file: one JSON object per line. */
export function readTruth(path: string): Truth[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = TruthSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
}

/** Counts per check: right, wrong (a value that differs), missed (none where the truth has one). */
export interface Tally {
  right: number;
  wrong: number;
  missed: number;
  /** Values given where the truth has none (an invented date, a chrome line as headline). */
  invented: number;
}
const tally = (): Tally => ({ right: 0, wrong: 0, missed: 0, invented: 0 });

const same = (a: string, b: string) =>
  normalizeArabic(a).replace(/[^\p{L}\p{N}]+/gu, '') === normalizeArabic(b).replace(/[^\p{L}\p{N}]+/gu, '');

function count(t: Tally, truth: string | null | undefined, got: string | null, equal = same): string | null {
  if (!truth) {
    if (got) t.invented++;
    return got ? `gave "${got}" where there is none` : null;
  }
  if (!got) {
    t.missed++;
    return `missed "${truth}"`;
  }
  if (equal(truth, got)) {
    t.right++;
    return null;
  }
  t.wrong++;
  return `"${got}" instead of "${truth}"`;
}

/** The comparison of a corpus with the truth, and the problems found per file. */
export function compareWithTruth(
  corpus: Corpus,
  truths: Truth[],
  names: ReadonlyMap<string, readonly string[]>,
  rawText: (file: string) => string,
) {
  const lexiconIds = new Set(names.keys());
  const result = {
    files: 0,
    titles: tally(),
    dates: tally(),
    outlets: tally(),
    /** Outlets the text names (the truth's outlet occurs in the file's text). */
    outletsNamed: tally(),
    speakers: tally(),
    agencies: tally(),
    quotesFound: 0,
    quotesTotal: 0,
    /** Quotations whose speaker the truth knows but the text never names. */
    unnamed: 0,
    problems: [] as string[],
  };
  for (const truth of truths) {
    const article = corpus.articles.find((a) => basename(a.file) === truth.file && a.id.endsWith('#1'));
    if (!article) {
      result.problems.push(`${truth.file}: no article`);
      continue;
    }
    result.files++;
    const note = (what: string, problem: string | null) => {
      if (problem) result.problems.push(`${truth.file}: ${what}: ${problem}`);
    };
    note('title', count(result.titles, truth.title, article.title));
    note(
      'date',
      count(result.dates, truth.date_iso, article.date.basis === 'stated' ? article.date.iso : null),
    );
    count(result.outlets, truth.outlet, article.outlet);
    const named =
      truth.outlet && normalizeArabic(rawText(article.file)).includes(normalizeArabic(truth.outlet));
    note('outlet', count(result.outletsNamed, named ? truth.outlet : null, article.outlet));
    // Agencies: each named one the truth lists, found or missed; any other is counted as invented.
    const same = (a: string) => agencyNamed(a) ?? normalizeArabic(a);
    const listed = (truth.agencies ?? []).filter((a) => agencyNamed(a));
    for (const a of listed) {
      if (article.agencies.some((b) => same(b) === same(a))) result.agencies.right++;
      else {
        result.agencies.missed++;
        result.problems.push(`${truth.file}: agency: missed "${a}"`);
      }
    }
    for (const b of article.agencies)
      if (!listed.some((a) => same(a) === same(b))) {
        result.agencies.invented++;
        result.problems.push(`${truth.file}: agency: gave "${b}" where the truth has none`);
      }
    const rawNorm = normalizeArabic(rawText(article.file));
    for (const q of truth.quotes ?? []) {
      result.quotesTotal++;
      const key = normalizeArabic(q.text).slice(0, 40);
      const found = article.quotes.find((x) => {
        const n = normalizeArabic(x.text);
        return n.startsWith(key) || key.startsWith(n.slice(0, 40));
      });
      if (found) result.quotesFound++;
      // A phrase shorter than a quotation is shown within its sentence, not missed.
      else if (q.text.split(/\s+/).length >= MIN_QUOTE_WORDS)
        result.problems.push(`${truth.file}: quotation not found: «${q.text.slice(0, 40)}»`);
      // Speakers the text names: the truth's id is a lexicon id (or a name the lexicon lacks). A short quoted
      // phrase is no quotation of its own: its sentence's speaker is what a reader is shown.
      if (!q.speaker_id) continue;
      // A lexicon person the article never names ("الرئيس الأوكراني" only) is not "named by the text".
      const entry = names.get(q.speaker_id);
      if (entry && !entry.some((n) => rawNorm.includes(normalizeArabic(n)))) {
        result.unnamed++;
        continue;
      }
      const sentence = article.passages.find((p) => normalizeArabic(p.text).includes(key));
      const holder = found ?? sentence;
      const got = holder?.speaker?.id ?? null;
      const one = (a: string, b: string) => a === b || (!lexiconIds.has(a) && b.startsWith('ar:'));
      const equal = (a: string, b: string) =>
        one(a, b) || (q.speaker_id_alt ?? []).some((alt) => one(alt, b));
      note(`speaker of «${q.text.slice(0, 40)}»`, count(result.speakers, q.speaker_id, got, equal));
    }
  }
  return result;
}

const pct = (t: Tally) => {
  const all = t.right + t.wrong + t.missed;
  return `${t.right}/${all} right (${all ? Math.round((100 * t.right) / all) : 0}%), ${t.wrong} wrong, ${t.missed} missed, ${t.invented} invented`;
};

/** The readable summary. */
export function truthReport(r: ReturnType<typeof compareWithTruth>): string {
  return [
    `${r.files} files compared`,
    `stated dates:      ${pct(r.dates)}`,
    `headlines:         ${pct(r.titles)}`,
    `outlets (named):   ${pct(r.outletsNamed)}`,
    `outlets (all):     ${pct(r.outlets)}`,
    `agencies:          ${pct(r.agencies)}`,
    `quotations found:  ${r.quotesFound}/${r.quotesTotal}`,
    `speakers (named):  ${pct(r.speakers)} (${r.unnamed} more whose speaker the text never names)`,
    '',
    ...r.problems,
  ].join('\n');
}
