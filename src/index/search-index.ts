/**
 * The search index: one Orama database (full text through the Arabic analyser, plus a vector per unit) and the
 * corpus data citations need. Built from a corpus, or restored from its saved form.
 */

import { type AnyOrama, count, create, insertMultiple, load, type RawData, save } from '@orama/orama';
import type { Article, Corpus, IngestWarning } from '../corpus/types.ts';
import type { Analyser } from './analyser.ts';
import type { Embedder } from './embedders/embedder.ts';
import { documentsStoreWithout, indexWithoutSavedVectors } from './orama-components.ts';
import { createTermStatistics, type TermStatistics } from './term-stats.ts';
import { createOramaTokenizer } from './tokenizer.ts';
import { type ArticleInfo, articleInfo, type Unit, unitsOf } from './units.ts';

/** The in-memory index every search runs against. */
export interface SearchIndex {
  db: AnyOrama;
  units: Map<string, Unit>;
  articles: Map<string, ArticleInfo>;
  dimensions: number;
  embedder: Embedder;
  analyser: Analyser;
  warnings: IngestWarning[];
  /** Derived once: every unit each speaker said, and each article's lead sentence. */
  bySpeaker: Map<string, Unit[]>;
  leads: Map<string, Unit>;
  /** The units by ordinal (Orama's internal id less one): how term statistics and vectors name units. */
  byOrdinal: Unit[];
  /** Full-text statistics of the units' own words (the `text` property). */
  stats: TermStatistics;
  /** The vector of a unit, by ordinal. */
  vectorOf(ordinal: number): Float32Array | undefined;
}

/**
 * The serialisable form of an index (see store.ts), without its vectors: as JSON text they would be most of the
 * file and of the load time. They are saved once, as binary, beside it (orama-components.ts keeps them out of
 * Orama's documents and saved data).
 */
export interface SavedIndex {
  dimensions: number;
  /** Orama's internal document ids, in the order of the saved vectors. */
  vectorIds: number[];
  units: Unit[];
  articles: ArticleInfo[];
  warnings: IngestWarning[];
  orama: RawData;
}

const NO_DATE = -1;
/** The document property that holds a unit's vector. */
const VECTOR_PROPERTY = 'embedding';

type VectorStore = { vectors: Map<number, [number, Float32Array]> };

/** Orama's vector index of the units: internal id -> [magnitude, vector]. */
const vectorStore = (db: AnyOrama) =>
  (db.data as unknown as { index: { vectorIndexes: Record<string, { node: VectorStore }> } }).index
    .vectorIndexes[VECTOR_PROPERTY]?.node;

/** The lookups every question needs, computed once per index instead of once per question. */
function derived(
  db: AnyOrama,
  units: Map<string, Unit>,
): Pick<SearchIndex, 'bySpeaker' | 'leads' | 'byOrdinal' | 'stats' | 'vectorOf'> {
  const bySpeaker = new Map<string, Unit[]>();
  const leads = new Map<string, Unit>();
  for (const u of units.values()) {
    if (u.speaker) {
      const said = bySpeaker.get(u.speaker.id);
      if (said) said.push(u);
      else bySpeaker.set(u.speaker.id, [u]);
    }
    if (u.kind !== 'quote' && u.position === 0) leads.set(u.articleId, u);
  }
  const ids = (db.internalDocumentIDStore as { internalIdToId: string[] }).internalIdToId;
  const byOrdinal = ids.map((id) => {
    const unit = units.get(id);
    if (!unit) throw new Error(`the index holds a document (${id}) that is no unit`);
    return unit;
  });
  const store = vectorStore(db);
  return {
    bySpeaker,
    leads,
    byOrdinal,
    stats: createTermStatistics(db, 'text', byOrdinal.length),
    vectorOf: (ordinal) => store?.vectors.get(ordinal + 1)?.[1],
  };
}

/** Days since 1970-01-01 of an ISO date, for numeric date filters. */
export function dayNumber(iso: string | null): number {
  return iso ? Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) : NO_DATE;
}

/** The schema of a unit document with vectors of `dimensions`. */
export const unitSchema = (dimensions: number) =>
  ({
    kind: 'enum',
    speaker: 'enum',
    article: 'enum',
    outlet: 'enum',
    day: 'number',
    position: 'number',
    text: 'string',
    context: 'string',
    embedding: `vector[${dimensions}]`,
  }) as const;

/** A unit as an Orama document. */
export function unitDocument(unit: Unit, article: ArticleInfo | undefined, vector: number[]) {
  return {
    id: unit.id,
    kind: unit.kind,
    speaker: unit.speaker?.id ?? '',
    article: unit.articleId,
    outlet: article?.outlet ?? '',
    day: dayNumber(article?.date.iso ?? null),
    position: unit.position,
    text: unit.text,
    context: unit.context,
    embedding: vector,
  };
}

function createDatabase(analyser: Analyser, dimensions: number) {
  return create({
    schema: unitSchema(dimensions),
    components: {
      tokenizer: createOramaTokenizer(analyser),
      documentsStore: documentsStoreWithout(VECTOR_PROPERTY),
      index: indexWithoutSavedVectors(VECTOR_PROPERTY, dimensions),
    },
  });
}

/** Builds the index of a corpus, embedding every unit. */
export async function buildIndex(
  corpus: Corpus,
  analyser: Analyser,
  embedder: Embedder,
): Promise<SearchIndex> {
  const units = unitsOf(corpus);
  const vectors = await embedder.embed(units.map((u) => u.text));
  const dimensions = vectors[0]?.length ?? 1;
  const db = createDatabase(analyser, dimensions);
  const articles = new Map(corpus.articles.map((a) => [a.id, articleInfo(a)]));
  await insertMultiple(
    db,
    units.map((u, i) =>
      unitDocument(u, articles.get(u.articleId), vectors[i] ?? new Array(dimensions).fill(0)),
    ),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    db,
    units: byId,
    articles,
    dimensions,
    embedder,
    analyser,
    warnings: corpus.warnings,
    ...derived(db, byId),
  };
}

/**
 * Adds articles to an index without rebuilding it: their units are embedded and inserted into the same Orama
 * database, and the lookups derived from it are made again. Returns the grown index; the one passed shares the
 * database and answers questions already under way (units it does not know are skipped), but new questions go to
 * the grown one. An article id the index holds already is refused.
 */
export async function addArticles(
  index: SearchIndex,
  articles: Article[],
  warnings: IngestWarning[] = [],
): Promise<SearchIndex> {
  // The database is shared with the indexes grown from this one: only the newest may grow it.
  if (count(index.db) !== index.byOrdinal.length)
    throw new Error('this index is not the newest over its database: add to the one grown from it');
  const known = articles.find((a) => index.articles.has(a.id));
  if (known) throw new Error(`the index holds article ${known.id} already`);
  const units = unitsOf({ articles, warnings: [] });
  const vectors = await index.embedder.embed(units.map((u) => u.text));
  const infos = new Map(index.articles);
  for (const a of articles) infos.set(a.id, articleInfo(a));
  await insertMultiple(
    index.db,
    units.map((u, i) =>
      unitDocument(u, infos.get(u.articleId), vectors[i] ?? new Array(index.dimensions).fill(0)),
    ),
  );
  const byId = new Map(index.units);
  for (const u of units) byId.set(u.id, u);
  return {
    ...index,
    units: byId,
    articles: infos,
    warnings: [...index.warnings, ...warnings],
    ...derived(index.db, byId),
  };
}

/** The serialisable form of an index, and its vectors as one Float32 block (the Orama data holds none). */
export function serialiseIndex(index: SearchIndex): { saved: SavedIndex; vectors: Float32Array } {
  const live = vectorStore(index.db)?.vectors ?? new Map();
  const vectors = new Float32Array(live.size * index.dimensions);
  const vectorIds: number[] = [];
  let at = 0;
  for (const [id, [, vector]] of live) {
    vectors.set(vector, at);
    at += index.dimensions;
    vectorIds.push(id);
  }
  return {
    saved: {
      dimensions: index.dimensions,
      vectorIds,
      units: [...index.units.values()],
      articles: [...index.articles.values()],
      warnings: index.warnings,
      orama: save(index.db),
    },
    vectors,
  };
}

/**
 * Restores an index from its saved form, with the same tokenizer: Orama's persistence plugin would drop it and
 * Arabic queries would silently miss.
 */
export function restoreIndex(
  saved: SavedIndex,
  vectors: Float32Array,
  analyser: Analyser,
  embedder: Embedder,
): SearchIndex {
  const dims = saved.dimensions;
  if (vectors.length !== saved.vectorIds.length * dims)
    throw new Error('the saved vectors do not match the index');
  const db = createDatabase(analyser, dims);
  load(db, saved.orama);
  // Each vector is a view of the one block read from disk, with the magnitude Orama would compute.
  const store = vectorStore(db);
  if (!store) throw new Error('the index has no vector index');
  saved.vectorIds.forEach((id, i) => {
    const vector = vectors.subarray(i * dims, (i + 1) * dims);
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += vector[d]! * vector[d]!;
    store.vectors.set(id, [Math.sqrt(sum), vector]);
  });
  const units = new Map(saved.units.map((u) => [u.id, u]));
  return {
    db,
    units,
    articles: new Map(saved.articles.map((a) => [a.id, a])),
    dimensions: saved.dimensions,
    embedder,
    analyser,
    warnings: saved.warnings,
    ...derived(db, units),
  };
}
