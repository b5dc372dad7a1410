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
//
// A session fails when one of its messages is lost (dropRate, a partition, a manual drop, a
// participant down): the initiator, still waiting for that answer, gives up REPAIR_REQUEST_TIMEOUT_MS
// after it asked (Cassandra's RepairSession fails when a validation or a sync fails). What was
// streamed stays streamed. The timeout is queued only once a loss has happened: a timer that would
// find its session complete does nothing, so it is not simulated, and a run whose repairs all
// complete processes the same events as before sessions could fail.
import type { EngineContext } from '../context';
import { EV } from '../core/events';
import { believesAlive } from '../node/node';
import type { Msg, NodeState } from '../node/types';
import { applyAll, type Version } from '../node/versions';
import { buildTree, diffTrees, leafOf, type RangeKeys, type RangeSnapshot } from './merkle';
import { REPAIR_REQUEST_TIMEOUT_MS, type RepairSession } from './session';
import { noteRepairTrees } from '../run/compaction';

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
  const session: RepairSession = { sid, initiator: node.idx, failed: false, timer: null, reason: '' };
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
    ctx.send(node.idx, peer.idx, 'repair', { k: 'treeReq', sid, s: session, askedAt: ctx.nowUs, mine: pick(own, ranges), theirs: snapshot(ctx, peer, new Set(ranges)) });
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
    ctx.send(node.idx, m.from, 'repair', { k: 'treeResp', sid: b.sid, s: b.s, askedAt: b.askedAt, mine: b.mine, theirs: b.theirs });
    return;
  }
  if (b.k === 'treeResp') {
    noteRepairTrees(ctx, b.s, b.theirs.keys(), b.askedAt);
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
    ctx.send(node.idx, m.from, 'repair', { k: 'stream', sid: b.sid, s: b.s, askedAt: ctx.nowUs, leaves, items, reply: false, theirs: pick(b.theirs, leaves.keys()) });
    return;
  }
  if (b.k !== 'stream') return;
  if (!b.reply && b.theirs) {
    // Streams go both ways: the peer sends what it held in those leaves when the session began.
    const mine = itemsOf(ctx, b.theirs, b.leaves);
    ctx.stats.keysStreamed += mine.length;
    applyItems(ctx, node, b.items);
    ctx.send(node.idx, m.from, 'repair', { k: 'stream', sid: b.sid, s: b.s, askedAt: b.askedAt, leaves: b.leaves, items: mine, reply: true, theirs: null });
    return;
  }
  applyItems(ctx, node, b.items);
}

/** What the initiator waited for, in the log's words. */
function lostWhat(ctx: EngineContext, m: Msg<'repair'>): string {
  const b = m.body;
  const peer = ctx.nodes[b.s.initiator === m.from ? m.n : m.from]!.id;
  if (b.k === 'treeReq') return `tree request to ${peer} lost`;
  if (b.k === 'treeResp') return `tree from ${peer} lost`;
  return b.reply ? `stream from ${peer} lost` : `stream to ${peer} lost`;
}

/**
 * A message of a session is lost on arrival: the initiator will not get the answer it waits for,
 * and gives up REPAIR_REQUEST_TIMEOUT_MS after asking (the earliest such instant if several are lost).
 */
export function onRepairLost(ctx: EngineContext, m: Msg<'repair'>): void {
  const s = m.body.s;
  if (s.failed) return;
  const at = Math.max(ctx.nowUs, m.body.askedAt + ctx.us(REPAIR_REQUEST_TIMEOUT_MS));
  if (s.timer && s.timer.t <= at) return;
  if (s.timer) s.timer.cancelled = true;
  s.reason = lostWhat(ctx, m);
  s.timer = ctx.schedule(at, EV.repairTimeout, s.initiator, 0, s.sid, undefined, s);
}

/** The initiator's timeout: the session failed; the operator reruns it. */
export function onRepairTimeout(ctx: EngineContext, s: RepairSession): void {
  s.failed = true;
  s.timer = null;
  ctx.stats.repairsFailed++;
  ctx.note('repair', `repair of ${ctx.nodes[s.initiator]!.id} failed: ${s.reason}`, s.initiator);
}
