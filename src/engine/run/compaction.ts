// Compaction and tombstone purging (docs/behaviour.md "Deletes"): at every multiple of
// compactionInterval, and at nodetool compact, a node that is up removes from its own data every
// tombstone its tombstoneGc mode lets go; the key is then absent there. Hints and stand-in copies
// are not compacted (they expire by hintTtl). Ticks are queued only once the run has a delete, so
// a run without deletes has the events, and the trace hash, it always had.
import type { EngineContext, SimState } from '../context';
import { EV } from '../core/events';
import type { NodeState } from '../node/types';
import { setCopyAt } from '../node/versions';
import { purgeable, type GcRule } from '../node/tombstones';
import type { RepairSession } from '../repair/session';
import type { Scenario } from '../scenario/schema';
import type { WorkloadEntry } from '../scenario/entries';

/** An entry that deletes: a delete, or a generator with a deleteRatio above 0. */
export function deletes(w: WorkloadEntry): boolean {
  return w.kind === 'delete' || (w.kind === 'generator' && (w.deleteRatio ?? 0) > 0);
}

/** The run has deletes (the report then has its tombstone fields). */
export function usesDeletes(sc: Scenario): boolean {
  return sc.workload.some(deletes);
}

/** The earliest ms an entry may delete. */
function deleteFrom(w: WorkloadEntry): number {
  return w.kind === 'generator' ? w.from : w.kind === 'delete' ? w.at : Infinity;
}

/**
 * Queues compaction ticks once the run has a delete: the first at the first multiple of
 * compactionInterval (k ≥ 1) not before `fromMs`. A scenario's and a user's delete give the same
 * tick times, so an exported session replays them.
 */
export function startCompaction(s: SimState, w: WorkloadEntry): void {
  if (s.tombstones.ticking || !deletes(w)) return;
  const first = Math.min(...s.sc.workload.filter(deletes).map(deleteFrom));
  s.tombstones.ticking = true;
  const every = s.us(s.settings.compactionInterval);
  const k = Math.max(1, Math.ceil(s.us(first) / every));
  s.schedule(k * every, EV.compaction, -1, 0, 0);
}

export function compactionTick(s: SimState): void {
  for (const node of s.nodes) if (node.up) compactNode(s, node, false);
  s.schedule(s.nowUs + s.us(s.settings.compactionInterval), EV.compaction, -1, 0, 0);
}

function gcRule(ctx: EngineContext): GcRule {
  const S = ctx.settings;
  return { mode: S.tombstoneGc, nowUs: ctx.nowUs, gcGraceUs: ctx.us(S.gcGrace), propagationDelayUs: ctx.us(S.propagationDelay), rf: ctx.rf };
}

/** Purges the node's purgeable tombstones; `major`: nodetool compact (logged even when it purges none). */
export function compactNode(s: SimState, node: NodeState, major: boolean): number {
  const rule = gcRule(s);
  const { purgedTs, repairedAt } = s.tombstones;
  let n = 0;
  for (const [key, vs] of node.data) {
    const v = vs[0];
    if (!v?.tomb) continue;
    const info = s.keys.get(key)!;
    if (!purgeable(v, rule, repairedAt.get(info.place.range) ?? -Infinity)) continue;
    node.data.delete(key);
    const r = info.replicas.indexOf(node.idx);
    if (r >= 0) setCopyAt(info, r, undefined);
    purgedTs[node.idx]!.set(key, Math.max(purgedTs[node.idx]!.get(key) ?? -1, v.ts));
    n++;
  }
  s.tombstones.purged += n;
  if (n > 0 || major) s.note('fault', `${node.id} compacts: ${n} tombstone${n === 1 ? '' : 's'} purged (tombstone_gc ${s.settings.tombstoneGc})`, node.idx);
  return n;
}

/** A wiped disk loses what compaction did there too. */
export function forgetPurged(s: SimState, idx: number): void {
  s.tombstones.purgedTs[idx]!.clear();
}

/**
 * Repair mode: the initiator received a peer's trees for `ranges`. Once every replica of a range
 * other than the initiator has sent its tree, every replica took part in the session, and the
 * range counts as repaired at the session's start.
 */
export function noteRepairTrees(ctx: EngineContext, session: RepairSession, ranges: Iterable<number>, startUs: number): void {
  if (ctx.settings.tombstoneGc !== 'repair') return;
  const trees = (session.trees ??= new Map());
  for (const r of ranges) {
    const got = (trees.get(r) ?? 0) + 1;
    trees.set(r, got);
    if (got < ctx.ring.replicasOfRange(r, ctx.rf).length - 1) continue;
    const at = ctx.tombstones.repairedAt;
    at.set(r, Math.max(at.get(r) ?? -Infinity, startUs));
  }
}
