/** The commands as users and scripts run them: output format, stdin mode, exit codes. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/answer/schema.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

const env = { ...process.env, INDEX_PATH: join(mkdtempSync(join(tmpdir(), 'cli-')), 'index.json') };

function run(script: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    env,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ask', () => {
  it('prints one Answer as one JSON line with --json', () => {
    const { code, stdout } = run('ask', ['--json', 'What did Peskov say about NATO troops?']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const answer = AnswerSchema.parse(JSON.parse(stdout));
    expect(answer).toMatchObject({
      question: 'What did Peskov say about NATO troops?',
      language: 'en',
      answered: true,
    });
  });

  it('reads questions from standard input, one JSON line each, in order, skipping blank lines', () => {
    const questions = [
      'ماذا قال ترامب عن وقف إطلاق النار؟',
      '',
      'What did Boris Johnson say?',
      'What did Putin say?',
    ];
    const { code, stdout } = run('ask', ['--json'], `${questions.join('\n')}\n`);
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      [questions[0], true],
      [questions[2], false],
      [questions[3], true],
    ]);
  });

  it('prints readable text without --json, exit code 0 also when nothing answers', () => {
    const { code, stdout } = run('ask', ['What did Macron say about sanctions?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The sources hold no statement by Emmanuel Macron\./);
  });

  it('exits 2 with a one-line message on bad usage', () => {
    for (const args of [[], ['--bogus', 'q'], ['  ']]) {
      const { code, stderr, stdout } = run('ask', args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);

  it('names a malformed setting and exits 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', 'q'], {
      cwd: PROJECT_ROOT,
      env: { ...env, EMBEDDER: 'neural' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^EMBEDDER is invalid/);
  });
});

describe('ingest', () => {
  it('prints the documented JSON', () => {
    const { code, stdout } = run('ingest', ['--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.articles).toHaveLength(6);
    expect(Object.keys(out.articles[0])).toEqual([
      'id',
      'file',
      'title',
      'outlet',
      'agencies',
      'url',
      'date',
      'header',
      'passages',
      'quotes',
    ]);
    expect(out.articles[1].header[0]).toEqual({
      text: 'الكرملين: روسيا لا ترى أي رغبة من الولايات المتحدة في إجراء مفاوضات',
      kind: 'headline',
      why: 'the first headline-like line',
    });
    expect(out.articles[1].quotes[0]).toEqual({
      text: 'السلطات الأمريكية تدرك جيدا موقفنا، وهي تدرك جيدا جميع رسائل بوتين الرئيسية',
      speaker: { en: 'Dmitry Peskov', ar: 'دميتري بيسكوف' },
    });
    expect(out.warnings).toEqual([
      {
        file: 'data/articles/001_f1dda8b0c791e8d6.txt',
        message: expect.stringMatching(/closing quotation mark missing/),
      },
    ]);
  });

  it('prints a readable report with the time it took', () => {
    const { code, stdout } = run('ingest', []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/6 articles in [\d.]+ ms/);
  });
});
