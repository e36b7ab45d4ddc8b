/**
 * Orama components (its `components` option) that hold the index compactly and save it as arrays:
 * - the index keeps each full-text property's postings as typed arrays (postings.ts) instead of Orama's radix tree
 *   and per-document frequency objects, and each vector once, as Float32; its saved form is those arrays (written
 *   as binary blocks by store.ts), so that loading is taking them, not rebuilding objects one by one. Filters and
 *   vector search stay Orama's own.
 * - the documents store keeps no documents: they are made on demand from the units the index already holds.
 * Orama's `search()` works on such a database: full text by BM25 over the postings (terms matched exactly: the
 * project's terms carry an end mark, so Orama's prefix matching never applied; no typo tolerance), vectors and
 * filters as Orama does them (no filter on a full-text property).
 */

import type { AnyDocument, AnyOrama, BM25Params, SearchableValue, Tokenizer } from '@orama/orama';
import { components } from '@orama/orama';
import { vector } from '@orama/orama/trees';
import { Postings, type SavedPostings } from './postings.ts';

type IndexComponent = ReturnType<typeof components.index.createIndex>;
type OramaIndexStore = ReturnType<IndexComponent['create']>;
type DocumentsStore = ReturnType<typeof components.documentsStore.createDocumentsStore>;
type InternalIds = { internalIdToId: string[] };
/** Orama's vector index, whose map of vectors its types call private. */
type VectorNode = { size: number; vectors: Map<number, [number, Float32Array<ArrayBufferLike>]> };

/**
 * The vectors of one vector property in one Float32Array, in insertion order, with their internal ids: Orama's
 * vector index holds views of it, so that saving writes it as it is (no copy of 100 MB at 100,000 units). Loaded,
 * it is the file's block; it is copied only when it grows.
 */
class VectorArena {
  data: Float32Array<ArrayBufferLike>;
  ids: Int32Array<ArrayBufferLike>;
  count: number;
  constructor(
    readonly node: VectorNode,
    data: Float32Array<ArrayBufferLike> = new Float32Array(0),
    ids: Int32Array<ArrayBufferLike> = new Int32Array(0),
  ) {
    this.data = data;
    this.ids = ids;
    this.count = ids.length;
  }

  /** Adds a vector for `id` (Orama computes its magnitude as it always does). */
  add(id: number, value: ArrayLike<number>): void {
    const size = this.node.size;
    if ((this.count + 1) * size > this.data.length) this.grow(Math.max(16, this.count * 2));
    const view = this.data.subarray(this.count * size, (this.count + 1) * size);
    // A loop, not `set`: from an array of numbers V8's `set` takes its slow path, element by element.
    for (let d = 0; d < size; d++) view[d] = value[d]!;
    this.ids[this.count++] = id;
    (this.node as unknown as { add(id: number, v: Float32Array): void }).add(id, view);
  }

  /** Makes room for `more` vectors at once (a build knows how many it adds: one copy, not one per doubling). */
  reserve(more: number): void {
    if ((this.count + more) * this.node.size > this.data.length)
      this.grow(Math.max(this.count + more, this.count * 2));
  }

  private grow(capacity: number): void {
    const size = this.node.size;
    const data = new Float32Array(capacity * size);
    data.set(this.data.subarray(0, this.count * size));
    const ids = new Int32Array(capacity);
    ids.set(this.ids.subarray(0, this.count));
    // Orama's entries are re-pointed at the new block.
    for (let i = 0; i < this.count; i++) {
      const entry = this.node.vectors.get(ids[i]!);
      if (entry && entry[1].buffer === this.data.buffer) entry[1] = data.subarray(i * size, (i + 1) * size);
    }
    [this.data, this.ids] = [data, ids];
  }

  /** The saved form: the block itself, unless vectors were removed (then the live ones, copied). */
  save(): { size: number; ids: Int32Array; values: Float32Array } {
    const size = this.node.size;
    if (this.node.vectors.size === this.count)
      return {
        size,
        ids: this.ids.subarray(0, this.count),
        values: this.data.subarray(0, this.count * size),
      };
    const live = [...this.node.vectors];
    const values = new Float32Array(live.length * size);
    live.forEach(([, [, v]], i) => {
      values.set(v, i * size);
    });
    return { size, ids: Int32Array.from(live, ([id]) => id), values };
  }
}

/** Orama's index data, with the full-text properties held as postings instead of radix trees. */
export type PostingsIndexStore = OramaIndexStore & {
  fullText: Record<string, Postings>;
  vectorArenas: Record<string, VectorArena>;
};

/** What the index saves: postings and vectors as arrays, the rest (filters) as Orama saves it. */
interface SavedPostingsIndex {
  fullText: Record<string, SavedPostings>;
  vectors: Record<string, { size: number; ids: Int32Array; values: Float32Array }>;
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

/** Makes room in every vector property of a database made with `postingsIndex()` for `more` documents. */
export function reserveVectors(db: AnyOrama, more: number): void {
  for (const arena of Object.values((db.data.index as PostingsIndexStore).vectorArenas ?? {}))
    arena.reserve(more);
}

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

/** Orama's index with full-text properties held as postings (see the module comment). */
export function postingsIndex(): IndexComponent {
  const base = components.index.createIndex();
  return {
    ...base,
    create(orama, sharedStore, schema) {
      const index = base.create(orama, sharedStore, schema) as PostingsIndexStore;
      index.fullText = {};
      index.vectorArenas = {};
      for (const [prop, { node }] of Object.entries(index.vectorIndexes))
        index.vectorArenas[prop] = new VectorArena(node as unknown as VectorNode);
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
      const arena = (index as unknown as PostingsIndexStore).vectorArenas[prop];
      if (arena) return arena.add(internalId, value as number[]);
      const postings = (index as unknown as PostingsIndexStore).fullText[prop];
      if (!postings) return base.insert(...args);
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
      return base.searchByWhereClause(index, tokenizer, filters, language);
    },
    save(index) {
      const { fullText, vectorArenas, vectorIndexes: _vectors, ...rest } = index as PostingsIndexStore;
      const saved: SavedPostingsIndex = {
        fullText: Object.fromEntries(Object.entries(fullText).map(([prop, p]) => [prop, p.save()])),
        vectors: Object.fromEntries(
          Object.entries(vectorArenas).map(([prop, arena]) => [prop, arena.save()]),
        ),
        others: base.save({ ...rest, vectorIndexes: {} } as OramaIndexStore),
      };
      return saved as never;
    },
    load(sharedStore, raw) {
      const saved = raw as SavedPostingsIndex;
      const index = base.load(sharedStore, saved.others) as PostingsIndexStore;
      const documents = (sharedStore as unknown as InternalIds).internalIdToId.length;
      index.fullText = {};
      index.vectorArenas = {};
      for (const [prop, p] of Object.entries(saved.fullText ?? {}))
        index.fullText[prop] = Postings.load(p, documents);
      for (const [prop, { size, ids, values }] of Object.entries(saved.vectors ?? {})) {
        if (
          !(ids instanceof Int32Array) ||
          !(values instanceof Float32Array) ||
          values.length !== ids.length * size
        )
          throw new Error(`the saved vectors of "${prop}" are damaged`);
        const node = new vector.VectorIndex(size);
        // Each vector is a view of the block read from disk, with the magnitude Orama would compute.
        for (let i = 0; i < ids.length; i++) {
          const v = values.subarray(i * size, (i + 1) * size);
          let sum = 0;
          for (let d = 0; d < size; d++) sum += v[d]! * v[d]!;
          if (!Number.isFinite(sum)) throw new Error(`the saved vectors of "${prop}" are not numbers`);
          (node as unknown as VectorNode).vectors.set(ids[i]!, [Math.sqrt(sum), v]);
        }
        index.vectorIndexes[prop] = { type: 'Vector', isArray: false, node };
        index.vectorArenas[prop] = new VectorArena(node as unknown as VectorNode, values, ids);
      }
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
