import { describe, expect, it } from 'vitest';
import { LESSONS, runLesson } from '../../src/lessons';

describe('guided lessons (headless)', () => {
  it('has at least ten lessons with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every step's check holds`, () => {
      const results = runLesson(lesson);
      for (const r of results) expect(r.verdict, `${lesson.id} / ${r.step}`).toBe(true);
    });
  }
});

describe('a failed check says so plainly', () => {
  it('the Scylla lesson run on Cassandra settings reports what it saw instead', () => {
    const scylla = LESSONS.find((l) => l.id === 'scylla-vs-cassandra')!;
    const onCassandra = { ...scylla, scenario: { ...scylla.scenario, settings: { preset: 'cassandra' } } };
    const [first] = runLesson(onCassandra);
    expect(first!.verdict).toBe('failed 1, hints 2');
  });

  it('the phi lesson holds without its warm-up too: detectors at time 0 are warm, conviction takes ~18 s from the start', async () => {
    const { createSimulation } = await import('../../src/engine');
    const { runStep } = await import('../../src/lessons');
    const phi = LESSONS.find((l) => l.id === 'phi')!;
    const sim = createSimulation(phi.scenario);
    expect(runStep(sim, phi.steps[0]!)).toBe(true);
    expect(runStep(sim, phi.steps[1]!)).toBe(true);
  });
});
