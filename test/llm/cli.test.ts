/** `npm run ask` with a language model configured, against the chat-completions stand-in on 127.0.0.1. */

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/answer/schema.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { ChatStandIn, hangs, wellBehaved } from './chat-stand-in.ts';

const KEY = 'sk-cli-test-key-0123456789';
const stand = new ChatStandIn();
const indexPath = join(mkdtempSync(join(tmpdir(), 'cli-llm-')), 'index.json');

/** Runs `ask` without blocking this process, so that the stand-in keeps serving. */
async function ask(args: string[], extra: Record<string, string> = {}) {
  const env = {
    ...process.env,
    INDEX_PATH: indexPath,
    LLM_BASE_URL: stand.baseUrl,
    LLM_MODEL: 'stand-in',
    LLM_API_KEY: KEY,
    LLM_TIMEOUT_MS: '1500',
    ...extra,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/ask.ts', ...args],
      { cwd: PROJECT_ROOT, env, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => stand.start());
afterAll(() => stand.stop());

describe('ask with a language model', () => {
  it('adds renderings and a summary to the JSON, labelled with the model, and never logs the key', async () => {
    stand.behaviour = wellBehaved();
    const { code, stdout, stderr } = await ask(['--json', 'What did Peskov say about NATO troops?']);
    expect(code).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(stdout));
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => c.translation?.model === 'stand-in')).toBe(true);
    expect(answer.summary?.model).toBe('stand-in');
    expect(stderr).not.toContain('note:');
    expect(stderr).not.toContain(KEY);
  });

  it('prints the extractive answer with a note when the model does not answer in time', async () => {
    stand.behaviour = hangs;
    const { code, stdout, stderr } = await ask(['What did Peskov say about NATO troops?']);
    expect(code).toBe(0);
    expect(stdout).toContain('From the sources, verbatim:');
    expect(stdout).not.toContain('Machine translation');
    expect(stderr).toMatch(/note: translations and summary by stand-in omitted/);
    expect(stderr).toContain('"kind":"timeout"');
    expect(stderr).not.toContain(KEY);
  });

  it('refuses to start with a broken prompt folder, naming the file', async () => {
    const { code, stderr } = await ask(['What did Peskov say?'], {
      LLM_PROMPTS_DIR: mkdtempSync(join(tmpdir(), 'no-prompts-')),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^prompt file .*translate-quote\.txt is missing/);
  });
});
