// What the key inspector and the charts read: one key in full, and a light sample of the cluster.
import type { KeyInspection, LastReadView, MetricsSample, VersionView } from '../api';
import type { LastRead } from '../keys/keys';
import { Ring } from '../ring/ring';
import type { SimState } from '../context';
import type { KeyInfo } from '../keys/keys';
import { holdsWrite, type Version } from '../node/versions';
import { fullyReplicated, heldTs, resurrected, type Replicas } from './deletes';
import { hintBuffered, hintExpired } from '../hints/hints';
import { underReplicatedByDc } from './dcReport';
import { elements } from '../node/orset';

const view = (v: Version): VersionView => ({
  value: v.value, writetime: Math.floor(v.ts / 1000), ...(v.clock ? { clock: { ...v.clock } } : {}),
  ...(v.set ? { set: { elements: elements(v.set), addTags: v.set.adds.map((d) => d[0]), removedTags: [...v.set.removed] } } : {}),
  ...(v.tomb ? { tombstone: true as const } : {}),
});

export function inspectKey(sim: SimState, key: string): KeyInspection {
  const info = sim.keyInfo(key);
  const hints: KeyInspection['hints'] = [];
  for (const n of sim.nodes) {
    for (const q of n.hints.values()) {
      for (const h of q.hints) {
        if (h.key !== key) continue;
        hints.push({ holder: n.id, target: sim.nodes[q.target]!.id, value: h.v.value, writetime: Math.floor(h.v.ts / 1000), createdAt: h.createdAt / 1000, flushed: !hintBuffered(sim, h), ...(h.v.tomb ? { tombstone: true as const } : {}) });
      }
    }
  }
  const a = info.acked;
  const acknowledged: VersionView[] = !a ? [] : info.frontier.length > 0 ? info.frontier.map(view) : [{ value: '', writetime: Math.floor(info.newest / 1000), ...(info.deleted ? { tombstone: true as const } : {}) }];
  if (a && info.frontier.length === 0 && !info.deleted) {
    // Name the newest acknowledged value where a replica or hint still has it.
    const all = [...info.replicas.flatMap((r) => sim.nodes[r]!.data.get(key) ?? []), ...hints.map((h) => ({ ts: h.writetime * 1000, value: h.value }))];
    const match = all.find((v) => Math.floor(v.ts / 1000) === acknowledged[0]!.writetime);
    if (match) acknowledged[0]!.value = match.value;
  }
  return {
    key,
    token: info.place.token.toString(),
    position: Ring.fraction(info.place.pos),
    preferenceList: info.place.pref.map((i) => ({
      node: sim.nodes[i]!.id, replica: info.replicas.includes(i), up: sim.nodes[i]!.up, versions: (sim.nodes[i]!.data.get(key) ?? []).map(view),
    })),
    hints,
    acknowledged,
    ...(info.lastRead ? { lastRead: lastReadView(sim, info.lastRead) } : {}),
    conflictResolution: sim.settings.conflictResolution,
  };
}

function lastReadView(sim: SimState, r: LastRead): LastReadView {
  return {
    at: r.at, level: r.level, coordinator: sim.nodes[r.coord]!.id,
    answers: r.respondents.map((n, i) => ({ node: sim.nodes[n]!.id, values: r.responses[i]!.map((v) => v.value) })),
  };
}

export function metrics(sim: SimState): MetricsSample {
  const pendingByTarget: Record<string, number> = {};
  let hintsPending = 0;
  for (const n of sim.nodes) {
    for (const q of n.hints.values()) {
      if (q.hints.length === 0) continue;
      const id = sim.nodes[q.target]!.id;
      pendingByTarget[id] = (pendingByTarget[id] ?? 0) + q.hints.length;
      hintsPending += q.hints.length;
    }
  }
  const under: KeyInfo[] = [];
  // A deleted key may be fully replicated with nothing left but purged tombstones: counted too.
  const suspect: KeyInfo[] = [];
  for (const info of sim.keys.values()) {
    if (!info.acked) continue;
    const full = fullyReplicated(info, info.replicas.map((r) => sim.nodes[r]!.data.get(info.key)));
    if (!full) under.push(info);
    if (!full || info.deleted) suspect.push(info);
  }
  const s = sim.stats;
  return {
    now: sim.now, writesAcknowledged: s.writesAcknowledged - s.deletesAcknowledged, writesFailed: s.writesFailed - s.deletesFailed, readsStale: s.readsStale, hintsPending, pendingByTarget,
    underReplicated: under.length, lostAcknowledgedWrites: suspect.length === 0 ? 0 : lostAmong(sim, suspect),
    ...(sim.sc.datacenters !== undefined ? { underReplicatedByDc: underReplicatedByDc(sim, under) } : {}),
    ...(sim.tombstones.ticking ? { deletesAcknowledged: s.deletesAcknowledged, tombstonesPurged: sim.tombstones.purged, resurrected: zombies(sim, under) } : {}),
  };
}

/** The report's replication.resurrected, over the under-replicated keys (a resurrected key is one). */
function zombies(sim: SimState, under: readonly KeyInfo[]): number {
  const deleted = under.filter((info) => info.deleted);
  if (deleted.length === 0) return 0;
  const hinted = new Map<string, Version[]>(deleted.map((info) => [info.key, []]));
  for (const n of sim.nodes) for (const q of n.hints.values()) for (const h of q.hints) if (!hintExpired(sim, h)) hinted.get(h.key)?.push(h.v);
  return deleted.filter((info) => resurrected(info, info.replicas.map((r) => sim.nodes[r]!.data.get(info.key)), hinted.get(info.key))).length;
}

/**
 * Acknowledged writes lost, counted as the report counts them (check/report.ts), over the
 * under-replicated keys only: a key every replica holds in full has lost nothing, so the charts'
 * sample pays for this only while some key is missing from a replica. Hints are looked up only for
 * keys whose replicas together miss an acknowledged write: a long outage leaves millions of hints,
 * and scanning them on every sample stalled the worker while nothing was at risk.
 */
function lostAmong(sim: SimState, under: readonly KeyInfo[]): number {
  const atRisk: { info: KeyInfo; replicas: Replicas }[] = [];
  for (const info of under) {
    const replicas = info.replicas.map((r) => sim.nodes[r]!.data.get(info.key));
    if (!replicasHoldAll(sim, info, replicas)) atRisk.push({ info, replicas });
  }
  if (atRisk.length === 0) return 0;
  const wanted = new Map<string, Version[]>();
  for (const { info } of atRisk) wanted.set(info.key, []);
  for (const n of sim.nodes) {
    for (const q of n.hints.values()) {
      for (const h of q.hints) {
        const list = wanted.get(h.key);
        if (list && !hintExpired(sim, h)) list.push(h.v);
      }
    }
  }
  let lost = 0;
  let lww = false;
  const held = new Float64Array(sim.keys.size).fill(Infinity);
  for (const { info, replicas } of atRisk) {
    const hinted = wanted.get(info.key)!;
    if (info.frontier.length > 0) {
      for (const w of info.acked!.versions) if (!replicas.some((vs) => holdsWrite(vs, w)) && !holdsWrite(hinted, w)) lost++;
    } else {
      lww = true;
      held[info.ord] = heldTs(sim, info, replicas, hinted);
    }
  }
  return lww ? lost + sim.ackLog.countNewerThan(held) : lost;
}

/** Some replica holds each acknowledged write of the key (last-write-wins: the newest), whatever the hints hold. */
function replicasHoldAll(sim: SimState, info: KeyInfo, replicas: Replicas): boolean {
  if (info.frontier.length > 0) return info.acked!.versions.every((w) => replicas.some((vs) => holdsWrite(vs, w)));
  return heldTs(sim, info, replicas, undefined) >= info.newest;
}
