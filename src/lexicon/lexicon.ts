/**
 * The bilingual domain lexicon: people, institutions, places and concepts of the Russia–US talks, with the
 * Arabic spellings the sources use. Ingestion uses it to name speakers, search to translate English questions
 * and to protect names from the stemmer, the built-in embedder to map both languages into one space.
 */

import { readFileSync } from 'node:fs';
import { arabicSoundKey, latinSoundKey } from '../text/transliterate.ts';
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

/** A language's forms, by their first key, and every key any form holds (the only keys a match can use). */
interface FormIndex {
  byFirst: Map<string, Form[]>;
  keys: Set<string>;
  /** The keys of a word of running text that some form holds, remembered per distinct word (bounded). */
  wordKeys: Map<string, readonly string[]>;
}

const WORD_KEYS_LIMIT = 200_000;
const NO_KEYS: readonly string[] = [];

function formIndex(byFirst: Map<string, Form[]>): FormIndex {
  const keys = new Set<string>();
  for (const forms of byFirst.values()) for (const f of forms) for (const k of f.keys) keys.add(k);
  return { byFirst, keys, wordKeys: new Map() };
}

/** A word's keys that some form holds: the others can neither start nor continue a match. */
function formKeysOf(word: string, index: FormIndex, wordKeys: (w: string) => string[]): readonly string[] {
  let keys = index.wordKeys.get(word);
  if (keys === undefined) {
    const held = wordKeys(word).filter((k) => index.keys.has(k));
    keys = held.length > 0 ? held : NO_KEYS;
    if (index.wordKeys.size >= WORD_KEYS_LIMIT) index.wordKeys.clear();
    index.wordKeys.set(word, keys);
  }
  return keys;
}

function findForms(
  text: string,
  index: FormIndex,
  wordKeys: (w: string) => string[],
  near?: (word: string, keys: string[]) => string | undefined,
  words: Word[] = splitWords(text),
) {
  const { byFirst } = index;
  const keys = words.map((w) => {
    const held = formKeysOf(w.text, index, wordKeys);
    if (!near || held.some((k) => byFirst.has(k))) return held;
    const name = near(w.text, wordKeys(w.text));
    return name ? [...held, name] : held;
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

/** One-word forms that name a person, institution or place, by sound key: the candidates for a misspelt name. */
function namesBySound(byFirst: Map<string, Form[]>, soundKey: (key: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of [...byFirst.values()].flat()) {
    if (f.keys.length !== 1 || f.entries.every((e) => e.kind === 'concept')) continue;
    const sound = soundKey(f.keys[0]!);
    if (sound.length >= MIN_NAME_SOUNDS && !out.has(sound)) out.set(sound, f.keys[0]!);
  }
  return out;
}

/** Shortest sound key a misspelt name is matched on: shorter keys are shared by too many words. */
const MIN_NAME_SOUNDS = 3;

/** Tells whether a word is a word of the language (so never read as a misspelt name). */
export type WordTest = (word: string) => boolean;

/** A loaded lexicon with Arabic and English matchers. */
export class Lexicon {
  readonly entries: readonly LexiconEntry[];
  private readonly byId: Map<string, LexiconEntry>;
  private readonly arabicForms: FormIndex;
  private readonly englishForms: FormIndex;

  constructor(entries: readonly LexiconEntry[]) {
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.arabicForms = formIndex(indexForms(entries, (e) => e.ar, arabicFormKey));
    this.englishForms = formIndex(indexForms(entries, (e) => e.en, englishFormKey));
  }

  /** The entry with this id, if any. */
  get(id: string): LexiconEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * Lexicon forms in Arabic text, longest first, left to right, not overlapping. With `nearNames` (for questions,
   * never for sources), a word that names nothing and that the test does not know as a word is read as the name
   * with the same sound key ("بسكوف" -> بيسكوف): transliterations differ in vowels and in letters for one sound.
   * `words`: the text's words (`splitWords(text)`) when the caller has them already.
   */
  findArabic(text: string, options: { nearNames?: WordTest; words?: Word[] } = {}): LexiconMatch[] {
    const isWord = options.nearNames;
    const near = isWord
      ? (word: string, keys: string[]) => {
          if (isWord(word)) return undefined;
          this.arabicSounds ??= namesBySound(this.arabicForms.byFirst, arabicSoundKey);
          for (const key of keys) {
            const sound = arabicSoundKey(key);
            if (sound.length >= MIN_NAME_SOUNDS && this.arabicSounds.has(sound))
              return this.arabicSounds.get(sound);
          }
          return undefined;
        }
      : undefined;
    return findForms(text, this.arabicForms, arabicWordKeys, near, options.words);
  }

  /** Lexicon forms in English text, as findArabic ("Peskow" -> Peskov). */
  findEnglish(text: string, options: { nearNames?: WordTest; words?: Word[] } = {}): LexiconMatch[] {
    const isWord = options.nearNames;
    const near = isWord
      ? (word: string) => {
          if (isWord(word)) return undefined;
          this.englishSounds ??= namesBySound(this.englishForms.byFirst, latinSoundKey);
          const sound = latinSoundKey(word);
          if (sound.length < MIN_NAME_SOUNDS) return undefined;
          return this.englishSounds.get(sound);
        }
      : undefined;
    return findForms(text, this.englishForms, englishWordKeys, near, options.words);
  }
  private arabicSounds: Map<string, string> | undefined;
  private englishSounds: Map<string, string> | undefined;

  /**
   * The entry and everyone who speaks for it, as speaker ids: what a place stands for ("Moscow" -> Russia), and
   * the members of each, transitively (Russia -> the Kremlin -> Peskov).
   */
  voicesOf(id: string): string[] {
    const voices = new Set<string>();
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (voices.has(next)) continue;
      voices.add(next);
      queue.push(...(this.byId.get(next)?.standsFor ?? []));
      queue.push(...(this.membersOf.get(next) ?? []));
    }
    return [...voices];
  }

  private get membersOf(): Map<string, string[]> {
    if (!this.members) {
      this.members = new Map();
      for (const e of this.entries)
        for (const group of e.memberOf ?? [])
          this.members.set(group, [...(this.members.get(group) ?? []), e.id]);
    }
    return this.members;
  }
  private members: Map<string, string[]> | undefined;

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

/** True when an entry can be the speaker of a statement in the sources: a person or an institution. */
export function canSpeak(entry: LexiconEntry): boolean {
  return entry.kind === 'person' || entry.kind === 'institution';
}

/** True when a question may ask what an entry said: speakers, and places that stand for a government. */
export function canBeAsked(entry: LexiconEntry): boolean {
  return canSpeak(entry) || entry.kind === 'place';
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
