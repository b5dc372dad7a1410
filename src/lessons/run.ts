// Runs a lesson headless on the engine (tests; the worker uses the same steps).
import { createSimulation } from '../engine';
import type { Simulation } from '../engine/api';
import type { Report } from '../engine/check/report';
import { WARM_UP_MS, type Lesson, type LessonStep, type Probe } from './types';

export function probeOf(sim: Simulation): Probe {
  return {
    now: sim.now,
    snapshot: sim.snapshot(0),
    report: sim.report() as Report,
    inspect: (key) => sim.inspectKey(key),
  };
}

/** Applies one step's actions to the simulation, then returns its check's verdict. */
export function runStep(sim: Simulation, step: LessonStep): true | string {
  for (const a of step.actions) {
    if ('advanceMs' in a) sim.advanceTo(sim.now + a.advanceMs);
    else sim.apply(typeof a.command === 'function' ? a.command(probeOf(sim)) : a.command);
  }
  return step.check.verify(probeOf(sim));
}

export function runLesson(lesson: Lesson): { step: string; verdict: true | string }[] {
  const sim = createSimulation(lesson.scenario);
  sim.advanceTo(WARM_UP_MS);
  return lesson.steps.map((s) => ({ step: s.title, verdict: runStep(sim, s) }));
}
