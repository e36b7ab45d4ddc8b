/**
 * The units in the saved index, by column: numbers as typed arrays (binary blocks of the index file), each
 * speaker once, and no text that the articles already hold: a unit's text is its article's text between its
 * offsets, a quotation's context a sentence of it (either kept apart only where it is not), read back as slices;
 * and no ids, which Orama's saved list of its documents holds already. Parsing 100,000 unit objects from JSON, each
 * with its text a second time, was much of the time and memory of a load.
 */

import type { Speaker } from '../corpus/types.ts';
import type { ArticleInfo, Unit } from './units.ts';

const KINDS: Unit['kind'][] = ['quote', 'statement', 'passage'];

/** The units' columns, in ordinal order; their ids are Orama's list of its documents' ids (saved once, by Orama). */
export interface SavedUnits {
  /** Index in KINDS. */
  kinds: Uint8Array;
  /** Index in the saved articles. */
  articles: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  positions: Int32Array;
  paragraphs: Int32Array;
  /** Index in `speakerTable`, or -1. */
  speakers: Int32Array;
  speakerTable: Speaker[];
  /** Texts that are not their article's text between their offsets, by unit number. */
  texts: Record<number, string>;
  /** Where a unit's context is in its article's text (it is a sentence of it), or -1 for none or elsewhere. */
  contextStarts: Int32Array;
  contextEnds: Int32Array;
  /** Non-empty contexts that are not in their article's text, by unit number. */
  contexts: Record<number, string>;
}

/** The columns of `units` (in ordinal order), whose articles are `articles` (in the order they are saved). */
export function packUnits(units: Unit[], articles: ArticleInfo[]): SavedUnits {
  const n = units.length;
  const articleNumbers = new Map(articles.map((a, i) => [a.id, i]));
  const speakerNumbers = new Map<string, number>();
  const out: SavedUnits = {
    kinds: new Uint8Array(n),
    articles: new Int32Array(n),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    positions: new Int32Array(n),
    paragraphs: new Int32Array(n),
    speakers: new Int32Array(n),
    speakerTable: [],
    contextStarts: new Int32Array(n).fill(-1),
    contextEnds: new Int32Array(n).fill(-1),
    texts: {},
    contexts: {},
  };
  units.forEach((u, i) => {
    const article = articleNumbers.get(u.articleId);
    if (article === undefined) throw new Error(`unit ${u.id} belongs to no saved article`);
    out.kinds[i] = KINDS.indexOf(u.kind);
    out.articles[i] = article;
    out.starts[i] = u.start;
    out.ends[i] = u.end;
    out.positions[i] = u.position;
    out.paragraphs[i] = u.paragraph;
    if (u.speaker) {
      const key = `${u.speaker.id}\u0000${u.speaker.en}\u0000${u.speaker.ar}`;
      let s = speakerNumbers.get(key);
      if (s === undefined) {
        s = out.speakerTable.length;
        speakerNumbers.set(key, s);
        out.speakerTable.push(u.speaker);
      }
      out.speakers[i] = s;
    } else out.speakers[i] = -1;
    const text = articles[article]!.text;
    if (text.slice(u.start, u.end) !== u.text) out.texts[i] = u.text;
    const context = u.context === '' ? -1 : text.indexOf(u.context);
    if (context >= 0) {
      out.contextStarts[i] = context;
      out.contextEnds[i] = context + u.context.length;
    } else if (u.context !== '') out.contexts[i] = u.context;
  });
  return out;
}

/** The units back from their columns and ids; throws on columns that do not hold together (a damaged file). */
export function unpackUnits(saved: SavedUnits, articles: ArticleInfo[], ids: string[]): Unit[] {
  const n = ids.length;
  const columns = [
    saved.kinds,
    saved.articles,
    saved.starts,
    saved.ends,
    saved.positions,
    saved.paragraphs,
    saved.contextStarts,
    saved.contextEnds,
  ];
  if (columns.some((c) => !ArrayBuffer.isView(c) || c.length !== n))
    throw new Error('the saved units are damaged (their columns disagree)');
  if (!(saved.speakers instanceof Int32Array) || saved.speakers.length !== n)
    throw new Error('the saved units are damaged (speakers)');
  const units: Unit[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const article = articles[saved.articles[i]!];
    const kind = KINDS[saved.kinds[i]!];
    const [start, end] = [saved.starts[i]!, saved.ends[i]!];
    const speaker = saved.speakers[i]! >= 0 ? saved.speakerTable[saved.speakers[i]!] : null;
    const [contextStart, contextEnd] = [saved.contextStarts[i]!, saved.contextEnds[i]!];
    if (
      !article ||
      !kind ||
      speaker === undefined ||
      start < 0 ||
      end < start ||
      end > article.text.length ||
      contextEnd < contextStart ||
      contextEnd > article.text.length
    )
      throw new Error(`the saved units are damaged (unit ${i})`);
    units[i] = {
      id: ids[i]!,
      kind,
      articleId: article.id,
      text: saved.texts[i] ?? article.text.slice(start, end),
      context: saved.contexts[i] ?? (contextStart >= 0 ? article.text.slice(contextStart, contextEnd) : ''),
      start,
      end,
      speaker,
      position: saved.positions[i]!,
      paragraph: saved.paragraphs[i]!,
    };
  }
  return units;
}
