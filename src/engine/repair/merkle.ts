// pure: Merkle trees over one token range (Cassandra repair's MerkleTree; Dynamo §4.7).
// 2^depth leaves split the range evenly; a leaf hashes the versions of its keys; an inner node
// hashes its children. Heap numbering: root at 1, children of i at 2i and 2i+1.
//
// Sparse: a tree stores only the non-empty leaves and their ancestors, so its size follows the keys
// of the range, not 2^depth (a dense array at depth 16 was 512 KB per range, per replica, per
// session). An empty subtree hashes to 0 (combine(0, 0) = 0) and a non-empty one never does, so an
// absent node reads as 0 and the descent below compares exactly the leaves a dense tree would.
import { hashString32 } from '../core/prng';
import type { Version } from '../node/versions';
import { setText } from '../node/orset';

const TWO64 = 2 ** 64;

/**
 * The non-empty nodes, level after level (root first): level d's entries are `start[d]` to
 * `start[d + 1]`, each a position within the level (heap index minus 2^d), ascending, and its
 * hash. Three arrays per tree, whatever the depth.
 */
export interface SparseTree {
  readonly depth: number;
  readonly start: Uint32Array;
  readonly pos: Uint32Array;
  readonly hash: Uint32Array;
}

/** One ring range of one node at the start of a repair session: its tree and its keys. */
export interface RangeSnapshot {
  tree: SparseTree;
  keys: RangeKeys;
}

export function leafOf(pos: number, start: number, width: number, leaves: number): number {
  let off = pos - start;
  if (off <= 0) off += TWO64;
  return Math.min(leaves - 1, Math.floor((off / width) * leaves));
}

function versionsHash(key: string, vs: readonly Version[]): number {
  let h = hashString32(key);
  // An OR-set state hashes its adds and tombstones only (sorted arrays: equal states, equal text,
  // whichever write's timestamp it carries); the other modes hash timestamp, value and clock, and a
  // tombstone says so (a tombstone is not absence: anti-entropy must stream it).
  for (const v of vs) h ^= hashString32(v.set ? setText(v.set) : `${v.ts}\u0000${v.value}\u0000${v.clock ? JSON.stringify(v.clock) : ''}${v.tomb ? '\u0000tombstone' : ''}`, 0x9747b28c);
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

/** The non-empty leaves: positions ascending, each the XOR of its keys' hashes (never 0). */
function leafLevel(r: RangeKeys, leaves: number): { pos: Uint32Array; hash: Uint32Array } {
  const byLeaf = new Map<number, number>();
  for (const [key, p, vs] of r.keys) {
    const i = leafOf(p, r.start, r.width, leaves);
    byLeaf.set(i, ((byLeaf.get(i) ?? 0) ^ versionsHash(key, vs)) >>> 0 || 1);
  }
  const pos = Uint32Array.from(byLeaf.keys()).sort();
  const hash = new Uint32Array(pos.length);
  for (let j = 0; j < pos.length; j++) hash[j] = byLeaf.get(pos[j]!)!;
  return { pos, hash };
}

/** The level above a sorted level: each parent once, combining its children (0 for a missing one). */
function parentLevel(pos: Uint32Array, hash: Uint32Array): { pos: Uint32Array; hash: Uint32Array } {
  let n = 0;
  for (let j = 0; j < pos.length; j++) if (j === 0 || pos[j]! >>> 1 !== pos[j - 1]! >>> 1) n++;
  const up = new Uint32Array(n);
  const uh = new Uint32Array(n);
  let k = -1;
  for (let j = 0; j < pos.length; j++) {
    const p = pos[j]! >>> 1;
    if (k < 0 || up[k] !== p) {
      up[++k] = p;
      // A right child alone: its left sibling is empty.
      uh[k] = pos[j]! & 1 ? combine(0, hash[j]!) : combine(hash[j]!, 0);
    } else {
      uh[k] = combine(hash[j - 1]!, hash[j]!);
    }
  }
  return { pos: up, hash: uh };
}

export function buildTree(r: RangeKeys, depth: number): SparseTree {
  const levels: { pos: Uint32Array; hash: Uint32Array }[] = new Array(depth + 1);
  levels[depth] = leafLevel(r, 1 << depth);
  for (let d = depth; d > 0; d--) levels[d - 1] = parentLevel(levels[d]!.pos, levels[d]!.hash);
  const start = new Uint32Array(depth + 2);
  for (let d = 0; d <= depth; d++) start[d + 1] = start[d]! + levels[d]!.pos.length;
  const pos = new Uint32Array(start[depth + 1]!);
  const hash = new Uint32Array(pos.length);
  for (let d = 0; d <= depth; d++) {
    pos.set(levels[d]!.pos, start[d]);
    hash.set(levels[d]!.hash, start[d]);
  }
  return { depth, start, pos, hash };
}

/** The nodes a tree holds (every level): what its memory follows. */
export function treeNodes(t: SparseTree): number {
  return t.pos.length;
}

/** The hash of node `i` of level `d`; 0 for an empty subtree. */
function hashAt(t: SparseTree, d: number, i: number): number {
  const pos = t.pos;
  let lo = t.start[d]!;
  let hi = t.start[d + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = pos[mid]!;
    if (p === i) return t.hash[mid]!;
    if (p < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Top-down descent: only into differing children. Returns the leaves reached and those that differ. */
export function diffTrees(a: SparseTree, b: SparseTree): { compared: number; differing: number[] } {
  const depth = a.depth;
  const differing: number[] = [];
  let compared = 0;
  if (hashAt(a, 0, 0) === hashAt(b, 0, 0)) return { compared, differing };
  // [level, position] of the inner nodes that differ.
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [d, i] = stack.pop()!;
    for (const c of [2 * i, 2 * i + 1]) {
      const differs = hashAt(a, d + 1, c) !== hashAt(b, d + 1, c);
      if (d + 1 === depth) {
        compared++;
        if (differs) differing.push(c);
      } else if (differs) stack.push([d + 1, c]);
    }
  }
  differing.sort((x, y) => x - y);
  return { compared, differing };
}
