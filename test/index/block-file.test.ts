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
  stringsBlock,
  stringsFromBlock,
  writeBlockFile,
} from '../../src/index/block-file.ts';

const value = {
  name: 'قال بيسكوف',
  nested: { ints: Int32Array.from([1, -2, 3]), floats: Float32Array.from([0.5, -1.25]) },
  list: [Float64Array.from([Math.PI]), Uint8Array.from([7, 8, 9]), 'plain'],
  texts: stringsBlock(['الكرملين', '', 'Witkoff «met» Putin']),
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
    // Each its own buffer, so that one the caller lets go of (a block only decoded) is freed alone.
    expect(new Set(blocks.map((b) => b.buffer)).size).toBe(blocks.length);
    expect(blocks.every((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength)).toBe(true);
    const back = resolveBlocks(read, blocks) as typeof value;
    expect(back).toEqual(value);
    expect(back.nested.ints).toBeInstanceOf(Int32Array);
    expect(stringsFromBlock(back.texts)).toEqual(['الكرملين', '', 'Witkoff «met» Putin']);
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
    expect(() => stringsFromBlock({ chars: new Uint16Array(2), ends: Int32Array.from([5]) })).toThrow(
      /damaged/,
    );
  });
});
