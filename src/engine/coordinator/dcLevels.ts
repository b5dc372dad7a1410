// pure: the consistency levels across datacenters (Cassandra db/ConsistencyLevel.java blockFor,
// localQuorumFor, isDatacenterLocal; locator/ReplicaPlans.java assureSufficientLiveReplicas,
// candidatesForRead, contactForEachQuorumRead). The coordinator's DC is the local one; counts are of
// replicas the coordinator believes alive. With one datacenter every rule here is the one-DC rule
// of levels.ts, and the coordinator takes that path instead.
import type { Topology } from '../ring/topology';
import type { Level } from '../scenario/schema';
import { blockFor } from './levels';

const quorum = (rf: number) => Math.floor(rf / 2) + 1;

/** LOCAL_ONE and LOCAL_QUORUM: only replicas in the coordinator's DC count. */
export function isLocalLevel(level: Level): boolean {
  return level === 'LOCAL_ONE' || level === 'LOCAL_QUORUM';
}

/** How many acks the level needs from a coordinator in DC `local`. */
export function requiredFor(t: Topology, level: Level, local: number, totalRf: number): number {
  switch (level) {
    case 'LOCAL_ONE': return 1;
    // A local RF of 0 still needs 1 (localQuorumFor): always unavailable.
    case 'LOCAL_QUORUM': return quorum(t.rf[local]!);
    case 'EACH_QUORUM': return t.rf.reduce((sum, rf) => sum + (rf > 0 ? quorum(rf) : 0), 0);
    default: return blockFor(level, totalRf);
  }
}

/** EACH_QUORUM: the acks still wanted from each DC (0 where the keyspace has no replica). */
export function perDcNeed(t: Topology, level: Level): number[] | undefined {
  return level === 'EACH_QUORUM' ? t.rf.map((rf) => (rf > 0 ? quorum(rf) : 0)) : undefined;
}

/**
 * Whether an ack from replica `from` counts toward the level: local levels count only the local
 * DC; EACH_QUORUM counts an ack while its DC is short of its own quorum (`need` is decremented).
 */
export function ackCounts(t: Topology, level: Level, local: number, from: number, need: number[] | undefined): boolean {
  const d = t.dcOf[from]!;
  if (isLocalLevel(level)) return d === local;
  if (!need) return true;
  if (need[d]! <= 0) return false;
  need[d]!--;
  return true;
}

/**
 * assureSufficientLiveReplicas: how many believed-alive replicas count toward the level, or -1 when
 * EACH_QUORUM finds some DC short (then the whole operation is unavailable).
 */
export function liveCount(t: Topology, level: Level, local: number, alive: readonly number[]): number {
  if (isLocalLevel(level)) {
    // Counted, not filtered: every write at a local level comes through here.
    let n = 0;
    for (const r of alive) if (t.dcOf[r] === local) n++;
    return n;
  }
  if (level !== 'EACH_QUORUM') return alive.length;
  const need = perDcNeed(t, level)!;
  for (const r of alive) need[t.dcOf[r]!]!--;
  return need.some((n) => n > 0) ? -1 : alive.length;
}

/**
 * The replicas a read contacts, nearest first — the coordinator, its DC, then the others, each in
 * replica order (sortedByProximity) — as many as the level needs: local levels from the local DC
 * only, EACH_QUORUM a quorum from each DC. Fewer than `required` when it is unavailable.
 */
export function readContacts(t: Topology, level: Level, coord: number, alive: readonly number[], required: number): number[] {
  const local = t.dcOf[coord]!;
  const rank = (r: number) => (r === coord ? 0 : t.dcOf[r] === local ? 1 : 2);
  const near = alive.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);
  if (isLocalLevel(level)) return near.filter((r) => t.dcOf[r] === local).slice(0, required);
  if (level !== 'EACH_QUORUM') return near.slice(0, required);
  const need = perDcNeed(t, level)!;
  const out: number[] = [];
  for (const r of near) {
    const d = t.dcOf[r]!;
    if (need[d]! > 0) { need[d]!--; out.push(r); }
  }
  // A DC short of its quorum leaves the list short of `required`: unavailable.
  return out;
}
