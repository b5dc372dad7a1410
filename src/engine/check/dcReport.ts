// The report's datacenter parts (docs/scenario-format.md "Report"), present only when the scenario
// names cluster.datacenters: each node's DC, replication per DC, and the mutations sent between DCs.
import type { SimState } from '../context';
import type { Version } from '../node/versions';
import { fullyReplicated } from './deletes';

export interface DcReplication {
  /** Keys with an acknowledged write and a replica in this DC. */
  keys: number;
  /** Of those, the keys whose every replica in this DC holds the newest acknowledged write or newer (a delete: no older live value). */
  fullyReplicated: number;
  underReplicated: number;
}

export function replicationByDc(sim: SimState): Record<string, DcReplication> {
  const t = sim.topology;
  const out = t.names.map(() => ({ keys: 0, fullyReplicated: 0, underReplicated: 0 }));
  for (const [key, info] of sim.keys) {
    if (!info.acked) continue;
    // Each DC's replicas' data, judged by the global rule (deletes included: check/deletes.ts).
    const byDc = t.names.map((): (readonly Version[] | undefined)[] => []);
    for (const r of info.replicas) byDc[t.dcOf[r]!]!.push(sim.nodes[r]!.data.get(key));
    byDc.forEach((replicas, d) => {
      if (replicas.length === 0) return;
      out[d]!.keys++;
      if (fullyReplicated(info, replicas)) out[d]!.fullyReplicated++;
      else out[d]!.underReplicated++;
    });
  }
  return Object.fromEntries(t.names.map((n, d) => [n, out[d]!]));
}

/** The name of node i's datacenter. */
export function dcOfNode(sim: SimState, i: number): string {
  return sim.topology.names[sim.topology.dcOf[i]!]!;
}
