// The coordinator's read path: ask as many replicas as the level needs (believed alive, the
// coordinator first when it is one), return the newest; with read repair (Cassandra 4.0 BLOCKING)
// write the newest back to the stale replicas that answered before returning. In sloppy-quorum
// mode the first N healthy nodes of the extended preference list answer, stand-ins included.
import { EV as imported_EV, P_OTHER as imported_P_OTHER, type SimEvent } from '../core/events';
import type { KeyInfo, Sim } from '../sim';
import type { Msg, NodeState } from '../node/types';
import { applyAll as imported_applyAll, holdsWrite as imported_holdsWrite, mergeAll as imported_mergeAll, newestTs as imported_newestTs, versionsOf as imported_versionsOf, type Version } from '../node/versions';
import type { Level } from '../scenario/schema';
import { blockFor as imported_blockFor } from './levels';
import { isExpired as imported_isExpired } from '../hints/hints';

// Under tsx (the bench, the CLI) modules run as CommonJS, where every read of an imported binding
// calls two getters (one of them megamorphic): the per-event paths use local copies instead. The
// engine's modules import no cycle, so each import is defined before this module runs.
const EV = imported_EV;
const P_OTHER = imported_P_OTHER;
const holdsWrite = imported_holdsWrite;
const newestTs = imported_newestTs;
const versionsOf = imported_versionsOf;
const blockFor = imported_blockFor;
const applyAll = imported_applyAll;
const mergeAll = imported_mergeAll;
const isExpired = imported_isExpired;

export interface ReadHandler {
  id: number;
  coord: number;
  key: string;
  info: KeyInfo;
  level: Level;
  contacted: number[];
  /** Who answered, in arrival order, and what each answered: the first `answers` entries. */
  respondents: number[];
  responses: (readonly Version[])[];
  answers: number;
  /** What "not stale" means: the newest acknowledged write when the read began. */
  baselineTs: number;
  baselineVersions: Version[];
  /** Replicas whose read-repair write is not acked yet. */
  repairsPending: number[];
  merged: readonly Version[];
  done: boolean;
  user: boolean;
  /** Its readTimeout event, until the read finishes (see finish). */
  timeout: SimEvent | null;
}

function fail(sim: Sim, text: string, user: boolean, node: number | undefined, key: string): void {
  sim.stats.readsFailed++;
  if (user) sim.note('read', text, node, key);
}

/** What a node answers for a key: its data, plus hinted copies it keeps as a stand-in (sloppy mode). */
function localVersions(sim: Sim, node: NodeState, info: KeyInfo): readonly Version[] {
  const key = info.key;
  let out: readonly Version[] = versionsOf(node.data, node.idx, info)?.slice() ?? [];
  if (sim.S.hintMode === 'sloppy-quorum') {
    // A copy past its TTL is expired (never handed off, counted so by the report): not served either.
    for (const q of node.hints.values()) for (const h of q.hints) if (h.key === key && !isExpired(sim, h)) out = mergeAll(out, [h.v]);
  }
  return out;
}

export function startRead(sim: Sim, coordIdx: number, info: KeyInfo, level: Level, user: boolean): void {
  const key = info.key;
  sim.stats.readsAttempted++;
  const coord = coordIdx >= 0 ? sim.nodes[coordIdx]! : null;
  if (!coord || !coord.up || !coord.serving) {
    fail(sim, `Read ${key} failed: coordinator ${coord ? `${coord.id} is ${coord.up ? 'not serving yet' : 'down'}` : 'unavailable (no node up)'}`, user, coordIdx >= 0 ? coordIdx : undefined, key);
    return;
  }
  const required = blockFor(level, sim.rf);
  const candidates = readCandidates(sim, coord, info);
  if (level === 'ANY' || required > sim.rf || candidates.length < required) {
    fail(sim, `Read ${key} at ${level} unavailable: ${candidates.length} replica${candidates.length === 1 ? '' : 's'} believed alive, ${required} needed`, user, coord.idx, key);
    return;
  }
  if (candidates.length > required) candidates.length = required;
  const h: ReadHandler = {
    id: sim.nextId++, coord: coord.idx, key, level, contacted: candidates,
    respondents: new Array<number>(candidates.length), responses: new Array<readonly Version[]>(candidates.length), answers: 0,
    baselineTs: info.newest, baselineVersions: info.frontier, info,
    repairsPending: [], merged: [], done: false, user, timeout: null,
  };
  if (user) sim.note('read', `Read ${key} at ${level} via ${coord.id}`, coord.idx, key);
  h.timeout = sim.schedule(sim.nowUs + sim.us(sim.S.readTimeout), EV.readTimeout, -1, 0, h.id, P_OTHER, h);
  for (const r of h.contacted) {
    if (r === coord.idx) respond(sim, h, r, localVersions(sim, coord, info));
    else sim.send(coord.idx, r, 'read', { k: 'read', h, slot: info });
  }
}

/**
 * The nodes a read may ask, in the order it asks them: the replicas (coordinator mode) or the
 * first rf of the preference list (sloppy mode) the coordinator believes alive, itself first.
 */
function readCandidates(sim: Sim, coord: NodeState, info: KeyInfo): number[] {
  const from = sim.S.hintMode === 'coordinator' ? info.replicas : info.place.pref;
  const out: number[] = [];
  let self = -1;
  for (let i = 0; i < from.length && out.length < sim.rf; i++) {
    const n = from[i]!;
    if (!sim.believesAlive(coord, n)) continue;
    if (n === coord.idx) self = out.length;
    out.push(n);
  }
  // The coordinator first, the others in their order.
  for (let i = self; i > 0; i--) out[i] = out[i - 1]!;
  if (self > 0) out[0] = coord.idx;
  return out;
}

export function onReadMessage(sim: Sim, node: NodeState, m: Msg): void {
  const b = m.body;
  if (b.k === 'read') {
    sim.send(node.idx, m.from, 'read-response', { k: 'readResp', h: b.h, versions: localVersions(sim, node, b.slot) }, m);
    return;
  }
  if (b.k !== 'readResp') return;
  const h = b.h;
  if (!h.done && h.coord === node.idx) respond(sim, h, m.from, b.versions);
}

function respond(sim: Sim, h: ReadHandler, from: number, versions: readonly Version[]): void {
  if (h.done || h.respondents.includes(from) || !h.contacted.includes(from)) return;
  h.respondents[h.answers] = from;
  h.responses[h.answers] = versions;
  h.answers++;
  if (h.answers < h.contacted.length) return;
  let merged: readonly Version[] = [];
  for (let i = 0; i < h.answers; i++) merged = mergeAll(merged, h.responses[i]!);
  h.merged = merged;
  if (sim.S.readRepair) {
    const owners = h.info.replicas;
    for (let i = 0; i < h.answers; i++) {
      const r = h.respondents[i]!;
      const vs = h.responses[i]!;
      if (holdsAll(vs, merged) || !owners.includes(r)) continue;
      const missing = merged.filter((v) => !holdsWrite(vs, v));
      sim.stats.readRepairs++;
      if (r === h.coord) {
        const node = sim.nodes[r]!;
        applyAll(node.data, node.idx, h.info, missing);
        continue;
      }
      h.repairsPending.push(r);
      const [v, ...more] = missing;
      sim.send(h.coord, r, 'mutation', { k: 'mut', h: null, key: h.key, v: v!, owner: r, repairOf: h, more, slot: h.info });
    }
    if (h.repairsPending.length > 0) {
      sim.schedule(sim.nowUs + sim.us(sim.S.writeTimeout), EV.repairWriteTimeout, -1, 0, h.id, P_OTHER, h);
      return;
    }
  }
  finish(sim, h);
}

/**
 * Does `vs` hold every version of `all`? (The common case: checked without building the list of
 * those missing.) "Holds" as the report counts it (holdsWrite): a replica whose version has an
 * equal or dominating clock is not stale, so read repair writes nothing to it.
 */
function holdsAll(vs: readonly Version[], all: readonly Version[]): boolean {
  for (let i = 0; i < all.length; i++) if (!holdsWrite(vs, all[i]!)) return false;
  return true;
}

export function onRepairAck(sim: Sim, h: ReadHandler, from: number): void {
  if (h.done) return;
  const i = h.repairsPending.indexOf(from);
  if (i >= 0) h.repairsPending.splice(i, 1);
  if (h.repairsPending.length === 0) finish(sim, h);
}

/** Stale: the versions returned do not hold a write acknowledged before the read began (report.ts's "holds"). */
function isStale(h: ReadHandler): boolean {
  if (h.baselineVersions.length > 0) return !h.baselineVersions.every((w) => holdsWrite(h.merged, w));
  return newestTs(h.merged) < h.baselineTs;
}

function finish(sim: Sim, h: ReadHandler): void {
  h.done = true;
  // The timeout still fires (at its time, as a no-op), but no longer holds the finished read:
  // the handler and its responses die young instead of living readTimeout longer.
  if (h.timeout) {
    h.timeout.body = null;
    h.timeout = null;
  }
  sim.stats.readsSucceeded++;
  const stale = isStale(h);
  if (stale) sim.stats.readsStale++;
  if (h.user || stale) {
    const shown = h.merged.map((v) => v.value).join(' | ') || '(no value)';
    sim.note('read', `Read ${h.key} at ${h.level} returned ${shown}${stale ? ' — STALE' : ''}`, h.coord, h.key);
  }
}

export function onReadTimeout(sim: Sim, h: ReadHandler | null): void {
  if (!h || h.done) return;
  h.done = true;
  fail(sim, `Read ${h.key} timed out at ${h.level}`, h.user, h.coord, h.key);
}

export function onRepairWriteTimeout(sim: Sim, h: ReadHandler): void {
  if (h.done || h.repairsPending.length === 0) return;
  h.done = true;
  fail(sim, `Read ${h.key} failed: a read-repair write timed out`, h.user, h.coord, h.key);
}

/** The coordinator crashed: its reads in flight fail. Each has its timeout pending, which finds them. */
export function failReadsOf(sim: Sim, coord: number): void {
  for (const ev of sim.heap.all()) {
    if (ev.k !== EV.readTimeout) continue;
    const h = ev.body as ReadHandler | null;
    if (!h || h.done || h.coord !== coord) continue;
    h.done = true;
    sim.stats.readsFailed++;
  }
}
