/** The index file's layout: a JSON header and binary blocks, read back as views; damage is named, not hidden. */

import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BlockFileError,
  MAGIC,
  readBlockFile,
  resolveBlocks,
  StringsBlock,
  writeBlockFile,
} from '../../src/index/block-file.ts';

const value = {
  name: 'قال بيسكوف',
  nested: { ints: Int32Array.from([1, -2, 3]), floats: Float32Array.from([0.5, -1.25]) },
  list: [Float64Array.from([Math.PI]), Uint8Array.from([7, 8, 9]), 'plain'],
  texts: new StringsBlock(['الكرملين', '', 'Witkoff «met» Putin']),
};

function written(v: unknown) {
  const path = join(mkdtempSync(join(tmpdir(), 'blocks-')), 'file');
  const fd = openSync(path, 'w');
  writeBlockFile(fd, v);
  closeSync(fd);
  return path;
}

describe('block files', () => {
  it('give back every typed array as an array of its own, and the rest as JSON', () => {
    const path = written(value);
    expect(readFileSync(path, 'latin1').startsWith(MAGIC)).toBe(true);
    const { value: read, blocks } = readBlockFile(path);
    // Each its own buffer: none holds another alive.
    const arrays = blocks.filter((b) => ArrayBuffer.isView(b));
    expect(arrays).toHaveLength(4);
    expect(new Set(arrays.map((b) => b.buffer)).size).toBe(arrays.length);
    expect(arrays.every((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength)).toBe(true);
    const back = resolveBlocks(read, blocks) as typeof value;
    expect(back).toEqual(value);
    expect(back.nested.ints).toBeInstanceOf(Int32Array);
    expect(back.texts).toBeInstanceOf(StringsBlock);
    expect(back.texts.strings).toEqual(['الكرملين', '', 'Witkoff «met» Putin']);
  });

  it('read strings longer and more than a slab of the reader, in order', () => {
    const long = 'ب'.repeat(3_000_000);
    const strings = [
      long,
      ...Array.from({ length: 20_000 }, (_, i) => `نص ${i} «${'x'.repeat(i % 300)}»`),
      long,
      '',
    ];
    const path = written({ texts: new StringsBlock(strings) });
    const { value: read, blocks } = readBlockFile(path);
    const back = resolveBlocks(read, blocks) as { texts: StringsBlock };
    expect(back.texts.strings.length).toBe(strings.length);
    expect(back.texts.strings).toEqual(strings);
  });

  it('name a truncated file, a damaged header and a file of another kind', () => {
    const path = written(value);
    truncateSync(path, statSync(path).size - 20);
    expect(() => readBlockFile(path)).toThrow(/truncated/);
    const other = written(value);
    const bytes = readFileSync(other);
    bytes.write('}}}', MAGIC.length + 4, 'latin1');
    writeFileSync(other, bytes);
    expect(() => readBlockFile(other)).toThrow(/header is damaged/);
    writeFileSync(other, '{"format":"ukraine-talks-index/5"}'.padEnd(100));
    expect(() => readBlockFile(other)).toThrow(BlockFileError);
    expect(() => readBlockFile(other)).toThrow(/older JSON format/);
    const ref = resolveBlocks.bind(null, { x: { $block: 99 } }, []);
    expect(ref).toThrow(/block 99/);
    // Strings whose ends run past their characters.
    const strings = written({ texts: new StringsBlock(['ab', 'cd']) });
    const raw = readFileSync(strings);
    const headerLength = raw.readUInt32LE(MAGIC.length);
    const blocksAt = Math.ceil((MAGIC.length + 4 + headerLength) / 8) * 8;
    raw.writeInt32LE(9, blocksAt + 4);
    writeFileSync(strings, raw);
    expect(() => readBlockFile(strings)).toThrow(/damaged/);
  });
});
