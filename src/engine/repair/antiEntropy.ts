// Anti-entropy repair sessions (nodetool repair; Dynamo §4.7). The initiator asks every replica of
// each of its ranges that it believes alive for their Merkle trees, compares them with its own,
// and the two stream the keys of differing leaves both ways.
//
// As in Cassandra's repair, every tree of a session describes the data as it stood at the start
// (the validation phase) and the syncs stream from that data: the initiator's trees and keys are
// taken once, when the session begins. Comparing each peer's tree with the initiator's *current*
// data instead made the counts depend on which tree arrived first: a stale initiator repaired by
// its first peer found nothing left to compare with the second.
import type { Sim } from '../sim';
import type { Msg, NodeState } from '../node/types';
import { applyAll, type Version } from '../node/versions';
import { buildTree, diffTrees, leafOf, type RangeKeys } from './merkle';

/** One ring range of the initiator at the start of its session: its tree and its keys. */
export interface RangeSnapshot {
  tree: Uint32Array;
  keys: RangeKeys;
}

/**
 * A node's own keys grouped by ring range. `copy`: copy the versions, for keys kept or sent (a
 * replica's version arrays change in place); a tree built at once needs none.
 */
function keysByRange(sim: Sim, node: NodeState, ranges: ReadonlySet<number>, copy: boolean): Map<number, RangeKeys> {
  const out = new Map<number, RangeKeys>();
  for (const r of ranges) out.set(r, { ...sim.ring.rangeBounds(r), keys: [] });
  for (const [key, vs] of node.data) {
    const p = sim.ring.place(key);
    out.get(p.range)?.keys.push([key, p.pos, copy ? vs.slice() : vs]);
  }
  return out;
}

function sharedRanges(sim: Sim, a: number, b: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < sim.ring.rangeCount; r++) {
    const reps = sim.ring.replicasOfRange(r, sim.rf);
    if (reps.includes(a) && reps.includes(b)) out.push(r);
  }
  return out;
}

export function startRepairSession(sim: Sim, node: NodeState): void {
  sim.stats.repairSessions++;
  const sid = sim.nextId++;
  const requests: { peer: number; ranges: number[] }[] = [];
  const all = new Set<number>();
  for (const peer of sim.nodes) {
    if (peer.idx === node.idx || !sim.believesAlive(node, peer.idx)) continue;
    const ranges = sharedRanges(sim, node.idx, peer.idx);
    if (ranges.length === 0) continue;
    requests.push({ peer: peer.idx, ranges });
    for (const r of ranges) all.add(r);
  }
  // The initiator's own trees, once per range for every peer, from its data now.
  const byRange = keysByRange(sim, node, all, true);
  const snapshots = new Map<number, RangeSnapshot>();
  for (const r of all) snapshots.set(r, { tree: buildTree(byRange.get(r)!, sim.S.merkleDepth), keys: byRange.get(r)! });
  for (const { peer, ranges } of requests) {
    const mine = new Map<number, RangeSnapshot>();
    for (const r of ranges) mine.set(r, snapshots.get(r)!);
    sim.send(node.idx, peer, 'repair', { k: 'treeReq', sid, ranges, mine });
  }
  const peers = requests.length;
  sim.note('repair', `${node.id} starts a repair session with ${peers} replica${peers === 1 ? '' : 's'} (Merkle depth ${sim.S.merkleDepth})`, node.idx);
}

function treesFor(sim: Sim, node: NodeState, ranges: number[]): Map<number, Uint32Array> {
  const byRange = keysByRange(sim, node, new Set(ranges), false);
  const trees = new Map<number, Uint32Array>();
  for (const r of ranges) trees.set(r, buildTree(byRange.get(r)!, sim.S.merkleDepth));
  return trees;
}

/** The keys (with their versions) of the given leaves of each range. */
function itemsOf(sim: Sim, byRange: ReadonlyMap<number, RangeKeys>, leaves: Map<number, number[]>): [string, readonly Version[]][] {
  const n = 1 << sim.S.merkleDepth;
  const items: [string, readonly Version[]][] = [];
  for (const [r, list] of leaves) {
    const want = new Set(list);
    const rk = byRange.get(r)!;
    for (const [key, pos, vs] of rk.keys) if (want.has(leafOf(pos, rk.start, rk.width, n))) items.push([key, vs]);
  }
  return items;
}

function applyItems(sim: Sim, node: NodeState, items: [string, readonly Version[]][]): void {
  for (const [key, vs] of items) applyAll(node.data, node.idx, sim.keyInfo(key), vs);
}

export function onRepairMessage(sim: Sim, node: NodeState, m: Msg): void {
  const b = m.body;
  if (b.k === 'treeReq') {
    sim.send(node.idx, m.from, 'repair', { k: 'treeResp', sid: b.sid, trees: treesFor(sim, node, b.ranges), mine: b.mine });
    return;
  }
  if (b.k === 'treeResp') {
    const leaves = new Map<number, number[]>();
    for (const [r, theirs] of b.trees) {
      const d = diffTrees(b.mine.get(r)!.tree, theirs);
      sim.stats.leavesCompared += d.compared;
      sim.stats.leavesDiffering += d.differing.length;
      if (d.differing.length > 0) leaves.set(r, d.differing);
    }
    if (leaves.size === 0) return;
    const snapshot = new Map<number, RangeKeys>();
    for (const r of leaves.keys()) snapshot.set(r, b.mine.get(r)!.keys);
    const items = itemsOf(sim, snapshot, leaves);
    sim.stats.keysStreamed += items.length;
    sim.note('repair', `${node.id} ↔ ${sim.nodes[m.from]!.id}: ${[...leaves.values()].reduce((a, l) => a + l.length, 0)} differing leaves, streaming`, node.idx);
    sim.send(node.idx, m.from, 'repair', { k: 'stream', sid: b.sid, leaves, items, reply: false });
    return;
  }
  if (b.k !== 'stream') return;
  if (!b.reply) {
    // Answer with what this side had before taking the initiator's keys: streams go both ways.
    const mine = itemsOf(sim, keysByRange(sim, node, new Set(b.leaves.keys()), true), b.leaves);
    sim.stats.keysStreamed += mine.length;
    applyItems(sim, node, b.items);
    sim.send(node.idx, m.from, 'repair', { k: 'stream', sid: b.sid, leaves: b.leaves, items: mine, reply: true });
    return;
  }
  applyItems(sim, node, b.items);
}
