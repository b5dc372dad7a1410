// The mutation harness: reruns a lesson (or interview demo) with its mechanism switched off or
// flipped, and asks whether the check of one step then FAILS. A check that still passes on a
// mutant asserts an end state something else could produce, not the mechanism.
//
// How a mutant runs: its `settings` are laid over the lesson's scenario, so the whole run —
// earlier steps included — is mutated from the start; its `actions` edits rewrite the actions of
// the steps it names (this step or an earlier one, e.g. the wipe before a repair). Every step up to
// the target runs; only the target step's verdict is judged (earlier verdicts are ignored).
import { createSimulation } from '../../src/engine';
import type { Command } from '../../src/engine/api';
import { INTERVIEW, LESSONS, runStep, WARM_UP_MS, type Lesson, type LessonAction, type Probe } from '../../src/lessons';

export interface Mutant {
  /** What it switches off or flips, in a few words (printed by scripts/mutants.ts). */
  name: string;
  /** Scenario settings laid over the lesson's (registry names). */
  settings?: Record<string, unknown>;
  /** Cluster fields laid over the lesson's (e.g. replicationFactor). */
  cluster?: Record<string, unknown>;
  /** Step index → a rewrite of that step's actions. */
  actions?: Record<number, (actions: readonly LessonAction[]) => LessonAction[]>;
  /** A rewrite of the whole scenario after settings and cluster (e.g. a fault added). */
  scenario?: (scenario: Record<string, unknown>) => Record<string, unknown>;
}

/** Mutants of one lesson: one list per step, in step order. */
export type LessonMutants = Mutant[][];

export const lessonKey = (kind: 'lesson' | 'interview', id: string) => `${kind}:${id}`;

/** Every lesson and interview question the harness must cover, by key. */
export function allLessons(): { key: string; lesson: Lesson }[] {
  return [
    ...LESSONS.map((lesson) => ({ key: lessonKey('lesson', lesson.id), lesson })),
    ...INTERVIEW.map((lesson) => ({ key: lessonKey('interview', lesson.id), lesson })),
  ];
}

// ---- building mutants -----------------------------------------------------------------------

export const settings = (name: string, over: Record<string, unknown>): Mutant => ({ name, settings: over });
export const cluster = (name: string, over: Record<string, unknown>): Mutant => ({ name, cluster: over });

/** Adds scenario faults (computed from the unmutated placement when they name a key's replica). */
export const faults = (name: string, entries: (scenario: Record<string, unknown>) => Record<string, unknown>[]): Mutant => ({
  name, scenario: (s) => ({ ...s, faults: [...((s.faults as unknown[] | undefined) ?? []), ...entries(s)] }),
});

/** Removes action `index` of step `step`. */
export const drop = (name: string, step: number, index: number): Mutant => ({
  name, actions: { [step]: (a) => a.filter((_, i) => i !== index) },
});

/** Removes every action of step `step` for which `which` is true. */
export const dropWhere = (name: string, step: number, which: (a: LessonAction, i: number) => boolean): Mutant => ({
  name, actions: { [step]: (a) => a.filter((x, i) => !which(x, i)) },
});

/** Rewrites the command of action `index` of step `step` (e.g. a wipe made a plain kill, another level). */
export const edit = (name: string, step: number, index: number, patch: (c: Command) => Command): Mutant => ({
  name,
  actions: {
    [step]: (a) => a.map((x, i) => {
      if (i !== index) return x;
      if ('advanceMs' in x) throw new Error(`mutant "${name}": action ${index} of step ${step} is a wait, not a command`);
      const c = x.command;
      return { command: (p: Probe) => patch(typeof c === 'function' ? c(p) : c) };
    }),
  },
});

/** Shortens (or lengthens) the wait at action `index` of step `step` to `ms`. */
export const rewait = (name: string, step: number, index: number, ms: number): Mutant => ({
  name,
  actions: {
    [step]: (a) => a.map((x, i) => {
      if (i !== index) return x;
      if (!('advanceMs' in x)) throw new Error(`mutant "${name}": action ${index} of step ${step} is not a wait`);
      return { advanceMs: ms };
    }),
  },
});

// ---- running them ---------------------------------------------------------------------------

export type Outcome =
  | { caught: true; verdict: string }
  | { caught: false; verdict: true | string; why: 'survived' | 'crashed' };

/** The lesson as the mutant changes it. */
export function mutate(lesson: Lesson, m: Mutant): Lesson {
  const base = lesson.scenario as { settings?: Record<string, unknown>; cluster?: Record<string, unknown> };
  const scenario = {
    ...lesson.scenario,
    ...(m.settings ? { settings: { ...base.settings, ...m.settings } } : {}),
    ...(m.cluster ? { cluster: { ...base.cluster, ...m.cluster } } : {}),
  };
  const steps = lesson.steps.map((s, i) => {
    const edit = m.actions?.[i];
    return edit ? { ...s, actions: edit(s.actions) } : s;
  });
  return { ...lesson, scenario: m.scenario ? m.scenario(scenario) : scenario, steps };
}

/** Runs the mutated lesson through step `target` and says whether that step's check failed. */
export function runMutant(lesson: Lesson, target: number, m: Mutant): Outcome {
  const mutated = mutate(lesson, m);
  try {
    const sim = createSimulation(mutated.scenario);
    sim.advanceTo(WARM_UP_MS);
    for (let i = 0; i < target; i++) runStep(sim, mutated.steps[i]!);
    const verdict = runStep(sim, mutated.steps[target]!);
    return verdict === true ? { caught: false, verdict, why: 'survived' } : { caught: true, verdict };
  } catch (err) {
    // A mutant that breaks the run proves nothing about the check: it counts as not caught.
    return { caught: false, verdict: err instanceof Error ? err.message : String(err), why: 'crashed' };
  }
}

export interface MutantResult {
  key: string;
  step: number;
  stepTitle: string;
  mutant: string;
  outcome: Outcome;
}

/** Every mutant of every covered lesson, run. */
export function runAll(all: Record<string, LessonMutants>, exempt: Record<string, string>): MutantResult[] {
  const out: MutantResult[] = [];
  for (const { key, lesson } of allLessons()) {
    if (key in exempt) continue;
    const byStep = all[key] ?? [];
    lesson.steps.forEach((step, i) => {
      for (const m of byStep[i] ?? []) out.push({ key, step: i, stepTitle: step.title, mutant: m.name, outcome: runMutant(lesson, i, m) });
    });
  }
  return out;
}

/** Steps with no mutant, and mutant lists for steps or lessons that do not exist. */
export function coverageGaps(all: Record<string, LessonMutants>, exempt: Record<string, string>): string[] {
  const gaps: string[] = [];
  const known = new Map(allLessons().map((x) => [x.key, x.lesson]));
  for (const [key, lesson] of known) {
    if (key in exempt) continue;
    const byStep = all[key];
    if (!byStep) { gaps.push(`${key}: no mutants at all (${lesson.steps.length} steps)`); continue; }
    lesson.steps.forEach((s, i) => { if ((byStep[i]?.length ?? 0) === 0) gaps.push(`${key} step ${i + 1} "${s.title}": no mutant`); });
    if (byStep.length > lesson.steps.length) gaps.push(`${key}: mutants for ${byStep.length} steps, the lesson has ${lesson.steps.length}`);
  }
  for (const key of Object.keys(all)) if (!known.has(key)) gaps.push(`${key}: mutants for a lesson that does not exist`);
  for (const key of Object.keys(exempt)) if (!known.has(key)) gaps.push(`${key}: exempt, but no such lesson`);
  return gaps;
}

/** The one-line count scripts/mutants.ts prints. */
export function summary(results: readonly MutantResult[], steps: number, gaps: number): string {
  const caught = results.filter((r) => r.outcome.caught).length;
  return `lesson mutants: ${caught} caught of ${results.length} (${steps} steps, ${gaps === 0 ? 'every step ≥ 1' : `${gaps} without a mutant`})`;
}

/** How many steps the harness covers (exempt lessons left out). */
export const coveredSteps = (exempt: Record<string, string>) => allLessons().filter((x) => !(x.key in exempt)).reduce((n, x) => n + x.lesson.steps.length, 0);
