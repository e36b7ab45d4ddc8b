/** `npm run add` as a user runs it: exit codes and what it prints. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';

function add(args: string[], articlesDir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/add.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ARTICLES_DIR: articlesDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run add', () => {
  it('adds a saved page and prints what its metadata states; the second time it refuses with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-add-'));
    const page = join(PROJECT_ROOT, 'test/fixtures/pages/opengraph.html');
    const first = add([page], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('added opengraph.txt: opengraph#1');
    expect(first.stdout).toContain('date:   2024-11-18');
    expect(readdirSync(dir).sort()).toEqual(['meta.json', 'opengraph.txt']);
    const again = add([page], dir);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('not added: this page was already added as opengraph.txt');
  });

  it('exits 2 on bad usage', () => {
    const { code, stderr } = add([], mkdtempSync(join(tmpdir(), 'cli-add-')));
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('give one URL or file; see --help');
  });
});
