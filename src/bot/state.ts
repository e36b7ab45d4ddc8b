/**
 * What the bot remembers between updates, in memory: recent answers (so that buttons carry short ids within
 * Telegram's 64-byte callback data) and each user's reply language. Both are bounded; a restart forgets them,
 * and a button of a forgotten answer says it has expired.
 */

import type { Answer, Language } from '../answer/schema.ts';

/** A question the bot answered, as its buttons need it. */
export interface AskedQuestion {
  question: string;
  /** The framing language chosen for it. */
  lang: Language;
  /** Citations shown so far, in order (pages append). */
  shown: Answer['citations'];
}

/** A map that forgets its oldest entries beyond a size. */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
}

/** Answers behind buttons, keyed by short ids. */
export class AskedQuestions {
  private readonly entries = new BoundedMap<string, AskedQuestion>(5000);
  private counter = 0;

  /** Stores a question and returns its id (a few base-36 characters). */
  add(entry: AskedQuestion): string {
    const key = (++this.counter).toString(36);
    this.entries.set(key, entry);
    return key;
  }

  get(key: string): AskedQuestion | undefined {
    return this.entries.get(key);
  }
}

/** A user's choice of reply language: 'auto' follows each question. */
export type LanguageChoice = 'auto' | Language;

export class Preferences {
  private readonly byUser = new BoundedMap<number, LanguageChoice>(100_000);
  get(userId: number | undefined): LanguageChoice {
    return (userId !== undefined && this.byUser.get(userId)) || 'auto';
  }
  set(userId: number, choice: LanguageChoice): void {
    this.byUser.set(userId, choice);
  }
}
