/**
 * The patch of Orama's radix tree (patches/@orama+orama+3.1.18.patch): `findAllWords` de-duplicated document ids
 * with `docs.includes()`, quadratic in a term's posting list. The patched lookup must return exactly what the
 * original did (the same words, the same ids in the same order); its speed is in `npm run bench`.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { radix } from '@orama/orama/trees';
import { describe, expect, it } from 'vitest';

type Output = Record<string, number[]>;

/** Orama 3.1.18's original collection of a subtree's words and documents (exact match and tolerance aside). */
function originalFindAllWords(root: radix.RadixNode, output: Output) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.e) {
      output[node.w] = [];
      const docs = output[node.w]!;
      for (const id of node.d) if (!docs.includes(id as number)) docs.push(id as number);
    }
    stack.push(...node.c.values());
  }
  return output;
}

/** The node a prefix ends in (the walk `find` does before collecting). */
function nodeOf(tree: radix.RadixTree, prefix: string): radix.RadixNode {
  let node: radix.RadixNode = tree;
  let i = 0;
  while (i < prefix.length) {
    node = node.c.get(prefix[i]!)!;
    i += node.s.length;
  }
  return node;
}

describe('patched radix findAllWords', () => {
  it('finds the same words and ids, in the same order, as the original', () => {
    const tree = new radix.RadixTree();
    const words = ['روسيا', 'روسي', 'روس', 'روسيه', 'رو', 'بوتين', 'بوت', 'ب'];
    // Ids in a scrambled order, repeated insertions, and one word with 5,000 postings (50,000 is in the bench).
    for (let id = 0; id < 5000; id++) tree.insert('روسيا', (id * 7919) % 5000);
    for (let id = 0; id < 3000; id++) tree.insert(words[id % words.length]!, (id * 31) % 1009);
    for (const prefix of ['روس', 'رو', 'بوت', 'ب', 'روسيا']) {
      const patched = tree.find({ term: prefix, exact: false, tolerance: 0 }) as Output;
      expect(patched).toEqual(originalFindAllWords(nodeOf(tree, prefix), {}));
      expect(Object.keys(patched)).toEqual(Object.keys(originalFindAllWords(nodeOf(tree, prefix), {})));
    }
    expect((tree.find({ term: 'روسيا', exact: true }) as Output).روسيا).toHaveLength(5000);
  });

  it('is applied to every build of Orama in node_modules', () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('@orama/orama/package.json'));
    for (const build of ['esm', 'commonjs', 'deno', 'browser']) {
      const source = readFileSync(join(root, 'dist', build, 'trees/radix.js'), 'utf8');
      expect(source, build).not.toContain('docs.includes(docID)');
      expect(source, build).toContain('seen.has(docID)');
    }
  });
});
