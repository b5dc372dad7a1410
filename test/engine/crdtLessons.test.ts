// The merge lessons' checks cannot lie: each step, rerun with its mechanism switched off or flipped
// (another conflict resolution; no partition; no hand-off and no repair), must fail its check.
// These are the mutants the lesson mutation harness registers for lessons/merge.ts.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';
import { MERGE } from '../../src/lessons/lessons/merge';
import { runStep, WARM_UP_MS, type Lesson, type LessonStep } from '../../src/lessons';

interface Mutant {
  lesson: string;
  step: number;
  what: string;
  settings?: Record<string, unknown>;
  /** Remove the actions of the step for which this returns true. */
  drop?: (step: number, action: number) => boolean;
}

function mutate(lesson: Lesson, m: Mutant): Lesson {
  const sc = lesson.scenario as { settings: Record<string, unknown> };
  const steps: LessonStep[] = lesson.steps.map((s, i) => ({ ...s, actions: s.actions.filter((_, j) => !m.drop?.(i, j)) }));
  return { ...lesson, scenario: { ...lesson.scenario, settings: { ...sc.settings, ...m.settings } }, steps };
}

/** The verdict of step `m.step` with every step before it run (a refused command counts as a failure). */
function verdictOf(lesson: Lesson, upTo: number): true | string {
  const sim = createSimulation(lesson.scenario);
  sim.advanceTo(WARM_UP_MS);
  let last: true | string = true;
  for (let i = 0; i <= upTo; i++) {
    try {
      last = runStep(sim, lesson.steps[i]!);
    } catch (e) {
      last = `threw: ${(e as Error).message}`;
    }
  }
  return last;
}

const byId = (id: string) => MERGE.find((l) => l.id === id)!;
const flip = (lesson: string, step: number, conflictResolution: string): Mutant =>
  ({ lesson, step, what: `conflictResolution ${conflictResolution}`, settings: { conflictResolution } });
/** Step 2's first action is the partition. */
const noSplit = (lesson: string): Mutant => ({ lesson, step: 1, what: 'no partition', drop: (s, a) => s === 1 && a === 0 });

export const MERGE_MUTANTS: Mutant[] = [
  flip('merge-lww', 0, 'or-set'), flip('merge-lww', 1, 'or-set'), noSplit('merge-lww'),
  flip('merge-lww', 2, 'vector-clock'), flip('merge-lww', 2, 'or-set'),
  flip('vector-clocks', 0, 'or-set'), flip('vector-clocks', 1, 'or-set'), noSplit('vector-clocks'),
  flip('vector-clocks', 2, 'lww'), flip('vector-clocks', 2, 'or-set'), flip('vector-clocks', 3, 'lww'), flip('vector-clocks', 3, 'or-set'),
  flip('merge-or-set', 0, 'lww'), flip('merge-or-set', 1, 'lww'), noSplit('merge-or-set'),
  flip('merge-or-set', 2, 'lww'), flip('merge-or-set', 2, 'vector-clock'),
  {
    lesson: 'merge-or-set', step: 2, what: 'no hand-off and no repair (the sides never join)',
    settings: { hintedHandoffEnabled: false }, drop: (s, a) => s === 2 && a === 2,
  },
];

describe('merge lessons: every step passes as written', () => {
  for (const lesson of MERGE) {
    it(lesson.id, () => {
      for (let i = 0; i < lesson.steps.length; i++) expect(verdictOf(lesson, i), `${lesson.id} step ${i + 1}`).toBe(true);
    });
  }
});

describe('merge lessons: every mutant fails its step', () => {
  it('covers every step of every merge lesson', () => {
    for (const lesson of MERGE) {
      for (let i = 0; i < lesson.steps.length; i++) expect(MERGE_MUTANTS.some((m) => m.lesson === lesson.id && m.step === i), `${lesson.id} step ${i + 1}`).toBe(true);
    }
  });
  for (const m of MERGE_MUTANTS) {
    it(`${m.lesson} step ${m.step + 1} with ${m.what} → its check fails`, () => {
      expect(verdictOf(mutate(byId(m.lesson), m), m.step)).not.toBe(true);
    });
  }
});
