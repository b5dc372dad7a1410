// The campaign's loop, shared by the slice in `npm test` (test/fuzz/campaign.test.ts) and the full
// run (`npm run fuzz`, scripts/fuzz.ts): schedule or input N of seed S, its outcome, and one line
// that says how to replay it alone.
import { checkInput, type InputOutcome } from './checkInput';
import { generateInput, type FuzzInput } from './inputs';
import { runSchedule, type ScheduleOutcome } from './runSchedule';
import { generateSchedule, type Schedule } from './schedules';

/** Engine events one schedule run may take (the largest seen is ~0.2 million): past it, a hang. */
export const SCHEDULE_EVENTS = 3_000_000;

export interface Tally {
  runs: number;
  crashes: number;
  hangs: number;
  violations: number;
  /** Inputs: accepted and run to the end, refused with a named field, cut short as too costly. */
  accepted: number;
  refused: number;
  slow: number;
  failures: string[];
}

export const emptyTally = (): Tally => ({ runs: 0, crashes: 0, hangs: 0, violations: 0, accepted: 0, refused: 0, slow: 0, failures: [] });

export const replayHint = (what: 'schedules' | 'inputs', seed: number, index: number) => `npm run fuzz -- --${what} --seed ${seed} --only ${index}`;

export function scheduleStep(seed: number, index: number, t: Tally): { schedule: Schedule; outcome: ScheduleOutcome } {
  const schedule = generateSchedule(seed, index);
  const outcome = runSchedule(schedule, SCHEDULE_EVENTS);
  t.runs++;
  if (outcome.crash) t.crashes++;
  else if (outcome.hang) t.hangs++;
  else if (outcome.problems.length > 0) t.violations++;
  if (outcome.crash || outcome.hang || outcome.problems.length > 0) {
    const what = outcome.hang ? `hang: passed ${SCHEDULE_EVENTS} events` : outcome.problems.slice(0, 6).join('\n    ');
    t.failures.push(`schedule seed ${seed} index ${index} (${replayHint('schedules', seed, index)}):\n    ${what}`);
  }
  return { schedule, outcome };
}

/** Input `index`: `budget` engine events for what is accepted; `deadlineMs` of wall time (the full run only). */
export function inputStep(seed: number, index: number, budget: number, small: boolean, t: Tally, deadlineMs?: number): { input: FuzzInput; outcome: InputOutcome; ms: number } {
  const input = generateInput(seed, index, small);
  // The wall time of the check alone (generating a long link is slow, and not the input's cost).
  const start = Date.now();
  const outcome = checkInput(input, budget, deadlineMs === undefined ? undefined : start + deadlineMs);
  const ms = Date.now() - start;
  t.runs++;
  if (outcome.verdict === 'crash') t.crashes++;
  else if (outcome.verdict === 'hang') t.hangs++;
  else if (outcome.problems.length > 0) t.violations++;
  if (outcome.verdict === 'accepted') t.accepted++;
  if (outcome.verdict === 'refused') t.refused++;
  if (outcome.verdict === 'slow') t.slow++;
  if (outcome.problems.length > 0 || outcome.verdict === 'crash' || outcome.verdict === 'hang') {
    const what = outcome.verdict === 'hang' ? [`hang: ${outcome.detail}`] : outcome.problems.slice(0, 4);
    t.failures.push(`input seed ${seed} index ${index} (${replayHint('inputs', seed, index)}), a ${input.kind} (${input.note.slice(0, 200)}):\n    ${what.join('\n    ')}`);
  }
  return { input, outcome, ms };
}
