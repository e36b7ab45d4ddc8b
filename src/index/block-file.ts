/**
 * A file of one JSON header and binary blocks: every typed array in the saved value is written as its bytes (8-byte
 * aligned, the machine's byte order, which is little-endian wherever Node runs) and named in the header by its
 * number; reading reads each block straight into a typed array, without parsing or copying it.
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

/** How the header names a block. */
interface BlockRef {
  $block: number;
}
interface BlockEntry {
  type: BlockType;
  offset: number;
  length: number;
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/** Why a file cannot be read as a block file: damaged, truncated, or of another kind. */
export class BlockFileError extends Error {}

/** Writes `value` (typed arrays anywhere in it become blocks) to the open file `fd`. */
export function writeBlockFile(fd: number, value: unknown): void {
  const blocks: Block[] = [];
  const entries: BlockEntry[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (!ArrayBuffer.isView(v)) return v;
    const type = v.constructor.name as BlockType;
    if (!(type in TYPES)) throw new Error(`cannot save a ${type}`);
    const block = v as Block;
    entries.push({ type, offset, length: block.length });
    blocks.push(block);
    offset = align(offset + block.byteLength);
    return { $block: blocks.length - 1 } satisfies BlockRef;
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
  blocks.forEach((block, i) => {
    write(new Uint8Array(block.buffer, block.byteOffset, block.byteLength));
    const end = entries[i]!.offset + block.byteLength;
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
export function readBlockFile(path: string): { value: unknown; blocks: Block[] } {
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
    // Each block is read into its own array: one that is only decoded (the articles' texts) is freed once it is.
    const blocks = header.blocks.map((entry, i) => {
      const Type = TYPES[entry.type];
      const { offset, length } = entry;
      if (!Type || !Number.isInteger(offset) || !Number.isInteger(length) || offset % 8 !== 0 || length < 0)
        throw new BlockFileError(`block ${i} is damaged`);
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

/** `value` with every block reference in it replaced by its block (in place). */
export function resolveBlocks<T>(value: T, blocks: Block[]): T {
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

/** Many strings as one block of UTF-16 code units and their ends: decoding it is close to a copy, unlike JSON. */
export interface StringsBlock {
  chars: Uint16Array;
  ends: Int32Array;
}

export function stringsBlock(strings: string[]): StringsBlock {
  const bytes = Buffer.from(strings.join(''), 'utf16le');
  const ends = new Int32Array(strings.length);
  let end = 0;
  strings.forEach((s, i) => {
    end += s.length;
    ends[i] = end;
  });
  return { chars: new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2), ends };
}

/** The strings back, as slices of one string; throws on a block that does not hold together. */
export function stringsFromBlock(block: StringsBlock): string[] {
  const { chars, ends } = block ?? {};
  if (!(chars instanceof Uint16Array) || !(ends instanceof Int32Array))
    throw new BlockFileError('a block of strings is damaged');
  const all = Buffer.from(chars.buffer, chars.byteOffset, chars.byteLength).toString('utf16le');
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < start || end > all.length) throw new BlockFileError('a block of strings is damaged');
    out[i] = all.slice(start, end);
    start = end;
  }
  return out;
}
