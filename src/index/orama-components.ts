/**
 * Orama components (its `components` option) that hold the index compactly and save it as arrays:
 * - the index keeps each full-text property's postings as typed arrays (postings.ts) instead of Orama's radix tree
 *   and per-document frequency objects, and each vector once, Float32 in a sparse table (unit-vectors.ts) that is
 *   also Orama's vector index; its saved form is those arrays (written as binary blocks by store.ts), so that
 *   loading is taking them, not rebuilding objects one by one. Filters stay Orama's own.
 * - the documents store keeps no documents: they are made on demand from the units the index already holds.
 * Orama's `search()` works on such a database: full text by BM25 over the postings (terms matched exactly: the
 * project's terms carry an end mark, so Orama's prefix matching never applied; no typo tolerance), vectors (with
 * Orama's arithmetic) and filters as Orama does them (no filter on a full-text property).
 */

import type { AnyDocument, AnyOrama, BM25Params, SearchableValue, Tokenizer } from '@orama/orama';
import { components } from '@orama/orama';
import { Postings, type SavedPostings } from './postings.ts';
import { type SavedUnitVectors, UnitVectors } from './unit-vectors.ts';

type IndexComponent = ReturnType<typeof components.index.createIndex>;
type OramaIndexStore = ReturnType<IndexComponent['create']>;
type DocumentsStore = ReturnType<typeof components.documentsStore.createDocumentsStore>;
type InternalIds = { internalIdToId: string[] };
/** Orama's index data, with the full-text properties held as postings instead of radix trees. */
export type PostingsIndexStore = OramaIndexStore & {
  fullText: Record<string, Postings>;
  /** True while the filter trees of a loaded index are not made yet (see `filtersOf`). */
  filtersPending?: boolean;
};

/** What the index saves: postings and vectors as arrays, the rest (filters) as Orama saves it. */
interface SavedPostingsIndex {
  fullText: Record<string, SavedPostings>;
  vectors: Record<string, SavedUnitVectors>;
  others: unknown;
}

/** A value's tokens (for a string, the tokenizer's own array: read, never changed). */
const tokensOf = (
  value: SearchableValue,
  tokenizer: Tokenizer,
  language: string | undefined,
  prop: string,
) =>
  Array.isArray(value)
    ? value.flatMap((v) => tokenizer.tokenize(String(v), language, prop, false))
    : tokenizer.tokenize(String(value), language, prop, false);

/** The postings of a full-text property of a database made with `postingsIndex()`, or undefined. */
export function fullTextOf(db: AnyOrama, property: string): Postings | undefined {
  return (db.data.index as PostingsIndexStore).fullText?.[property];
}

/** The vectors of a vector property of a database made with `postingsIndex()`, or undefined. */
export function vectorsOf(db: AnyOrama, property: string): UnitVectors | undefined {
  const node = (db.data.index as PostingsIndexStore).vectorIndexes[property]?.node;
  return node instanceof UnitVectors ? node : undefined;
}

/** Orama's vector index entry for a property, held as UnitVectors. */
const vectorEntry = (vectors: UnitVectors) =>
  ({ type: 'Vector', isArray: false, node: vectors }) as unknown as OramaIndexStore['vectorIndexes'][string];

/** Orama's BM25, as its own full-text search scores a term in a document. */
function bm25(
  tf: number,
  matching: number,
  docs: number,
  length: number,
  average: number,
  p: Required<BM25Params>,
) {
  const idf = Math.log(1 + (docs - matching + 0.5) / (matching + 0.5));
  return (idf * (p.d + tf * (p.k + 1))) / (tf + p.k * (1 - p.b + (p.b * length) / average));
}

/**
 * Orama's index with full-text properties held as postings (see the module comment). Its filter trees (enums,
 * numbers) are not saved: a loaded index makes them from `documentOf` (the database's documents by internal id) when
 * a search first filters, and nothing in the product does (at 100,000 units they were a third of the saved header
 * and about 20 MB held).
 */
export function postingsIndex(documentOf: (internalId: number) => AnyDocument | undefined): IndexComponent {
  const base = components.index.createIndex();
  /** The filter trees of a loaded index, made from its documents (once, on the first filtered search). */
  const filtersOf = (index: PostingsIndexStore, language: string | undefined, tokenizer: Tokenizer) => {
    if (!index.filtersPending) return;
    const types = index.searchablePropertiesWithTypes;
    const filters = Object.fromEntries(
      Object.entries(types).filter(([prop]) => !index.fullText[prop] && !index.vectorIndexes[prop]),
    );
    const empty = base.create(
      undefined as never,
      index.sharedInternalDocumentStore as never,
      filters as never,
    );
    Object.assign(index.indexes, empty.indexes);
    const count = (index.sharedInternalDocumentStore as unknown as InternalIds).internalIdToId.length;
    for (let internalId = 1; internalId <= count; internalId++) {
      const doc = documentOf(internalId);
      if (!doc) continue;
      for (const prop of Object.keys(filters)) {
        if (doc[prop] === undefined) continue;
        base.insert(
          undefined as never,
          index,
          prop,
          doc.id,
          internalId,
          doc[prop],
          types[prop]!,
          language,
          tokenizer,
          count,
        );
      }
    }
    index.filtersPending = false;
  };
  return {
    ...base,
    create(orama, sharedStore, schema) {
      const index = base.create(orama, sharedStore, schema) as PostingsIndexStore;
      index.fullText = {};
      for (const [prop, { node }] of Object.entries(index.vectorIndexes))
        index.vectorIndexes[prop] = vectorEntry(new UnitVectors(node.size));
      for (const [prop, entry] of Object.entries(index.indexes)) {
        if (entry.type !== 'Radix') continue;
        index.fullText[prop] = new Postings();
        delete index.indexes[prop];
        delete index.frequencies[prop];
        delete index.tokenOccurrences[prop];
        delete index.fieldLengths[prop];
      }
      return index;
    },
    insert(...args) {
      const [, index, prop, , internalId, value, , language, tokenizer, docsCount] = args;
      const vectors = (index as unknown as PostingsIndexStore).vectorIndexes[prop]?.node;
      if (vectors instanceof UnitVectors) return vectors.add(internalId, value as number[]);
      const postings = (index as unknown as PostingsIndexStore).fullText[prop];
      // Filter trees not made yet are made from every document, this one included, when first needed.
      if (!postings)
        return (index as unknown as PostingsIndexStore).filtersPending ? undefined : base.insert(...args);
      postings.insert(internalId - 1, tokensOf(value, tokenizer, language, prop), docsCount);
    },
    remove(...args) {
      const [, index, prop, , internalId, value, , language, tokenizer, docsCount] = args;
      const postings = (index as unknown as PostingsIndexStore).fullText[prop];
      if (!postings) return base.remove(...args);
      postings.remove(internalId - 1, tokensOf(value, tokenizer, language, prop), docsCount);
      return true;
    },
    search(
      index,
      term,
      tokenizer,
      language,
      properties,
      _exact,
      _tolerance,
      boost,
      relevance,
      docsCount,
      where,
      threshold = 0,
    ) {
      const tokens = tokenizer.tokenize(term, language);
      const scores = new Map<number, number>();
      // How many of the query's tokens each document holds, per property: Orama keeps, at threshold 0, only the
      // documents that hold them all in one property.
      const matched = new Map<number, Map<string, number>>();
      const found = new Set<string>();
      for (const prop of properties) {
        const postings = (index as PostingsIndexStore).fullText[prop];
        if (!postings) continue;
        const weight = (boost as Record<string, number>)[prop] ?? 1;
        for (const token of tokens) {
          const { ordinals, counts } = postings.postings(token);
          if (ordinals.length > 0) found.add(token);
          const occurrences = postings.occurrencesOf(token);
          for (let i = 0; i < ordinals.length; i++) {
            const id = ordinals[i]! + 1;
            if (where && !where.has(id)) continue;
            const length = postings.length(ordinals[i]!);
            const score = bm25(
              counts[i]! / length,
              occurrences,
              docsCount,
              length,
              postings.averageLength,
              relevance,
            );
            scores.set(id, (scores.get(id) ?? 0) + score * weight);
            const byProp = matched.get(id) ?? new Map<string, number>();
            byProp.set(prop, (byProp.get(prop) ?? 0) + 1);
            matched.set(id, byProp);
          }
        }
      }
      const results = [...scores].sort((a, b) => b[1] - a[1]);
      if (threshold === 1 || tokens.length <= 1) return results;
      const holdsAll = ([id]: [number, number]) =>
        [...(matched.get(id)?.values() ?? [])].some((n) => n === tokens.length);
      if (threshold === 0) return tokens.every((t) => found.has(t)) ? results.filter(holdsAll) : [];
      const full = results.filter(holdsAll);
      if (full.length === 0) return results;
      const fullIds = new Set(full.map(([id]) => id));
      const rest = results.filter(([id]) => !fullIds.has(id));
      return [...full, ...rest.slice(0, Math.ceil(rest.length * threshold))];
    },
    searchByWhereClause(index, tokenizer, filters, language) {
      const touched = JSON.stringify(filters);
      for (const prop of Object.keys((index as PostingsIndexStore).fullText))
        if (touched.includes(`"${prop}"`))
          throw new Error(`this index cannot filter on the full-text property "${prop}"`);
      filtersOf(index as PostingsIndexStore, language, tokenizer);
      return base.searchByWhereClause(index, tokenizer, filters, language);
    },
    save(index) {
      const { fullText, vectorIndexes, filtersPending: _pending, ...rest } = index as PostingsIndexStore;
      const saved: SavedPostingsIndex = {
        fullText: Object.fromEntries(Object.entries(fullText).map(([prop, p]) => [prop, p.save()])),
        vectors: Object.fromEntries(
          Object.entries(vectorIndexes).map(([prop, { node }]) => [
            prop,
            (node as unknown as UnitVectors).save(),
          ]),
        ),
        others: base.save({ ...rest, indexes: {}, vectorIndexes: {} } as OramaIndexStore),
      };
      return saved as never;
    },
    load(sharedStore, raw) {
      const saved = raw as SavedPostingsIndex;
      const index = base.load(sharedStore, saved.others) as PostingsIndexStore;
      const documents = (sharedStore as unknown as InternalIds).internalIdToId.length;
      index.fullText = {};
      for (const [prop, p] of Object.entries(saved.fullText ?? {}))
        index.fullText[prop] = Postings.load(p, documents);
      for (const [prop, vectors] of Object.entries(saved.vectors ?? {}))
        index.vectorIndexes[prop] = vectorEntry(UnitVectors.load(vectors));
      index.filtersPending = true;
      return index;
    },
  };
}

/**
 * A documents store that keeps no documents: `documentOf` makes a document from its internal id when Orama asks
 * for one (the units are held by the index already). Saves only the count.
 */
export function derivedDocumentsStore(
  documentOf: (internalId: number) => AnyDocument | undefined,
): DocumentsStore {
  type Store = {
    sharedInternalDocumentStore: InternalIds & { idToInternalId: Map<string, number> };
    count: number;
    docs: Record<number, AnyDocument>;
  };
  // Orama's vector search reads `docs` as a record by internal id.
  const docs = new Proxy({} as Record<number, AnyDocument>, {
    get: (_, key) => (typeof key === 'string' ? documentOf(Number(key)) : undefined),
  });
  const internalId = (store: Store, id: string | number) =>
    typeof id === 'number' ? id : (store.sharedInternalDocumentStore.idToInternalId.get(id) ?? 0);
  const store: DocumentsStore = {
    create: (_orama, shared) => ({ sharedInternalDocumentStore: shared, count: 0, docs }) as never,
    get: (s, id) => documentOf(internalId(s as unknown as Store, id)),
    getMultiple: (s, ids) => ids.map((id) => documentOf(internalId(s as unknown as Store, id))),
    getAll: (s) => {
      const all: Record<number, AnyDocument> = {};
      const ids = (s as unknown as Store).sharedInternalDocumentStore.internalIdToId;
      for (let i = 1; i <= ids.length; i++) {
        const doc = documentOf(i);
        if (doc) all[i] = doc;
      }
      return all;
    },
    store(s, id, internal, doc) {
      const known = documentOf(internal);
      if (!known || known.id !== id || doc.id !== id) return false;
      (s as unknown as Store).count++;
      return true;
    },
    remove: () => {
      throw new Error('documents are not removed from this index');
    },
    count: (s) => (s as unknown as Store).count,
    save: (s) => ({ count: (s as unknown as Store).count }) as never,
    load: (shared, raw) =>
      ({ sharedInternalDocumentStore: shared, count: (raw as { count: number }).count, docs }) as never,
  };
  return store;
}
