// pure: the short human summary the CLI prints without --json.
import type { Report } from '../engine';
import type { ProbeOutput } from './probes';

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

export function formatReport(r: Report, probes: readonly ProbeOutput[] = []): string {
  const lines = [
    `${r.scenario}  (seed ${r.seed}, ${(r.simulatedMs / 1000).toLocaleString('en-US')} s simulated, ${r.events.toLocaleString('en-US')} events)`,
    `writes   ${r.writes.acknowledged} acknowledged / ${r.writes.attempted} attempted (${pct(r.writes.acknowledged, r.writes.attempted)}), ${r.writes.failed} failed, ${r.writes.pending} pending`,
    ...(r.deletes ? [`deletes  ${r.deletes.acknowledged} acknowledged / ${r.deletes.attempted} attempted, ${r.deletes.failed} failed, ${r.deletes.pending} pending`] : []),
    `reads    ${r.reads.succeeded} succeeded / ${r.reads.attempted}, ${r.reads.failed} failed, ${r.reads.stale} stale, ${r.reads.repaired} read-repair writes`,
    `hints    created ${r.hints.created} = delivered ${r.hints.delivered} + expired ${r.hints.expired} + lost ${r.hints.lost}${r.hints.truncated === undefined ? '' : ` + truncated ${r.hints.truncated}`} + pending ${r.hints.pending}; dropped ${r.hints.dropped}`,
    `repair   ${r.repair.sessions} sessions, ${r.repair.leavesDiffering}/${r.repair.leavesCompared} leaves differing, ${r.repair.keysStreamed} keys streamed`,
    `replicas ${r.replication.fullyReplicated}/${r.replication.keys} keys fully replicated, ${r.replication.underReplicated} under-replicated${r.replication.resurrected === undefined ? '' : `, ${r.replication.resurrected} resurrected`}`,
    ...(r.tombstones ? [`tombstones ${r.tombstones.held} held, ${r.tombstones.purged} purged by compaction`] : []),
    `lost acknowledged writes: ${r.lostAcknowledgedWrites}`,
    `nodes    ${Object.entries(r.nodes).map(([id, n]) => `${id}:${n.state}${Object.keys(n.hintsPending).length ? ` (hints ${Object.entries(n.hintsPending).map(([t, c]) => `${t}:${c}`).join(',')})` : ''}`).join('  ')}`,
    `trace    ${r.traceHash}`,
  ];
  // The scenario's nodetool probes, as nodetool printed them at their instants.
  for (const p of probes) lines.push(`$ nodetool -h ${p.node} ${p.verb}    # at ${p.at}`, ...p.lines.map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
