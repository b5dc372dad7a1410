// The golden file: every pinned run must reproduce its trace hash and report exactly. A change
// that alters one is a fidelity fix, regenerated with `npm run golden` and named in its commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, allLessons, runLessonSteps, runRandom, runScenarioFile, scenarioFiles, type Golden } from './golden';

const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden;

describe('golden runs', () => {
  it('pins every shipped scenario, lesson and a few hundred random runs', () => {
    expect(Object.keys(golden.scenarios)).toEqual(scenarioFiles());
    expect(Object.keys(golden.lessons).sort()).toEqual(allLessons().map(([id]) => id).sort());
    expect(golden.random.length).toBeGreaterThanOrEqual(300);
  });

  // As text: a report's key order is part of what tools read.
  it.each(scenarioFiles())('scenario %s', (file) => {
    expect(JSON.stringify(runScenarioFile(file))).toBe(JSON.stringify(golden.scenarios[file]));
  });

  it.each(allLessons())('lesson %s, step by step', (id, lesson) => {
    expect(JSON.stringify(runLessonSteps(lesson))).toBe(JSON.stringify(golden.lessons[id]));
  });

  // In slices, so one failure names its case and the runner reports progress.
  const SLICE = 50;
  for (let from = 0; from < golden.random.length; from += SLICE) {
    it(`random runs ${from}..${Math.min(from + SLICE, golden.random.length) - 1}`, { timeout: 60_000 }, () => {
      golden.random.slice(from, from + SLICE).forEach((c, i) => {
        expect(runRandom(c), `random run ${from + i} (seed ${String(c.scenario.seed)})`).toEqual(c.run);
      });
    });
  }
});
