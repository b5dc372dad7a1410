// The behaviour each delete scenario of scenarios/ shows: the checkable claims 1–5 of
// docs/behaviour.md "Deletes", with the claims' own numbers (variants in deletes.test.ts).
import { expect } from 'vitest';
import { createSimulation, type Report } from '../../src/engine';

type Json = Record<string, unknown> & { settings: Record<string, unknown>; workload: unknown[]; faults: unknown[] };

function reportAt(doc: unknown, ms: number): Report {
  const sim = createSimulation(doc);
  sim.advanceTo(ms);
  return sim.report() as Report;
}

const M = 60_000;
const keysOf = (r: Report) => Object.fromEntries(Object.entries(r.nodes).map(([n, v]) => [n, v.keys]));

export const DELETE_BEHAVIOUR: Record<string, (doc: Json, r: Report) => void> = {
  '24-tombstone-wins.json': (_doc, r) => {
    // Claim 1: the read at ALL after the delete returns not found, which is not stale.
    expect(r.reads).toMatchObject({ succeeded: 1, stale: 0 });
    expect(r.deletes).toEqual({ attempted: 1, acknowledged: 1, failed: 0, pending: 0 });
    expect(r.writes).toEqual({ attempted: 1, acknowledged: 1, failed: 0, pending: 0 });
    expect(r.tombstones).toEqual({ held: 3, purged: 0 });
    expect(r.replication).toMatchObject({ keys: 1, fullyReplicated: 1, resurrected: 0 });
    expect(keysOf(r)).toEqual({ A: 0, B: 0, C: 0 });
    expect(r.lostAcknowledgedWrites).toBe(0);
  },
  '25-hinted-delete-safe-purge.json': (doc, r) => {
    // Claim 2: the hint carries the tombstone to C; the 70 m tick purges all three.
    const at60m = reportAt(doc, 60 * M);
    expect(at60m.tombstones).toEqual({ held: 3, purged: 0 });
    expect(r.hints).toMatchObject({ created: 1, delivered: 1, expired: 0 });
    expect(r.tombstones).toEqual({ held: 0, purged: 3 });
    expect(keysOf(r)).toEqual({ A: 0, B: 0, C: 0 });
    expect(r.replication).toMatchObject({ fullyReplicated: 1, resurrected: 0 });
    expect(r.lostAcknowledgedWrites).toBe(0);
  },
  '26-zombie.json': (doc, r) => {
    // Claim 3: the hint expired; A and B purged; C came back with v1, which the read returns and repairs.
    const beforeRead = reportAt(doc, 2 * 60 * M + M);
    expect(beforeRead.replication).toMatchObject({ resurrected: 1, underReplicated: 1 });
    expect(r.hints).toMatchObject({ created: 1, expired: 1, delivered: 0 });
    expect(r.tombstones).toEqual({ held: 0, purged: 2 });
    expect(r.reads).toMatchObject({ succeeded: 1, stale: 1, repaired: 2 });
    expect(keysOf(r)).toEqual({ A: 1, B: 1, C: 1 });
    expect(r.replication).toMatchObject({ fullyReplicated: 0, resurrected: 1 });
    expect(r.lostAcknowledgedWrites).toBe(0);
  },
  '27-repair-based-gc.json': (_doc, r) => {
    // Claim 4: no repair ran, so nothing was purged; the read repairs C with the tombstone.
    expect(r.tombstones).toEqual({ held: 3, purged: 0 });
    expect(r.reads).toMatchObject({ succeeded: 1, stale: 0, repaired: 1 });
    expect(r.replication).toMatchObject({ fullyReplicated: 1, resurrected: 0 });
    expect(keysOf(r)).toEqual({ A: 0, B: 0, C: 0 });
  },
  '28-timeout-hint-outlives-tombstone.json': (doc, r) => {
    // Claim 5: the timeout hint (created at 51 s) is delivered after the 68 s compaction purged all three tombstones.
    const at69s = reportAt(doc, 69_000);
    expect(at69s.tombstones).toEqual({ held: 0, purged: 3 });
    expect(at69s.hints).toMatchObject({ created: 1, pending: 1 });
    expect(r.hints).toMatchObject({ created: 1, delivered: 1, expired: 0 });
    expect(r.tombstones).toEqual({ held: 0, purged: 3 });
    expect(r.reads).toMatchObject({ succeeded: 1, stale: 1 });
    expect(r.nodes.B!.keys).toBe(1);
    expect(r.replication).toMatchObject({ resurrected: 1 });
  },
};
