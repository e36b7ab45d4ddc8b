/** Prompt templates: loaded and checked at start, filled in one pass; configuration of the model. */

import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { openLanguageModel } from '../../src/llm/open.ts';
import { loadPrompts, PROMPT_SLOTS, PromptError, slotsIn } from '../../src/llm/prompts.ts';
import { createLogger } from '../../src/logger.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { lexicon } from '../helpers.ts';

const PROMPTS = join(PROJECT_ROOT, 'prompts');
/** A copy of the project's prompts that a test may break. */
function promptsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
  for (const f of readdirSync(PROMPTS)) copyFileSync(join(PROMPTS, f), join(dir, f));
  return dir;
}

describe('prompts', () => {
  it('the project prompts have exactly their slots', () => {
    const prompts = loadPrompts(PROMPTS);
    for (const [name, { slots }] of Object.entries(PROMPT_SLOTS))
      expect(slotsIn(prompts[name as keyof typeof prompts].template).sort()).toEqual([...slots].sort());
  });

  it('fills each slot once, never expanding braces in a value', () => {
    const filled = loadPrompts(PROMPTS).translateQuote.fill({ quote: 'قال {{quote}} اليوم' });
    expect(filled).toContain('قال {{quote}} اليوم');
    expect(filled.split('قال {{quote}} اليوم')).toHaveLength(2);
  });

  it('a missing file, a missing slot or an unknown slot is a startup error naming the file', () => {
    const dir = promptsCopy();
    rmSync(join(dir, 'synthesis.txt'));
    expect(() => loadPrompts(dir)).toThrow(/prompt file .*synthesis\.txt is missing/);

    const slotless = promptsCopy();
    writeFileSync(join(slotless, 'synthesis.txt'), 'Answer {{question}} in {{language}}.');
    expect(() => loadPrompts(slotless)).toThrow(/synthesis\.txt lacks the slot \{\{citations\}\}/);

    const unknown = promptsCopy();
    writeFileSync(join(unknown, 'query-terms.txt'), 'Terms for {{question}} in {{dialect}}');
    expect(() => loadPrompts(unknown)).toThrow(PromptError);
    expect(() => loadPrompts(unknown)).toThrow(/query-terms\.txt has an unknown slot \{\{dialect\}\}/);
    expect(new PromptError('x')).toBeInstanceOf(ConfigError);
  });
});

describe('configuration', () => {
  const logger = createLogger('silent', []);
  it('is off when unset: no model, nothing loaded', () => {
    expect(openLanguageModel(parseConfig({}), lexicon, logger)).toBeNull();
    expect(openLanguageModel(parseConfig({ LLM_PROMPTS_DIR: '/nonexistent' }), lexicon, logger)).toBeNull();
  });

  it('names the variable that is missing or malformed, never the key', () => {
    expect(() => parseConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/^LLM_MODEL required/);
    expect(() => parseConfig({ LLM_MODEL: 'qwen2.5' })).toThrow(/^LLM_BASE_URL required/);
    expect(() => parseConfig({ LLM_BASE_URL: 'ftp://x', LLM_MODEL: 'm' })).toThrow(/^LLM_BASE_URL/);
    expect(() => parseConfig({ LLM_TIMEOUT_MS: 'soon' })).toThrow(/^LLM_TIMEOUT_MS/);
    expect(() => parseConfig({ LLM_TIMEOUT_MS: '10' })).toThrow(/^LLM_TIMEOUT_MS/);
  });

  it('checks the prompts when the model is configured', () => {
    const config = parseConfig({
      LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_MODEL: 'm',
      LLM_PROMPTS_DIR: mkdtempSync(join(tmpdir(), 'empty-')),
    });
    expect(() => openLanguageModel(config, lexicon, logger)).toThrow(/translate-quote\.txt is missing/);
    const ok = parseConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2500' });
    expect(openLanguageModel(ok, lexicon, logger)).toMatchObject({ model: 'm', timeoutMs: 2500 });
  });
});
