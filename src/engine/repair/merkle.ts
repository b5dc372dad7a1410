// pure: Merkle trees over one token range (Cassandra repair's MerkleTree; Dynamo §4.7).
// 2^depth leaves split the range evenly; a leaf hashes the versions of its keys; an inner node
// hashes its children. Stored as a heap-ordered array: root at 1, children of i at 2i and 2i+1.
import { hashString32 } from '../core/prng';
import type { Version } from '../node/versions';

const TWO64 = 2 ** 64;

/** One ring range of one node at the start of a repair session: its tree and its keys. */
export interface RangeSnapshot {
  tree: Uint32Array;
  keys: RangeKeys;
}

export function leafOf(pos: number, start: number, width: number, leaves: number): number {
  let off = pos - start;
  if (off <= 0) off += TWO64;
  return Math.min(leaves - 1, Math.floor((off / width) * leaves));
}

function versionsHash(key: string, vs: readonly Version[]): number {
  let h = hashString32(key);
  for (const v of vs) h ^= hashString32(`${v.ts}\u0000${v.value}\u0000${v.clock ? JSON.stringify(v.clock) : ''}`, 0x9747b28c);
  return hashString32(String(h), 0x1b873593);
}

function combine(a: number, b: number): number {
  if (a === 0 && b === 0) return 0;
  let h = Math.imul(a ^ 0x5bd1e995, 0x01000193) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0 || 1;
}

export interface RangeKeys {
  start: number;
  width: number;
  /** key → (position, versions) */
  keys: [string, number, readonly Version[]][];
}

export function buildTree(r: RangeKeys, depth: number): Uint32Array {
  const leaves = 1 << depth;
  const t = new Uint32Array(2 * leaves);
  for (const [key, pos, vs] of r.keys) {
    const i = leaves + leafOf(pos, r.start, r.width, leaves);
    t[i] = (t[i]! ^ versionsHash(key, vs)) >>> 0 || 1;
  }
  for (let i = leaves - 1; i >= 1; i--) t[i] = combine(t[2 * i]!, t[2 * i + 1]!);
  return t;
}

/** Top-down descent: only into differing children. Returns the leaves reached and those that differ. */
export function diffTrees(a: Uint32Array, b: Uint32Array): { compared: number; differing: number[] } {
  const leaves = a.length / 2;
  const differing: number[] = [];
  let compared = 0;
  if (a[1] === b[1]) return { compared, differing };
  const stack = [1];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const c of [2 * i, 2 * i + 1]) {
      if (c >= leaves) {
        compared++;
        if (a[c] !== b[c]) differing.push(c - leaves);
      } else if (a[c] !== b[c]) stack.push(c);
    }
  }
  differing.sort((x, y) => x - y);
  return { compared, differing };
}
