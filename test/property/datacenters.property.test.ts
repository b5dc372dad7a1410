// Property tests of datacenters: NetworkTopologyStrategy with one DC is the preference list's
// first rf; with several it gives each DC exactly its RF of distinct nodes, in ring order; and the
// engine's invariants (no acknowledged write lost, every key fully replicated in every DC after
// heal and repair, data and hints only on replicas, identities, determinism) hold on random
// two-DC schedules at the datacenter levels. A failure prints the scenario JSON to replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine';
import { Ring } from '../../src/engine/ring/ring';
import { singleDc, type Topology } from '../../src/engine/ring/topology';
import { Sim } from '../../src/engine/sim';
import { caseArb, toScenario, type Case } from './arbitraries';
import { dataPlacementProblems, hintPlacementProblems, identities, watchHintPages } from './oracles';

const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

describe('NetworkTopologyStrategy placement', () => {
  it('with one datacenter, every range\'s replicas are the first rf of its preference list', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 12 }), (n, vnodes, rfWanted) => {
      const rf = Math.min(rfWanted, n);
      const simple = new Ring(names(n), vnodes);
      const nts = new Ring(names(n), vnodes, singleDc(n, rf));
      for (let r = 0; r < simple.rangeCount; r++) expect(nts.replicasOfRange(r, rf)).toEqual(simple.replicasOfRange(r, rf));
    }), { numRuns: 200 });
  });

  it('with several, each DC holds exactly its RF of distinct nodes, taken in ring order', () => {
    const arb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 12 }).chain((dcOf) =>
      fc.tuple(fc.constant(dcOf), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 8 })));
    fc.assert(fc.property(arb, ([dcOf, wanted, vnodes]) => {
      const sizes = [0, 1, 2, 3].map((d) => dcOf.filter((x) => x === d).length);
      const t: Topology = { names: ['a', 'b', 'c', 'd'], dcOf, rf: wanted.map((w, d) => Math.min(w, sizes[d]!)) };
      const ring = new Ring(names(dcOf.length), vnodes, t);
      for (let k = 0; k < 30; k++) {
        const place = ring.place(`k${k}`);
        const reps = ring.replicasOfRange(place.range, 0);
        expect(new Set(reps).size).toBe(reps.length);
        for (let d = 0; d < 4; d++) expect(reps.filter((x) => dcOf[x] === d).length).toBe(t.rf[d]);
        // In ring order: a sub-sequence of the key's preference list.
        const order = reps.map((x) => place.pref.indexOf(x));
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      }
    }), { numRuns: 150 });
  });
});

const DC_LEVELS = ['ONE', 'QUORUM', 'ALL', 'LOCAL_ONE', 'LOCAL_QUORUM', 'EACH_QUORUM'] as const;

/** A two-DC variant of a random case: coordinator mode, nodes split in two, the DC levels and clients per DC. */
function twoDc(c: Case, level: (typeof DC_LEVELS)[number], split: number): Record<string, unknown> {
  const doc = toScenario({ ...c, level: 'ONE' }) as Record<string, unknown> & { cluster: Record<string, unknown>; settings: Record<string, unknown>; workload: Record<string, unknown>[] };
  const first = Math.max(1, Math.min(c.nodes - 1, split));
  const rf = Math.min(c.rf, first, c.nodes - first);
  const gen = doc.workload[0]!;
  return {
    ...doc,
    cluster: { ...doc.cluster, datacenters: { east: first, west: c.nodes - first }, replicationFactor: rf },
    settings: { ...doc.settings, preset: c.preset === 'scylla' ? 'scylla' : 'cassandra', strictQuorum: undefined, hintTtl: c.ttl, interDcLatency: { median: '30ms', p99: '90ms' } },
    workload: [{ ...gen, consistency: level, dc: 'east' }, { ...gen, consistency: level, dc: 'west', rate: Math.max(1, Math.round((gen.rate as number) / 2)) }],
  };
}

describe('engine properties with two datacenters', () => {
  it('no acknowledged write lost, every key fully replicated in each DC, data and hints only on replicas, identities hold, deterministic', () => {
    const arb = fc.tuple(caseArb, fc.constantFrom(...DC_LEVELS), fc.integer({ min: 1, max: 6 }));
    fc.assert(fc.property(arb, ([c, level, split]) => {
      // Wiped disks could destroy every acknowledged copy (a LOCAL_ONE write has one): no wipes here.
      const doc = twoDc({ ...c, faults: c.faults.map((f) => (f.kind === 'kill' ? { ...f, wipe: false } : f)) }, level, split);
      const sim = new Sim(parseScenario(doc));
      const problems: string[] = [];
      watchHintPages(sim, problems);
      sim.advanceTo(Math.round(sim.until / 2));
      problems.push(...identities(sim.report(), 'mid-run'), ...hintPlacementProblems(sim));
      sim.advanceTo(sim.until);
      const r = sim.report();
      problems.push(...identities(r, 'at until'), ...hintPlacementProblems(sim), ...dataPlacementProblems(sim));
      if (r.lostAcknowledgedWrites !== 0) problems.push(`lostAcknowledgedWrites = ${r.lostAcknowledgedWrites}`);
      for (const [dc, b] of Object.entries(r.replication.byDc ?? {})) if (b.underReplicated !== 0) problems.push(`${dc}: ${b.underReplicated} keys under-replicated after heal and repair`);
      const again = new Sim(parseScenario(doc));
      again.advanceTo(again.until);
      if (again.traceHash() !== sim.traceHash()) problems.push('trace hash differs between two runs');
      if (problems.length > 0) throw new Error(`${[...new Set(problems)].slice(0, 10).join('\n')}\n${JSON.stringify(doc)}`);
    }), { numRuns: Number(process.env.HINTSCOPE_FC_RUNS ?? 25) });
  }, 240_000);
});
