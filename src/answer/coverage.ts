/** What the sources cover: the most quoted speakers, the years, and example questions made from them. */

import type { SearchIndex } from '../index/search-index.ts';
import type { Lexicon, LexiconEntry } from '../lexicon/lexicon.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { TITLES } from '../text/vocabulary/titles.ts';
import type { CoverageSummary } from './phrases.ts';

/** A concept that can be a topic: not a title, which names the speaker ("aide", "spokesman"). */
const isTopic = (e: LexiconEntry) =>
  e.kind === 'concept' && !e.ar.some((form) => TITLES.has(normalizeArabic(form.replace(/^ال/, ''))));

/** Names how describeCoverage summarises: a summary saved with the index under another version is made again. */
export const COVERAGE_VERSION = '1';

/** Summarises an index for "what the sources cover". */
export function describeCoverage(index: SearchIndex, lexicon: Lexicon): CoverageSummary {
  const bySpeaker = new Map<
    string,
    { count: number; speaker: { en: string; ar: string }; texts: string[] }
  >();
  for (const u of index.units.values()) {
    if (!u.speaker || u.kind === 'passage') continue;
    const entry = bySpeaker.get(u.speaker.id) ?? {
      count: 0,
      speaker: { en: u.speaker.en, ar: u.speaker.ar },
      texts: [],
    };
    entry.count++;
    entry.texts.push(u.text);
    bySpeaker.set(u.speaker.id, entry);
  }
  const ranked = [...bySpeaker.entries()].sort((a, b) => b[1].count - a[1].count);
  const years = [...index.articles.values()].flatMap((a) =>
    a.date.iso ? [Number(a.date.iso.slice(0, 4))] : [],
  );

  // How many statements name each concept, over all speakers.
  const said = [...bySpeaker.values()].reduce((sum, s) => sum + s.count, 0);
  const conceptUse = new Map<string, number>();
  for (const s of bySpeaker.values())
    for (const text of s.texts)
      for (const id of new Set(
        lexicon
          .findArabic(text)
          .flatMap((m) => m.entries.filter((e) => e.kind === 'concept').map((e) => e.id)),
      ))
        conceptUse.set(id, (conceptUse.get(id) ?? 0) + 1);
  const examples = { en: [] as string[], ar: [] as string[] };
  for (const [id, s] of ranked.filter(([id]) => lexicon.get(id)?.kind === 'person').slice(0, 3)) {
    // The speaker's topic: the lexicon concept their words name most, weighed by how distinctive it is of them
    // (a concept every speaker names makes a dull example).
    const counts = new Map<string, number>();
    for (const text of s.texts) {
      for (const m of lexicon.findArabic(text)) {
        for (const e of m.entries) if (isTopic(e)) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
      }
    }
    const distinctive = (id: string) =>
      (counts.get(id) ?? 0) * Math.log(1 + said / (conceptUse.get(id) ?? 1));
    const topic = lexicon.get([...counts.keys()].sort((a, b) => distinctive(b) - distinctive(a))[0] ?? '');
    const entry = lexicon.get(id)!;
    const shortEn = entry.en[entry.en.length > 1 ? 1 : 0]!;
    examples.en.push(topic ? `What did ${shortEn} say about ${topic.en[0]}?` : `What did ${shortEn} say?`);
    examples.ar.push(topic ? `ماذا قال ${s.speaker.ar} عن ${topic.ar[0]}؟` : `ماذا قال ${s.speaker.ar}؟`);
  }
  return {
    articles: index.articles.size,
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
    speakers: ranked.slice(0, 4).map(([, s]) => s.speaker),
    examples,
  };
}
