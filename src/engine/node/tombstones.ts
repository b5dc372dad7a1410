// pure: tombstones under last-write-wins (docs/behaviour.md "Deletes"). A delete is a write of a
// tombstone: a version whose timestamp is also its deletion time, as Cassandra's localDeletionTime
// is set by the coordinator and travels with the mutation (db/DeletionTime.java), so a tombstone
// delivered late by a hint or a repair ages from the delete, not from its arrival.
import type { TombstoneGc } from '../scenario/registry';
import type { Version } from './versions';

/** The tombstone a delete writes at timestamp `ts` (µs × 1000, as every write's). */
export function tombstone(ts: number): Version {
  return { ts, value: '', tomb: true };
}

/** Deletion time in µs: the tombstone's timestamp (timestamps are µs × 1000). */
export function deletionUs(v: Version): number {
  return v.ts / 1000;
}

/** A replica's versions hold a live value (not only a tombstone, not nothing). */
export function holdsLive(vs: readonly Version[] | undefined): boolean {
  if (!vs) return false;
  for (const v of vs) if (!v.tomb) return true;
  return false;
}

/** The versions are exactly a tombstone (last-write-wins keeps one version per key). */
export function isTombstoned(vs: readonly Version[] | undefined): boolean {
  return vs !== undefined && vs.length > 0 && vs[0]!.tomb === true;
}

/** What decides whether compaction may purge a tombstone now (docs/behaviour.md "Deletes"). */
export interface GcRule {
  mode: TombstoneGc;
  nowUs: number;
  gcGraceUs: number;
  propagationDelayUs: number;
  /** Total replication factor: with 1, repair mode purges at once (there is no one to repair with). */
  rf: number;
}

/**
 * Purgeable now. `repairedAtUs`: the start of the last repair session of the key's range in which
 * every replica took part (-Infinity if none).
 * - timeout: older than gcGrace, strictly (Cassandra's gcBefore = now − gc_grace_seconds).
 * - repair (ScyllaDB): such a repair started at least propagationDelay after the delete.
 * - immediate: at once. disabled: never.
 */
export function purgeable(v: Version, rule: GcRule, repairedAtUs: number): boolean {
  switch (rule.mode) {
    case 'timeout': return rule.nowUs - deletionUs(v) > rule.gcGraceUs;
    case 'repair': return rule.rf === 1 || repairedAtUs >= deletionUs(v) + rule.propagationDelayUs;
    case 'immediate': return true;
    case 'disabled': return false;
  }
}

/** What the simulation keeps about tombstones beyond the replicas' data (a field of the Sim). */
export interface TombstoneState {
  /** Compaction ticks are queued (the run has a delete): nothing is scheduled before. */
  ticking: boolean;
  /** Tombstones compaction removed from replicas' data. */
  purged: number;
  /**
   * Per node: key → the newest tombstone timestamp compaction removed there. The report still
   * counts it held (purging a delete does not lose the write it superseded); a wipe forgets it.
   */
  purgedTs: Map<string, number>[];
  /** Per ring range: start (µs) of the last repair session in which every replica took part. */
  repairedAt: Map<number, number>;
}

export function freshTombstoneState(nodes: number): TombstoneState {
  return { ticking: false, purged: 0, purgedTs: Array.from({ length: nodes }, () => new Map<string, number>()), repairedAt: new Map() };
}
