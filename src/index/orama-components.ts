/**
 * Orama components (its `components` option) that keep the units' vectors once, as Float32, outside the stored
 * documents: Orama would hold each vector twice (a number array in the document, a Float32Array in the vector
 * index) and write both into its JSON. The documents store keeps documents without the vector property; the index
 * saves no vectors (the index file writes them as one binary block, see search-index.ts) and loads an empty vector
 * index for them to be put back into.
 */

import { components } from '@orama/orama';
import { vector } from '@orama/orama/trees';

type DocumentsStore = ReturnType<typeof components.documentsStore.createDocumentsStore>;
type IndexComponent = ReturnType<typeof components.index.createIndex>;
type IndexData = Parameters<IndexComponent['save']>[0];

/** A documents store that stores each document without `property`. */
export function documentsStoreWithout(property: string): DocumentsStore {
  const base = components.documentsStore.createDocumentsStore();
  return {
    ...base,
    store(store, id, internalId, doc) {
      const { [property]: _dropped, ...kept } = doc as Record<string, unknown>;
      return base.store(store, id, internalId, kept as typeof doc);
    },
  };
}

/** Orama's index, saved without the vector index of `property` (of `dimensions`), which loads empty. */
export function indexWithoutSavedVectors(property: string, dimensions: number): IndexComponent {
  const base = components.index.createIndex();
  return {
    ...base,
    save(index) {
      const { [property]: _dropped, ...others } = index.vectorIndexes;
      return base.save({ ...index, vectorIndexes: others } as IndexData);
    },
    load(sharedStore, raw) {
      const index = base.load(sharedStore, raw);
      index.vectorIndexes[property] ??= {
        type: 'Vector',
        isArray: false,
        node: new vector.VectorIndex(dimensions),
      };
      return index;
    },
  };
}
