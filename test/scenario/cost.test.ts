// The one work estimate (src/engine/scenario/cost.ts) against the engine: its event count is held
// within a factor of 2 of the engine's own for a dozen varied runs; the shipped scenarios, the
// lessons and a 3-hour 12-node 100 writes/s run fit the budget; the repros are refused,
// naming the field that drives the cost.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSessionWork, checkWork, createSession, estimateWork, MAX_WORK, parseScenario, ScenarioError, type LoggedCommand, type Report } from '../../src/engine';
import { INTERVIEW, LESSONS } from '../../src/lessons';

const F = 'hintscope/scenario@1';
const SIX = ['A', 'B', 'C', 'D', 'E', 'F'];
const sc = (over: Record<string, unknown>) => ({ format: F, name: 'cost', ...over });

/** [what, scenario, command log] — small enough to run here, varied in what they spend. */
const RUNS: [string, Record<string, unknown>, LoggedCommand[]][] = [
  ['6 nodes idle 1h', sc({ cluster: { nodes: 6 }, until: '1h' }), []],
  ['3 nodes idle 1h', sc({ cluster: { nodes: 3 }, until: '1h' }), []],
  ['64 nodes idle 5m', sc({ cluster: { nodes: 64 }, until: '5m' }), []],
  ['12 nodes, gossip every 100ms, 10m', sc({ cluster: { nodes: 12 }, settings: { gossipInterval: '100ms' }, until: '10m' }), []],
  ['6 nodes, 100 writes/s, 10m', sc({ cluster: { nodes: 6 }, workload: [{ rate: 100 }], until: '10m' }), []],
  ['RF 5, 50 ops/s, half reads', sc({ cluster: { nodes: 6, replicationFactor: 5 }, workload: [{ rate: 50, writeRatio: 0.5 }], until: '10m' }), []],
  ['12 nodes RF 1, reads at ONE', sc({ cluster: { nodes: 12, replicationFactor: 1 }, workload: [{ rate: 200, writeRatio: 0, consistency: 'ONE' }], until: '5m' }), []],
  ['kill and restart under load', sc({ cluster: { nodes: SIX }, workload: [{ rate: 100 }], faults: [{ at: '1m', kill: 'C' }, { at: '6m', restart: 'C' }], until: '12m' }), []],
  ['anti-entropy every 1m under load', sc({ cluster: { nodes: 6 }, settings: { antiEntropyInterval: '1m' }, workload: [{ rate: 50, keys: 500 }], until: '10m' }), []],
  ['partition, 1% loss', sc({ cluster: { nodes: SIX }, settings: { dropRate: 0.01 }, workload: [{ rate: 100 }], faults: [{ at: '1m', partition: [['A', 'B'], ['C', 'D', 'E', 'F']] }, { at: '3m', heal: true }], until: '6m' }), []],
  ['a session: workload, kill, stop, repair from the log', sc({ cluster: { nodes: SIX }, until: '1h' }), [
    { at: 1000, command: { type: 'workload', rate: 300, keys: 100, writeRatio: 0.7, consistency: 'QUORUM' } },
    { at: 240_000, command: { type: 'kill', node: 'B' } },
    { at: 360_000, command: { type: 'workloadStop' } },
    { at: 400_000, command: { type: 'repair', node: 'A' } },
  ]],
  ['32 nodes, 8 vnodes, 200 writes/s', sc({ cluster: { nodes: 32, vnodes: 8 }, workload: [{ rate: 200 }], until: '5m' }), []],
];

describe('the work estimate against the engine', () => {
  it.each(RUNS)('%s: estimated events within a factor of 2 of the engine\'s', (_what, scenario, log) => {
    const sim = createSession(scenario, log);
    sim.advanceTo(sim.until);
    const actual = (sim.report() as Report).events;
    const est = estimateWork(parseScenario(scenario), log, sim.until);
    expect(est.events / actual).toBeGreaterThan(0.5);
    expect(est.events / actual).toBeLessThan(2);
    // Work weighs events by their cost: never below the event count.
    expect(est.work).toBeGreaterThanOrEqual(est.events);
  });

  it('counts the run up to the moment, anti-entropy, and the log even when empty', () => {
    const big = parseScenario(sc({ cluster: { nodes: 64 }, workload: [{ rate: 1000 }], until: '30d' }));
    expect(estimateWork(big, [], 30 * 86_400_000).work).toBeGreaterThan(100 * MAX_WORK);
    const plain = parseScenario(sc({ cluster: { nodes: 8, vnodes: 256 }, until: '1h' }));
    const repaired = parseScenario(sc({ cluster: { nodes: 8, vnodes: 256 }, settings: { merkleDepth: 16, antiEntropyInterval: '1m' }, until: '1h' }));
    expect(estimateWork(repaired, [], 600_000).work).toBeGreaterThan(50 * estimateWork(plain, [], 600_000).work);
    // Sparse trees make each session cheap (no keys, no tree): the many sessions are what cost.
    expect(estimateWork(repaired, [], 600_000).parts.find((p) => p.kind === 'repair')?.field).toBe('settings.antiEntropyInterval');
  });
});

describe('the budget', () => {
  const fits = (scenario: unknown, to?: number) => {
    const p = parseScenario(scenario);
    return estimateWork(p, [], to ?? p.until).work;
  };

  it('lets every shipped scenario, every lesson and a 3-hour 12-node 100 writes/s run through', () => {
    const dir = join(__dirname, '..', '..', 'scenarios');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      expect(fits(readFileSync(join(dir, f), 'utf8')), f).toBeLessThan(MAX_WORK / 10);
    }
    for (const l of [...LESSONS, ...INTERVIEW]) expect(fits(l.scenario), l.id).toBeLessThan(MAX_WORK / 5);
    expect(fits(sc({ cluster: { nodes: 12 }, workload: [{ rate: 100 }], until: '3h' }))).toBeLessThan(MAX_WORK / 4);
  });

  const refusal = (f: () => unknown): ScenarioError => {
    try {
      f();
    } catch (e) {
      if (e instanceof ScenarioError) return e;
      throw e;
    }
    throw new Error('not refused');
  };

  it('a 64-node, 1,000 ops/s session saved at 30 days with an empty log: refused, naming at', () => {
    const p = parseScenario(sc({ cluster: { nodes: 64 }, workload: [{ rate: 1000 }], until: '30d' }));
    const e = refusal(() => checkSessionWork(p, [], 30 * 86_400_000, { scenario: 'scenario', log: 'log', at: 'at' }));
    expect(e.field).toBe('at');
    expect(e.message).toMatch(/^at: running the session to its moment \(30d\) is too much work: about .* billion events' worth \(\d+% of it from a workload of 1,000 operations\/s\), over the budget of 50 million; shorten the run \(at\)$/);
  });

  it('one heal at 10 min with repairs every minute: 8 × 256 vnodes at depth 16 fit (sparse trees); 64 × 256 do not, naming the interval', () => {
    const heal = [{ at: 600_000, command: { type: 'heal' as const } }];
    const small = parseScenario(sc({ cluster: { nodes: 8, vnodes: 256 }, settings: { merkleDepth: 16, antiEntropyInterval: '1m' }, until: '1h' }));
    expect(() => checkSessionWork(small, heal, 600_000)).not.toThrow();
    const p = parseScenario(sc({ cluster: { nodes: 64, vnodes: 256 }, settings: { merkleDepth: 16, antiEntropyInterval: '1m' }, until: '1h' }));
    const e = refusal(() => checkSessionWork(p, heal, 600_000, { scenario: 'scenario', log: 'log', at: 'at' }));
    expect(e.field).toBe('scenario.settings.antiEntropyInterval');
    expect(e.message).toMatch(/repair sessions/);
  });

  it('names the heaviest intensity when even an hour of it is too much, else the length of the run', () => {
    const heavy = parseScenario(sc({ cluster: { nodes: 6 }, workload: [{ rate: 10 }, { rate: 100_000 }, { rate: 10 }], until: '1h' }));
    expect(refusal(() => checkWork(heavy, [], heavy.until, { span: 'until', what: 'running it' })).field).toBe('workload[1].rate');
    const long = parseScenario(sc({ cluster: { nodes: 256 }, until: '30d' }));
    expect(refusal(() => checkWork(long, [], long.until, { span: 'until', what: 'running it' })).field).toBe('until');
    const logged = parseScenario(sc({ cluster: { nodes: 6 }, until: '1h' }));
    const log: LoggedCommand[] = [{ at: 1000, command: { type: 'workload', rate: 100_000, keys: 10, writeRatio: 1, consistency: 'ONE' } }, { at: 3_000_000, command: { type: 'heal' } }];
    expect(refusal(() => checkSessionWork(logged, log, null)).field).toBe('log[0].command.rate');
    // A budget given (the CLI's --max-events) moves the line.
    expect(() => checkWork(heavy, [], heavy.until, { span: 'until', what: 'running it', budget: 1e12 })).not.toThrow();
  });
});
