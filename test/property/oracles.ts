// The oracles shared by the engine property tests and the fuzz campaign: the report's identities
// (scenario-format.md, Report), and where data and hints may live. Each returns the problems found
// as one line each, so a caller can collect them and print the input that broke them.
import type { Report } from '../../src/engine';
import type { Sim } from '../../src/engine/sim';

/** The report's identities: every attempt ends acknowledged/succeeded, failed or pending; every hint is accounted for. */
export function identities(r: Report, where: string): string[] {
  const out: string[] = [];
  const h = r.hints;
  // With nodetool truncatehints (operator commands) the identity counts the truncated hints too.
  const truncated = h.truncated ?? 0;
  if (h.created !== h.delivered + h.expired + h.lost + truncated + h.pending) {
    out.push(`${where}: hints created ${h.created} != delivered ${h.delivered} + expired ${h.expired} + lost ${h.lost} + truncated ${truncated} + pending ${h.pending}`);
  }
  const w = r.writes;
  if (w.attempted !== w.acknowledged + w.failed + w.pending) out.push(`${where}: writes attempted ${w.attempted} != acknowledged + failed + pending (${w.acknowledged} + ${w.failed} + ${w.pending})`);
  if (w.pending < 0 || h.pending < 0 || r.reads.pending < 0) out.push(`${where}: a negative pending count`);
  return out;
}

/** The identities the property tests did not check at first: reads, replication, stale and per-node counts. */
export function moreIdentities(r: Report, where: string): string[] {
  const out: string[] = [];
  const rd = r.reads;
  if (rd.attempted !== rd.succeeded + rd.failed + rd.pending) out.push(`${where}: reads attempted ${rd.attempted} != succeeded + failed + pending (${rd.succeeded} + ${rd.failed} + ${rd.pending})`);
  if (rd.stale > rd.succeeded) out.push(`${where}: ${rd.stale} stale reads of ${rd.succeeded} succeeded`);
  const rp = r.replication;
  if (rp.keys !== rp.fullyReplicated + rp.underReplicated) out.push(`${where}: replication keys ${rp.keys} != fully ${rp.fullyReplicated} + under ${rp.underReplicated}`);
  // A lost write's key holds neither it nor a newer one on any replica: it cannot be fully replicated.
  if (r.lostAcknowledgedWrites > 0 && rp.underReplicated === 0) out.push(`${where}: ${r.lostAcknowledgedWrites} acknowledged writes lost but no key under-replicated`);
  if (r.repair.leavesDiffering > r.repair.leavesCompared) out.push(`${where}: repair leaves differing ${r.repair.leavesDiffering} > compared ${r.repair.leavesCompared}`);
  let pending = 0;
  for (const n of Object.values(r.nodes)) for (const p of Object.values(n.hintsPending)) pending += p;
  if (pending !== r.hints.pending) out.push(`${where}: per-node pending hints sum to ${pending}, the report says ${r.hints.pending}`);
  const counts = [r.writes, r.reads, r.hints, r.repair, r.replication].flatMap((g) => Object.entries(g)).filter(([k]) => k !== 'byDc');
  for (const [dc, b] of Object.entries(rp.byDc ?? {})) {
    if (b.keys !== b.fullyReplicated + b.underReplicated) out.push(`${where}: ${dc} keys ${b.keys} != fully ${b.fullyReplicated} + under ${b.underReplicated}`);
    if (b.keys > rp.keys) out.push(`${where}: ${dc} has ${b.keys} keys, more than the ${rp.keys} acknowledged`);
  }
  for (const [k, v] of counts as [string, number][]) if (!Number.isInteger(v) || v < 0) out.push(`${where}: ${k} = ${v}, not a count`);
  return out;
}

/** Every hint queued anywhere is for a replica of its key, in the queue of its target. */
/** A key's replicas as the ring places them (NetworkTopologyStrategy with datacenters). */
function replicasOf(sim: Sim, key: string): readonly number[] {
  return sim.ring.replicasOfRange(sim.ring.place(key).range, sim.rf);
}

export function hintPlacementProblems(sim: Sim): string[] {
  const out: string[] = [];
  for (const node of sim.nodes) {
    for (const q of node.hints.values()) {
      for (const h of q.hints) {
        const replicas = replicasOf(sim, h.key);
        if (h.target !== q.target) out.push(`${node.id}: hint ${h.id} in the queue for ${sim.nodes[q.target]!.id} targets ${sim.nodes[h.target]!.id}`);
        if (!replicas.includes(h.target)) out.push(`${node.id}: hint for ${h.key} targets ${sim.nodes[h.target]!.id}, not a replica`);
      }
    }
  }
  return out;
}

/** Every key in a node's own data is one of its replicas' keys. */
export function dataPlacementProblems(sim: Sim): string[] {
  const out: string[] = [];
  for (const node of sim.nodes) {
    for (const key of node.data.keys()) {
      const replicas = replicasOf(sim, key);
      if (!replicas.includes(node.idx)) out.push(`${node.id} holds ${key} in its data but is not one of its replicas (${replicas.map((r) => sim.nodes[r]!.id).join(',')})`);
    }
  }
  return out;
}

/** Watches every hint page on the wire: its destination must be a replica of every key in it. */
export function watchHintPages(sim: Sim, problems: string[]): void {
  const send = sim.send.bind(sim);
  sim.send = (from, to, kind, body, ...rest) => {
    if (body.k === 'hintPage') {
      for (const h of body.hints) {
        if (!replicasOf(sim, h.key).includes(to)) problems.push(`hint page to ${sim.nodes[to]!.id} carries ${h.key}, of which it is not a replica`);
      }
    }
    send(from, to, kind, body, ...rest);
  };
}
