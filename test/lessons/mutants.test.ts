// Every lesson step and interview demo step has mutants that switch its mechanism off or flip it,
// and its check fails on each (the harness: mutation.ts; the mutants: mutants.ts).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons';
import { EXEMPT, MUTANTS } from './mutants';
import { allLessons, coverageGaps, coveredSteps, runMutant, summary, type MutantResult } from './mutation';

describe('lesson mutants', () => {
  it('every step of every lesson and interview demo has at least one mutant (exemptions listed)', () => {
    // The exemptions are printed so they stay in sight until their owner adds the mutants.
    for (const [key, why] of Object.entries(EXEMPT)) console.log(`mutants exempt: ${key} — ${why}`);
    expect(coverageGaps(MUTANTS, EXEMPT)).toEqual([]);
  });

  const results: MutantResult[] = [];
  for (const { key, lesson } of allLessons()) {
    if (key in EXEMPT) continue;
    it(`${key}: every mutant makes its step's check fail`, () => {
      const survivors: string[] = [];
      lesson.steps.forEach((step, i) => {
        for (const m of MUTANTS[key]?.[i] ?? []) {
          const outcome = runMutant(lesson, i, m);
          results.push({ key, step: i, stepTitle: step.title, mutant: m.name, outcome });
          if (!outcome.caught) survivors.push(`step ${i + 1} "${step.title}" — ${m.name}: ${outcome.why === 'crashed' ? `crashed: ${String(outcome.verdict)}` : 'the check still passes'}`);
        }
      });
      expect(survivors).toEqual([]);
    });
  }

  it('prints the count', () => {
    console.log(summary(results, coveredSteps(EXEMPT), coverageGaps(MUTANTS, EXEMPT).length));
    expect(results.length).toBeGreaterThanOrEqual(coveredSteps(EXEMPT));
  });

  it('the harness can report a survivor: a mutant that changes nothing is not caught', () => {
    const lesson = LESSONS.find((l) => l.id === 'replay')!;
    expect(runMutant(lesson, 1, { name: 'nothing' })).toEqual({ caught: false, verdict: true, why: 'survived' });
  });

  it('a mutant that breaks the run counts as not caught, not as a failed check', () => {
    const lesson = LESSONS.find((l) => l.id === 'replay')!;
    const outcome = runMutant(lesson, 0, { name: 'a setting out of bounds', settings: { merkleDepth: 0 } });
    expect(outcome.caught).toBe(false);
    expect(outcome.caught === false && outcome.why).toBe('crashed');
  });

  it('a lesson without mutants is reported', () => {
    const { 'lesson:replay': _, ...without } = MUTANTS;
    expect(coverageGaps(without, EXEMPT)).toEqual(['lesson:replay: no mutants at all (2 steps)']);
  });
});
