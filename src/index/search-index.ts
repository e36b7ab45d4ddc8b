/**
 * The search index: one Orama database (full text through the Arabic analyser, plus a vector per unit) and the
 * corpus data citations need. Built from a corpus, or restored from its saved form.
 */

import { type AnyOrama, count, create, insertMultiple, load, type RawData, save } from '@orama/orama';
import type { Article, Corpus, IngestWarning } from '../corpus/types.ts';
import type { Analyser } from './analyser.ts';
import { StringsBlock } from './block-file.ts';
import type { Embedder } from './embedders/embedder.ts';
import { derivedDocumentsStore, postingsIndex, vectorsOf } from './orama-components.ts';
import { packUnits, type SavedUnits, unpackUnits } from './saved-units.ts';
import { createTermStatistics, type TermStatistics } from './term-stats.ts';
import { createOramaTokenizer } from './tokenizer.ts';
import type { UnitVectorReader } from './unit-vectors.ts';
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
  /** The units' vectors, by ordinal. */
  vectors: UnitVectorReader;
}

/**
 * The saved form of an index (see store.ts). Orama's part holds the postings and the vectors as typed arrays
 * (orama-components.ts), which store.ts writes as binary blocks; no documents (they are made from the units).
 */
export interface SavedIndex {
  dimensions: number;
  units: SavedUnits;
  /** The articles without their texts, which are `articleTexts`. */
  articles: Array<Omit<ArticleInfo, 'text'>>;
  articleTexts: StringsBlock;
  warnings: IngestWarning[];
  orama: RawData;
}

const NO_DATE = -1;
/** The document property that holds a unit's vector. */
const VECTOR_PROPERTY = 'embedding';

/** The units a database's documents are made from, by ordinal: it grows with the database (addArticles). */
interface DocumentSource {
  units: Unit[];
  articles: Map<string, ArticleInfo>;
}
const sources = new WeakMap<AnyOrama, DocumentSource>();

/** The lookups every question needs, computed once per index instead of once per question. */
function derived(
  db: AnyOrama,
  units: Map<string, Unit>,
): Pick<SearchIndex, 'bySpeaker' | 'leads' | 'byOrdinal' | 'stats' | 'vectors'> {
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
  const vectors = vectorsOf(db, VECTOR_PROPERTY);
  if (!vectors) throw new Error('the index has no vectors');
  return {
    bySpeaker,
    leads,
    byOrdinal,
    stats: createTermStatistics(db, 'text', byOrdinal.length),
    vectors,
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

/** A unit as an Orama document (with its vector when given). */
export function unitDocument(unit: Unit, article: ArticleInfo | undefined, vector?: number[]) {
  const doc = {
    id: unit.id,
    kind: unit.kind,
    speaker: unit.speaker?.id ?? '',
    article: unit.articleId,
    outlet: article?.outlet ?? '',
    day: dayNumber(article?.date.iso ?? null),
    position: unit.position,
    text: unit.text,
    context: unit.context,
  };
  return vector ? { ...doc, [VECTOR_PROPERTY]: vector } : doc;
}

/**
 * An empty database over `source`: postings and vectors held as typed arrays, documents made from the source's
 * units when asked for, and no sort index (nothing sorts through Orama; it would hold every text once more).
 */
function createDatabase(analyser: Analyser, dimensions: number, source: DocumentSource) {
  const documentOf = (internalId: number) => {
    const unit = source.units[internalId - 1];
    return unit && unitDocument(unit, source.articles.get(unit.articleId));
  };
  const db = create({
    schema: unitSchema(dimensions),
    sort: { enabled: false },
    components: {
      tokenizer: createOramaTokenizer(analyser),
      documentsStore: derivedDocumentsStore(documentOf),
      index: postingsIndex(documentOf),
    },
  });
  sources.set(db, source);
  return db;
}

/** Documents Orama inserts in one batch (`insertMultiple`'s default): a build inserts in the same batches. */
const INSERT_BATCH = 1000;

/**
 * Builds an index from articles handed in corpus order, a batch at a time (as ingestion delivers them): each
 * batch's units are embedded and inserted at once, so that indexing runs while the rest is still ingested. The
 * index is the one `buildIndex` makes of the whole corpus (the same units, vectors, postings and Orama batches).
 */
export interface IndexBuilder {
  add(articles: Article[]): Promise<void>;
  /** The index of every article added, with the corpus's warnings. */
  finish(warnings: IngestWarning[]): Promise<SearchIndex>;
}

export function indexBuilder(analyser: Analyser, embedder: Embedder): IndexBuilder {
  const source: DocumentSource = { units: [], articles: new Map() };
  let db: AnyOrama | undefined;
  let dimensions = 1;
  /** Documents waiting for a full batch: Orama's AVL trees rebalance by the size of the batch. */
  let waiting: Array<ReturnType<typeof unitDocument>> = [];
  const insertWaiting = async (all: boolean) => {
    let from = 0;
    for (; from + INSERT_BATCH <= waiting.length || (all && from < waiting.length); from += INSERT_BATCH)
      await insertMultiple(db!, waiting.slice(from, from + INSERT_BATCH) as never, INSERT_BATCH);
    waiting = waiting.slice(from);
  };
  return {
    async add(articles) {
      for (const a of articles) source.articles.set(a.id, articleInfo(a));
      const units = unitsOf({ articles, warnings: [] });
      if (units.length === 0) return;
      const vectors = await embedder.embed(units.map((u) => u.text));
      if (!db) {
        dimensions = vectors[0]?.length ?? 1;
        db = createDatabase(analyser, dimensions, source);
      }
      source.units.push(...units);
      units.forEach((u, i) => {
        const vector = vectors[i] ?? new Array(dimensions).fill(0);
        waiting.push(unitDocument(u, source.articles.get(u.articleId), vector));
      });
      await insertWaiting(false);
    },
    async finish(warnings) {
      db ??= createDatabase(analyser, dimensions, source);
      await insertWaiting(true);
      const byId = new Map(source.units.map((u) => [u.id, u]));
      return {
        db,
        units: byId,
        articles: new Map(source.articles),
        dimensions,
        embedder,
        analyser,
        warnings,
        ...derived(db, byId),
      };
    },
  };
}

/** Builds the index of a corpus, embedding every unit. */
export async function buildIndex(
  corpus: Corpus,
  analyser: Analyser,
  embedder: Embedder,
): Promise<SearchIndex> {
  const builder = indexBuilder(analyser, embedder);
  await builder.add(corpus.articles);
  return builder.finish(corpus.warnings);
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
  const source = sources.get(index.db);
  if (!source) throw new Error('the index has no document source');
  for (const a of articles) source.articles.set(a.id, infos.get(a.id)!);
  source.units.push(...units);
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

/** The saved form of an index; its Orama part holds typed arrays, the live ones (not copies). */
export function serialiseIndex(index: SearchIndex): SavedIndex {
  const articles = [...index.articles.values()];
  return {
    dimensions: index.dimensions,
    units: packUnits(index.byOrdinal, articles),
    articles: articles.map(({ text: _text, ...rest }) => rest),
    articleTexts: new StringsBlock(articles.map((a) => a.text)),
    warnings: index.warnings,
    orama: save(index.db),
  };
}

/**
 * Restores an index from its saved form, with the same tokenizer: Orama's persistence plugin would drop it and
 * Arabic queries would silently miss.
 */
export function restoreIndex(saved: SavedIndex, analyser: Analyser, embedder: Embedder): SearchIndex {
  const texts = saved.articleTexts instanceof StringsBlock ? saved.articleTexts.strings : [];
  if (texts.length !== saved.articles.length) throw new Error('the saved articles and their texts disagree');
  const articleList: ArticleInfo[] = saved.articles.map((a, i) => ({ ...a, text: texts[i]! }));
  const articles = new Map(articleList.map((a) => [a.id, a]));
  const source: DocumentSource = { units: [], articles: new Map(articles) };
  const db = createDatabase(analyser, saved.dimensions, source);
  load(db, saved.orama);
  const ids = (db.internalDocumentIDStore as { internalIdToId: string[] }).internalIdToId;
  const units = new Map(unpackUnits(saved.units, articleList, ids).map((u) => [u.id, u]));
  const lookups = derived(db, units);
  source.units = [...lookups.byOrdinal];
  return {
    db,
    units,
    articles,
    dimensions: saved.dimensions,
    embedder,
    analyser,
    warnings: saved.warnings,
    ...lookups,
  };
}
