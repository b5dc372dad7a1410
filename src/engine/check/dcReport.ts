// The report's datacenter parts (docs/scenario-format.md "Report"), present only when the scenario
// names cluster.datacenters: each node's DC, replication per DC, and the mutations sent between DCs.
import type { SimState } from '../context';
import { holdsWrite, type Version } from '../node/versions';

export interface DcReplication {
  /** Keys with an acknowledged write and a replica in this DC. */
  keys: number;
  /** Of those, the keys whose every replica in this DC holds the newest acknowledged write or newer. */
  fullyReplicated: number;
  underReplicated: number;
}

export function replicationByDc(sim: SimState): Record<string, DcReplication> {
  const t = sim.topology;
  const out = t.names.map(() => ({ keys: 0, fullyReplicated: 0, underReplicated: 0 }));
  for (const [key, info] of sim.keys) {
    if (!info.acked) continue;
    const required: Version[] = info.frontier.length > 0 ? info.frontier : [{ ts: info.newest, value: '' }];
    const full = t.names.map(() => true);
    const has = t.names.map(() => false);
    for (const r of info.replicas) {
      const d = t.dcOf[r]!;
      has[d] = true;
      const vs = sim.nodes[r]!.data.get(key);
      if (!required.every((w) => holdsWrite(vs, w))) full[d] = false;
    }
    has.forEach((h, d) => {
      if (!h) return;
      out[d]!.keys++;
      if (full[d]) out[d]!.fullyReplicated++;
      else out[d]!.underReplicated++;
    });
  }
  return Object.fromEntries(t.names.map((n, d) => [n, out[d]!]));
}

/** The name of node i's datacenter. */
export function dcOfNode(sim: SimState, i: number): string {
  return sim.topology.names[sim.topology.dcOf[i]!]!;
}
