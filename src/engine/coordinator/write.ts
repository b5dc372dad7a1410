// The coordinator's write path (fidelity.md "Write path"). Coordinator mode follows Cassandra's
// StorageProxy: unavailable at once when too few replicas are believed alive; mutations to the
// believed-alive replicas; hints for the believed-down ones; hints for replicas that time out
// (always, or only if the level was met: Scylla). Sloppy-quorum mode follows Dynamo §4.6: the
// first N healthy nodes of the extended preference list, stand-ins keeping hinted replicas.
import type { KeyInfo, Sim } from '../sim';
import type { Body, Msg, NodeState } from '../node/types';
import { applyVersion as imported_applyVersion, mergeClocks, type Version, type VersionSlot } from '../node/versions';
import type { Level } from '../scenario/schema';
import { offerHint as imported_offerHint } from '../hints/hints';
import { blockFor as imported_blockFor } from './levels';
import { failReadsOf, onRepairAck } from './read';

// Under tsx (the bench, the CLI) modules run as CommonJS, where every read of an imported binding
// calls two getters (one of them megamorphic): the per-event paths use local copies instead. The
// engine's modules import no cycle, so each import is defined before this module runs.
const applyVersion = imported_applyVersion;
const offerHint = imported_offerHint;
const blockFor = imported_blockFor;

export interface WriteHandler {
  id: number;
  coord: number;
  info: KeyInfo;
  v: Version;
  level: Level;
  required: number;
  acks: number;
  /** Nodes contacted, and for each the owner it writes for (itself unless it is a stand-in). */
  targets: number[];
  owners: number[];
  answered: boolean[];
  unanswered: number;
  done: boolean;
  success: boolean;
  user: boolean;
  /** Sloppy mode: stragglers were already handed to stand-ins once. */
  rerouted: boolean;
  /** Still waiting for replies or its deadline; false once finished (late replies are then ignored). */
  live: boolean;
  /** Its pending deadline's ticket (see Sim.armDeadline). */
  deadline: number;
}

function makeVersion(sim: Sim, coord: NodeState, key: string, value: string): Version {
  // Microsecond timestamps (as Cassandra's) × 1000, strictly increasing as Cassandra's
  // ClientState.getTimestamp makes them: of two writes at one instant the later one is newer.
  // (A sequence taken modulo 1000 used to wrap and could order them the other way round.)
  const ts = Math.max(sim.nowUs * 1000, sim.lastWriteTs + 1);
  sim.lastWriteTs = ts;
  if (sim.S.conflictResolution === 'lww') return { ts, value };
  const clock = mergeClocks(coord.data.get(key) ?? []);
  clock[coord.id] = (clock[coord.id] ?? 0) + 1;
  return { ts, value, clock };
}

function fail(sim: Sim, text: string, user: boolean, node: number | undefined, key: string): void {
  sim.stats.writesFailed++;
  if (user) sim.note('write', text, node, key);
}

export function startWrite(sim: Sim, coordIdx: number, info: KeyInfo, value: string, level: Level, user: boolean): void {
  sim.stats.writesAttempted++;
  const key = info.key;
  const coord = coordIdx >= 0 ? sim.nodes[coordIdx]! : null;
  if (!coord || !coord.up || !coord.serving) {
    fail(sim, `Write ${key} failed: coordinator ${coord ? `${coord.id} is ${coord.up ? 'not serving yet' : 'down'}` : 'unavailable (no node up)'}`, user, coordIdx >= 0 ? coordIdx : undefined, key);
    return;
  }
  const h: WriteHandler = {
    id: sim.nextId++, coord: coord.idx, info, v: makeVersion(sim, coord, key, value), level, required: blockFor(level, sim.rf),
    acks: 0, targets: [], owners: [], answered: [], unanswered: 0, done: false, success: false, user, rerouted: false, live: false, deadline: -1,
  };
  const started = sim.S.hintMode === 'coordinator' ? coordinatorMode(sim, coord, h) : sloppyMode(sim, coord, h);
  if (!started) return;
  h.live = true;
  if (user) sim.note('write', `Write ${key}=${value} at ${level} via ${coord.id}`, coord.idx, key);
  // Every replica writing for itself gets the same body (bodies are never changed once sent).
  let forItself: Body | null = null;
  for (let i = 0; i < h.targets.length; i++) {
    const to = h.targets[i]!;
    const owner = h.owners[i]!;
    if (to === coord.idx) ack(sim, h, to, receive(sim, coord, info, h.v, owner));
    else if (owner === to) sim.send(coord.idx, to, 'mutation', (forItself ??= mutation(h, RECEIVER)));
    else sim.send(coord.idx, to, 'mutation', mutation(h, owner));
  }
  checkDone(sim, h);
  if (h.live) sim.armDeadline(h);
}

/** A mutation's owner when it is the receiving node itself. */
const RECEIVER = -1;

function mutation(h: WriteHandler, owner: number): Body {
  return { k: 'mut', h, key: h.info.key, v: h.v, owner, repairOf: null, more: null, slot: h.info };
}

function unavailable(sim: Sim, h: WriteHandler, alive: number): false {
  sim.stats.writesUnavailable++;
  fail(sim, `Write ${h.info.key} at ${h.level} unavailable: ${alive} replica${alive === 1 ? '' : 's'} believed alive, ${h.required} needed`, h.user, h.coord, h.info.key);
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

function coordinatorMode(sim: Sim, coord: NodeState, h: WriteHandler): boolean {
  const replicas = h.info.replicas;
  let alive = 0;
  for (const r of replicas) if (sim.believesAlive(coord, r)) alive++;
  if (h.required > sim.rf || (h.level !== 'ANY' && alive < h.required)) return unavailable(sim, h, alive);
  const targets = new Array<number>(alive);
  let j = 0;
  for (const r of replicas) {
    if (sim.believesAlive(coord, r)) targets[j++] = r;
    // A hint is never an ack, except at ANY where a stored hint alone acknowledges (Cassandra).
    else if (offerHint(sim, coord, r, h.info, h.v) && h.level === 'ANY') h.acks++;
  }
  // Every target writes for itself: one array serves as both.
  setTargets(h, targets, targets);
  return true;
}

function sloppyMode(sim: Sim, coord: NodeState, h: WriteHandler): boolean {
  const pref = h.info.place.pref;
  const healthy = (n: number) => sim.believesAlive(coord, n);
  const own = h.info.replicas.filter(healthy);
  const down = h.info.replicas.filter((n) => !healthy(n));
  const standIns: [number, number][] = [];
  if (sim.S.hintedHandoffEnabled) {
    const spare = pref.slice(sim.rf).filter(healthy);
    down.forEach((owner, i) => { if (i < spare.length) standIns.push([spare[i]!, owner]); });
  }
  const strict = sim.S.strictQuorum && h.level !== 'ANY';
  const countable = strict ? own.length : own.length + standIns.length;
  if (h.required > sim.rf || countable < h.required) return unavailable(sim, h, countable);
  // Handoff disabled: the down owners' replicas are refused by policy (an unavailable write drops none).
  if (!sim.S.hintedHandoffEnabled) sim.stats.hintsDropped += down.length;
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
function receive(sim: Sim, node: NodeState, slot: VersionSlot, v: Version, owner: number): boolean {
  if (owner === node.idx) {
    applyVersion(node.data, node.idx, slot, v);
    return true;
  }
  return offerHint(sim, node, owner, slot, v);
}

/** An ack's event flag (SimEvent.e): the replica stored the mutation, or refused it (a stand-in's full hint store). */
const ACK_STORED = 1;
const ACK_REFUSED = 0;

export function onWriteMessage(sim: Sim, node: NodeState, m: Msg): void {
  const b = m.body;
  if (b.k !== 'mut') return;
  if (m.kind === 'mutation') {
    const slot = b.slot;
    const owner = b.owner === RECEIVER ? node.idx : b.owner;
    const ok = receive(sim, node, slot, b.v, owner);
    // Read repair sends every version the replica lacks (siblings, under vector clocks).
    if (b.more) for (const v of b.more) applyVersion(node.data, node.idx, slot, v);
    // The ack travels back in the mutation's own event and body, unchanged (other replicas may
    // hold the same body): whether the replica stored it rides on the event.
    sim.send(node.idx, m.from, 'mutation-ack', b, m, ok ? ACK_STORED : ACK_REFUSED);
    return;
  }
  if (b.repairOf !== null) return onRepairAck(sim, b.repairOf, m.from);
  const h = b.h;
  if (h && h.live && h.coord === node.idx) ack(sim, h, m.from, m.e === ACK_STORED);
}

function ack(sim: Sim, h: WriteHandler, from: number, ok: boolean): void {
  const i = h.targets.indexOf(from);
  if (i < 0 || h.answered[i]) return;
  h.answered[i] = true;
  h.unanswered--;
  const standIn = h.owners[i] !== from;
  if (ok && (!standIn || !sim.S.strictQuorum || h.level === 'ANY')) h.acks++;
  checkDone(sim, h);
}

function checkDone(sim: Sim, h: WriteHandler): void {
  if (!h.done && h.acks >= h.required) {
    h.done = true;
    h.success = true;
    sim.stats.writesAcknowledged++;
    sim.recordAck(h.info, h.v);
    if (h.user) sim.note('write', `Write ${h.info.key} acknowledged at ${h.level} (${h.acks} ack${h.acks === 1 ? '' : 's'})`, h.coord, h.info.key);
  }
  if (h.done && h.unanswered === 0) sim.releaseWrite(h);
}

export function onWriteTimeout(sim: Sim, h: WriteHandler): void {
  if (!h.live) return;
  // Sloppy quorum: a replica that timed out is treated like a down one — the next healthy node
  // beyond those already used stands in for its owner, and its ack counts as a down replica's
  // stand-in would. The write waits one more writeTimeout for them, unless their acks cannot
  // count (strictQuorum, Riak PW): then the stand-ins keep their copies and the write fails now.
  if (sim.S.hintMode === 'sloppy-quorum' && !h.rerouted) {
    h.rerouted = true;
    if (reroute(sim, h) > 0 && (h.done || !sim.S.strictQuorum || h.level === 'ANY')) {
      sim.armDeadline(h);
      return;
    }
  }
  sim.releaseWrite(h);
  if (!h.done) {
    h.done = true;
    fail(sim, `Write ${h.info.key} timed out at ${h.level}: ${h.acks} of ${h.required} acks`, h.user, h.coord, h.info.key);
  }
  if (sim.S.hintMode !== 'coordinator') return;
  const hint = sim.S.hintOnTimeout === 'always' || h.success || h.level === 'ANY';
  if (hint) h.targets.forEach((r, i) => { if (!h.answered[i]) offerHint(sim, sim.nodes[h.coord]!, r, h.info, h.v); });
}

function reroute(sim: Sim, h: WriteHandler): number {
  const coord = sim.nodes[h.coord]!;
  let sent = 0;
  const n = h.targets.length;
  const pref = h.info.place.pref;
  // Stand-ins come from beyond every node already used (fidelity.md, sloppy quorum 4) and never
  // from the key's own replicas: an owner that came back meanwhile is not a stand-in for another.
  let from = sim.rf;
  for (const t of h.targets) from = Math.max(from, pref.indexOf(t) + 1);
  for (let i = 0; i < n; i++) {
    if (h.answered[i]) continue;
    // Handoff disabled: the timed-out replica is refused by policy, as a down one is (sloppyMode).
    if (!sim.S.hintedHandoffEnabled) { sim.stats.hintsDropped++; continue; }
    while (from < pref.length && !sim.believesAlive(coord, pref[from]!)) from++;
    if (from >= pref.length) break;
    const next = pref[from++]!;
    const owner = h.owners[i]!;
    target(h, next, owner);
    sent++;
    if (next === coord.idx) ack(sim, h, next, receive(sim, coord, h.info, h.v, owner));
    else sim.send(coord.idx, next, 'mutation', mutation(h, owner));
  }
  return sent;
}

/** The coordinator crashed: its writes in flight fail, its reads too. */
export function failHandlersOf(sim: Sim, coord: number): void {
  // Every live write has exactly one pending deadline; they fail in the order they started.
  const writes = sim.liveWrites().filter((h) => h.live && h.coord === coord).sort((a, b) => a.id - b.id);
  for (const h of writes) {
    sim.releaseWrite(h);
    if (!h.done) fail(sim, `Write ${h.info.key} failed: coordinator ${sim.nodes[coord]!.id} crashed`, h.user, coord, h.info.key);
  }
  failReadsOf(sim, coord);
}
