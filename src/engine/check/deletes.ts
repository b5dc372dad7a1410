// The report's per-key rules, deletes included (scenario-format.md "Deletes"): fully replicated,
// resurrected, what still holds a key's acknowledged operations, and a node's live keys and
// tombstones. The report and the charts' sample (inspect.ts) both count by these.
import type { SimState } from '../context';
import type { KeyInfo } from '../keys/keys';
import { holdsLive } from '../node/tombstones';
import { holdsWrite, newestTs, type Version } from '../node/versions';

/** Each replica's own data for one key (a down node's surviving disk counts). */
export type Replicas = readonly (readonly Version[] | undefined)[];

/** The newest acknowledged operation is a delete D and some replica holds a live value older than D. */
function holdsDeleted(info: KeyInfo, replicas: Replicas): boolean {
  return info.deleted && replicas.some((vs) => holdsLive(vs) && newestTs(vs) < info.newest);
}

/**
 * Fully replicated: every replica holds the newest acknowledged write or a newer one; when that
 * operation is a delete D, no replica holds a live value older than D (a purged tombstone is fine).
 */
export function fullyReplicated(info: KeyInfo, replicas: Replicas): boolean {
  if (info.deleted) return !holdsDeleted(info, replicas);
  const required: Version[] = info.frontier.length > 0 ? info.frontier : [{ ts: info.newest, value: '' }];
  return replicas.every((vs) => required.every((w) => holdsWrite(vs, w)));
}

/**
 * Resurrected: a replica holds a value older than the acknowledged delete D, and no replica,
 * pending hint or stand-in copy (`hinted`) holds D's tombstone or anything newer: nothing left can
 * delete it again.
 */
export function resurrected(info: KeyInfo, replicas: Replicas, hinted: readonly Version[] | undefined): boolean {
  if (!holdsDeleted(info, replicas)) return false;
  return newestTs(hinted) < info.newest && replicas.every((vs) => newestTs(vs) < info.newest);
}

/**
 * Last-write-wins: the newest timestamp a replica or a hint still holds for the key; acknowledged
 * writes and deletes newer than it are lost. A tombstone compaction purged still counts as held
 * there: purging a delete loses nothing.
 */
export function heldTs(sim: SimState, info: KeyInfo, replicas: Replicas, hinted: readonly Version[] | undefined): number {
  let m = newestTs(hinted);
  for (const vs of replicas) m = Math.max(m, newestTs(vs));
  return sim.tombstones.ticking ? Math.max(m, purgedOnReplicas(sim, info)) : m;
}

/** The newest tombstone timestamp compaction removed from one of the key's replicas (-1 if none). */
function purgedOnReplicas(sim: SimState, info: KeyInfo): number {
  let m = -1;
  for (const r of info.replicas) m = Math.max(m, sim.tombstones.purgedTs[r]!.get(info.key) ?? -1);
  return m;
}

/** A node's own data by kind: live values and tombstones. */
export function dataCounts(data: ReadonlyMap<string, readonly Version[]>): { keys: number; tombstones: number } {
  let tombstones = 0;
  for (const vs of data.values()) if (vs.length > 0 && !holdsLive(vs)) tombstones++;
  return { keys: data.size - tombstones, tombstones };
}
