/** What the sources cover: the most quoted speakers, the years, and example questions made from them. */

import type { SearchIndex } from '../index/search-index.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { CoverageSummary } from './phrases.ts';

/** Concepts too general to make an example question of. */
const GENERIC = new Set(
  `president russian american ukrainian countries statement question administration new previous bilateral
   important year week month first second today yesterday minister spokesman aide journalists officials understand
   follow position expect difficult thursday friday saturday sunday monday tuesday wednesday hours morning daily note
   desire hope concern readiness positive political-will speed end change accept reject deny accuse warn threat
   demand request listen message agenda priority implement exclude plans condition resume publish deploy hold
   meeting support driver cooperation relations opposing disrupt thousand direct partial`.split(/\s+/),
);

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

  const examples = { en: [] as string[], ar: [] as string[] };
  for (const [id, s] of ranked.filter(([id]) => lexicon.get(id)?.kind === 'person').slice(0, 3)) {
    const counts = new Map<string, number>();
    for (const text of s.texts) {
      for (const m of lexicon.findArabic(text)) {
        for (const e of m.entries)
          if (e.kind === 'concept' && !GENERIC.has(e.id)) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
      }
    }
    const topic = lexicon.get([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
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
