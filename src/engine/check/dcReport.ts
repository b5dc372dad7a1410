// The report's datacenter parts (docs/scenario-format.md "Report"), present only when the scenario
// names cluster.datacenters: each node's DC, replication per DC, and the mutations sent between DCs.
import type { SimState } from '../context';
import type { KeyInfo } from '../keys/keys';
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
  for (const info of sim.keys.values()) {
    if (!info.acked) continue;
    eachDc(sim, info, (d, full) => {
      out[d]!.keys++;
      if (full) out[d]!.fullyReplicated++;
      else out[d]!.underReplicated++;
    });
  }
  return Object.fromEntries(t.names.map((n, d) => [n, out[d]!]));
}

/**
 * The charts' sample of replication.byDc's underReplicated, counted over the keys under-replicated
 * cluster-wide only: the rule asks something of every replica, so a key fully replicated across
 * the cluster is fully replicated in each DC, and the sample pays only while some key is missing.
 */
export function underReplicatedByDc(sim: SimState, under: Iterable<KeyInfo>): Record<string, number> {
  const t = sim.topology;
  const out = new Array<number>(t.names.length).fill(0);
  for (const info of under) {
    eachDc(sim, info, (d, full) => {
      if (!full) out[d]!++;
    });
  }
  return Object.fromEntries(t.names.map((n, d) => [n, out[d]!]));
}

/** Each DC holding a replica of an acknowledged key, and whether its replicas' data is fully replicated (the global rule, deletes included: check/deletes.ts). */
function eachDc(sim: SimState, info: KeyInfo, visit: (dc: number, full: boolean) => void): void {
  const t = sim.topology;
  const byDc = t.names.map((): (readonly Version[] | undefined)[] => []);
  for (const r of info.replicas) byDc[t.dcOf[r]!]!.push(sim.nodes[r]!.data.get(info.key));
  byDc.forEach((replicas, d) => {
    if (replicas.length > 0) visit(d, fullyReplicated(info, replicas));
  });
}

/** The name of node i's datacenter. */
export function dcOfNode(sim: SimState, i: number): string {
  return sim.topology.names[sim.topology.dcOf[i]!]!;
}
