// The syllabus lessons (#13): each step passes on the engine as shipped, and fails when its
// mechanism is switched off or flipped — one named mutant per step, run through the same steps.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';
import { LESSONS, WARM_UP_MS, probeOf, runLesson, runStep, type Lesson } from '../../src/lessons';
import { CHAT, LEDGER, replicas } from '../../src/lessons/dsl';

type Scenario = Record<string, unknown> & { settings: Record<string, unknown>; cluster: Record<string, unknown>; faults: unknown[] };
interface Mutant { name: string; mutate(s: Scenario): Scenario }

const settings = (name: string, patch: Record<string, unknown>): Mutant => ({ name, mutate: (s) => ({ ...s, settings: { ...s.settings, ...patch } }) });
const cluster = (name: string, patch: Record<string, unknown>): Mutant => ({ name, mutate: (s) => ({ ...s, cluster: { ...s.cluster, ...patch } }) });
/** A replica of `key` (by rank) is down from the first second: the state the step starts from is not there. */
const ownerDown = (key: string, rank: number): Mutant => ({
  name: `replica ${rank + 1} of ${key} down from the start`,
  mutate: (s) => {
    const owner = replicas(probeOf(createSimulation(s)), key)[rank]!;
    return { ...s, faults: [...s.faults, { at: '1s', kill: owner }] };
  },
});
const fault = (name: string, entry: Record<string, unknown>): Mutant => ({ name, mutate: (s) => ({ ...s, faults: [...s.faults, entry] }) });

const noHandoff = settings('hintedHandoffEnabled false', { hintedHandoffEnabled: false });

/** Per lesson, per step: the mutant that must make that step's check fail. */
export const SYLLABUS_MUTANTS: Record<string, Mutant[]> = {
  intro: [cluster('replicationFactor 2', { replicationFactor: 2 }), ownerDown(CHAT, 2), settings('sloppy quorum (dynamo preset)', { preset: 'dynamo' })],
  'neighbour-package': [noHandoff, settings('hintTtl 10s: the stand-in’s copy expires before the owner returns', { hintTtl: '10s' }), noHandoff],
  'w-plus-r': [ownerDown(CHAT, 1), settings('phiConvictThreshold 100: nobody convicts', { phiConvictThreshold: 100 }), settings('strictQuorum true', { strictQuorum: true }), settings('strictQuorum true', { strictQuorum: true })],
  'dynamo-322': [
    settings('latency without a tail (p99 = median)', { latency: { median: '5ms', p99: '5ms' } }),
    settings('latency without a tail (p99 = median)', { latency: { median: '5ms', p99: '5ms' } }),
    fault('a second replica slow too (B +100 ms)', { at: '1s', slow: 'B', extraLatency: '100ms' }),
  ],
  'replay-throttle': [noHandoff, settings('hintReplayRate 1000: no throttle', { hintReplayRate: 1000 }), settings('hintTtl 35s: hints expire mid-replay', { hintTtl: '35s' })],
  'hint-storm': [noHandoff, settings('hintReplayRate 1000: no throttle', { hintReplayRate: 1000 }), settings('hintTtl 25s: hints expire mid-replay', { hintTtl: '25s' })],
  'restart-loop': [noHandoff, settings('persistentHintWindow true', { persistentHintWindow: true })],
  'persistent-window': [noHandoff, settings('persistentHintWindow false', { persistentHintWindow: false })],
  'hint-cap': [settings('maxHintsPerHost 1,000,000: no cap', { maxHintsPerHost: 1_000_000 }), settings('maxHintsPerHost 1,000,000: no cap', { maxHintsPerHost: 1_000_000 })],
  'unflushed-buffer': [
    settings('hintFlushPeriod 0: write-through', { hintFlushPeriod: 0 }),
    settings('hintFlushPeriod 0: write-through', { hintFlushPeriod: 0 }),
    settings('hintFlushPeriod 0: write-through', { hintFlushPeriod: 0 }),
  ],
  'lww-loses': [ownerDown('cart:7', 0), settings('conflictResolution vector-clock', { conflictResolution: 'vector-clock' })],
  'scylla-settings': [settings('maxHintWindow none', { maxHintWindow: null }), settings('persistentHintWindow true (Cassandra 4.1)', { persistentHintWindow: true })],
};

/** Runs the lesson on the mutated scenario up to `step` and returns that step's verdict. */
function verdictUnder(lesson: Lesson, mutant: Mutant, step: number): true | string {
  const sim = createSimulation(mutant.mutate(lesson.scenario as Scenario));
  sim.advanceTo(WARM_UP_MS);
  let verdict: true | string = true;
  for (let i = 0; i <= step; i++) verdict = runStep(sim, lesson.steps[i]!);
  return verdict;
}

const byId = (id: string) => LESSONS.find((l) => l.id === id)!;

describe('the syllabus lessons', () => {
  it('are all in the catalogue, intro first, detection (phi) before the first hint', () => {
    const ids = LESSONS.map((l) => l.id);
    for (const id of Object.keys(SYLLABUS_MUTANTS)) expect(ids).toContain(id);
    expect(ids[0]).toBe('intro');
    expect(ids.indexOf('phi')).toBeLessThan(ids.indexOf('hint-for-down-replica'));
    expect(ids.indexOf('phi')).toBeLessThan(ids.indexOf('neighbour-package'));
  });

  for (const [id, mutants] of Object.entries(SYLLABUS_MUTANTS)) {
    const lesson = byId(id);
    it(`${id}: every step has a recap-bearing lesson, a mutant, and passes as shipped`, () => {
      expect(lesson.recap?.length).toBeGreaterThan(80);
      expect(mutants).toHaveLength(lesson.steps.length);
      for (const r of runLesson(lesson)) expect(r.verdict, `${id} / ${r.step}`).toBe(true);
    });
    mutants.forEach((m, step) => {
      it(`${id} step ${step + 1} (${lesson.steps[step]!.title}) fails under: ${m.name}`, () => {
        expect(verdictUnder(lesson, m, step)).not.toBe(true);
      });
    });
  }

  it('a prediction names the outcome its step shows: its correct index is in range', () => {
    for (const l of LESSONS) for (const s of l.steps) if (s.predict) {
      expect(s.predict.choices.length).toBeGreaterThanOrEqual(2);
      expect(s.predict.choices.length).toBeLessThanOrEqual(4);
      expect(s.predict.correct).toBeLessThan(s.predict.choices.length);
    }
  });

  it('the ledger key of the Scylla lesson has a replica outside its coordinator', () => {
    const sim = createSimulation(byId('scylla-settings').scenario);
    expect(replicas(probeOf(sim), LEDGER)).toHaveLength(3);
  });
});
