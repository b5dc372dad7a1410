// The slice of the standing fuzz campaign that `npm test` runs (the full one is `npm run fuzz`):
// 40 seeded fault schedules under the report's identities, "no wipe ⇒ nothing lost", "repairs ⇒
// converged" and replay determinism; 200 fuzzed scenario files, session files and share links, each
// accepted or refused naming its field, never another exception. A failure names the seed and the
// index: `npm run fuzz -- --schedules|--inputs --seed S --only N` replays it alone.
import { describe, expect, it } from 'vitest';
import { runScenario, ScenarioError, type Report } from '../../src/engine';
import { ImportError } from '../../src/session';
import { identities, moreIdentities } from '../property/oracles';
import { emptyTally, inputStep, scheduleStep } from './campaign';
import { badRefusal } from './checkInput';
import { generateInput } from './inputs';
import { generateSchedule } from './schedules';

const SEED = 20261207;
/** Events an accepted input may run in the slice before it counts as slow (the full run allows more). */
const SLICE_INPUT_EVENTS = 5_000;

describe('fuzz campaign (slice)', () => {
  it('40 fault schedules: identities hold, nothing acknowledged is lost, repairs converge, the log replays to the same hash', () => {
    const t = emptyTally();
    for (let i = 0; i < 40; i++) scheduleStep(SEED, i, t);
    expect(t.failures).toEqual([]);
    expect(t.runs).toBe(40);
  }, 120_000);

  it('200 fuzzed scenarios, sessions and links: each accepted or refused naming its field, never another exception', () => {
    const t = emptyTally();
    for (let i = 0; i < 200; i++) inputStep(SEED, i, SLICE_INPUT_EVENTS, true, t);
    expect(t.failures).toEqual([]);
    // The mix reaches every outcome: some inputs run, most are refused.
    expect(t.refused).toBeGreaterThan(50);
    expect(t.accepted + t.slow).toBeGreaterThan(5);
  }, 120_000);

  it('a schedule or an input is a function of (seed, index) alone', () => {
    expect(JSON.stringify(generateSchedule(SEED, 7))).toBe(JSON.stringify(generateSchedule(SEED, 7)));
    expect(generateInput(SEED, 11, true)).toEqual(generateInput(SEED, 11, true));
    expect(JSON.stringify(generateSchedule(SEED, 7))).not.toBe(JSON.stringify(generateSchedule(SEED, 8)));
  });

  it('the oracles can fail', () => {
    const r = runScenario({ format: 'hintscope/scenario@1', name: 'o', workload: [{ from: 0, to: '5s', rate: 5 }], until: '10s' }) as Report;
    expect(identities(r, 'ok')).toEqual([]);
    expect(moreIdentities(r, 'ok')).toEqual([]);
    expect(identities({ ...r, writes: { ...r.writes, failed: r.writes.failed + 1 } }, 'x')).toHaveLength(1);
    expect(moreIdentities({ ...r, reads: { ...r.reads, pending: r.reads.pending + 1 } }, 'x')).toHaveLength(1);
    expect(badRefusal(new ScenarioError('cluster.vnodes', 'expected at most 256'), 'x')).toBeNull();
    expect(badRefusal(new ImportError('', 'empty'), 'x')).toBeNull();
    expect(badRefusal(new TypeError('x is undefined'), 'CLI')).toMatch(/CLI: threw TypeError/);
    expect(badRefusal(new RangeError('Maximum call stack size exceeded'), 'CLI')).toMatch(/RangeError/);
  });
});
