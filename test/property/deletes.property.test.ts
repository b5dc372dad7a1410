// Property tests with deletes (fast-check): the engine property schedules (kills with and without
// wipe, restarts, partitions, slow nodes, message loss) with generators that also delete. Whatever
// happens: the accounting identities hold at any time (deletes and tombstones too); with gcGrace
// longer than the run nothing is purged, so after heal, restarts and repair no acknowledged write or
// delete is lost, every key is fully replicated and none is resurrected; strict quorums never read
// stale, "not found" after a delete included; and with every purge mode, a resurrected key is always
// an under-replicated one. Same environment knobs as engine.property.test.ts.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseScenario, type Report } from '../../src/engine';
import { caseArb, toScenario, type Case } from './arbitraries';
import { dataPlacementProblems, identities, moreIdentities } from './oracles';
import { Sim } from '../../src/engine/sim';

type Doc = Record<string, unknown> & { settings: Record<string, unknown>; workload: Record<string, unknown>[] };

function deleteIdentities(r: Report, where: string): string[] {
  const out: string[] = [];
  const d = r.deletes;
  if (!d || !r.tombstones || r.replication.resurrected === undefined) return [`${where}: the delete fields are missing`];
  if (d.attempted !== d.acknowledged + d.failed + d.pending) out.push(`${where}: deletes attempted ${d.attempted} != acknowledged + failed + pending`);
  const held = Object.values(r.nodes).reduce((a, n) => a + (n.tombstones ?? NaN), 0);
  if (held !== r.tombstones.held) out.push(`${where}: tombstones.held ${r.tombstones.held} != sum of nodes (${held})`);
  if (r.replication.resurrected > r.replication.underReplicated) out.push(`${where}: resurrected ${r.replication.resurrected} > underReplicated ${r.replication.underReplicated}`);
  return out;
}

/** The case with deletes: coordinator presets (or Dynamo's sloppy quorum under LWW), a deleteRatio. */
const deleteCase = caseArb.chain((c) =>
  fc.record({
    deleteRatio: fc.constantFrom(0.1, 0.2, 0.3),
    sloppy: fc.boolean(),
    tombstoneGc: fc.constantFrom('timeout', 'repair', 'immediate', 'disabled'),
    gcGrace: fc.constantFrom('20s', '1m', '10d'),
  }).map((x) => ({ c: { ...c, preset: x.sloppy ? ('dynamo' as const) : c.preset === 'scylla' ? ('scylla' as const) : ('cassandra' as const) }, ...x })),
);

function docOf(c: Case, deleteRatio: number, settings: Record<string, unknown>): Doc {
  const doc = toScenario(c) as Doc;
  const gen = doc.workload[0]!;
  // writeRatio + deleteRatio ≤ 1: the deletes come out of the writes.
  doc.workload = [{ ...gen, writeRatio: Math.max(0, (gen.writeRatio as number) - deleteRatio), deleteRatio }];
  doc.settings = { ...doc.settings, conflictResolution: 'lww', compactionInterval: '10s', ...settings };
  return doc;
}

function fail(doc: unknown, seed: number, problems: string[], r: Report): never {
  throw new Error(`${problems.length} problem(s):\n  ${[...new Set(problems)].slice(0, 12).join('\n  ')}\n  report: ${JSON.stringify({ writes: r.writes, deletes: r.deletes, tombstones: r.tombstones, replication: r.replication })}\n  fast-check seed: ${seed}\n  scenario:\n${JSON.stringify(doc)}`);
}

const envSeed = process.env.HINTSCOPE_FC_SEED ? Number(process.env.HINTSCOPE_FC_SEED) : undefined;
const runs = (n: number) => (process.env.HINTSCOPE_FC_RUNS ? Number(process.env.HINTSCOPE_FC_RUNS) : n);

describe('engine properties with deletes', () => {
  it('identities at any time; with gcGrace longer than the run: nothing lost, all replicated, none resurrected, deterministic', () => {
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    fc.assert(fc.property(deleteCase, ({ c, deleteRatio }) => {
      const doc = docOf(c, deleteRatio, { gcGrace: '10d' });
      const sim = new Sim(parseScenario(doc));
      const problems: string[] = [];
      for (const p of [...c.probes].sort((a, b) => a - b)) {
        sim.advanceTo(Math.round(p * sim.until));
        const r = sim.report();
        problems.push(...identities(r, `at ${sim.now} ms`), ...moreIdentities(r, `at ${sim.now} ms`), ...deleteIdentities(r, `at ${sim.now} ms`));
      }
      sim.advanceTo(sim.until);
      const r = sim.report();
      problems.push(...identities(r, 'at until'), ...deleteIdentities(r, 'at until'), ...dataPlacementProblems(sim));
      if (r.tombstones?.purged !== 0) problems.push(`purged ${r.tombstones?.purged} with gcGrace 10d`);
      if (r.lostAcknowledgedWrites !== 0) problems.push(`lostAcknowledgedWrites = ${r.lostAcknowledgedWrites}`);
      if (r.replication.underReplicated !== 0) problems.push(`underReplicated = ${r.replication.underReplicated} of ${r.replication.keys}`);
      if (r.replication.resurrected !== 0) problems.push(`resurrected = ${r.replication.resurrected}`);
      const straight = new Sim(parseScenario(doc));
      straight.advanceTo(straight.until);
      if (straight.traceHash() !== sim.traceHash()) problems.push('trace hash differs between two runs');
      if (problems.length > 0) fail(doc, seed, problems, r);
    }), { numRuns: runs(25), seed });
  }, 180_000);

  it('every purge mode and a short gcGrace: identities hold at any time; a resurrected key is under-replicated', () => {
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    fc.assert(fc.property(deleteCase, ({ c, deleteRatio, tombstoneGc, gcGrace }) => {
      const doc = docOf(c, deleteRatio, { tombstoneGc, gcGrace, propagationDelay: '30s' });
      const sim = new Sim(parseScenario(doc));
      const problems: string[] = [];
      for (const p of [...c.probes, 1].sort((a, b) => a - b)) {
        sim.advanceTo(Math.round(p * sim.until));
        const r = sim.report();
        problems.push(...identities(r, `at ${sim.now} ms`), ...moreIdentities(r, `at ${sim.now} ms`), ...deleteIdentities(r, `at ${sim.now} ms`));
        if (tombstoneGc === 'disabled' && r.tombstones!.purged !== 0) problems.push(`disabled but purged ${r.tombstones!.purged}`);
      }
      if (problems.length > 0) fail(doc, seed, problems, sim.report());
    }), { numRuns: runs(20), seed });
  }, 180_000);

  it('strict quorums never read stale with deletes: R + W > RF, no disk loss, gcGrace longer than the run', () => {
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    const arb = deleteCase.map(({ c, deleteRatio }) => ({ c: { ...c, preset: 'cassandra' as const, faults: c.faults.map((f) => (f.kind === 'kill' ? { ...f, wipe: false } : f)) }, deleteRatio }));
    fc.assert(fc.property(arb, ({ c, deleteRatio }) => {
      const doc = docOf(c, deleteRatio, { gcGrace: '10d' });
      const gen = doc.workload[0]!;
      doc.workload = [
        { ...gen, writeRatio: 1 - deleteRatio, deleteRatio, consistency: 'QUORUM' },
        { ...gen, rate: Math.max(1, Math.round((gen.rate as number) / 2)), writeRatio: 0, deleteRatio: 0, consistency: 'QUORUM' },
      ];
      const sim = new Sim(parseScenario(doc));
      sim.advanceTo(sim.until);
      const r = sim.report();
      if (r.reads.stale !== 0) fail(doc, seed, [`${r.reads.stale} stale reads of ${r.reads.succeeded}`], r);
    }), { numRuns: runs(20), seed });
  }, 180_000);
});
