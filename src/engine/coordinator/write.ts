// The coordinator's write path (fidelity.md "Write path"). Coordinator mode follows Cassandra's
// StorageProxy: unavailable at once when too few replicas are believed alive; mutations to the
// believed-alive replicas; hints for the believed-down ones; hints for replicas that time out
// (always, or only if the level was met: Scylla). Sloppy-quorum mode follows Dynamo §4.6: the
// first N healthy nodes of the extended preference list, stand-ins keeping hinted replicas.
import { EV } from '../core/events';
import type { Sim } from '../sim';
import type { Msg, NodeState } from '../node/types';
import { mergeClocks, mergeVersion, type Version } from '../node/versions';
import type { Level } from '../scenario/schema';
import { offerHint } from '../hints/hints';
import { blockFor } from './levels';
import { onRepairAck } from './read';

export interface WriteHandler {
  id: number;
  coord: number;
  key: string;
  v: Version;
  level: Level;
  required: number;
  acks: number;
  /** Contacted node → the owner it writes for (itself unless it is a stand-in). */
  pending: Map<number, number>;
  /** Every node used so far (sloppy mode re-routes beyond these). */
  used: Set<number>;
  done: boolean;
  success: boolean;
  user: boolean;
}

function makeVersion(sim: Sim, coord: NodeState, key: string, value: string): Version {
  // Microsecond timestamps (as Cassandra's) × 1000 + a sequence keep every write's timestamp distinct.
  const ts = sim.nowUs * 1000 + (sim.nextId % 1000);
  if (sim.S.conflictResolution === 'lww') return { ts, value };
  const clock = mergeClocks(coord.data.get(key) ?? []);
  clock[coord.id] = (clock[coord.id] ?? 0) + 1;
  return { ts, value, clock };
}

function fail(sim: Sim, text: string, user: boolean, node?: number): void {
  sim.stats.writesFailed++;
  if (user) sim.note('write', text, node);
}

export function startWrite(sim: Sim, coordIdx: number, key: string, value: string, level: Level, user: boolean): void {
  sim.stats.writesAttempted++;
  const coord = coordIdx >= 0 ? sim.nodes[coordIdx]! : null;
  if (!coord || !coord.up || !coord.serving) {
    fail(sim, `Write ${key} failed: coordinator ${coord ? `${coord.id} is ${coord.up ? 'not serving yet' : 'down'}` : 'unavailable (no node up)'}`, user, coordIdx >= 0 ? coordIdx : undefined);
    return;
  }
  const required = blockFor(level, sim.rf);
  const v = makeVersion(sim, coord, key, value);
  const h: WriteHandler = { id: sim.nextId++, coord: coord.idx, key, v, level, required, acks: 0, pending: new Map(), used: new Set(), done: false, success: false, user };
  const started = sim.S.hintMode === 'coordinator' ? coordinatorMode(sim, coord, h) : sloppyMode(sim, coord, h);
  if (!started) return;
  sim.writes.set(h.id, h);
  if (user) sim.note('write', `Write ${key}=${value} at ${level} via ${coord.id}`, coord.idx);
  checkDone(sim, h);
  if (sim.writes.has(h.id)) sim.schedule(sim.nowUs + sim.us(sim.S.writeTimeout), EV.writeTimeout, -1, 0, h.id);
}

function unavailable(sim: Sim, h: WriteHandler, alive: number): false {
  sim.stats.writesUnavailable++;
  fail(sim, `Write ${h.key} at ${h.level} unavailable: ${alive} replica${alive === 1 ? '' : 's'} believed alive, ${h.required} needed`, h.user, h.coord);
  return false;
}

function coordinatorMode(sim: Sim, coord: NodeState, h: WriteHandler): boolean {
  const replicas = sim.ring.place(h.key).pref.slice(0, sim.rf);
  const alive = replicas.filter((r) => sim.believesAlive(coord, r));
  if (h.required > sim.rf || (h.level !== 'ANY' && alive.length < h.required)) return unavailable(sim, h, alive.length);
  for (const r of alive) {
    h.used.add(r);
    h.pending.set(r, r);
    if (r === coord.idx) {
      applyLocal(sim, coord, h.key, h.v);
      ack(sim, h, r, true);
    } else sim.send(coord.idx, r, 'mutation', { k: 'mut', wid: h.id, key: h.key, v: h.v, owner: r });
  }
  for (const r of replicas) {
    if (alive.includes(r)) continue;
    // A hint is never an ack, except at ANY where a stored hint alone acknowledges (Cassandra).
    if (offerHint(sim, coord, r, h.key, h.v) && h.level === 'ANY') h.acks++;
  }
  return true;
}

function sloppyMode(sim: Sim, coord: NodeState, h: WriteHandler): boolean {
  const pref = sim.ring.place(h.key).pref;
  const top = pref.slice(0, sim.rf);
  const healthy = (n: number) => sim.believesAlive(coord, n);
  const own = top.filter(healthy);
  const down = top.filter((n) => !healthy(n));
  const standIns: [number, number][] = [];
  if (sim.S.hintedHandoffEnabled) {
    const spare = pref.slice(sim.rf).filter(healthy);
    down.forEach((owner, i) => { if (i < spare.length) standIns.push([spare[i]!, owner]); });
  } else sim.stats.hintsDropped += down.length;
  const strict = sim.S.strictQuorum && h.level !== 'ANY';
  const countable = strict ? own.length : own.length + standIns.length;
  if (h.required > sim.rf || countable < h.required) return unavailable(sim, h, countable);
  for (const r of own) sendOrApply(sim, coord, h, r, r);
  for (const [s, owner] of standIns) sendOrApply(sim, coord, h, s, owner);
  return true;
}

function sendOrApply(sim: Sim, coord: NodeState, h: WriteHandler, to: number, owner: number): void {
  h.used.add(to);
  h.pending.set(to, owner);
  if (to === coord.idx) ack(sim, h, to, receive(sim, coord, h.key, h.v, owner));
  else sim.send(coord.idx, to, 'mutation', { k: 'mut', wid: h.id, key: h.key, v: h.v, owner });
}

function applyLocal(_sim: Sim, node: NodeState, key: string, v: Version): void {
  node.data.set(key, mergeVersion(node.data.get(key), v));
}

/** A replica or stand-in takes a mutation; a stand-in stores it as a hint for its owner. */
function receive(sim: Sim, node: NodeState, key: string, v: Version, owner: number): boolean {
  if (owner === node.idx) {
    applyLocal(sim, node, key, v);
    return true;
  }
  return offerHint(sim, node, owner, key, v);
}

export function onWriteMessage(sim: Sim, node: NodeState, m: Msg): void {
  const b = m.body;
  if (b.k === 'mut') {
    const ok = receive(sim, node, b.key, b.v, b.owner);
    // Read repair sends every version the replica lacks (siblings, under vector clocks).
    if (b.more) for (const v of b.more) applyLocal(sim, node, b.key, v);
    sim.send(node.idx, m.from, 'mutation-ack', { k: 'mutAck', wid: b.wid, ok, owner: b.owner, repairOf: b.repairOf });
    return;
  }
  if (b.k !== 'mutAck') return;
  if (b.repairOf !== undefined) return onRepairAck(sim, b.repairOf, m.from);
  const h = sim.writes.get(b.wid);
  if (h && h.coord === node.idx) ack(sim, h, m.from, b.ok);
}

function ack(sim: Sim, h: WriteHandler, from: number, ok: boolean): void {
  const owner = h.pending.get(from);
  if (owner === undefined) return;
  h.pending.delete(from);
  const standIn = owner !== from;
  if (ok && (!standIn || !sim.S.strictQuorum || h.level === 'ANY')) h.acks++;
  checkDone(sim, h);
}

function checkDone(sim: Sim, h: WriteHandler): void {
  if (!h.done && h.acks >= h.required) {
    h.done = true;
    h.success = true;
    sim.stats.writesAcknowledged++;
    sim.recordAck(h.key, h.v);
    if (h.user) sim.note('write', `Write ${h.key} acknowledged at ${h.level} (${h.acks} ack${h.acks === 1 ? '' : 's'})`, h.coord);
  }
  if (h.done && h.pending.size === 0) sim.writes.delete(h.id);
}

export function onWriteTimeout(sim: Sim, id: number): void {
  const h = sim.writes.get(id);
  if (!h) return;
  sim.writes.delete(id);
  if (!h.done) {
    h.done = true;
    fail(sim, `Write ${h.key} timed out at ${h.level}: ${h.acks} of ${h.required} acks`, h.user, h.coord);
  }
  const coord = sim.nodes[h.coord]!;
  if (sim.S.hintMode === 'coordinator') {
    const hint = sim.S.hintOnTimeout === 'always' || h.success || h.level === 'ANY';
    if (hint) for (const r of h.pending.keys()) offerHint(sim, coord, r, h.key, h.v);
    return;
  }
  // Sloppy quorum: a replica that timed out is treated like a down one — the next healthy node
  // beyond those already used stands in for its owner.
  const pref = sim.ring.place(h.key).pref;
  for (const [late, owner] of h.pending) {
    const next = pref.find((n) => !h.used.has(n) && n !== late && sim.believesAlive(coord, n));
    if (next === undefined) continue;
    h.used.add(next);
    if (next === coord.idx) receive(sim, coord, h.key, h.v, owner);
    else sim.send(coord.idx, next, 'mutation', { k: 'mut', wid: -1, key: h.key, v: h.v, owner });
  }
}

/** The coordinator crashed: its writes in flight fail, its reads too. */
export function failHandlersOf(sim: Sim, coord: number): void {
  for (const [id, h] of sim.writes) {
    if (h.coord !== coord) continue;
    sim.writes.delete(id);
    if (!h.done) fail(sim, `Write ${h.key} failed: coordinator ${sim.nodes[coord]!.id} crashed`, h.user, coord);
  }
  for (const [id, r] of sim.reads) {
    if (r.coord !== coord) continue;
    sim.reads.delete(id);
    if (!r.done) {
      r.done = true;
      sim.stats.readsFailed++;
    }
  }
}
