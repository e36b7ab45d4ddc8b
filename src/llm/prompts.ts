/**
 * The prompts of the language-model step: text templates in `prompts/` with named `{{slot}}`s. They are loaded and
 * checked once at start, so that a missing file or slot stops the program there, not on the first question.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.ts';

/** Each prompt, its file and the slots it must have (and may only have). */
export const PROMPT_SLOTS = {
  translateQuote: { file: 'translate-quote.txt', slots: ['quote'] },
  queryTerms: { file: 'query-terms.txt', slots: ['question'] },
  synthesis: { file: 'synthesis.txt', slots: ['question', 'language', 'citations'] },
} as const;

export type PromptName = keyof typeof PROMPT_SLOTS;
type SlotsOf<N extends PromptName> = (typeof PROMPT_SLOTS)[N]['slots'][number];

/** A loaded template: fill it with a value for each of its slots. */
export interface Prompt<N extends PromptName> {
  readonly template: string;
  fill(values: Record<SlotsOf<N>, string>): string;
}

export type Prompts = { [N in PromptName]: Prompt<N> };

/** A prompt file that is missing, unreadable or has the wrong slots; the message names the file and the slot. */
export class PromptError extends ConfigError {
  override name = 'PromptError';
}

const SLOT = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The slot names a template uses, in order of first use. */
export function slotsIn(template: string): string[] {
  return [...new Set([...template.matchAll(SLOT)].map((m) => m[1]!))];
}

function loadPrompt<N extends PromptName>(dir: string, name: N): Prompt<N> {
  const { file, slots } = PROMPT_SLOTS[name];
  const path = join(dir, file);
  let template: string;
  try {
    template = readFileSync(path, 'utf8');
  } catch {
    throw new PromptError(`prompt file ${path} is missing or unreadable (LLM_PROMPTS_DIR)`);
  }
  const used = slotsIn(template);
  const missing = slots.filter((s) => !used.includes(s));
  if (missing.length > 0)
    throw new PromptError(
      `prompt file ${path} lacks the slot {{${missing[0]}}} (it needs ${slots.join(', ')})`,
    );
  const unknown = used.filter((s) => !(slots as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new PromptError(
      `prompt file ${path} has an unknown slot {{${unknown[0]}}} (known: ${slots.join(', ')})`,
    );
  return {
    template,
    // One pass over the template: a value that itself contains "{{…}}" is never expanded.
    fill: (values) => template.replace(SLOT, (_, slot: SlotsOf<N>) => values[slot]),
  };
}

/** Loads and checks every prompt in a folder. */
export function loadPrompts(dir: string): Prompts {
  return {
    translateQuote: loadPrompt(dir, 'translateQuote'),
    queryTerms: loadPrompt(dir, 'queryTerms'),
    synthesis: loadPrompt(dir, 'synthesis'),
  };
}
