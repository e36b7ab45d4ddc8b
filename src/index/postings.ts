/**
 * The postings of one full-text property, held as typed arrays: for each term, the ordinals of the documents that
 * hold it (ascending) and its count in each; for each document, its length in terms. Documents are named by
 * ordinal (Orama's internal id less one). Terms are numbered in the order they were first met.
 *
 * Postings added since the last `seal()` wait in small per-term lists; sealing merges them into one compressed
 * sparse row table (`offsets`, `ordinals`, `counts`), which is also the saved form: loading is taking the arrays.
 */

import { radix } from '@orama/orama/trees';

/** The saved form of one property's postings: the arrays themselves, and the terms in number order. */
export interface SavedPostings {
  terms: string[];
  /** Term numbers in the order Orama's radix tree lists the terms (see `vocabulary`). */
  order?: Int32Array;
  offsets: Int32Array;
  ordinals: Int32Array;
  counts: Int32Array;
  lengths: Int32Array;
  /** The running mean of the lengths as Orama computes it (a different summation would change rankings). */
  averageLength: number;
  documents: number;
}

/** One term's postings: views into the table, not to be changed. */
export interface TermPostings {
  ordinals: Int32Array;
  counts: Int32Array;
}

const EMPTY: TermPostings = { ordinals: new Int32Array(0), counts: new Int32Array(0) };

/** A typed array with room to grow. */
function grown(array: Int32Array, size: number): Int32Array {
  if (size <= array.length) return array;
  const out = new Int32Array(Math.max(size, array.length * 2, 16));
  out.set(array);
  return out;
}

export class Postings {
  private readonly termNumbers = new Map<string, number>();
  private terms: string[] = [];
  private offsets: Int32Array = new Int32Array(1);
  private ordinals: Int32Array = new Int32Array(0);
  private counts: Int32Array = new Int32Array(0);
  /** Total count of each term over all documents: what Orama calls its token occurrences. */
  private occurrences: Int32Array = new Int32Array(0);
  /** Postings not sealed yet, in the order they were added: term number, ordinal and count of each. */
  private pendingTerms: Int32Array = new Int32Array(0);
  private pendingOrdinals: Int32Array = new Int32Array(0);
  private pendingCounts: Int32Array = new Int32Array(0);
  private pendingSize = 0;
  /** Scratch for `insert`: each term's count in the document being indexed (zero between documents). */
  private counting: Int32Array = new Int32Array(0);
  /** Documents removed since the last seal. */
  private removed = new Set<number>();
  private lengths: Int32Array = new Int32Array(0);
  /** Term numbers in radix order, once made (for all terms, or made again). */
  private order: Int32Array | undefined;
  /** Ordinals covered by `lengths`: one more than the largest indexed. */
  private extent = 0;
  private documents = 0;
  averageLength = 0;

  /** Indexes a document's terms (`docsCount`: documents in the database, this one included, as Orama counts). */
  insert(ordinal: number, tokens: string[], docsCount: number): void {
    this.averageLength = (this.averageLength * (docsCount - 1) + tokens.length) / docsCount;
    this.lengths = grown(this.lengths, ordinal + 1);
    this.lengths[ordinal] = tokens.length;
    this.extent = Math.max(this.extent, ordinal + 1);
    this.documents++;
    // The document's terms in the order first met, counted in the scratch array (no map per document).
    const met: number[] = [];
    this.counting = grown(this.counting, this.terms.length);
    for (const token of tokens) {
      let term = this.termNumbers.get(token);
      if (term === undefined) {
        term = this.terms.length;
        this.termNumbers.set(token, term);
        this.terms.push(token);
        this.occurrences = grown(this.occurrences, term + 1);
        this.counting = grown(this.counting, term + 1);
      }
      if (this.counting[term]!++ === 0) met.push(term);
    }
    const size = this.pendingSize + met.length;
    if (size > this.pendingTerms.length) {
      this.pendingTerms = grown(this.pendingTerms, size);
      this.pendingOrdinals = grown(this.pendingOrdinals, size);
      this.pendingCounts = grown(this.pendingCounts, size);
    }
    for (const term of met) {
      const count = this.counting[term]!;
      this.counting[term] = 0;
      this.occurrences[term]! += count;
      this.pendingTerms[this.pendingSize] = term;
      this.pendingOrdinals[this.pendingSize] = ordinal;
      this.pendingCounts[this.pendingSize++] = count;
    }
  }

  /** Removes a document indexed with `tokens` (`docsCount`: documents before the removal). */
  remove(ordinal: number, tokens: string[], docsCount: number): void {
    this.averageLength =
      docsCount > 1 ? (this.averageLength * docsCount - (this.lengths[ordinal] ?? 0)) / (docsCount - 1) : 0;
    for (const token of tokens) {
      const term = this.termNumbers.get(token);
      if (term !== undefined) this.occurrences[term]!--;
    }
    if (ordinal < this.lengths.length) this.lengths[ordinal] = 0;
    this.removed.add(ordinal);
    this.documents--;
  }

  /** Merges the pending postings (and drops removed documents) into the table. */
  seal(): void {
    if (this.pendingSize === 0 && this.removed.size === 0) return;
    const terms = this.terms.length;
    const removed = this.removed;
    // Each term's pending postings, found by a counting sort of the pending list (stable: in the order added).
    const pendingStarts = new Int32Array(terms + 1);
    for (let i = 0; i < this.pendingSize; i++) pendingStarts[this.pendingTerms[i]! + 1]!++;
    for (let t = 0; t < terms; t++) pendingStarts[t + 1]! += pendingStarts[t]!;
    const byTerm = new Int32Array(this.pendingSize);
    const next = pendingStarts.slice(0, terms);
    for (let i = 0; i < this.pendingSize; i++) byTerm[next[this.pendingTerms[i]!]!++] = i;
    const offsets = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      const size = t + 1 < this.offsets.length ? this.offsets[t + 1]! - this.offsets[t]! : 0;
      offsets[t + 1] = offsets[t]! + size + pendingStarts[t + 1]! - pendingStarts[t]!;
    }
    const ordinals = new Int32Array(offsets[terms]!);
    const counts = new Int32Array(offsets[terms]!);
    let at = 0;
    for (let t = 0; t < terms; t++) {
      if (t + 1 < this.offsets.length) {
        for (let i = this.offsets[t]!; i < this.offsets[t + 1]!; i++) {
          if (removed.size > 0 && removed.has(this.ordinals[i]!)) continue;
          ordinals[at] = this.ordinals[i]!;
          counts[at++] = this.counts[i]!;
        }
      }
      for (let k = pendingStarts[t]!; k < pendingStarts[t + 1]!; k++) {
        const i = byTerm[k]!;
        if (removed.size > 0 && removed.has(this.pendingOrdinals[i]!)) continue;
        ordinals[at] = this.pendingOrdinals[i]!;
        counts[at++] = this.pendingCounts[i]!;
      }
      // Room left by removed documents closes up at the end of the term's run.
      offsets[t + 1] = at;
    }
    this.offsets = offsets;
    this.ordinals = at === ordinals.length ? ordinals : ordinals.slice(0, at);
    this.counts = at === counts.length ? counts : counts.slice(0, at);
    this.pendingTerms = new Int32Array(0);
    this.pendingOrdinals = new Int32Array(0);
    this.pendingCounts = new Int32Array(0);
    this.pendingSize = 0;
    this.removed = new Set();
  }

  /** The documents holding `token`, in ascending order, with its count in each. */
  postings(token: string): TermPostings {
    const term = this.termNumbers.get(token);
    if (term === undefined) return EMPTY;
    this.seal();
    const from = this.offsets[term] ?? 0;
    const to = this.offsets[term + 1] ?? from;
    return { ordinals: this.ordinals.subarray(from, to), counts: this.counts.subarray(from, to) };
  }

  /** Total count of `token` over all documents (Orama's token occurrences). */
  occurrencesOf(token: string): number {
    const term = this.termNumbers.get(token);
    return term === undefined ? 0 : this.occurrences[term]!;
  }

  /** A document's length in terms (0 for none). */
  length(ordinal: number): number {
    return this.lengths[ordinal] ?? 0;
  }

  /** Documents indexed (after removals). */
  get documentCount(): number {
    return this.documents;
  }

  /**
   * Every term with at least one posting, in the order Orama's radix tree of the same terms lists them (depth
   * first, the newest branch first): searches that take the first of equally good terms depend on it.
   */
  *vocabulary(): Iterable<string> {
    for (const t of this.radixOrder()) if (this.occurrences[t]! > 0) yield this.terms[t]!;
  }

  private radixOrder(): Int32Array {
    if (this.order?.length === this.terms.length) return this.order;
    type Node = { c: Map<string, Node>; e: boolean; w: string };
    const tree = new radix.RadixTree();
    for (let t = 0; t < this.terms.length; t++) tree.insert(this.terms[t]!, t);
    const order = new Int32Array(this.terms.length);
    let at = 0;
    const stack = [tree as unknown as Node];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.e) order[at++] = this.termNumbers.get(node.w)!;
      for (const child of node.c.values()) stack.push(child);
    }
    this.order = order;
    return order;
  }

  /** The saved form (sealed first); the arrays are the live ones, not copies. */
  save(): SavedPostings {
    this.seal();
    return {
      terms: this.terms,
      order: this.radixOrder(),
      offsets: this.offsets,
      ordinals: this.ordinals,
      counts: this.counts,
      lengths: this.lengths.subarray(0, this.extent),
      averageLength: this.averageLength,
      documents: this.documents,
    };
  }

  /**
   * Postings from their saved form, checked: a table that does not hold together (a damaged file) throws, naming
   * what is wrong. The arrays are used as they are (views of the file's bytes), not copied.
   */
  static load(saved: SavedPostings, documentsInDatabase: number): Postings {
    const { terms, offsets, ordinals, counts, lengths } = saved;
    const fail = (what: string) => {
      throw new Error(`the saved postings are damaged: ${what}`);
    };
    if (!Array.isArray(terms) || !(offsets instanceof Int32Array) || offsets.length !== terms.length + 1)
      fail('terms and offsets disagree');
    if (
      !(ordinals instanceof Int32Array) ||
      !(counts instanceof Int32Array) ||
      ordinals.length !== counts.length
    )
      fail('ordinals and counts disagree');
    if (!(lengths instanceof Int32Array) || lengths.length > documentsInDatabase) fail('too many lengths');
    if (lengths.some((n) => n < 0)) fail('a negative length');
    if (!Number.isFinite(saved.averageLength) || !Number.isInteger(saved.documents)) fail('bad header');
    if (offsets[0] !== 0 || offsets[terms.length] !== ordinals.length) fail('offsets do not cover the table');
    const p = new Postings();
    p.occurrences = new Int32Array(terms.length);
    for (let t = 0; t < terms.length; t++) {
      const [from, to] = [offsets[t]!, offsets[t + 1]!];
      if (to < from) fail(`offsets of term ${t} go backwards`);
      let total = 0;
      let previous = -1;
      for (let i = from; i < to; i++) {
        const ordinal = ordinals[i]!;
        if (ordinal <= previous || ordinal >= documentsInDatabase) fail(`postings of term ${t} out of order`);
        if (counts[i]! < 1) fail(`a count of term ${t} is not positive`);
        previous = ordinal;
        total += counts[i]!;
      }
      p.occurrences[t] = total;
      const term = terms[t]!;
      if (typeof term !== 'string' || p.termNumbers.has(term)) fail(`term ${t} repeats or is no string`);
      p.termNumbers.set(term, t);
    }
    p.terms = terms;
    p.offsets = offsets;
    p.ordinals = ordinals;
    p.counts = counts;
    // Lengths grow when documents are added: a copy, so that the file's bytes are never written to.
    const { order } = saved;
    if (order !== undefined) {
      if (!(order instanceof Int32Array) || order.length !== terms.length) fail('the term order is damaged');
      const seen = new Uint8Array(terms.length);
      for (const t of order) {
        if (t < 0 || t >= terms.length || seen[t]) fail('the term order is damaged');
        seen[t] = 1;
      }
      p.order = order;
    }
    p.lengths = new Int32Array(lengths);
    p.extent = lengths.length;
    p.averageLength = saved.averageLength;
    p.documents = saved.documents;
    return p;
  }
}
