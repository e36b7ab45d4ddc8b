import { describe, expect, it } from 'vitest';
import { LexiconError, parseLexicon } from '../../src/lexicon/lexicon.ts';
import { lexicon } from '../helpers.ts';

describe('the domain lexicon', () => {
  it('is a real resource: hundreds of entries of every kind', () => {
    const kinds = new Map<string, number>();
    for (const e of lexicon.entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    expect(lexicon.entries.length).toBeGreaterThanOrEqual(300);
    for (const kind of ['person', 'institution', 'place', 'concept'])
      expect(kinds.get(kind)).toBeGreaterThanOrEqual(30);
  });

  it('finds names through clitics and spelling variants, longest form first', () => {
    const ids = (t: string) => lexicon.findArabic(t).map((m) => m.entries[0]!.id);
    expect(ids('وبوتين ولافروف للكرملين')).toEqual(['putin', 'lavrov', 'kremlin']);
    expect(ids('اوشاكوف زيلينسكى')).toEqual(['ushakov', 'zelensky']);
    expect(ids('حلف شمال الأطلسي «الناتو»')).toEqual(['nato', 'nato']);
  });

  it('finds English forms with plurals and possessives', () => {
    expect(
      lexicon.findEnglish("Putin's talks with Tucker Carlson on prisoners").map((m) => m.entries[0]!.id),
    ).toEqual(['putin', 'talks', 'carlson', 'prisoners']);
  });

  it('rejects a malformed lexicon with the field named', () => {
    expect(() =>
      parseLexicon({ version: 1, entries: [{ id: 'Bad Id', kind: 'person', en: ['x'], ar: ['س'] }] }),
    ).toThrow(/entries\.0\.id/);
    const dup = { id: 'a', kind: 'concept', en: ['a'], ar: ['ا'] };
    expect(() => parseLexicon({ version: 1, entries: [dup, dup] })).toThrow(LexiconError);
  });
});
