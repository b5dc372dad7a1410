// Every key the workload touched: where it lives on the ring and what was acknowledged for it.
// The ack record is what the report's "lost acknowledged writes" is counted against.
import type { AckLog } from '../check/ackLog';
import type { KeyPlacement, Ring } from '../ring/ring';
import type { Level } from '../scenario/schema';
import { covers, joinSetVersions, type Version, type VersionSlot } from '../node/versions';

export interface KeyInfo extends VersionSlot {
  key: string;
  /** Order of first use: the key's index in the ack log. */
  ord: number;
  place: KeyPlacement;
  /** The first replicationFactor nodes of the preference list. */
  replicas: readonly number[];
  /** null until a write of the key is acknowledged. */
  acked: AckedKey | null;
  // The two below are read by every read and ack, so they sit on the key itself (one object to
  // fetch, not two).
  /** Newest acknowledged timestamp (last-write-wins); -1 if none. */
  newest: number;
  /** The newest acknowledged operation is a delete (its tombstone's timestamp is `newest`). */
  deleted: boolean;
  /**
   * Acknowledged versions not covered by another acknowledged version (vector clocks), or the join
   * of every acknowledged write (the OR-set: one version); else empty.
   */
  frontier: Version[];
  /** The last successful user read: who answered, with what (read-only; see check/inspect.ts). */
  lastRead: LastRead | null;
}

export interface LastRead {
  at: number;
  level: Level;
  coord: number;
  respondents: readonly number[];
  responses: readonly (readonly Version[])[];
}

export interface AckedKey {
  /** Under vector clocks and the OR-set, every acknowledged version (an OR-set write's delta). */
  versions: Version[];
}

/** What the key table is made of (fields of the simulation's state). */
export interface KeyTable {
  readonly keys: Map<string, KeyInfo>;
  readonly ring: Ring;
  readonly rf: number;
  /** A ring range's replicas, filled on first use. */
  readonly rangeReplicas: (readonly number[] | undefined)[];
  readonly ackLog: AckLog;
}

/** The frontier of a key with none (never changed in place: recordAck replaces it). */
const NO_VERSIONS: Version[] = [];

/** A ring range's replicas: one shared array per range, so every key's lookups hit the same few. */
function replicasOfRange(t: KeyTable, range: number): readonly number[] {
  let r = t.rangeReplicas[range];
  if (!r) t.rangeReplicas[range] = r = t.ring.replicasOfRange(range, t.rf);
  return r;
}

export function keyInfo(t: KeyTable, key: string): KeyInfo {
  let info = t.keys.get(key);
  if (!info) {
    const place = t.ring.place(key);
    const copiesFrom6 = t.rf > 6 ? new Array<Version[] | undefined>(t.rf - 6).fill(undefined) : null;
    info = {
      key, ord: t.keys.size, place, replicas: replicasOfRange(t, place.range), acked: null, newest: -1, deleted: false, frontier: NO_VERSIONS, lastRead: null,
      copy0: undefined, copy1: undefined, copy2: undefined, copy3: undefined, copy4: undefined, copy5: undefined, copiesFrom6, newestTs: -Infinity, atNewest: 0,
    };
    t.keys.set(key, info);
  }
  return info;
}

export function recordAck(t: KeyTable, info: KeyInfo, v: Version): void {
  let a = info.acked;
  if (!a) info.acked = a = { versions: [] };
  t.ackLog.add(info.ord, v.ts);
  // At a tie the tombstone is the newer (versions.ts newerLww).
  if (v.ts > info.newest || (v.ts === info.newest && v.tomb)) info.deleted = v.tomb === true;
  if (v.ts > info.newest) info.newest = v.ts;
  if (v.set) {
    a.versions.push(v);
    info.frontier = [info.frontier.length > 0 ? joinSetVersions(info.frontier[0]!, v) : v];
  } else if (v.clock) {
    a.versions.push(v);
    const frontier = info.frontier.filter((c) => !covers(v, c));
    if (!frontier.some((c) => covers(c, v))) frontier.push(v);
    info.frontier = frontier;
  }
}
