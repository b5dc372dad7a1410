// pure: stored versions and how replicas merge them. Last-write-wins keeps one version (newest
// write timestamp, ties broken by value as Cassandra does); vector clocks keep concurrent siblings;
// the OR-set keeps one version whose state is the CRDT join of everything seen (orset.ts).
import { includes, join, showSet, type OrSet } from './orset';

export type Clock = Record<string, number>;

export interface Version {
  /** Write timestamp in µs × 1000 + a tie-breaking sequence (unique per write). */
  ts: number;
  value: string;
  /** Present under vector-clock conflict resolution. */
  clock?: Clock;
  /**
   * Present under OR-set conflict resolution: a write's delta (one add, or a remove's tombstones) or
   * a replica's whole state. `value` is then for display only: "+x" / "-x" for a write, "{x, y}" for a state.
   */
  set?: OrSet;
  /**
   * A tombstone (a delete, last-write-wins only): `value` is '' and means nothing. Its deletion
   * time is its timestamp (node/tombstones.ts).
   */
  tomb?: true;
}

/** The join of two OR-set versions: the newer timestamp, the joined state. Returns `a` when it already holds `b`. */
export function joinSetVersions(a: Version, b: Version): Version {
  const set = join(a.set!, b.set!);
  if (set === a.set && a.ts >= b.ts) return a;
  return { ts: Math.max(a.ts, b.ts), value: showSet(set), set };
}

/** a ⊒ b: a has seen everything b has. */
export function dominatesOrEquals(a: Clock, b: Clock): boolean {
  for (const k in b) if ((a[k] ?? 0) < b[k]!) return false;
  return true;
}

function clocksEqual(a: Clock, b: Clock): boolean {
  return dominatesOrEquals(a, b) && dominatesOrEquals(b, a);
}

/**
 * a covers b: a has seen write b. Two different writes can carry equal clocks (a coordinator that
 * is not a replica holds no version, so each write it makes starts from nothing); those are
 * concurrent, not the same write, and are kept as siblings.
 */
export function covers(a: Version, b: Version): boolean {
  if (!a.clock || !b.clock) return a.ts >= b.ts;
  if (!dominatesOrEquals(a.clock, b.clock)) return false;
  return !clocksEqual(a.clock, b.clock) || (a.ts === b.ts && a.value === b.value);
}

export function mergeClocks(versions: readonly Version[]): Clock {
  const out: Clock = {};
  for (const v of versions) for (const k in v.clock) out[k] = Math.max(out[k] ?? 0, v.clock[k]!);
  return out;
}

/** At a tie a tombstone beats a value (Cassandra db/rows/Cells.java resolveRegular, CASSANDRA-14592). */
function newerLww(a: Version, b: Version): boolean {
  if (a.ts !== b.ts) return a.ts > b.ts;
  if (a.tomb !== b.tomb) return a.tomb === true;
  return a.value > b.value;
}

/** The versions after `incoming` is applied; returns the same array when nothing changed. */
export function mergeVersion(existing: readonly Version[] | undefined, incoming: Version): readonly Version[] {
  if (!existing || existing.length === 0) return [incoming];
  if (incoming.set) {
    const joined = joinSetVersions(existing[0]!, incoming);
    return joined === existing[0] ? existing : [joined];
  }
  if (!incoming.clock) {
    const cur = existing[0]!;
    return newerLww(incoming, cur) ? [incoming] : existing;
  }
  for (const v of existing) if (covers(v, incoming)) return existing;
  const kept = existing.filter((v) => !covers(incoming, v));
  kept.push(incoming);
  // Siblings in a canonical order (oldest first), so equal sets look equal on every replica.
  if (kept.length > 1) kept.sort((a, b) => a.ts - b.ts || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return kept;
}

/**
 * Where a node keeps one key's versions: its data map, and (for replicas) a slot on the key:
 * each replica's versions, by rank, the same arrays as in the replicas' data maps, so the hot
 * write path needs no map lookup. The first six ranks (every replica at the usual replication
 * factors, three in each of two datacenters too) are fields of the key itself: one object to
 * fetch per write, not two.
 */
export interface VersionSlot {
  key: string;
  replicas: readonly number[];
  copy0: Version[] | undefined;
  copy1: Version[] | undefined;
  copy2: Version[] | undefined;
  copy3: Version[] | undefined;
  copy4: Version[] | undefined;
  copy5: Version[] | undefined;
  /** Ranks 6 and up; null below a replication factor of 7. */
  copiesFrom6: (Version[] | undefined)[] | null;
  /**
   * An upper bound of every timestamp the replicas' copies hold, and which ranks (0–29) may hold a
   * version of exactly that timestamp. A last-write-wins version newer than the bound, or equal to
   * it at a rank whose bit is clear, is newer than that rank's copy without reading the copy —
   * which, written seconds of simulated time earlier, is a cache miss on the write path's hottest
   * line. A set bit only means "compare".
   */
  newestTs: number;
  atNewest: number;
}

/** Ranks past this one always compare (the bits of `atNewest` are a 32-bit integer's). */
const TRACKED_RANKS = 30;

/** Whether a last-write-wins version of timestamp `ts` is newer than rank r's copy, known without reading it. */
function knownNewer(slot: VersionSlot, r: number, ts: number): boolean {
  return r < TRACKED_RANKS && (ts > slot.newestTs || (ts === slot.newestTs && (slot.atNewest & (1 << r)) === 0));
}

/**
 * Rank r's copy now holds a version of timestamp `ts` (`exact`), or versions no newer than the
 * bound and `ts` (joined states, siblings): its bit is then set, which only means "compare".
 */
function noteStored(slot: VersionSlot, r: number, ts: number, exact: boolean): void {
  if (ts > slot.newestTs) {
    slot.newestTs = ts;
    slot.atNewest = 0;
  }
  if (r >= TRACKED_RANKS) return;
  if (!exact || ts === slot.newestTs) slot.atNewest |= 1 << r;
  else slot.atNewest &= ~(1 << r);
}

/** Replica rank r's versions of the slot's key. */
export function copyAt(slot: VersionSlot, r: number): Version[] | undefined {
  switch (r) {
    case 0: return slot.copy0;
    case 1: return slot.copy1;
    case 2: return slot.copy2;
    case 3: return slot.copy3;
    case 4: return slot.copy4;
    case 5: return slot.copy5;
    default: return slot.copiesFrom6![r - 6];
  }
}

export function setCopyAt(slot: VersionSlot, r: number, vs: Version[] | undefined): void {
  switch (r) {
    case 0: slot.copy0 = vs; break;
    case 1: slot.copy1 = vs; break;
    case 2: slot.copy2 = vs; break;
    case 3: slot.copy3 = vs; break;
    case 4: slot.copy4 = vs; break;
    case 5: slot.copy5 = vs; break;
    default: slot.copiesFrom6![r - 6] = vs;
  }
}

/** A node's versions of a key (its own data; no copy). */
export function versionsOf(data: Map<string, Version[]>, idx: number, slot: VersionSlot): Version[] | undefined {
  const r = slot.replicas.indexOf(idx);
  return r >= 0 ? copyAt(slot, r) : data.get(slot.key);
}

/**
 * Applies a version to a node's own data. The arrays belong to that node and are updated in
 * place (the hot path: no map lookup once a replica holds the key); anything handed to another
 * node is a copy.
 */
export function applyVersion(data: Map<string, Version[]>, idx: number, slot: VersionSlot, v: Version): void {
  const r = slot.replicas.indexOf(idx);
  const cur = r >= 0 ? copyAt(slot, r) : data.get(slot.key);
  if (!cur || cur.length === 0) {
    const fresh = [v];
    data.set(slot.key, fresh);
    if (r >= 0) {
      setCopyAt(slot, r, fresh);
      noteStored(slot, r, v.ts, !v.clock && !v.set);
    }
    return;
  }
  if (v.set) {
    // One state per replica, replaced in place (the array is the node's own).
    cur[0] = joinSetVersions(cur[0]!, v);
    if (r >= 0) noteStored(slot, r, v.ts, false);
    return;
  }
  if (!v.clock) {
    if (r >= 0 ? knownNewer(slot, r, v.ts) || newerLww(v, cur[0]!) : newerLww(v, cur[0]!)) {
      cur[0] = v;
      if (r >= 0) noteStored(slot, r, v.ts, true);
    }
    return;
  }
  const next = mergeVersion(cur, v) as Version[];
  if (next === cur) return;
  data.set(slot.key, next);
  if (r >= 0) {
    setCopyAt(slot, r, next);
    noteStored(slot, r, v.ts, false);
  }
}

export function applyAll(data: Map<string, Version[]>, idx: number, slot: VersionSlot, vs: readonly Version[]): void {
  for (const v of vs) applyVersion(data, idx, slot, v);
}

export function mergeAll(existing: readonly Version[] | undefined, incoming: readonly Version[]): readonly Version[] {
  let cur = existing;
  for (const v of incoming) cur = mergeVersion(cur, v);
  return cur ?? [];
}

/**
 * The report's "holds" (scenario-format.md): under the OR-set a state holds a write when it
 * includes the write's adds and tombstones (the join's order); under vector clocks a set holds write w when one of its
 * versions has a clock that dominates or equals w's; under last-write-wins, a version as new or
 * newer. Unlike `covers`, two different writes of equal clock (one non-replica coordinator's two
 * writes of a key, each built on nothing) hold each other: the storage keeps both as siblings,
 * but the report counts by clocks, as the format defines so that every implementation agrees.
 */
export function holdsWrite(versions: readonly Version[] | undefined, w: Version): boolean {
  if (!versions) return false;
  for (const v of versions) {
    if (w.set) {
      if (v.set && includes(v.set, w.set)) return true;
      continue;
    }
    if (v.clock && w.clock ? dominatesOrEquals(v.clock, w.clock) : v.ts >= w.ts) return true;
  }
  return false;
}

/** Newest LWW timestamp in a set, or -1. */
export function newestTs(versions: readonly Version[] | undefined): number {
  let m = -1;
  if (versions) for (const v of versions) if (v.ts > m) m = v.ts;
  return m;
}

export function versionBytes(key: string, v: Version): number {
  const set = v.set ? v.set.adds.reduce((n, d) => n + 12 + d[1].length, 0) + v.set.removed.length * 8 : 0;
  return 40 + key.length + v.value.length + (v.clock ? Object.keys(v.clock).length * 12 : 0) + set;
}
