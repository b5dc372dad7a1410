// The behaviour each datacenter scenario of scenarios/ shows: the checkable claims of
// docs/behaviour.md "Datacenters", on the shipped files themselves (variants in datacenters.test.ts).
import { expect } from 'vitest';
import type { Report } from '../../src/engine';

type Json = Record<string, unknown>;
const keysOf = (r: Report, nodes: string[]) => nodes.reduce((s, n) => s + r.nodes[n]!.keys, 0);
const full = (r: Report, dc: string) => expect(r.replication.byDc![dc]!.underReplicated, dc).toBe(0);

export const DC_BEHAVIOUR: Record<string, (doc: Json, r: Report) => void> = {
  '30-dc-placement.json': (_doc, r) => {
    // Claim 1: RF {dc1: 2, dc2: 1} over 100 keys: 200 copies in dc1, 100 in dc2.
    expect(keysOf(r, ['A', 'B', 'C'])).toBe(200);
    expect(keysOf(r, ['D', 'E', 'F'])).toBe(100);
    expect(r.replication.byDc).toEqual({ dc1: { keys: 100, fullyReplicated: 100, underReplicated: 0 }, dc2: { keys: 100, fullyReplicated: 100, underReplicated: 0 } });
  },
  '31-dc-levels-dc-down.json': (_doc, r) => {
    // Claim 2: of five writes only LOCAL_ONE and LOCAL_QUORUM succeed, each hinting dc2's three replicas.
    expect(r.writes).toMatchObject({ acknowledged: 2, failed: 3 });
    expect(r.hints.created).toBe(6);
    expect(r.reads).toMatchObject({ succeeded: 1, failed: 1 });
  },
  '32-dc-local-without-replicas.json': (_doc, r) => {
    // Claim 3: 20 local reads via D unavailable (dc2 has RF 0), 10 ONE reads succeed, none stale.
    expect(r.reads).toMatchObject({ attempted: 30, succeeded: 10, failed: 20, stale: 0 });
  },
  '33-dc-hints-disabled.json': (_doc, r) => {
    // Claim 4: 30 refused while dc2 is disabled, 30 stored after enablehintsfordc.
    expect(r.hints).toMatchObject({ created: 30, dropped: 30 });
  },
  '34-dc-partition-local-quorum.json': (_doc, r) => {
    // Claim 5: no write fails; three hints per write, all delivered; both DCs fully replicated.
    expect(r.writes).toMatchObject({ attempted: 100, failed: 0 });
    expect(r.hints).toMatchObject({ created: 300, delivered: 300 });
    full(r, 'dc1');
    full(r, 'dc2');
  },
  '35-dc-forwarding.json': (_doc, r) => {
    // Claim 6: one copy per write crosses to dc2; the relay forwards it to the other two.
    expect(r.traffic).toEqual({ interDcMutations: 20 });
    for (const n of ['A', 'B', 'C', 'D', 'E', 'F']) expect(r.nodes[n]!.keys, n).toBe(20);
  },
  '36-two-regions-one-cut-off.json': (_doc, r) => {
    expect(r.writes.failed + r.reads.failed).toBe(0);
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints.delivered).toBe(r.hints.created);
    full(r, 'us');
    full(r, 'eu');
  },
};
