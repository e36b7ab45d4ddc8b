/**
 * `npm run import-dictionary -- [DICTD_DIR]`: turns FreeDict's English–Arabic and Arabic–English dictionaries
 * (Debian packages dict-freedict-eng-ara and dict-freedict-ara-eng, dictd format) into the compact translation
 * table search reads, `data/dictionary/en-ar.tsv`. Run it again only to refresh the data; a fresh clone has the
 * table already.
 *
 * Each English key gets its Arabic translations with probabilities estimated from both resources, after Darwish
 * and Oard (TREC 2002): the English–Arabic entry shares its mass equally among its translations; the Arabic–English
 * direction gives each Arabic headword that glosses the key a share inversely proportional to how many glosses it
 * has (a word with one gloss is a surer translation than one with ten); the two estimates are averaged.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../paths.ts';
import { runCommand, UsageError } from './common.ts';

const USAGE = `usage: npm run import-dictionary -- [DICTD_DIR [THESAURUS_DAT]]

Reads freedict-eng-ara.{index,dict.dz} and freedict-ara-eng.{index,dict.dz} from DICTD_DIR (default
/usr/share/dictd) and writes data/dictionary/en-ar.tsv; reads the Arabic thesaurus THESAURUS_DAT (default
/usr/share/mythes/th_ar_EG_v2.dat) and writes data/dictionary/ar-synonyms.tsv. Without the packages installed,
extract them: 'apt-get download dict-freedict-eng-ara dict-freedict-ara-eng mythes-ar' and 'dpkg-deb -x FILE.deb DIR'.`;

/** Longest translation kept, in words: longer ones are definitions, not translations. */
const MAX_TRANSLATION_WORDS = 3;
/** Longest English key, in words (multi-word glosses such as "prime minister" become phrase keys). */
const MAX_KEY_WORDS = 3;
/** Translations kept per key, most probable first. */
const MAX_TRANSLATIONS = 8;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode64 = (s: string) => [...s].reduce((n, c) => n * 64 + BASE64.indexOf(c), 0);

/** The entries of one dictd dictionary: index headword, headword as written, and the lines of its body after it. */
function readDictd(dir: string, name: string): Array<{ headword: string; written: string; lines: string[] }> {
  const index = readFileSync(join(dir, `${name}.index`), 'utf8');
  const data = gunzipSync(readFileSync(join(dir, `${name}.dict.dz`)));
  const out: Array<{ headword: string; written: string; lines: string[] }> = [];
  for (const line of index.split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00-database')) continue;
    const start = decode64(offset);
    const body = data.subarray(start, start + decode64(length)).toString('utf8');
    // The first line repeats the headword as written (the index drops its commas) with its pronunciation;
    // numbered lines ("1. …") are alternatives.
    const [first = '', ...rest] = body.split('\n');
    const written = first.replace(/\s*\/[^/]*\/\s*$/, '').trim() || headword;
    const lines = rest.map((l) => l.replace(/^\s*\d+\.\s*/, '').trim()).filter(Boolean);
    out.push({ headword, written, lines });
  }
  return out;
}

/** Diacritics and tatweel off: the table is for search, which normalises anyway. */
const plainArabic = (s: string) => s.replace(/[\u064B-\u065F\u0670\u0640]/g, '').trim();
const englishKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const isArabic = (s: string) => /[\u0600-\u06FF]/.test(s) && !/[A-Za-z]/.test(s);
/** The translations one dictionary line lists, commas apart ("الإطار، الهيكل" is two words, not a phrase). */
const listed = (line: string) =>
  plainArabic(line)
    .split(/\s*[،,؛;]\s*/)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The Arabic thesaurus (LibreOffice's, from the Arabeyes project: mythes-ar, GPL-2.0-or-later): for each word, its
 * synonyms, as `word<TAB>synonym|synonym`, both without diacritics and without the article.
 */
function importThesaurus(path: string) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const synonyms = new Map<string, Set<string>>();
  const key = (w: string) => {
    const plain = plainArabic(w.replace(/\([^)]*\)/g, ''));
    return plain.startsWith('ال') && plain.length > 4 ? plain.slice(2) : plain;
  };
  let head: string | null = null;
  for (const line of lines.slice(1)) {
    if (!line.startsWith('(')) {
      // A headword line: "word|number of meanings".
      head = key(line.split('|')[0] ?? '');
      continue;
    }
    if (!head || head.includes(' ')) continue;
    for (const syn of line.split('|').slice(1).map(key)) {
      if (!syn || syn === head || syn.includes(' ') || !isArabic(syn)) continue;
      const set = synonyms.get(head) ?? new Set<string>();
      set.add(syn);
      synonyms.set(head, set);
    }
  }
  const rows = [...synonyms]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([w, set]) => `${w}\t${[...set].join('|')}`);
  const out = join(PROJECT_ROOT, 'data/dictionary/ar-synonyms.tsv');
  writeFileSync(
    out,
    `# Arabic word<TAB>synonym|… — from the LibreOffice Arabic thesaurus (GPL-2.0-or-later), see README.md\n${rows.join('\n')}\n`,
  );
  console.log(`wrote ${rows.length} Arabic words with synonyms to ${out}`);
}

async function main(args: string[]) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (args.length > 2 || args.some((a) => a.startsWith('-'))) throw new UsageError(USAGE);
  const dir = args[0] ?? '/usr/share/dictd';
  importThesaurus(args[1] ?? '/usr/share/mythes/th_ar_EG_v2.dat');

  const fromEnglish = new Map<string, Map<string, number>>();
  const add = (key: string, arabic: string, p: number) => {
    let m = fromEnglish.get(key);
    if (!m) {
      m = new Map();
      fromEnglish.set(key, m);
    }
    m.set(arabic, (m.get(arabic) ?? 0) + p);
  };

  // English -> Arabic: each entry's mass shared equally among its translations.
  const engAra = new Map<string, string[]>();
  for (const { headword, lines } of readDictd(dir, 'freedict-eng-ara')) {
    const key = englishKey(headword);
    if (!key || words(key) > MAX_KEY_WORDS) continue;
    const list = engAra.get(key) ?? [];
    for (const l of lines)
      for (const ar of listed(l))
        if (isArabic(ar) && words(ar) <= MAX_TRANSLATION_WORDS && !list.includes(ar)) list.push(ar);
    engAra.set(key, list);
  }
  for (const [key, list] of engAra) for (const ar of list) add(key, ar, 0.5 / list.length);

  // Arabic -> English, read backwards: a headword with fewer glosses is a surer translation of each.
  const araEng = new Map<string, Map<string, number>>();
  for (const { written, lines } of readDictd(dir, 'freedict-ara-eng')) {
    const glosses = [...new Set(lines.map(englishKey).filter((g) => g && words(g) <= MAX_KEY_WORDS))];
    for (const ar of listed(written)) {
      if (!isArabic(ar) || words(ar) > MAX_TRANSLATION_WORDS) continue;
      for (const g of glosses) {
        const m = araEng.get(g) ?? new Map<string, number>();
        m.set(ar, Math.max(m.get(ar) ?? 0, 1 / glosses.length));
        araEng.set(g, m);
      }
    }
  }
  for (const [key, m] of araEng) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    for (const [ar, w] of m) add(key, ar, (0.5 * w) / total);
  }

  const rows: string[] = [];
  for (const [key, m] of [...fromEnglish].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // A key only one resource knows gets that resource's whole estimate.
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const kept = [...m]
      .map(([ar, p]) => [ar, p / total] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_TRANSLATIONS)
      .filter(([, p]) => p >= 0.01);
    if (kept.length > 0) rows.push(`${key}\t${kept.map(([ar, p]) => `${ar}:${p.toFixed(2)}`).join('|')}`);
  }
  const out = join(PROJECT_ROOT, 'data/dictionary/en-ar.tsv');
  writeFileSync(
    out,
    `# English key<TAB>Arabic:probability|… — from FreeDict eng-ara and ara-eng (GPL-2.0-or-later), see README.md\n${rows.join('\n')}\n`,
  );
  console.log(`wrote ${rows.length} English keys to ${out}`);
}

runCommand(main);
