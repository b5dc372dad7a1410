// Repair memory follows the data, not 2^depth × ranges × peers (issue 12): the trees of a session
// hold only their non-empty leaves and ancestors, and each replica's range is snapshotted once per
// session. Counted, not timed: the nodes and key entries a session's snapshots hold, against the
// keys present.
import { describe, expect, it } from 'vitest';
import type { Version } from '../../src/engine/node/versions';
import { buildTree, diffTrees, leafOf, type RangeKeys } from '../../src/engine/repair/merkle';
import { cluster, internals } from './harness';

const KEYS = 50_000;
const DEPTH = 16;

describe('repair memory (8 nodes × 256 vnodes, depth 16)', () => {
  it('a session snapshots each replica range once, with tree nodes in proportion to its keys', () => {
    const c = cluster({ nodes: 8, vnodes: 256, settings: { merkleDepth: DEPTH } });
    const inside = internals(c);
    // Every node is given every key: a snapshot keeps only the keys of the node's own ranges.
    for (const n of c.names()) {
      const data = inside.dataMap(n) as Map<string, Version[]>;
      for (let i = 0; i < KEYS; i++) data.set(`key:${i}`, [{ ts: i + 1, value: n === 'A' && i % 1000 === 0 ? 'stale' : 'v' }]);
    }
    c.repair('A').run(0.002);
    const { initiator, peers } = inside.repairSnapshots();
    // A's ranges (about RF × vnodes), and each of the 2 other replicas of each: one tree apiece,
    // however many peers A compares a range with.
    expect(initiator.length).toBeGreaterThanOrEqual(3 * 256);
    expect(peers.length).toBe(2 * initiator.length);
    const snaps = [...initiator, ...peers];
    let nodes = 0;
    let keys = 0;
    for (const s of snaps) {
      nodes += s.tree.pos.length;
      keys += s.keys.keys.length;
      expect(s.tree.pos.length).toBeLessThanOrEqual(s.keys.keys.length * (DEPTH + 1) + 1);
    }
    // Every key of A's ranges is in A's trees and in two peers' trees.
    expect(keys).toBeGreaterThan(KEYS * 0.9);
    expect(keys).toBeLessThanOrEqual(3 * KEYS);
    // 8 bytes a tree node (position and hash), ~250 bytes a key entry (its tuple and versions
    // copied), ~300 bytes a tree's fixed part: tens of MB. A dense tree was 2^17 × 4 bytes each.
    const estimate = nodes * 8 + keys * 250 + snaps.length * 300;
    expect(estimate).toBeLessThan(64 * 2 ** 20);
    expect(snaps.length * 2 ** (DEPTH + 1) * 4).toBeGreaterThan(1024 * 2 ** 20);
  }, 60_000);
});

/** The dense tree the sparse one replaced: a heap-ordered array of 2^(depth+1) hashes, diffed the same way. */
function denseDiff(a: RangeKeys, b: RangeKeys, depth: number): { compared: number; differing: number[] } {
  const leaves = 1 << depth;
  const dense = (r: RangeKeys) => {
    const t = new Uint32Array(2 * leaves);
    const s = buildTree(r, depth);
    // Leaves from the sparse tree's own leaf level, then every inner node recombined densely.
    for (let j = s.start[depth]!; j < s.start[depth + 1]!; j++) t[leaves + s.pos[j]!] = s.hash[j]!;
    for (let i = leaves - 1; i >= 1; i--) {
      const [x, y] = [t[2 * i]!, t[2 * i + 1]!];
      if (x === 0 && y === 0) continue;
      let h = Math.imul(x ^ 0x5bd1e995, 0x01000193) ^ y;
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      t[i] = (h ^ (h >>> 12)) >>> 0 || 1;
    }
    return t;
  };
  const [ta, tb] = [dense(a), dense(b)];
  const differing: number[] = [];
  let compared = 0;
  if (ta[1] === tb[1]) return { compared, differing };
  const stack = [1];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const c of [2 * i, 2 * i + 1]) {
      if (c >= leaves) {
        compared++;
        if (ta[c] !== tb[c]) differing.push(c - leaves);
      } else if (ta[c] !== tb[c]) stack.push(c);
    }
  }
  return { compared, differing: differing.sort((x, y) => x - y) };
}

describe('sparse Merkle trees', () => {
  it('compare exactly the leaves a dense tree compares, at every depth', () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const start = 2 ** 60;
    const width = 2 ** 58;
    for (let round = 0; round < 60; round++) {
      const depth = 1 + (round % 16);
      const n = Math.floor(rand() * 300);
      const keys: RangeKeys['keys'] = Array.from({ length: n }, (_, i) => [`k${round}:${i}`, start + Math.floor(rand() * width) + 1, [{ ts: i + 1, value: 'v' }]]);
      // B misses some keys and holds older versions of others.
      const other: RangeKeys['keys'] = keys.filter(() => rand() > 0.1).map(([k, p, vs]) => [k, p, rand() > 0.9 ? [{ ts: 0, value: 'old' }] : vs]);
      const a: RangeKeys = { start, width, keys };
      const b: RangeKeys = { start, width, keys: other };
      const sparse = diffTrees(buildTree(a, depth), buildTree(b, depth));
      expect(sparse, `round ${round}, depth ${depth}, ${n} keys`).toEqual(denseDiff(a, b, depth));
      // The differing leaves are those whose keys differ.
      const leafSet = new Set(sparse.differing);
      const onlyA = keys.filter(([k]) => !other.some(([o]) => o === k));
      for (const [, p] of onlyA) expect(leafSet.has(leafOf(p, start, width, 1 << depth))).toBe(true);
    }
  });

  it('an empty range holds no node (its root hashes to 0) and equals any other empty range', () => {
    const t = buildTree({ start: 0, width: 2 ** 64, keys: [] }, 16);
    expect(t.pos.length).toBe(0);
    expect(diffTrees(t, buildTree({ start: 0, width: 2 ** 64, keys: [] }, 16))).toEqual({ compared: 0, differing: [] });
  });
});
