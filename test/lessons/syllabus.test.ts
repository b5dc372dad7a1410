// The syllabus lessons (#13): each step passes on the engine as shipped, and fails when its
// mechanism is switched off or flipped — the mutants live in mutantsMore.ts and run in the harness.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';
import { LESSONS, probeOf, runLesson } from '../../src/lessons';
import { LEDGER, replicas } from '../../src/lessons/dsl';
import { SYLLABUS_MUTANTS } from './mutantsMore';

/** The syllabus lessons; their mutants (one or more per step) are in mutantsMore.ts, run by the harness. */
const SYLLABUS = Object.keys(SYLLABUS_MUTANTS).filter((k) => k.startsWith('lesson:')).map((k) => k.slice('lesson:'.length));

const byId = (id: string) => LESSONS.find((l) => l.id === id)!;

describe('the syllabus lessons', () => {
  it('are all in the catalogue, intro first, detection (phi) before the first hint', () => {
    const ids = LESSONS.map((l) => l.id);
    for (const id of SYLLABUS) expect(ids).toContain(id);
    expect(ids[0]).toBe('intro');
    expect(ids.indexOf('phi')).toBeLessThan(ids.indexOf('hint-for-down-replica'));
    expect(ids.indexOf('phi')).toBeLessThan(ids.indexOf('neighbour-package'));
  });

  for (const id of SYLLABUS) {
    const lesson = byId(id);
    it(`${id}: has a recap and passes as shipped`, () => {
      expect(lesson.recap?.length).toBeGreaterThan(80);
      for (const r of runLesson(lesson)) expect(r.verdict, `${id} / ${r.step}`).toBe(true);
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
