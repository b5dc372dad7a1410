// The coordinator's write path (fidelity.md "Write path"). Coordinator mode follows Cassandra's
// StorageProxy: unavailable at once when too few replicas are believed alive; mutations to the
// believed-alive replicas; hints for the believed-down ones; hints for replicas that time out
// (always, or only if the level was met: Scylla). Sloppy-quorum mode follows Dynamo §4.6: the
// first N healthy nodes of the extended preference list, stand-ins keeping hinted replicas.
import type { EngineContext } from '../context';
import type { KeyInfo } from '../keys/keys';
import { believesAlive } from '../node/node';
import type { MutationBody, Msg, NodeState } from '../node/types';
import { applyVersion, mergeClocks, type Version, type VersionSlot } from '../node/versions';
import type { Level, SetOp } from '../scenario/schema';
import { addDelta, observedTags, removeDelta } from '../node/orset';
import { offerHint } from '../hints/hints';
import { hintsAllowed } from '../hints/policy';
import { hintsOnTimeout, standInCounts, writeAvailable } from './levels';
import { ackCounts, liveCount, perDcNeed, requiredFor } from './dcLevels';
import { forwardOnArrival, sendWithForwarding } from '../net/forward';
import { failReadsOf, onRepairAck } from './read';
import type { WriteHandler } from './types';
import type { FailureCode } from '../api';
import type { LazyText } from '../core/log';
import { names, silent } from './reasons';
import { tombstone } from '../node/tombstones';

/** What a write does: a plain value (absent), an OR-set add or remove, or a delete (a tombstone, last-write-wins). */
export type WriteOp = SetOp | 'delete';

function makeVersion(ctx: EngineContext, coord: NodeState, key: string, value: string, op: WriteOp | undefined): Version | null {
  const observed = ctx.settings.conflictResolution === 'or-set' && op === 'remove' ? observedRemove(coord, key, value) : null;
  if (observed && observed.length === 0) return null;
  // Microsecond timestamps (as Cassandra's) × 1000, strictly increasing as Cassandra's
  // ClientState.getTimestamp makes them: of two writes at one instant the later one is newer.
  // (A sequence taken modulo 1000 used to wrap and could order them the other way round.)
  const ts = Math.max(ctx.nowUs * 1000, ctx.lastWriteTs + 1);
  ctx.lastWriteTs = ts;
  if (op === 'delete') return tombstone(ts);
  if (ctx.settings.conflictResolution === 'lww') return { ts, value };
  // OR-set: the timestamp, unique per write, is the add's tag.
  if (observed) return { ts, value: `-${value}`, set: removeDelta(observed) };
  if (ctx.settings.conflictResolution === 'or-set') return { ts, value: `+${value}`, set: addDelta(ts, value) };
  const clock = mergeClocks(coord.data.get(key) ?? []);
  clock[coord.id] = (clock[coord.id] ?? 0) + 1;
  return { ts, value, clock };
}

/**
 * The add tags an OR-set remove observes: those in the coordinator's own copy of the key. Riak's
 * coordinating vnode (always a replica) applies a remove sent without a context to its local
 * state, and refuses one of an element it does not hold (riak_dt_orswot's precondition
 * {not_present, E}); here a coordinator that is no replica holds no copy and so refuses too.
 */
function observedRemove(coord: NodeState, key: string, element: string): number[] {
  const own = coord.data.get(key)?.[0]?.set;
  return own ? observedTags(own, element) : [];
}

/** How the log names an operation: a delete writes a tombstone. */
const opName = (v: Version) => (v.tomb ? 'Delete' : 'Write');

/** A failed write: counted, its reason recorded, and logged (the workload's too, marked as such). */
function fail(ctx: EngineContext, code: FailureCode, text: LazyText, user: boolean, node: number | undefined, key: string, del: boolean): void {
  ctx.stats.writesFailed++;
  if (del) ctx.stats.deletesFailed++;
  ctx.why.record(code, text);
  ctx.note('write', text, node, key, !user);
}

/** A write of `value`; under the OR-set `op` says whether it is added or removed (absent: added). */
export function startWrite(ctx: EngineContext, coordIdx: number, info: KeyInfo, value: string, level: Level, user: boolean, op?: WriteOp): void {
  ctx.stats.writesAttempted++;
  const del = op === 'delete';
  if (del) ctx.stats.deletesAttempted++;
  const key = info.key;
  const coord = coordIdx >= 0 ? ctx.nodes[coordIdx]! : null;
  if (!coord || !coord.up || !coord.serving) {
    fail(ctx, 'write-coordinator', `${del ? 'Delete' : 'Write'} ${key} failed: coordinator ${coord ? `${coord.id} is ${coord.up ? 'not serving yet' : 'down'}` : 'unavailable (no node up)'}`, user, coordIdx >= 0 ? coordIdx : undefined, key, del);
    return;
  }
  const v = makeVersion(ctx, coord, key, value, op);
  if (!v) {
    fail(ctx, 'write-remove-unobserved', `Write ${key} failed: remove ${value} — coordinator ${coord.id} holds no add of it (an OR-set remove removes only the adds its coordinator has observed)`, user, coord.idx, key, false);
    return;
  }
  const h: WriteHandler = {
    id: ctx.newId(), coord: coord.idx, info, v, level, required: requiredFor(ctx.topology, level, ctx.topology.dcOf[coord.idx]!, ctx.rf), need: perDcNeed(ctx.topology, level),
    acks: 0, targets: NO_TARGETS, owners: NO_TARGETS, answered: NOT_ANSWERED, unanswered: 0, done: false, success: false, user, rerouted: false, live: false, deadline: -1,
  };
  const started = ctx.settings.hintMode === 'coordinator' ? coordinatorMode(ctx, coord, h) : sloppyMode(ctx, coord, h);
  if (!started) return;
  h.live = true;
  // (The key is followed by "=" or " at": the page finds it in the text by those.)
  if (user) ctx.note('write', v.set ? `Write ${key} at ${level} via ${coord.id}: ${op === 'remove' ? 'remove' : 'add'} ${value}` : del ? `Delete ${key} at ${level} via ${coord.id}` : `Write ${key}=${value} at ${level} via ${coord.id}`, coord.idx, key);
  // Every replica writing for itself gets the same body (bodies are never changed once sent).
  let forItself: MutationBody | null = null;
  if (ctx.topology.names.length > 1) {
    if (sendWithForwarding(ctx, coord.idx, h.targets, mutation(h, RECEIVER))) ack(ctx, h, coord.idx, receive(ctx, coord, info, h.v, coord.idx));
  } else for (let i = 0; i < h.targets.length; i++) {
    const to = h.targets[i]!;
    const owner = h.owners[i]!;
    if (to === coord.idx) ack(ctx, h, to, receive(ctx, coord, info, h.v, owner));
    else if (owner === to) ctx.send(coord.idx, to, 'mutation', (forItself ??= mutation(h, RECEIVER)));
    else ctx.send(coord.idx, to, 'mutation', mutation(h, owner));
  }
  checkDone(ctx, h);
  if (h.live) ctx.armDeadline(h);
}

/**
 * A write's targets until coordinatorMode or sloppyMode sets them (setTargets, before anything
 * reads or extends them): shared, so a write allocates only the arrays it keeps.
 */
const NO_TARGETS: number[] = [];
const NOT_ANSWERED: boolean[] = [];

/** A mutation's owner when it is the receiving node itself. */
const RECEIVER = -1;

function mutation(h: WriteHandler, owner: number): MutationBody {
  return { k: 'mut', h, key: h.info.key, v: h.v, owner, repairOf: null, more: null, slot: h.info, fwd: null };
}

function unavailable(ctx: EngineContext, h: WriteHandler, alive: number): false {
  ctx.stats.writesUnavailable++;
  const coord = ctx.nodes[h.coord]!;
  const down = h.info.replicas.filter((r) => !believesAlive(coord, r)).map((r) => ctx.nodes[r]!.id);
  const { info: { key }, level, required } = h;
  const text = () => `${opName(h.v)} ${key} at ${level} unavailable: ${alive} replica${alive === 1 ? '' : 's'} believed alive, ${required} needed${down.length > 0 ? `; ${coord.id} believes ${names(down)} down` : ''}`;
  fail(ctx, 'write-unavailable', text, h.user, h.coord, key, h.v.tomb === true);
  return false;
}

/** The first targets, all at once: arrays of exactly their size (a write allocates them per request). */
function setTargets(h: WriteHandler, targets: number[], owners: number[]): void {
  h.targets = targets;
  h.owners = owners;
  h.answered = new Array<boolean>(targets.length).fill(false);
  h.unanswered = targets.length;
}

/** One more target (sloppy mode's stand-ins for stragglers). */
function target(h: WriteHandler, to: number, owner: number): void {
  if (h.owners === h.targets) h.owners = h.targets.slice();
  h.targets.push(to);
  h.owners.push(owner);
  h.answered.push(false);
  h.unanswered++;
}

function coordinatorMode(ctx: EngineContext, coord: NodeState, h: WriteHandler): boolean {
  const replicas = h.info.replicas;
  let alive = 0;
  for (const r of replicas) if (believesAlive(coord, r)) alive++;
  // The believed-alive replicas, in replica order: the targets if the write goes ahead.
  const targets = new Array<number>(alive);
  let j = 0;
  for (const r of replicas) if (believesAlive(coord, r)) targets[j++] = r;
  // Datacenter levels count only some of them (dcLevels.ts); -1: a DC short of its quorum.
  const counted = liveCount(ctx.topology, h.level, ctx.topology.dcOf[coord.idx]!, targets);
  if (!writeAvailable(h.level, h.required, ctx.rf, counted)) return unavailable(ctx, h, Math.max(0, counted));
  for (const r of replicas) {
    // A hint is never an ack, except at ANY where a stored hint alone acknowledges (Cassandra).
    if (!believesAlive(coord, r) && offerHint(ctx, coord, r, h.info, h.v) && h.level === 'ANY') h.acks++;
  }
  // Every target writes for itself: one array serves as both.
  setTargets(h, targets, targets);
  return true;
}

function sloppyMode(ctx: EngineContext, coord: NodeState, h: WriteHandler): boolean {
  const pref = h.info.place.pref;
  const healthy = (n: number) => believesAlive(coord, n);
  const own = h.info.replicas.filter(healthy);
  const down = h.info.replicas.filter((n) => !healthy(n));
  const standIns: [number, number][] = [];
  // One datacenter in this mode: its name is the only one the switches may list.
  const handoff = hintsAllowed(ctx.settings, ctx.topology.names[0]!);
  if (handoff) {
    const spare = pref.slice(ctx.rf).filter(healthy);
    down.forEach((owner, i) => { if (i < spare.length) standIns.push([spare[i]!, owner]); });
  }
  const countable = standInCounts(ctx.settings.strictQuorum, h.level) ? own.length + standIns.length : own.length;
  if (h.required > ctx.rf || countable < h.required) return unavailable(ctx, h, countable);
  // Handoff disabled: the down owners' replicas are refused by policy (an unavailable write drops none).
  if (!handoff && down.length > 0) {
    ctx.stats.hintsDropped += down.length;
    ctx.why.record('hint-disabled', `${coord.id} keeps no stand-in copy for ${names(down.map((n) => ctx.nodes[n]!.id))}: hinted handoff is disabled`, down.length);
  }
  const targets = own.slice();
  const owners = own.slice();
  for (const [s, owner] of standIns) {
    targets.push(s);
    owners.push(owner);
  }
  setTargets(h, targets, owners);
  return true;
}

/** A replica or stand-in takes a mutation; a stand-in stores it as a hint for its owner. */
function receive(ctx: EngineContext, node: NodeState, slot: VersionSlot, v: Version, owner: number): boolean {
  if (owner === node.idx) {
    applyVersion(node.data, node.idx, slot, v);
    return true;
  }
  return offerHint(ctx, node, owner, slot, v);
}

/** An ack's event flag (SimEvent.e): the replica stored the mutation, or refused it (a stand-in's full hint store). */
const ACK_STORED = 1;
const ACK_REFUSED = 0;

/** A replica or stand-in takes a mutation (a write's or a read repair's) and acks it. */
export function onMutation(ctx: EngineContext, node: NodeState, m: Msg<'mutation'>): void {
  const b = m.body;
  const slot = b.slot;
  const owner = b.owner === RECEIVER ? node.idx : b.owner;
  forwardOnArrival(ctx, node.idx, b);
  const ok = receive(ctx, node, slot, b.v, owner);
  // Read repair sends every version the replica lacks (siblings, under vector clocks).
  if (b.more) for (const v of b.more) applyVersion(node.data, node.idx, slot, v);
  // The ack travels back in the mutation's own event and body, unchanged (other replicas may
  // hold the same body): whether the replica stored it rides on the event.
  // A forwarded copy acks the coordinator directly (Cassandra's RESPOND_TO), not its relay.
  ctx.send(node.idx, b.h ? b.h.coord : m.from, 'mutation-ack', b, m, ok ? ACK_STORED : ACK_REFUSED);
}

export function onMutationAck(ctx: EngineContext, node: NodeState, m: Msg<'mutation-ack'>): void {
  const b = m.body;
  if (b.repairOf !== null) return onRepairAck(ctx, b.repairOf, m.from);
  const h = b.h;
  if (h && h.live && h.coord === node.idx) ack(ctx, h, m.from, m.e === ACK_STORED);
}

function ack(ctx: EngineContext, h: WriteHandler, from: number, ok: boolean): void {
  const i = h.targets.indexOf(from);
  if (i < 0 || h.answered[i]) return;
  h.answered[i] = true;
  h.unanswered--;
  const standIn = h.owners[i] !== from;
  if (ok && (!standIn || standInCounts(ctx.settings.strictQuorum, h.level)) && ackCounts(ctx.topology, h.level, ctx.topology.dcOf[h.coord]!, from, h.need)) h.acks++;
  checkDone(ctx, h);
}

function checkDone(ctx: EngineContext, h: WriteHandler): void {
  if (!h.done && h.acks >= h.required) acknowledge(ctx, h, h.acks);
  if (h.done && h.unanswered === 0) ctx.releaseWrite(h);
}

/** `why`: the acks that made it (the sentence is written only if read), or what did. */
function acknowledge(ctx: EngineContext, h: WriteHandler, why: number | string): void {
  h.done = true;
  h.success = true;
  ctx.stats.writesAcknowledged++;
  if (h.v.tomb) ctx.stats.deletesAcknowledged++;
  ctx.recordAck(h.info, h.v);
  const { info: { key }, level } = h;
  const what = opName(h.v);
  ctx.note('write', () => `${what} ${key} acknowledged at ${level} (${typeof why === 'number' ? `${why} ack${why === 1 ? '' : 's'}` : why})`, h.coord, key, !h.user);
}

export function onWriteTimeout(ctx: EngineContext, h: WriteHandler): void {
  if (!h.live) return;
  // Sloppy quorum: a replica that timed out is treated like a down one — the next healthy node
  // beyond those already used stands in for its owner, and its ack counts as a down replica's
  // stand-in would. The write waits one more writeTimeout for them, unless their acks cannot
  // count (strictQuorum, Riak PW): then the stand-ins keep their copies and the write fails now.
  if (ctx.settings.hintMode === 'sloppy-quorum' && !h.rerouted) {
    h.rerouted = true;
    if (reroute(ctx, h) > 0 && (h.done || standInCounts(ctx.settings.strictQuorum, h.level))) {
      ctx.armDeadline(h);
      return;
    }
  }
  ctx.releaseWrite(h);
  // ANY in coordinator mode: StorageProxy.mutate catches the timeout and calls hintMutations, then
  // returns success, whether or not a hint could be stored (the report counts it lost if none was).
  if (!h.done && ctx.settings.hintMode === 'coordinator' && h.level === 'ANY') {
    hintSilent(ctx, h);
    acknowledge(ctx, h, 'after hinting the replicas that timed out');
    return;
  }
  if (!h.done) {
    h.done = true;
    fail(ctx, 'write-timeout', `${opName(h.v)} ${h.info.key} timed out at ${h.level}: ${h.acks} of ${h.required} acks; ${silent(ctx, h.coord, h.targets.filter((_, i) => !h.answered[i]), 'writeTimeout')}`, h.user, h.coord, h.info.key, h.v.tomb === true);
  }
  if (ctx.settings.hintMode !== 'coordinator') return;
  if (hintsOnTimeout(ctx.settings.hintOnTimeout, h.success, h.level)) hintSilent(ctx, h);
}

/** Coordinator mode: hints for the replicas that have not answered. */
function hintSilent(ctx: EngineContext, h: WriteHandler): void {
  h.targets.forEach((r, i) => { if (!h.answered[i]) offerHint(ctx, ctx.nodes[h.coord]!, r, h.info, h.v); });
}

function reroute(ctx: EngineContext, h: WriteHandler): number {
  const coord = ctx.nodes[h.coord]!;
  let sent = 0;
  const n = h.targets.length;
  const pref = h.info.place.pref;
  // Stand-ins come from beyond every node already used (fidelity.md, sloppy quorum 4) and never
  // from the key's own replicas: an owner that came back meanwhile is not a stand-in for another.
  let from = ctx.rf;
  for (const t of h.targets) from = Math.max(from, pref.indexOf(t) + 1);
  for (let i = 0; i < n; i++) {
    if (h.answered[i]) continue;
    // Handoff disabled: the timed-out replica is refused by policy, as a down one is (sloppyMode).
    if (!hintsAllowed(ctx.settings, ctx.topology.names[0]!)) {
      ctx.stats.hintsDropped++;
      ctx.why.record('hint-disabled', `${coord.id} keeps no stand-in copy for ${ctx.nodes[h.targets[i]!]!.id}: hinted handoff is disabled`);
      continue;
    }
    while (from < pref.length && !believesAlive(coord, pref[from]!)) from++;
    if (from >= pref.length) break;
    const next = pref[from++]!;
    const owner = h.owners[i]!;
    target(h, next, owner);
    sent++;
    if (next === coord.idx) ack(ctx, h, next, receive(ctx, coord, h.info, h.v, owner));
    else ctx.send(coord.idx, next, 'mutation', mutation(h, owner));
  }
  return sent;
}

/** The coordinator crashed: its writes in flight fail, its reads too. */
export function failHandlersOf(ctx: EngineContext, coord: number): void {
  // Every live write has exactly one pending deadline; they fail in the order they started.
  const writes = ctx.liveWrites().filter((h) => h.live && h.coord === coord).sort((a, b) => a.id - b.id);
  for (const h of writes) {
    ctx.releaseWrite(h);
    if (!h.done) fail(ctx, 'write-coordinator', `${opName(h.v)} ${h.info.key} failed: coordinator ${ctx.nodes[coord]!.id} crashed`, h.user, coord, h.info.key, h.v.tomb === true);
  }
  failReadsOf(ctx, coord);
}
