/**
 * Bad entries in the articles folder (issue 9): each is skipped with a warning naming the file and the reason,
 * and none hangs or stops ingestion. Bad metadata and duplicated articles are reported the same way.
 */

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/corpus/ingest.ts';
import { CUT_MARK, MAX_HEADLINE_CHARS } from '../../src/corpus/limits.ts';
import { lexicon } from '../helpers.ts';

const GOOD =
  'عنوان الخبر\nقال الرئيس الروسي فلاديمير بوتين إن "المحادثات مع واشنطن تمنح بعض الأمل" في حل الأزمة.\n';
const OTHER =
  'عنوان آخر\nقال وزير الخارجية الروسي سيرغي لافروف إن "الحوار مع الأمريكيين مستمر رغم الصعوبات" في جنيف.\n';
const isRoot = process.getuid?.() === 0;

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'articles-'));
  writeFileSync(join(dir, 'a_good.txt'), GOOD);
  return dir;
}
const warningsByFile = (dir: string) => {
  const corpus = ingestCorpus({ articlesDir: dir, root: dir, lexicon });
  return { corpus, byFile: Object.fromEntries(corpus.warnings.map((w) => [w.file, w.message])) };
};

describe('bad entries in the articles folder', () => {
  it('skips a dangling link, a directory, a FIFO, a link to a device, and a meta.json directory', () => {
    const dir = folder();
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'b_dangling.txt'));
    mkdirSync(join(dir, 'c_folder.txt'));
    execFileSync('mkfifo', [join(dir, 'd_fifo.txt')]);
    symlinkSync('/dev/zero', join(dir, 'e_zero.txt'));
    mkdirSync(join(dir, 'meta.json'));
    const { corpus, byFile } = warningsByFile(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a_good#1']);
    expect(byFile).toEqual({
      'b_dangling.txt': 'skipped: a link to a file that does not exist',
      'c_folder.txt': 'skipped: a directory',
      'd_fifo.txt': 'skipped: a named pipe (FIFO)',
      'e_zero.txt': 'skipped: a device',
      'meta.json': 'ignored: a directory',
    });
  });

  it.skipIf(isRoot)('skips a file it may not read (mode 000)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'b_secret.txt'), OTHER);
    chmodSync(join(dir, 'b_secret.txt'), 0);
    const { corpus, byFile } = warningsByFile(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(byFile['b_secret.txt']).toBe('skipped: not readable (permission denied)');
  });

  it('names the folder and the setting when the folder itself cannot be read', () => {
    expect(() => ingestCorpus({ articlesDir: '/nonexistent/articles', root: '/', lexicon })).toThrow(
      'ARTICLES_DIR /nonexistent/articles cannot be read',
    );
  });
});

describe('the same article twice', () => {
  it('keeps the first and names it when a copy comes under another name, whatever its line breaks', () => {
    const dir = folder();
    writeFileSync(join(dir, 'b_copy.txt'), `\n${GOOD.replace(' إن ', '  إن ').replace('\n', '\n\n')}`);
    writeFileSync(join(dir, 'c_other.txt'), OTHER);
    const { corpus, byFile } = warningsByFile(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a_good#1', 'c_other#1']);
    expect(byFile['b_copy.txt']).toBe('b_copy#1: skipped: same text as a_good#1, already in the corpus');
  });
});

describe('meta.json', () => {
  it('accepts only http(s) URLs', () => {
    const dir = folder();
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ 'a_good.txt': { url: 'javascript:alert(1)' } }));
    const { corpus, byFile } = warningsByFile(dir);
    expect(byFile['meta.json']).toBe('ignored: a_good.txt.url: must be an http(s) URL');
    expect(corpus.articles[0]!.url).toBeNull();
  });

  it('warns about entries for files that are not there, and still applies the others', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'meta.json'),
      JSON.stringify({ 'a_good.txt': { url: 'https://example.org/a' }, 'missing.txt': { outlet: 'X' } }),
    );
    const { corpus, byFile } = warningsByFile(dir);
    expect(byFile['meta.json']).toBe('entry for missing.txt: no such article file');
    expect(corpus.articles[0]!.url).toBe('https://example.org/a');
  });
});

describe('a meta.json headline of 4,000 characters', () => {
  it('is cut at a word and marked, and the rest of the file still applies', () => {
    const dir = folder();
    const title = 'عنوان طويل '.repeat(400);
    writeFileSync(
      join(dir, 'meta.json'),
      JSON.stringify({ 'a_good.txt': { title, url: 'https://example.org/a' } }),
    );
    const { corpus, byFile } = warningsByFile(dir);
    const article = corpus.articles[0]!;
    expect(byFile['meta.json']).toBeUndefined();
    expect(article.url).toBe('https://example.org/a');
    expect(article.title!.length).toBeLessThanOrEqual(MAX_HEADLINE_CHARS + CUT_MARK.length);
    expect(article.title!.endsWith(`طويل${CUT_MARK}`)).toBe(true);
  });
});
