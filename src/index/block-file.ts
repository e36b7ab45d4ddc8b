/**
 * A file of one JSON header and binary blocks: every typed array in the saved value is written as its bytes (8-byte
 * aligned, the machine's byte order, which is little-endian wherever Node runs) and named in the header by its
 * number; reading reads each block straight into a typed array, without parsing or copying it. Many strings can be
 * one block too (`StringsBlock`), read back as the strings a slab at a time, so that no buffer of them all is held.
 *
 * Layout: MAGIC, the header's length (uint32, little-endian), the header (UTF-8 JSON), padding to 8 bytes, blocks.
 */

import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/** What a file of this kind starts with. */
export const MAGIC = 'ukraine-talks-index\n';
const MAGIC_BYTES = Buffer.from(MAGIC, 'latin1');
const PREFIX = MAGIC_BYTES.length + 4;

const TYPES = { Int32Array, Float32Array, Float64Array, Uint8Array, Uint16Array } as const;
type BlockType = keyof typeof TYPES;
type Block = InstanceType<(typeof TYPES)[BlockType]>;

/** Many strings, saved as one block: where each ends (Int32), then their UTF-16 code units. */
export class StringsBlock {
  constructor(readonly strings: string[]) {}
}

/** How the header names a block. */
interface BlockRef {
  $block: number;
}
interface BlockEntry {
  type: BlockType | 'Strings';
  offset: number;
  /** Elements of a typed array, or strings of a StringsBlock. */
  length: number;
  /** A StringsBlock's UTF-16 code units, all strings together. */
  chars?: number;
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/** Why a file cannot be read as a block file: damaged, truncated, or of another kind. */
export class BlockFileError extends Error {}

/** Writes `value` (typed arrays and StringsBlocks anywhere in it become blocks) to the open file `fd`. */
export function writeBlockFile(fd: number, value: unknown): void {
  const blocks: Uint8Array[] = [];
  const entries: BlockEntry[] = [];
  let offset = 0;
  const add = (entry: Omit<BlockEntry, 'offset'>, bytes: Uint8Array) => {
    entries.push({ ...entry, offset });
    blocks.push(bytes);
    offset = align(offset + bytes.byteLength);
    return { $block: blocks.length - 1 } satisfies BlockRef;
  };
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof StringsBlock) {
      const ends = new Int32Array(v.strings.length);
      let end = 0;
      v.strings.forEach((text, i) => {
        end += text.length;
        ends[i] = end;
      });
      const chars = Buffer.from(v.strings.join(''), 'utf16le');
      const bytes = new Uint8Array(ends.byteLength + chars.byteLength);
      bytes.set(new Uint8Array(ends.buffer));
      bytes.set(chars, ends.byteLength);
      return add({ type: 'Strings', length: ends.length, chars: end }, bytes);
    }
    if (!ArrayBuffer.isView(v)) return v;
    const type = v.constructor.name as BlockType;
    if (!(type in TYPES)) throw new Error(`cannot save a ${type}`);
    const block = v as Block;
    return add(
      { type, length: block.length },
      new Uint8Array(block.buffer, block.byteOffset, block.byteLength),
    );
  });
  const header = Buffer.from(`{"blocks":${JSON.stringify(entries)},"value":${json}}`);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC_BYTES.copy(prefix);
  prefix.writeUInt32LE(header.length, MAGIC_BYTES.length);
  const write = (bytes: Uint8Array) => {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  };
  write(prefix);
  write(header);
  const zeros = new Uint8Array(8);
  write(zeros.subarray(0, align(PREFIX + header.length) - PREFIX - header.length));
  blocks.forEach((bytes, i) => {
    write(bytes);
    const end = entries[i]!.offset + bytes.byteLength;
    write(zeros.subarray(0, align(end) - end));
  });
}

/** Fills `into` from the file at `position`; a file that ends first is truncated. */
function readExactly(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new BlockFileError('the file is truncated');
    done += n;
  }
}

/**
 * Reads a block file: its header's value with each block reference still in place (`resolveBlocks` puts the
 * arrays in where they are wanted). Throws `BlockFileError` for a file of another kind, or truncated or damaged.
 */
export function readBlockFile(path: string): { value: unknown; blocks: Array<Block | StringsBlock> } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const prefix = Buffer.alloc(PREFIX);
    if (size < PREFIX) throw new BlockFileError('the file is too short to be an index');
    readExactly(fd, prefix, 0);
    if (!prefix.subarray(0, MAGIC_BYTES.length).equals(MAGIC_BYTES))
      throw new BlockFileError(
        prefix[0] === '{'.charCodeAt(0) ? 'it is in the older JSON format' : 'it is not an index file',
      );
    const headerLength = prefix.readUInt32LE(MAGIC_BYTES.length);
    const start = align(PREFIX + headerLength);
    if (start > size) throw new BlockFileError('the file is truncated (in its header)');
    const headerBytes = Buffer.alloc(headerLength);
    readExactly(fd, headerBytes, PREFIX);
    let header: { blocks: BlockEntry[]; value: unknown };
    try {
      header = JSON.parse(headerBytes.toString('utf8'));
    } catch (error) {
      throw new BlockFileError(`its header is damaged (${(error as Error).message.slice(0, 60)})`);
    }
    if (!Array.isArray(header.blocks)) throw new BlockFileError('its header lists no blocks');
    // Each block is read into its own array: none holds another alive.
    const blocks = header.blocks.map((entry, i) => {
      const { offset, length } = entry;
      if (!Number.isInteger(offset) || !Number.isInteger(length) || offset % 8 !== 0 || length < 0)
        throw new BlockFileError(`block ${i} is damaged`);
      if (entry.type === 'Strings') return readStrings(fd, entry, start + offset, size, i);
      const Type = TYPES[entry.type];
      if (!Type) throw new BlockFileError(`block ${i} is damaged`);
      if (start + offset + length * Type.BYTES_PER_ELEMENT > size)
        throw new BlockFileError(`the file is truncated (block ${i})`);
      const block = new Type(length);
      readExactly(fd, new Uint8Array(block.buffer), start + offset);
      return block;
    });
    return { value: header.value, blocks };
  } finally {
    closeSync(fd);
  }
}

/** Bytes of strings decoded at a time (more for a longer string). */
const SLAB_BYTES = 1 << 22;

/** A StringsBlock's strings, decoded from the file a slab at a time. */
function readStrings(fd: number, entry: BlockEntry, position: number, size: number, i: number): StringsBlock {
  const { length, chars } = entry;
  if (!Number.isInteger(chars) || chars! < 0) throw new BlockFileError(`block ${i} is damaged`);
  const charsAt = position + length * 4;
  if (charsAt + chars! * 2 > size) throw new BlockFileError(`the file is truncated (block ${i})`);
  const ends = new Int32Array(length);
  readExactly(fd, new Uint8Array(ends.buffer), position);
  const strings = new Array<string>(length);
  let slab = Buffer.allocUnsafe(Math.min(SLAB_BYTES, chars! * 2));
  // The slab holds the code units from `slabStart` to `slabEnd`.
  let [slabStart, slabEnd] = [0, 0];
  let start = 0;
  for (let s = 0; s < length; s++) {
    const end = ends[s]!;
    if (end < start || end > chars!) throw new BlockFileError(`block ${i} is damaged`);
    if (end > slabEnd) {
      const want = Math.min(chars! - start, Math.max(SLAB_BYTES / 2, end - start));
      if (want * 2 > slab.length) slab = Buffer.allocUnsafe(want * 2);
      readExactly(fd, slab.subarray(0, want * 2), charsAt + start * 2);
      [slabStart, slabEnd] = [start, start + want];
    }
    strings[s] = slab.toString('utf16le', (start - slabStart) * 2, (end - slabStart) * 2);
    start = end;
  }
  return new StringsBlock(strings);
}

/** `value` with every block reference in it replaced by its block (in place). */
export function resolveBlocks<T>(value: T, blocks: Array<Block | StringsBlock>): T {
  const resolve = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object') v[i] = resolve(v[i]);
      return v;
    }
    const ref = (v as Partial<BlockRef>).$block;
    if (ref !== undefined) {
      const block = blocks[ref];
      if (!block) throw new BlockFileError(`a reference to block ${ref}, which the file lacks`);
      return block;
    }
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = resolve(record[key]);
    return record;
  };
  return resolve(value) as T;
}
