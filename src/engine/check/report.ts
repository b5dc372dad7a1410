// The report of scenario-format.md, computed from the simulation's state at the current time.
import type { SimState } from '../context';
import { holdsWrite, type Version } from '../node/versions';
import { hintExpired } from '../hints/hints';
import { dataCounts, fullyReplicated, heldTs, resurrected } from './deletes';
import { dcOfNode, replicationByDc, type DcReplication } from './dcReport';

/** attempted = acknowledged + failed + pending (still in flight). */
const outcomes = (attempted: number, acknowledged: number, failed: number) => ({ attempted, acknowledged, failed, pending: attempted - acknowledged - failed });

export interface Report {
  format: 'hintscope/report@1';
  scenario: string;
  seed: number;
  simulatedMs: number;
  /** Writes exclude deletes. */
  writes: { attempted: number; acknowledged: number; failed: number; pending: number };
  /** The delete fields (here, `tombstones`, `nodes.X.tombstones`, `replication.resurrected`) are present when the run has deletes. */
  deletes?: { attempted: number; acknowledged: number; failed: number; pending: number };
  reads: { attempted: number; succeeded: number; failed: number; pending: number; stale: number; repaired: number };
  /** `truncated` is present when the run has a nodetool entry (so earlier reports keep their text). */
  hints: { created: number; delivered: number; expired: number; dropped: number; lost: number; truncated?: number; pending: number };
  repair: { sessions: number; leavesCompared: number; leavesDiffering: number; keysStreamed: number; failed: number };
  /** held: (node, key) tombstones in replicas' own data now; purged: those compaction removed. */
  tombstones?: { held: number; purged: number };
  /**
   * keys: live values only (a tombstone is counted in `tombstones`). `dc`, `replication.byDc` and
   * `traffic`: present when the scenario names cluster.datacenters.
   */
  nodes: Record<string, { state: 'up' | 'down'; keys: number; tombstones?: number; hintsPending: Record<string, number>; dc?: string }>;
  replication: { keys: number; fullyReplicated: number; underReplicated: number; resurrected?: number; byDc?: Record<string, DcReplication> };
  traffic?: { interDcMutations: number };
  lostAcknowledgedWrites: number;
  events: number;
  traceHash: string;
}

/** A node's line: its state and keys, its tombstones in a run with deletes, its DC with datacenters. */
function nodeEntry(sim: SimState, i: number, hintsPending: Record<string, number>): Report['nodes'][string] {
  const node = sim.nodes[i]!;
  const dc = sim.sc.datacenters !== undefined ? { dc: dcOfNode(sim, i) } : {};
  if (!sim.tombstones.ticking) return { state: node.up ? 'up' : 'down', keys: node.data.size, hintsPending, ...dc };
  const c = dataCounts(node.data);
  return { state: node.up ? 'up' : 'down', keys: c.keys, tombstones: c.tombstones, hintsPending, ...dc };
}

export function buildReport(sim: SimState): Report {
  const s = sim.stats;
  const withDeletes = sim.tombstones.ticking;
  let tombstonesHeld = 0;
  const dcs = sim.sc.datacenters !== undefined;
  // A hint past its TTL counts as expired even if no trigger has purged it yet.
  let pastTtl = 0;
  let pending = 0;
  const hintVersions = new Map<string, Version[]>();
  const nodes: Report['nodes'] = {};
  for (const node of sim.nodes) {
    const hintsPending: Record<string, number> = {};
    for (const q of node.hints.values()) {
      let live = 0;
      for (const h of q.hints) {
        if (hintExpired(sim, h)) { pastTtl++; continue; }
        live++;
        let list = hintVersions.get(h.key);
        if (!list) hintVersions.set(h.key, (list = []));
        list.push(h.v);
      }
      pending += live;
      if (live > 0) hintsPending[sim.nodes[q.target]!.id] = live;
    }
    nodes[node.id] = nodeEntry(sim, node.idx, hintsPending);
    tombstonesHeld += nodes[node.id]!.tombstones ?? 0;
  }

  let fully = 0;
  let lost = 0;
  let keys = 0;
  let zombies = 0;
  // Per key, the newest timestamp a replica or hint still holds (last-write-wins); the ack log's
  // writes newer than that are lost. Infinity: counted another way, or nothing acked.
  const held = new Float64Array(sim.keys.size).fill(Infinity);
  for (const [key, info] of sim.keys) {
    if (!info.acked) continue;
    keys++;
    const replicas = info.replicas.map((r) => sim.nodes[r]!.data.get(key));
    const hinted = hintVersions.get(key);
    if (fullyReplicated(info, replicas)) fully++;
    else if (resurrected(info, replicas, hinted)) zombies++;
    if (info.frontier.length > 0) {
      for (const w of info.acked.versions) if (!replicas.some((vs) => holdsWrite(vs, w)) && !holdsWrite(hinted, w)) lost++;
    } else {
      // Last-write-wins: a write survives if its value or a newer one is on a replica or in a hint.
      held[info.ord] = heldTs(sim, info, replicas, hinted);
    }
  }
  lost += sim.ackLog.countNewerThan(held);

  const readsPending = s.readsAttempted - s.readsSucceeded - s.readsFailed;
  return {
    format: 'hintscope/report@1',
    scenario: sim.sc.name,
    seed: sim.sc.seed,
    simulatedMs: Math.round(sim.now),
    writes: outcomes(s.writesAttempted - s.deletesAttempted, s.writesAcknowledged - s.deletesAcknowledged, s.writesFailed - s.deletesFailed),
    ...(withDeletes ? { deletes: outcomes(s.deletesAttempted, s.deletesAcknowledged, s.deletesFailed) } : {}),
    reads: { attempted: s.readsAttempted, succeeded: s.readsSucceeded, failed: s.readsFailed, pending: readsPending, stale: s.readsStale, repaired: s.readRepairs },
    hints: {
      created: s.hintsCreated, delivered: s.hintsDelivered, expired: s.hintsExpired + pastTtl, dropped: s.hintsDropped, lost: s.hintsLost,
      ...(sim.sc.faults.some((f) => f.kind === 'nodetool') ? { truncated: s.hintsTruncated } : {}), pending,
    },
    repair: { sessions: s.repairSessions, leavesCompared: s.leavesCompared, leavesDiffering: s.leavesDiffering, keysStreamed: s.keysStreamed, failed: s.repairsFailed },
    ...(withDeletes ? { tombstones: { held: tombstonesHeld, purged: sim.tombstones.purged } } : {}),
    nodes,
    replication: { keys, fullyReplicated: fully, underReplicated: keys - fully, ...(withDeletes ? { resurrected: zombies } : {}), ...(dcs ? { byDc: replicationByDc(sim) } : {}) },
    ...(dcs ? { traffic: { interDcMutations: s.interDcMutations } } : {}),
    lostAcknowledgedWrites: lost,
    events: sim.events,
    traceHash: sim.traceHash(),
  };
}
