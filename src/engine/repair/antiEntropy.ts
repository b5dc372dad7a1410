// Anti-entropy repair sessions (nodetool repair; Dynamo §4.7). The initiator asks every replica of
// each of its ranges that it believes alive for their Merkle trees, compares them with its own,
// and the two stream the keys of differing leaves both ways.
//
// As in Cassandra's repair, the trees of a session describe the data as it stood when the session
// began (the validation phase; Cassandra syncs only once every tree is in), and the syncs stream
// what each side held then. So the counts follow from the data at the start: they do not depend on
// which tree or stream happens to arrive first (a stale initiator repaired by its first peer used
// to find nothing left to compare with the second; concurrent sessions of a periodic run streamed
// more or fewer keys by the luck of the latencies). The message flow still decides whether a peer
// takes part: a peer that is down or cut off never answers, and nothing is compared with it.
import type { EngineContext } from '../context';
import { believesAlive } from '../node/node';
import type { Msg, NodeState } from '../node/types';
import { applyAll, type Version } from '../node/versions';
import { buildTree, diffTrees, leafOf, type RangeKeys, type RangeSnapshot } from './merkle';

/** A node's own ranges as they stand now (versions copied: a replica's arrays change in place). */
function snapshot(ctx: EngineContext, node: NodeState, ranges: ReadonlySet<number>): Map<number, RangeSnapshot> {
  const byRange = new Map<number, RangeKeys>();
  for (const r of ranges) byRange.set(r, { ...ctx.ring.rangeBounds(r), keys: [] });
  for (const [key, vs] of node.data) {
    const p = ctx.ring.place(key);
    byRange.get(p.range)?.keys.push([key, p.pos, vs.slice()]);
  }
  const out = new Map<number, RangeSnapshot>();
  for (const [r, keys] of byRange) out.set(r, { tree: buildTree(keys, ctx.settings.merkleDepth), keys });
  return out;
}

function sharedRanges(ctx: EngineContext, a: number, b: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < ctx.ring.rangeCount; r++) {
    const reps = ctx.ring.replicasOfRange(r, ctx.rf);
    if (reps.includes(a) && reps.includes(b)) out.push(r);
  }
  return out;
}

function pick(from: Map<number, RangeSnapshot>, ranges: Iterable<number>): Map<number, RangeSnapshot> {
  const out = new Map<number, RangeSnapshot>();
  for (const r of ranges) out.set(r, from.get(r)!);
  return out;
}

export function startRepairSession(ctx: EngineContext, node: NodeState): void {
  ctx.stats.repairSessions++;
  const sid = ctx.newId();
  const requests: { peer: NodeState; ranges: number[] }[] = [];
  const all = new Set<number>();
  for (const peer of ctx.nodes) {
    if (peer.idx === node.idx || !believesAlive(node, peer.idx)) continue;
    const ranges = sharedRanges(ctx, node.idx, peer.idx);
    if (ranges.length === 0) continue;
    requests.push({ peer, ranges });
    for (const r of ranges) all.add(r);
  }
  // Every tree of the session as of now: the initiator's once per range, each peer's for its ranges.
  const own = snapshot(ctx, node, all);
  for (const { peer, ranges } of requests) {
    ctx.send(node.idx, peer.idx, 'repair', { k: 'treeReq', sid, mine: pick(own, ranges), theirs: snapshot(ctx, peer, new Set(ranges)) });
  }
  const peers = requests.length;
  ctx.note('repair', `${node.id} starts a repair session with ${peers} replica${peers === 1 ? '' : 's'} (Merkle depth ${ctx.settings.merkleDepth})`, node.idx);
}

/** The keys (with their versions) of the given leaves of each range of a snapshot. */
function itemsOf(ctx: EngineContext, snap: ReadonlyMap<number, RangeSnapshot>, leaves: Map<number, number[]>): [string, readonly Version[]][] {
  const n = 1 << ctx.settings.merkleDepth;
  const items: [string, readonly Version[]][] = [];
  for (const [r, list] of leaves) {
    const want = new Set(list);
    const rk = snap.get(r)!.keys;
    for (const [key, pos, vs] of rk.keys) if (want.has(leafOf(pos, rk.start, rk.width, n))) items.push([key, vs]);
  }
  return items;
}

function applyItems(ctx: EngineContext, node: NodeState, items: [string, readonly Version[]][]): void {
  for (const [key, vs] of items) applyAll(node.data, node.idx, ctx.keyInfo(key), vs);
}

export function onRepairMessage(ctx: EngineContext, node: NodeState, m: Msg<'repair'>): void {
  const b = m.body;
  if (b.k === 'treeReq') {
    // The peer's tree, as of the session's start, goes back to the initiator.
    ctx.send(node.idx, m.from, 'repair', { k: 'treeResp', sid: b.sid, mine: b.mine, theirs: b.theirs });
    return;
  }
  if (b.k === 'treeResp') {
    const leaves = new Map<number, number[]>();
    for (const [r, theirs] of b.theirs) {
      const d = diffTrees(b.mine.get(r)!.tree, theirs.tree);
      ctx.stats.leavesCompared += d.compared;
      ctx.stats.leavesDiffering += d.differing.length;
      if (d.differing.length > 0) leaves.set(r, d.differing);
    }
    if (leaves.size === 0) return;
    const items = itemsOf(ctx, b.mine, leaves);
    ctx.stats.keysStreamed += items.length;
    ctx.note('repair', `${node.id} ↔ ${ctx.nodes[m.from]!.id}: ${[...leaves.values()].reduce((a, l) => a + l.length, 0)} differing leaves, streaming`, node.idx);
    ctx.send(node.idx, m.from, 'repair', { k: 'stream', sid: b.sid, leaves, items, reply: false, theirs: pick(b.theirs, leaves.keys()) });
    return;
  }
  if (b.k !== 'stream') return;
  if (!b.reply && b.theirs) {
    // Streams go both ways: the peer sends what it held in those leaves when the session began.
    const mine = itemsOf(ctx, b.theirs, b.leaves);
    ctx.stats.keysStreamed += mine.length;
    applyItems(ctx, node, b.items);
    ctx.send(node.idx, m.from, 'repair', { k: 'stream', sid: b.sid, leaves: b.leaves, items: mine, reply: true, theirs: null });
    return;
  }
  applyItems(ctx, node, b.items);
}
