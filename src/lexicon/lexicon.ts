/**
 * The bilingual domain lexicon: people, institutions, places and concepts of the Russia–US talks, with the
 * Arabic spellings the sources use. Ingestion uses it to name speakers, search to translate English questions
 * and to protect names from the stemmer, the built-in embedder to map both languages into one space.
 */

import { readFileSync } from 'node:fs';
import {
  arabicFormKey,
  arabicWordKeys,
  englishFormKey,
  englishWordKeys,
  splitWords,
  type Word,
} from './keys.ts';
import { type LexiconEntry, LexiconFileSchema } from './schema.ts';

export type { LexiconEntry } from './schema.ts';

/** A lexicon form found in a text: the entries it names and where it stands. */
export interface LexiconMatch {
  entries: LexiconEntry[];
  /** The form as listed in the lexicon. */
  form: string;
  start: number;
  end: number;
  /** Index of the first and one past the last word of the match. */
  firstWord: number;
  endWord: number;
}

interface Form {
  keys: string[];
  form: string;
  entries: LexiconEntry[];
}

/** Raised when the lexicon file is missing or does not validate; the message names the file and the field. */
export class LexiconError extends Error {
  override name = 'LexiconError';
}

function indexForms(
  entries: readonly LexiconEntry[],
  pick: (e: LexiconEntry) => string[],
  key: (w: string) => string,
) {
  const byKeys = new Map<string, Form>();
  for (const entry of entries) {
    for (const form of pick(entry)) {
      const keys = splitWords(form).map((w) => key(w.text));
      if (keys.length === 0) continue;
      const id = keys.join(' ');
      const known = byKeys.get(id);
      if (known) {
        if (!known.entries.includes(entry)) known.entries.push(entry);
      } else byKeys.set(id, { keys, form, entries: [entry] });
    }
  }
  const byFirst = new Map<string, Form[]>();
  for (const form of byKeys.values()) {
    const list = byFirst.get(form.keys[0]!) ?? [];
    list.push(form);
    byFirst.set(form.keys[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirst;
}

/** True when two words differ by at most one inserted, deleted or replaced letter. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, from: number) => x.slice(from);
  return rest(a, i + 1) === rest(b, i + 1) || rest(a, i + 1) === rest(b, i) || rest(a, i) === rest(b, i + 1);
}

function findForms(
  text: string,
  byFirst: Map<string, Form[]>,
  wordKeys: (w: string) => string[],
  fuzzy?: (key: string) => string | undefined,
) {
  const words: Word[] = splitWords(text);
  const keys = words.map((w) => {
    const exact = wordKeys(w.text);
    if (!fuzzy || exact.some((k) => byFirst.has(k))) return exact;
    const near = exact.map(fuzzy).find((k) => k !== undefined);
    return near ? [...exact, near] : exact;
  });
  const matches: LexiconMatch[] = [];
  for (let i = 0; i < words.length; ) {
    let best: Form | undefined;
    for (const k of keys[i]!) {
      for (const form of byFirst.get(k) ?? []) {
        if (best && best.keys.length >= form.keys.length) break;
        const fits = form.keys.every((fk, j) => j === 0 || keys[i + j]?.includes(fk));
        if (fits) best = form;
      }
    }
    if (!best) {
      i++;
      continue;
    }
    const last = words[i + best.keys.length - 1]!;
    matches.push({
      entries: best.entries,
      form: best.form,
      start: words[i]!.start,
      end: last.end,
      firstWord: i,
      endWord: i + best.keys.length,
    });
    i += best.keys.length;
  }
  return matches;
}

/** Keys of one-word forms that name a person, institution or place (the candidates for a misspelt name). */
function oneWordNames(byFirst: Map<string, Form[]>): string[] {
  return [...byFirst.values()]
    .flat()
    .filter(
      (f) => f.keys.length === 1 && f.keys[0]!.length >= 4 && f.entries.some((e) => e.kind !== 'concept'),
    )
    .map((f) => f.keys[0]!);
}

/** A loaded lexicon with Arabic and English matchers. */
export class Lexicon {
  readonly entries: readonly LexiconEntry[];
  private readonly byId: Map<string, LexiconEntry>;
  private readonly arabicForms: Map<string, Form[]>;
  private readonly englishForms: Map<string, Form[]>;

  constructor(entries: readonly LexiconEntry[]) {
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.arabicForms = indexForms(entries, (e) => e.ar, arabicFormKey);
    this.englishForms = indexForms(entries, (e) => e.en, englishFormKey);
  }

  /** The entry with this id, if any. */
  get(id: string): LexiconEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * Lexicon forms in Arabic text, longest first, left to right, not overlapping. With `fuzzy` (for questions,
   * never for sources), a word of five letters or more that names nothing is read as a one-word name one letter
   * away ("بسكوف" -> بيسكوف, "Peskow" -> Peskov).
   */
  findArabic(text: string, options: { fuzzy?: boolean } = {}): LexiconMatch[] {
    return findForms(text, this.arabicForms, arabicWordKeys, options.fuzzy ? this.nearName : undefined);
  }

  private readonly nearName = (key: string): string | undefined => {
    this.arabicNames ??= oneWordNames(this.arabicForms);
    return key.length >= 5 ? this.arabicNames.find((name) => withinOneEdit(key, name)) : undefined;
  };
  private readonly nearEnglishName = (key: string): string | undefined => {
    this.englishNames ??= oneWordNames(this.englishForms);
    return key.length >= 5 ? this.englishNames.find((name) => withinOneEdit(key, name)) : undefined;
  };
  private arabicNames: string[] | undefined;
  private englishNames: string[] | undefined;

  /** Lexicon forms in English text, longest first, left to right, not overlapping; `fuzzy` as in findArabic. */
  findEnglish(text: string, options: { fuzzy?: boolean } = {}): LexiconMatch[] {
    return findForms(
      text,
      this.englishForms,
      englishWordKeys,
      options.fuzzy ? this.nearEnglishName : undefined,
    );
  }

  /** The entry and every person who speaks for it (its members), as speaker ids. */
  voicesOf(id: string): string[] {
    return [id, ...this.entries.filter((e) => e.memberOf?.includes(id)).map((e) => e.id)];
  }

  /** Normalised single-word names (people, institutions, places) that the stemmer must leave whole. */
  nameKeys(): Set<string> {
    const keys = new Set<string>();
    for (const e of this.entries) {
      if (e.kind === 'concept') continue;
      for (const form of e.ar) for (const w of splitWords(form)) keys.add(arabicFormKey(w.text));
    }
    return keys;
  }
}

/** True when an entry can be the speaker of a statement: a person or an institution, never a country. */
export function canSpeak(entry: LexiconEntry): boolean {
  return entry.kind === 'person' || entry.kind === 'institution';
}

/** Parses and validates lexicon JSON; errors name the source and the failing field. */
export function parseLexicon(json: unknown, source = 'lexicon'): Lexicon {
  const parsed = LexiconFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LexiconError(`${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return new Lexicon(parsed.data.entries);
}

/** Reads and validates the lexicon file. */
export function loadLexicon(path: string): Lexicon {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LexiconError(`${path}: cannot be read as JSON (${(error as Error).message})`);
  }
  return parseLexicon(json, path);
}
