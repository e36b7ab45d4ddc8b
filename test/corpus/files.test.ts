/** Bad files are skipped with a warning naming the file and the reason; the rest is still ingested. */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/corpus/ingest.ts';
import { MAX_ARTICLE_BYTES } from '../../src/corpus/read-files.ts';
import { lexicon } from '../helpers.ts';

const GOOD =
  'عنوان الخبر\nقال الرئيس الروسي فلاديمير بوتين إن "المحادثات مع واشنطن تمنح بعض الأمل" في حل الأزمة.\n';

function folder(files: Record<string, string | Uint8Array>) {
  const dir = mkdtempSync(join(tmpdir(), 'articles-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('ingestCorpus on a folder with bad files', () => {
  const dir = folder({
    'a_good.txt': GOOD,
    'b_empty.txt': '',
    'c_blank.txt': '  \n\n ',
    'd_latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0]),
    'e_binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    'f_huge.txt': 'ا'.repeat(MAX_ARTICLE_BYTES),
    'g_chrome_only.txt': 'شاركها.\nExit mobile version\n',
    'notes.md': 'not an article',
    'meta.json': '{ "a_good.txt": { "url": "not a url" } }',
  });
  const corpus = ingestCorpus({ articlesDir: dir, root: dir, lexicon });

  it('ingests the good file', () => {
    expect(corpus.articles.map((a) => a.id)).toEqual(['a_good#1']);
    expect(corpus.articles[0]!.quotes[0]?.speaker?.id).toBe('putin');
  });

  it('names each bad file and why it was skipped', () => {
    const byFile = Object.fromEntries(corpus.warnings.map((w) => [w.file, w.message]));
    expect(byFile).toMatchObject({
      'b_empty.txt': 'skipped: empty file',
      'c_blank.txt': 'skipped: empty file (only white space)',
      'd_latin1.txt': 'skipped: not valid UTF-8',
      'e_binary.txt': 'skipped: binary file (contains NUL bytes)',
      'f_huge.txt': `skipped: larger than ${MAX_ARTICLE_BYTES} bytes`,
      'g_chrome_only.txt': 'skipped: no article text after removing site chrome',
    });
    expect(byFile['meta.json']).toMatch(/^ignored: a_good\.txt\.url/);
  });
});

describe('metadata file', () => {
  it('completes and overrides the text for the first article only, except the page URL', () => {
    const two = `${GOOD}إقرأ أيضاً:\nعنوان الخبر الثاني\n${GOOD.replace('بعض الأمل', 'أملاً ضئيلاً')}`;
    const dir = folder({
      'x.txt': two,
      'meta.json': JSON.stringify({
        'x.txt': {
          url: 'https://example.org/x',
          date: '2024-05-01',
          outlet: 'المنفذ',
          articles: { '2': { outlet: 'الثاني' } },
        },
      }),
    });
    const [first, second] = ingestCorpus({ articlesDir: dir, root: dir, lexicon }).articles;
    expect(first).toMatchObject({
      outlet: 'المنفذ',
      url: 'https://example.org/x',
      date: { iso: '2024-05-01', basis: 'stated' },
    });
    expect(second).toMatchObject({
      outlet: 'الثاني',
      url: 'https://example.org/x',
      date: { iso: null, basis: 'unknown' },
    });
  });
});
