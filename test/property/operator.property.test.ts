// Property tests with nodetool verbs in the fault schedules (operator commands): the identities
// hold at any time (created = delivered + expired + lost + truncated + pending); without
// truncatehints, and in coordinator mode also with it, heal + restarts + undoing the verbs +
// repair leave no acknowledged write lost and every key fully replicated; the same scenario gives
// the same trace; a probe changes nothing. Environment as engine.property.test.ts.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseScenario } from '../../src/engine';
import { Sim } from '../../src/engine/sim';
import { caseArb } from './arbitraries';
import { operatorCaseArb, toOperatorScenario, type OperatorCase } from './operatorArbitraries';
import { dataPlacementProblems, identities } from './oracles';

const envSeed = process.env.HINTSCOPE_FC_SEED ? Number(process.env.HINTSCOPE_FC_SEED) : undefined;
const envRuns = process.env.HINTSCOPE_FC_RUNS ? Number(process.env.HINTSCOPE_FC_RUNS) : undefined;

function check(oc: OperatorCase, seed: number): void {
  const doc = toOperatorScenario(oc);
  const sim = new Sim(parseScenario(doc));
  const problems: string[] = [];
  for (const p of [...oc.c.probes].sort((a, b) => a - b)) {
    sim.advanceTo(Math.round(p * sim.until));
    problems.push(...identities(sim.report(), `at ${sim.now} ms`));
  }
  sim.advanceTo(sim.until);
  const r = sim.report();
  problems.push(...identities(r, 'at until'), ...dataPlacementProblems(sim));
  const sloppy = oc.c.preset === 'dynamo' || oc.c.preset === 'riak';
  // A stand-in's copy may be a write's only acknowledged one (sloppy quorum): truncating it may lose the write.
  const mayLose = sloppy && oc.verbs.some((v) => v.verb === 'truncatehints');
  if (!mayLose && r.lostAcknowledgedWrites !== 0) problems.push(`lostAcknowledgedWrites = ${r.lostAcknowledgedWrites}`);
  if (!mayLose && r.replication.underReplicated !== 0) problems.push(`underReplicated = ${r.replication.underReplicated} of ${r.replication.keys} after heal, restarts, undo and repair`);
  if (!oc.verbs.some((v) => v.verb === 'truncatehints') && (r.hints.truncated ?? 0) !== 0) problems.push(`truncated ${r.hints.truncated} without truncatehints`);
  const straight = new Sim(parseScenario(doc));
  straight.advanceTo(straight.until);
  if (straight.traceHash() !== sim.traceHash()) problems.push('trace hash differs between two runs');
  if (problems.length > 0) {
    throw new Error(`${problems.length} problem(s):\n  ${[...new Set(problems)].slice(0, 12).join('\n  ')}\n  fast-check seed: ${seed}\n  scenario: ${JSON.stringify(doc)}`);
  }
}

describe('engine properties with nodetool verbs', () => {
  it('identities hold at any time; nothing lost and everything replicated once the verbs are undone and repaired; deterministic', () => {
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    fc.assert(fc.property(operatorCaseArb(caseArb), (oc) => check(oc, seed)), { numRuns: envRuns ?? 30, seed });
  }, 180_000);

  it('probes appended at the end change neither the report nor the trace', () => {
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    fc.assert(
      fc.property(operatorCaseArb(caseArb), fc.integer({ min: 0, max: 300_000 }), (oc, at) => {
        const doc = toOperatorScenario(oc);
        const a = new Sim(parseScenario(doc));
        a.advanceTo(a.until);
        const probed = { ...doc, faults: [...doc.faults, { at, nodetool: 'listpendinghints', node: '*' }, { at, nodetool: 'statushandoff', node: '*' }] };
        const b = new Sim(parseScenario(probed));
        b.advanceTo(b.until);
        if (JSON.stringify(a.report()) !== JSON.stringify(b.report())) throw new Error(`a probe changed the report (seed ${seed}): ${JSON.stringify(probed)}`);
      }),
      { numRuns: envRuns ?? 10, seed },
    );
  }, 180_000);
});
