// The OR-set under the random fault schedules of engine.property.test.ts: the same cases (kills with
// and without wipe, restarts, partitions, slow nodes, loss; then heal, restart everything and repair
// every node), with the cluster's conflict resolution set to "or-set" and the generator removing
// elements. Whatever happened: no acknowledged add or remove is lost, every key is fully
// replicated, and every replica of a key holds the very same set (the join converged).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseScenario } from '../../src/engine';
import { caseArb, toScenario, type Case } from './arbitraries';
import { identities } from './oracles';
import { Sim } from '../../src/engine/sim';

function orSetDoc(c: Case, removeRatio: number): Record<string, unknown> {
  const doc = toScenario(c) as Record<string, unknown> & { settings: Record<string, unknown>; workload: Record<string, unknown>[] };
  return { ...doc, name: 'or-set run', settings: { ...doc.settings, conflictResolution: 'or-set' }, workload: doc.workload.map((w) => ({ ...w, removeRatio })) };
}

function problemsOf(doc: Record<string, unknown>): string[] {
  const sim = new Sim(parseScenario(doc));
  sim.advanceTo(sim.until);
  const r = sim.report();
  const problems = identities(r, 'at until');
  if (r.lostAcknowledgedWrites !== 0) problems.push(`lostAcknowledgedWrites = ${r.lostAcknowledgedWrites}`);
  if (r.replication.underReplicated !== 0) problems.push(`underReplicated = ${r.replication.underReplicated} of ${r.replication.keys} keys`);
  for (const key of sim.keys.keys()) {
    const states = new Set(sim.inspectKey(key).preferenceList.filter((p) => p.replica).map((p) => JSON.stringify(p.versions.map((v) => v.set))));
    if (states.size > 1) problems.push(`${key}: replicas hold ${states.size} different sets`);
  }
  return problems;
}

describe('the OR-set under random faults', () => {
  it('no acknowledged add or remove lost, every key fully replicated, replicas hold the same set', () => {
    const seed = process.env.HINTSCOPE_FC_SEED ? Number(process.env.HINTSCOPE_FC_SEED) : Math.floor(Math.random() * 2 ** 31);
    fc.assert(fc.property(caseArb, fc.constantFrom(0.25, 0.5), (c, removeRatio) => {
      const doc = orSetDoc(c, removeRatio);
      const problems = problemsOf(doc);
      if (problems.length > 0) throw new Error(`${problems.slice(0, 8).join('\n')}\nfast-check seed ${seed}; scenario:\n${JSON.stringify(doc)}`);
    }), { numRuns: 20, seed });
  }, 120_000);
});
