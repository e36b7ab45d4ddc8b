/**
 * The units' vectors, held sparse: for each vector, its nonzero dimensions (ascending) and their Float32 values, in
 * one compressed sparse row table. The lexical embedder's vectors are about 70% zeros (76 nonzero of 256 at 100,000
 * units), so the table is about a third of the dense Float32 one. Nothing is rounded: the values are the Float32
 * values a dense table would hold, and a dot product adds the same products in the same order, only without the
 * zeros (adding a zero product leaves a sum unchanged), so every cosine is the same to the last bit.
 *
 * It is also Orama's vector index for its vector property (`size`, `add`, `find`): Orama's vector and hybrid search
 * work on it with Orama's own arithmetic (`findSimilarVectors`, over the nonzero dimensions).
 */

/** What search reads of the vectors: by unit ordinal (Orama's internal id less one). */
export interface UnitVectorReader {
  /** Whether the unit has a vector. */
  has(ordinal: number): boolean;
  /** The dot product of the unit's vector with `query` (of the vectors' dimension); 0 for a unit without one. */
  dot(ordinal: number, query: ArrayLike<number>): number;
  /** The unit's vector as a dense copy, or undefined. */
  vector(ordinal: number): Float32Array | undefined;
  /** The length of the longest vector: what bounds a cosine before it is computed. */
  largestNorm(): number;
}

type Dimensions = Uint8Array | Uint16Array;

/** The saved form: the table's arrays as they are (binary blocks of the index file). */
export interface SavedUnitVectors {
  size: number;
  /** Orama's internal id of each vector, ascending. */
  ids: Int32Array;
  /** Where each vector's entries start in `dimensions` and `values`, and where the last ends. */
  offsets: Int32Array;
  dimensions: Dimensions;
  values: Float32Array;
}

/** An array of the same kind with room for `size` elements, the first ones copied. */
function grown<T extends Int32Array | Float64Array | Float32Array | Dimensions>(array: T, size: number): T {
  if (size <= array.length) return array;
  const out = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 16));
  out.set(array);
  return out;
}

const dimensionsArray = (size: number, length: number): Dimensions =>
  size <= 256 ? new Uint8Array(length) : new Uint16Array(length);

export class UnitVectors implements UnitVectorReader {
  private ids: Int32Array;
  private offsets: Int32Array;
  private dimensions: Dimensions;
  private values: Float32Array;
  /** Each vector's length, computed as Orama computes a magnitude. */
  private magnitudes: Float64Array;
  private count: number;
  private longest: number | undefined;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1 || size > 65_536)
      throw new Error(`vectors of ${size} dimensions`);
    this.ids = new Int32Array(0);
    this.offsets = new Int32Array(1);
    this.dimensions = dimensionsArray(size, 0);
    this.values = new Float32Array(0);
    this.magnitudes = new Float64Array(0);
    this.count = 0;
  }

  /** Adds the vector of Orama's internal id `id` (ids come in ascending order), given dense. */
  add(id: number, value: ArrayLike<number>): void {
    if (value.length !== this.size)
      throw new Error(`a vector of ${value.length} dimensions, expected ${this.size}`);
    if (this.count > 0 && id <= this.ids[this.count - 1]!) throw new Error(`vector ids out of order (${id})`);
    const dense = value instanceof Float32Array ? value : Float32Array.from(value);
    const start = this.offsets[this.count]!;
    let end = start;
    for (let d = 0; d < dense.length; d++) if (dense[d] !== 0) end++;
    this.dimensions = grown(this.dimensions, end);
    this.values = grown(this.values, end);
    let at = start;
    for (let d = 0; d < dense.length; d++) {
      if (dense[d] === 0) continue;
      this.dimensions[at] = d;
      this.values[at++] = dense[d]!;
    }
    this.ids = grown(this.ids, this.count + 1);
    this.offsets = grown(this.offsets, this.count + 2);
    this.magnitudes = grown(this.magnitudes, this.count + 1);
    this.ids[this.count] = id;
    this.offsets[this.count + 1] = end;
    this.magnitudes[this.count] = this.magnitudeOf(this.count);
    this.count++;
    this.longest = undefined;
  }

  remove(): void {
    throw new Error('vectors are not removed from this index');
  }

  /** Orama's vector search (`findSimilarVectors`): [internal id, cosine] of the vectors at least `similarity` near. */
  find(query: ArrayLike<number>, similarity: number, where?: Iterable<number>): Array<[number, number]> {
    const target = query instanceof Float32Array ? query : Float32Array.from(query);
    let sum = 0;
    for (let d = 0; d < this.size; d++) sum += target[d]! * target[d]!;
    const targetMagnitude = Math.sqrt(sum);
    const out: Array<[number, number]> = [];
    const consider = (slot: number) => {
      const cosine = this.dotAt(slot, target) / (targetMagnitude * this.magnitudes[slot]!);
      if (cosine >= similarity) out.push([this.ids[slot]!, cosine]);
    };
    if (where) {
      for (const id of where) {
        const slot = this.slotOf(id);
        if (slot >= 0) consider(slot);
      }
    } else for (let slot = 0; slot < this.count; slot++) consider(slot);
    return out;
  }

  has(ordinal: number): boolean {
    return this.slotOf(ordinal + 1) >= 0;
  }

  dot(ordinal: number, query: ArrayLike<number>): number {
    const slot = this.slotOf(ordinal + 1);
    return slot < 0 ? 0 : this.dotAt(slot, query);
  }

  vector(ordinal: number): Float32Array | undefined {
    const slot = this.slotOf(ordinal + 1);
    if (slot < 0) return undefined;
    const out = new Float32Array(this.size);
    for (let at = this.offsets[slot]!; at < this.offsets[slot + 1]!; at++)
      out[this.dimensions[at]!] = this.values[at]!;
    return out;
  }

  largestNorm(): number {
    if (this.longest === undefined) {
      this.longest = 0;
      for (let slot = 0; slot < this.count; slot++)
        this.longest = Math.max(this.longest, this.magnitudes[slot]!);
    }
    return this.longest;
  }

  /** The saved form: views of the live arrays. */
  save(): SavedUnitVectors {
    const end = this.offsets[this.count]!;
    return {
      size: this.size,
      ids: this.ids.subarray(0, this.count),
      offsets: this.offsets.subarray(0, this.count + 1),
      dimensions: this.dimensions.subarray(0, end),
      values: this.values.subarray(0, end),
    };
  }

  /** The vectors back from their saved form, the arrays used as they are; throws when they do not hold together. */
  static load(saved: SavedUnitVectors): UnitVectors {
    const { size, ids, offsets, dimensions, values } = saved ?? {};
    const out = new UnitVectors(size);
    const kind = size <= 256 ? Uint8Array : Uint16Array;
    const n = ids instanceof Int32Array ? ids.length : -1;
    if (
      n < 0 ||
      !(offsets instanceof Int32Array) ||
      offsets.length !== n + 1 ||
      !(dimensions instanceof kind) ||
      !(values instanceof Float32Array) ||
      dimensions.length !== values.length ||
      offsets[0] !== 0 ||
      offsets[n] !== values.length
    )
      throw new Error('the saved vectors are damaged');
    [out.ids, out.offsets, out.dimensions, out.values] = [ids, offsets, dimensions, values];
    out.magnitudes = new Float64Array(n);
    for (let slot = 0; slot < n; slot++) {
      const [start, end] = [offsets[slot]!, offsets[slot + 1]!];
      if (end < start || (slot > 0 && ids[slot]! <= ids[slot - 1]!))
        throw new Error('the saved vectors are damaged');
      for (let at = start; at < end; at++)
        if (dimensions[at]! >= size || (at > start && dimensions[at]! <= dimensions[at - 1]!))
          throw new Error('the saved vectors are damaged');
      const magnitude = out.magnitudeOf(slot);
      if (!Number.isFinite(magnitude)) throw new Error('the saved vectors are not numbers');
      out.magnitudes[slot] = magnitude;
    }
    out.count = n;
    return out;
  }

  /** The slot of Orama's internal id `id`, or -1: ids are ascending, and every unit has a vector in this index. */
  private slotOf(id: number): number {
    if (id >= 1 && id <= this.count && this.ids[id - 1] === id) return id - 1;
    let [low, high] = [0, this.count - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.ids[middle]!;
      if (at === id) return middle;
      if (at < id) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private dotAt(slot: number, query: ArrayLike<number>): number {
    let dot = 0;
    for (let at = this.offsets[slot]!; at < this.offsets[slot + 1]!; at++)
      dot += this.values[at]! * query[this.dimensions[at]!]!;
    return dot;
  }

  private magnitudeOf(slot: number): number {
    let sum = 0;
    for (let at = this.offsets[slot]!; at < this.offsets[slot + 1]!; at++)
      sum += this.values[at]! * this.values[at]!;
    return Math.sqrt(sum);
  }
}
