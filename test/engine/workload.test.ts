import { describe, expect, it } from 'vitest';
import { cluster, run } from './harness';

const attemptedAt = (spec: Parameters<typeof cluster>[0], times: number[]) => {
  const sim = cluster(spec);
  return times.map((t) => {
    sim.advanceTo(t);
    return sim.report().writes.attempted;
  });
};

describe('workload timing (scenario-format)', () => {
  it('a generator\'s operation i is at from + i*1000/rate, for every i with that time < to', () => {
    const gen = (from: unknown, to: unknown, rate: number) => ({ workload: [{ from, to, rate, keys: 10 }], until: '2m' });
    expect(run(gen('0s', '1s', 3)).report.writes.attempted).toBe(3);
    expect(run(gen('0.1s', '1.1s', 3)).report.writes.attempted).toBe(3);
    expect(run(gen('1m', '1m2s', 3)).report.writes.attempted).toBe(6);
    expect(run(gen(0, 10_000, 0.3)).report.writes.attempted).toBe(3);
    expect(run(gen('0s', '3s', 7)).report.writes.attempted).toBe(21);
    expect(run(gen('2s', '2s', 5)).report.writes.attempted).toBe(0);
    // Operation 1 of rate 3 is at 333.33… ms, operation 2 at 666.66… ms.
    expect(attemptedAt(gen('0s', '1s', 3), [0, 333.3, 333.4, 666.6, 666.7, 1000])).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('at one instant, faults come before workload operations: a write through a node killed at that instant fails', () => {
    const r = run({ faults: [{ at: '5s', kill: 'A' }], workload: [{ at: '5s', write: { key: 'k', value: 'v', consistency: 'ONE', coordinator: 'A' } }], until: '6s' }).report;
    expect(r.writes).toMatchObject({ attempted: 1, failed: 1, acknowledged: 0 });
  });

  it('a named coordinator that is down fails a read at once too; with every node down the default coordinator fails', () => {
    const r = run({
      faults: ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => ({ at: '5s', kill: n })),
      workload: [{ at: '6s', read: { key: 'k', consistency: 'ONE', coordinator: 'A' } }, { at: '6s', write: { key: 'k', value: 'v' } }, { from: '7s', to: '8s', rate: 10 }],
      until: '6s',
    }).report;
    expect(r.reads).toMatchObject({ attempted: 1, failed: 1, pending: 0 });
    expect(r.writes).toMatchObject({ attempted: 1, failed: 1, pending: 0 });
  });
});
