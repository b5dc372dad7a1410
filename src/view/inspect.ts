// pure: what the key inspector concludes from a KeyInspection — which replicas hold the
// acknowledged write, where the ring walk finds each node — and where a key sits in a log text.
import type { KeyInspection, NodeView, VersionView } from '../protocol';
import { formatClock } from './format';

/**
 * current: holds every acknowledged version; stale: holds an older one; missing: holds nothing;
 * unknown: nothing was acknowledged yet, so there is nothing to compare with.
 */
export type ReplicaStatus = 'current' | 'stale' | 'missing' | 'unknown';

function dominatesOrEquals(a: Record<string, number>, b: Record<string, number>): boolean {
  for (const k in b) if ((a[k] ?? 0) < (b[k] ?? 0)) return false;
  return true;
}

const includesAll = (a: readonly number[], b: readonly number[]) => b.every((t) => a.includes(t));

/**
 * v has seen write w: under the OR-set its set includes w's adds and tombstones; under vector
 * clocks its clock descends w's; else its writetime is no older.
 */
export function covers(v: VersionView, w: VersionView): boolean {
  if (v.set && w.set) return includesAll(v.set.addTags, w.set.addTags) && includesAll(v.set.removedTags, w.set.removedTags);
  if (v.clock && w.clock) {
    if (!dominatesOrEquals(v.clock, w.clock)) return false;
    // Equal clocks on different writes are siblings, not the same write.
    return !dominatesOrEquals(w.clock, v.clock) || (v.writetime === w.writetime && v.value === w.value);
  }
  return v.writetime >= w.writetime;
}

export function holdsAll(versions: readonly VersionView[], acknowledged: readonly VersionView[]): boolean {
  return acknowledged.every((w) => versions.some((v) => covers(v, w)));
}

export function replicaStatus(versions: readonly VersionView[], acknowledged: readonly VersionView[]): ReplicaStatus {
  if (acknowledged.length === 0) return versions.length === 0 ? 'missing' : 'unknown';
  // After an acknowledged delete, holding nothing (the tombstone purged) is as good as holding it.
  if (acknowledged[0]!.tombstone && versions.length === 0) return 'current';
  if (versions.length === 0) return 'missing';
  return holdsAll(versions, acknowledged) ? 'current' : 'stale';
}

export const STATUS_TEXT: Record<ReplicaStatus, string> = {
  current: 'has the acknowledged write',
  stale: 'STALE: behind the acknowledged write',
  missing: 'MISSING: holds nothing for this key',
  unknown: 'holds a version (nothing acknowledged yet)',
};

export interface InspectionSummary {
  rf: number;
  /** Replicas holding the acknowledged write. */
  current: number;
  behind: string[];
  hints: number;
}

export function summarise(inspection: KeyInspection): InspectionSummary {
  const replicas = inspection.preferenceList.filter((e) => e.replica);
  const statuses = replicas.map((e) => ({ node: e.node, status: replicaStatus(e.versions, inspection.acknowledged) }));
  return {
    rf: replicas.length,
    current: statuses.filter((s) => s.status === 'current').length,
    behind: statuses.filter((s) => s.status === 'stale' || (s.status === 'missing' && inspection.acknowledged.length > 0)).map((s) => s.node),
    hints: inspection.hints.length,
  };
}

/**
 * For each node of the preference list, how far clockwise from the key (fraction of a turn,
 * 0..1) the walk meets that node's first token. The ring owns a key by the next token clockwise.
 */
export function walkOffsets(position: number, prefNodes: readonly string[], nodes: readonly NodeView[]): Map<string, number> {
  const out = new Map<string, number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const id of prefNodes) {
    const n = byId.get(id);
    if (!n || n.tokens.length === 0) continue;
    let best = Infinity;
    for (const t of n.tokens) {
      const d = (((t - position) % 1) + 1) % 1;
      if (d < best) best = d;
    }
    out.set(id, best);
  }
  return out;
}

/** Writetime (µs since the run began) as the simulated clock shows it. */
export const writetimeMs = (v: VersionView) => v.writetime / 1000;

/** The simulated clock, short in the first hour (03:21.450), as formatClock after. */
export function shortClock(ms: number): string {
  if (ms >= 3_600_000) return formatClock(ms);
  return formatClock(ms).replace(/^0:/, '');
}

export function formatClockVector(clock: Record<string, number>): string {
  return `{${Object.keys(clock)
    .sort()
    .map((k) => `${k}:${clock[k]}`)
    .join(', ')}}`;
}

/** Groups the digits of a Murmur3 token for reading aloud: -4 069 959 284 402 364 209. */
export function formatToken(token: string): string {
  const m = /^(-?)(\d+)$/.exec(token);
  if (!m) return token;
  return `${m[1] === '-' ? '−' : ''}${(m[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009')}`;
}

/** The key a write or read event is about, split out of the text, or null. */
export function keyInLogText(text: string): { before: string; key: string; after: string } | null {
  const m = /^(Write|Read) (.+?)(?==|\s(?:at|acknowledged|failed|returned|timed out)\b)/.exec(text);
  if (!m || !m[2]) return null;
  const before = `${m[1]} `;
  return { before, key: m[2], after: text.slice(before.length + m[2].length) };
}
