// The coordinator's read path: ask as many replicas as the level needs (believed alive, the
// coordinator first when it is one), return the newest; with read repair (Cassandra 4.0 BLOCKING)
// write the newest back to the stale replicas that answered before returning. In sloppy-quorum
// mode the first N healthy nodes of the extended preference list answer, stand-ins included.
import type { EngineContext } from '../context';
import { EV, P_OTHER } from '../core/events';
import type { KeyInfo } from '../keys/keys';
import { believesAlive } from '../node/node';
import type { Msg, NodeState } from '../node/types';
import { applyAll, holdsWrite, mergeAll, newestTs, versionsOf, type Version } from '../node/versions';
import { readAvailable } from './levels';
import { readContacts, requiredFor } from './dcLevels';
import { hintExpired } from '../hints/hints';
import type { ReadHandler } from './types';
import type { Level } from '../scenario/schema';
import type { FailureCode } from '../api';
import type { LazyText } from '../core/log';
import { names, realName, silent } from './reasons';
import { holdsLive, isTombstoned } from '../node/tombstones';

/** A failed read: counted, its reason recorded, and logged (the workload's too, marked as such). */
function fail(ctx: EngineContext, code: FailureCode, text: LazyText, user: boolean, node: number | undefined, key: string): void {
  ctx.stats.readsFailed++;
  ctx.why.record(code, text);
  ctx.note('read', text, node, key, !user);
}

/** What a node answers for a key: its data, plus hinted copies it keeps as a stand-in (sloppy mode). */
function localVersions(ctx: EngineContext, node: NodeState, info: KeyInfo): readonly Version[] {
  const key = info.key;
  let out: readonly Version[] = versionsOf(node.data, node.idx, info)?.slice() ?? [];
  if (ctx.settings.hintMode === 'sloppy-quorum') {
    // A copy past its TTL is expired (never handed off, counted so by the report): not served either.
    for (const q of node.hints.values()) for (const h of q.hints) if (h.key === key && !hintExpired(ctx, h)) out = mergeAll(out, [h.v]);
  }
  return out;
}

export function startRead(ctx: EngineContext, coordIdx: number, info: KeyInfo, level: Level, user: boolean): void {
  const key = info.key;
  ctx.stats.readsAttempted++;
  const coord = coordIdx >= 0 ? ctx.nodes[coordIdx]! : null;
  if (!coord || !coord.up || !coord.serving) {
    fail(ctx, 'read-coordinator', `Read ${key} failed: coordinator ${coord ? `${coord.id} is ${coord.up ? 'not serving yet' : 'down'}` : 'unavailable (no node up)'}`, user, coordIdx >= 0 ? coordIdx : undefined, key);
    return;
  }
  const required = requiredFor(ctx.topology, level, ctx.topology.dcOf[coord.idx]!, ctx.rf);
  const candidates = ctx.topology.names.length > 1 ? readContacts(ctx.topology, level, coord.idx, readCandidates(ctx, coord, info), required) : readCandidates(ctx, coord, info);
  if (!readAvailable(level, required, ctx.rf, candidates.length)) {
    const from = ctx.settings.hintMode === 'coordinator' ? info.replicas : info.place.pref.slice(0, ctx.rf);
    const down = from.filter((r) => !believesAlive(coord, r)).map((r) => ctx.nodes[r]!.id);
    const alive = candidates.length;
    const text = () => `Read ${key} at ${level} unavailable: ${alive} replica${alive === 1 ? '' : 's'} believed alive, ${required} needed${down.length > 0 ? `; ${coord.id} believes ${names(down)} down` : ''}`;
    fail(ctx, 'read-unavailable', text, user, coord.idx, key);
    return;
  }
  if (candidates.length > required) candidates.length = required;
  const h: ReadHandler = {
    id: ctx.newId(), coord: coord.idx, key, level, contacted: candidates,
    respondents: new Array<number>(candidates.length), responses: new Array<readonly Version[]>(candidates.length), answers: 0,
    baselineTs: info.newest, baselineDeleted: info.deleted, baselineVersions: info.frontier, info,
    repairsPending: [], merged: [], done: false, user, timeout: null,
  };
  if (user) ctx.note('read', `Read ${key} at ${level} via ${coord.id}`, coord.idx, key);
  h.timeout = ctx.schedule(ctx.nowUs + ctx.us(ctx.settings.readTimeout), EV.readTimeout, -1, 0, h.id, P_OTHER, h);
  for (const r of h.contacted) {
    if (r === coord.idx) respond(ctx, h, r, localVersions(ctx, coord, info));
    else ctx.send(coord.idx, r, 'read', { k: 'read', h, slot: info });
  }
}

/**
 * The nodes a read may ask, in the order it asks them: the replicas (coordinator mode) or the
 * first rf of the preference list (sloppy mode) the coordinator believes alive, itself first.
 */
function readCandidates(ctx: EngineContext, coord: NodeState, info: KeyInfo): number[] {
  const from = ctx.settings.hintMode === 'coordinator' ? info.replicas : info.place.pref;
  const out: number[] = [];
  let self = -1;
  for (let i = 0; i < from.length && out.length < ctx.rf; i++) {
    const n = from[i]!;
    if (!believesAlive(coord, n)) continue;
    if (n === coord.idx) self = out.length;
    out.push(n);
  }
  // The coordinator first, the others in their order.
  for (let i = self; i > 0; i--) out[i] = out[i - 1]!;
  if (self > 0) out[0] = coord.idx;
  return out;
}

/** A replica answers a read with what it holds (the answer travels in the request's event). */
export function onRead(ctx: EngineContext, node: NodeState, m: Msg<'read'>): void {
  const b = m.body;
  ctx.send(node.idx, m.from, 'read-response', { k: 'readResp', h: b.h, versions: localVersions(ctx, node, b.slot) }, m);
}

export function onReadResponse(ctx: EngineContext, node: NodeState, m: Msg<'read-response'>): void {
  const h = m.body.h;
  if (!h.done && h.coord === node.idx) respond(ctx, h, m.from, m.body.versions);
}

function respond(ctx: EngineContext, h: ReadHandler, from: number, versions: readonly Version[]): void {
  if (h.done || h.respondents.includes(from) || !h.contacted.includes(from)) return;
  h.respondents[h.answers] = from;
  h.responses[h.answers] = versions;
  h.answers++;
  if (h.answers < h.contacted.length) return;
  let merged: readonly Version[] = [];
  for (let i = 0; i < h.answers; i++) merged = mergeAll(merged, h.responses[i]!);
  h.merged = merged;
  if (ctx.settings.readRepair) {
    const owners = h.info.replicas;
    for (let i = 0; i < h.answers; i++) {
      const r = h.respondents[i]!;
      const vs = h.responses[i]!;
      if (holdsAll(vs, merged) || !owners.includes(r)) continue;
      const missing = merged.filter((v) => !holdsWrite(vs, v));
      ctx.stats.readRepairs++;
      if (r === h.coord) {
        const node = ctx.nodes[r]!;
        applyAll(node.data, node.idx, h.info, missing);
        continue;
      }
      h.repairsPending.push(r);
      const [v, ...more] = missing;
      ctx.send(h.coord, r, 'mutation', { k: 'mut', h: null, key: h.key, v: v!, owner: r, repairOf: h, more, slot: h.info, fwd: null });
    }
    if (h.repairsPending.length > 0) {
      ctx.schedule(ctx.nowUs + ctx.us(ctx.settings.writeTimeout), EV.repairWriteTimeout, -1, 0, h.id, P_OTHER, h);
      return;
    }
  }
  finish(ctx, h);
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

export function onRepairAck(ctx: EngineContext, h: ReadHandler, from: number): void {
  if (h.done) return;
  const i = h.repairsPending.indexOf(from);
  if (i >= 0) h.repairsPending.splice(i, 1);
  if (h.repairsPending.length === 0) finish(ctx, h);
}

/** Stale: the versions returned do not hold a write acknowledged before the read began (report.ts's "holds"). */
function isStale(h: ReadHandler): boolean {
  if (h.baselineVersions.length > 0) return !h.baselineVersions.every((w) => holdsWrite(h.merged, w));
  // After an acknowledged delete, not found (a tombstone, or nothing once purged) is the answer;
  // a value older than the delete is stale (docs/scenario-format.md, reads.stale).
  if (h.baselineDeleted) return holdsLive(h.merged) && newestTs(h.merged) < h.baselineTs;
  return newestTs(h.merged) < h.baselineTs;
}

function finish(ctx: EngineContext, h: ReadHandler): void {
  h.done = true;
  // The timeout still fires (at its time, as a no-op), but no longer holds the finished read:
  // the handler and its responses die young instead of living readTimeout longer.
  if (h.timeout) {
    h.timeout.body = null;
    h.timeout = null;
  }
  ctx.stats.readsSucceeded++;
  const stale = isStale(h);
  if (stale) ctx.stats.readsStale++;
  if (h.user) {
    // Kept for the key inspection: which nodes answered (a stand-in serving a read shows here).
    h.info.lastRead = { at: ctx.nowUs / 1000, level: h.level, coord: h.coord, respondents: h.respondents.slice(0, h.answers), responses: h.responses.slice(0, h.answers) };
  }
  const { key, level, merged } = h;
  const text = () => `Read ${key} at ${level} returned ${isTombstoned(merged) ? 'not found (a tombstone)' : merged.map((v) => v.value).join(' | ') || '(no value)'}${stale ? ' — STALE' : ''}`;
  ctx.note('read', h.user ? text() : text, h.coord, key, !h.user);
}

export function onReadTimeout(ctx: EngineContext, h: ReadHandler | null): void {
  if (!h || h.done) return;
  h.done = true;
  const quiet = h.contacted.filter((r) => !h.respondents.slice(0, h.answers).includes(r));
  fail(ctx, 'read-timeout', `Read ${h.key} at ${h.level} failed: ${silent(ctx, h.coord, quiet, 'readTimeout')}`, h.user, h.coord, h.key);
}

export function onRepairWriteTimeout(ctx: EngineContext, h: ReadHandler): void {
  if (h.done || h.repairsPending.length === 0) return;
  h.done = true;
  const quiet = h.repairsPending.map((r) => ctx.nodes[r]!.id);
  fail(ctx, 'read-repair-timeout', `Read ${h.key} at ${h.level} failed: the read-repair write to ${names(quiet)} was not acked within ${realName(ctx.settings, 'writeTimeout')}`, h.user, h.coord, h.key);
}

/** The coordinator crashed: its reads in flight fail. Each has its timeout pending, which finds them. */
export function failReadsOf(ctx: EngineContext, coord: number): void {
  for (const ev of ctx.pendingEvents()) {
    if (ev.k !== EV.readTimeout) continue;
    const h = ev.body as ReadHandler | null;
    if (!h || h.done || h.coord !== coord) continue;
    h.done = true;
    ctx.stats.readsFailed++;
    ctx.why.record('read-coordinator', `Read ${h.key} at ${h.level} failed: coordinator ${ctx.nodes[coord]!.id} crashed`);
  }
}
