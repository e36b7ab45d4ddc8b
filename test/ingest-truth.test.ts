/** `npm run ingest -- --truth`: the counts against a truth file, on the layout fixtures. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../src/corpus/ingest.ts';
import { compareWithTruth } from '../src/eval/ingest-truth.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { lexicon } from './helpers.ts';

const dir = join(PROJECT_ROOT, 'test/fixtures/layouts');
const corpus = ingestCorpus({ articlesDir: dir, root: dir, lexicon });
const names = new Map(lexicon.entries.map((e) => [e.id, e.ar]));
const raw = (file: string) => readFileSync(join(dir, file), 'utf8');

describe('compareWithTruth', () => {
  it('counts right, wrong, missed and invented values, and takes an alternative speaker id as right', () => {
    const result = compareWithTruth(
      corpus,
      [
        {
          file: 'teaser-lead.txt',
          title: 'موسكو: الجولة المقبلة من المحادثات بعد أسبوعين',
          date_iso: '2025-03-01', // the text states none: missed
          outlet: null,
          quotes: [
            { text: 'الجولة المقبلة من المحادثات مع الجانب الأمريكي', speaker_id: 'ushakov' },
            { text: 'سيشارك في الجولة خبراء من الجانبين', speaker_id: 'ushakov' },
          ],
        },
        {
          file: 'dashed-outlet-place.txt',
          title: null,
          outlet: 'المرصد',
          quotes: [],
        },
        {
          // Both are named in the text: Ushakov is right only as the alternative.
          file: 'title-suffix-dateline.txt',
          title: 'موسكو تؤكد موعد زيارة المبعوث الأمريكي',
          date_iso: '2025-11-26',
          outlet: 'بوابة المثال',
          quotes: [{ text: 'سنستقبل الوفد الأمريكي', speaker_id: 'putin', speaker_id_alt: ['ushakov'] }],
        },
        {
          file: 'no-date-agencies.txt',
          quotes: [{ text: 'سيكون اللقاء في قاعة الكرملين', speaker_id: 'kremlin' }],
        },
      ],
      names,
      raw,
    );
    expect(result.titles).toEqual({ right: 2, wrong: 0, missed: 0, invented: 0 });
    expect(result.dates).toEqual({ right: 1, wrong: 0, missed: 1, invented: 0 });
    expect(result.outletsNamed).toEqual({ right: 2, wrong: 0, missed: 0, invented: 0 });
    expect(result.speakers).toEqual({ right: 3, wrong: 1, missed: 0, invented: 0 });
    expect(result.problems.filter((p) => p.includes('speaker'))).toEqual([
      'no-date-agencies.txt: speaker of «سيكون اللقاء في قاعة الكرملين»: "peskov" instead of "kremlin"',
    ]);
  });
});
