// The golden runs: every shipped scenario, every lesson and interview demo, and a few hundred
// seeded random scenarios with command logs. Their trace hashes and reports pin the engine's
// behaviour through refactors: `npm run golden` rewrites golden.json, the test compares.
// Only the public surface is used (createSession, runStep), so the pins outlive any internals.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { createSession } from '../../src/engine';
import { INTERVIEW, LESSONS, WARM_UP_MS, runStep, type Lesson } from '../../src/lessons';
import { caseArb, toScenario } from '../property/arbitraries';

const HERE = dirname(fileURLToPath(import.meta.url));
export const GOLDEN_FILE = join(HERE, 'golden.json');
const SCENARIOS = join(HERE, '..', '..', 'scenarios');

export interface GoldenRun {
  traceHash: string;
  /** The full report, or its SHA-256 for the random runs (to keep the file small). */
  report: unknown;
}

export interface RandomCase {
  scenario: Record<string, unknown>;
  log: { at: number; command: Record<string, unknown> }[];
}

export interface Golden {
  scenarios: Record<string, GoldenRun>;
  lessons: Record<string, GoldenRun[]>;
  random: (RandomCase & { run: GoldenRun })[];
}

const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

export function runScenarioFile(file: string): GoldenRun {
  const sim = createSession(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')));
  sim.advanceTo(sim.until);
  return { traceHash: sim.traceHash(), report: sim.report() };
}

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();
}

/** A lesson step by step, as the worker plays it: trace hash and report after each step. */
export function runLessonSteps(lesson: Lesson): GoldenRun[] {
  const sim = createSession(lesson.scenario);
  sim.advanceTo(WARM_UP_MS);
  return lesson.steps.map((step) => {
    runStep(sim, step);
    return { traceHash: sim.traceHash(), report: sim.report() };
  });
}

/** Every lesson and interview demo, keyed `lesson:id` / `interview:id` (the two share ids). */
export function allLessons(): [string, Lesson][] {
  return [...LESSONS.map((l) => [`lesson:${l.id}`, l] as [string, Lesson]), ...INTERVIEW.map((q) => [`interview:${q.id}`, q] as [string, Lesson])];
}

const NODE_CMDS = ['kill', 'restart', 'repair', 'slow'] as const;
const LEVELS = ['ANY', 'ONE', 'TWO', 'QUORUM', 'ALL'] as const;

/** Commands a user might give mid-run, at times within the scenario. */
function commandArb(nodes: string[]): fc.Arbitrary<Record<string, unknown>> {
  const node = fc.constantFrom(...nodes);
  const level = fc.constantFrom(...LEVELS);
  const key = fc.integer({ min: 0, max: 40 }).map((k) => `k${k}`);
  return fc.oneof(
    fc.record({ type: fc.constantFrom(...NODE_CMDS), node, wipe: fc.boolean(), extraLatencyMs: fc.integer({ min: 0, max: 3000 }) }).map((c) => {
      if (c.type === 'kill') return { type: 'kill', node: c.node, wipe: c.wipe };
      if (c.type === 'slow') return { type: 'slow', node: c.node, extraLatencyMs: c.extraLatencyMs };
      return { type: c.type, node: c.node };
    }),
    fc.record({ type: fc.constant('write'), key, value: fc.constantFrom('a', 'b', 'zz'), consistency: level }),
    fc.record({ type: fc.constant('read'), key, consistency: fc.constantFrom('ONE', 'QUORUM', 'ALL') }),
    fc.record({ type: fc.constant('workload'), rate: fc.integer({ min: 1, max: 20 }), keys: fc.integer({ min: 5, max: 50 }), writeRatio: fc.constantFrom(0.5, 1), consistency: fc.constantFrom('ONE', 'TWO', 'QUORUM') }),
    fc.constant({ type: 'workloadStop' }),
    fc.constant({ type: 'heal' }),
    fc.shuffledSubarray(nodes, { minLength: 1, maxLength: nodes.length - 1 }).map((g) => ({ type: 'partition', groups: [g, nodes.filter((n) => !g.includes(n))] })),
  );
}

/** `count` random cases from a fixed seed: scenarios of the property tests plus user commands. */
export function randomCases(count: number): RandomCase[] {
  const arb = caseArb.chain((c) => {
    const scenario = toScenario(c);
    const nodes = (scenario.cluster as { nodes: string[] }).nodes;
    const span = c.faultSpan * 1000;
    return fc.array(fc.tuple(fc.integer({ min: 1, max: span }), commandArb(nodes)), { maxLength: 8 }).map((cmds) => ({
      scenario,
      log: cmds.sort((a, b) => a[0] - b[0]).map(([at, command]) => ({ at: at + 0.001, command })),
    }));
  });
  return fc.sample(arb, { seed: 20261207, numRuns: count });
}

export function runRandom(c: RandomCase): GoldenRun {
  const sim = createSession(c.scenario, c.log);
  sim.advanceTo(sim.until);
  return { traceHash: sim.traceHash(), report: sha(sim.report()) };
}
