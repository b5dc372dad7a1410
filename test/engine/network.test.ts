import { describe, expect, it } from 'vitest';
import { cluster } from './harness';

describe('network faults (scenario-format "slow" and "partition")', () => {
  it('a message between two slow nodes gets both delays; extraLatency 0 ends it', () => {
    const sim = cluster({ faults: [{ at: '1s', slow: 'B', extraLatency: '3s' }, { at: '1s', slow: 'C', extraLatency: '2s' }, { at: '40s', slow: 'B', extraLatency: 0 }], until: '2m' });
    const seen = sim.transits();
    sim.advanceTo(100_000);
    const between = (from: string, to: string, a: number, b: number) => seen.filter((m) => m.from === from && m.to === to && m.sentAt > a && m.sentAt < b).map((m) => m.deliverAt - m.sentAt);
    const both = between('B', 'C', 1_000, 40_000);
    expect(both.length).toBeGreaterThan(0);
    for (const t of both) expect(t).toBeGreaterThanOrEqual(5_000);
    const one = between('B', 'D', 1_000, 40_000);
    expect(one.length).toBeGreaterThan(0);
    for (const t of one) expect(t).toBeGreaterThanOrEqual(3_000);
    for (const t of one) expect(t).toBeLessThan(4_000);
    const ended = between('B', 'D', 40_000, 100_000);
    expect(ended.length).toBeGreaterThan(0);
    for (const t of ended) expect(t).toBeLessThan(1_000);
    // C is still slow: B → C now carries C's delay only.
    const onlyC = between('B', 'C', 40_000, 100_000);
    expect(onlyC.length).toBeGreaterThan(0);
    for (const t of onlyC) expect(t).toBeGreaterThanOrEqual(2_000);
    for (const t of onlyC) expect(t).toBeLessThan(3_000);
  });

  it('unlisted nodes form one more group; heal joins everyone', () => {
    const sim = cluster({ faults: [{ at: '1s', partition: [['A', 'B'], ['C']] }, { at: '2m', heal: true }], until: '3m' });
    sim.advanceTo(1_000);
    // Reachable: in the same partition group.
    const r = (a: string, b: string) => sim.node(a).group === sim.node(b).group;
    expect(r('A', 'B')).toBe(true);
    expect(r('A', 'C')).toBe(false);
    expect(r('B', 'D')).toBe(false);
    expect(r('C', 'D')).toBe(false);
    expect(r('D', 'E')).toBe(true);
    expect(r('E', 'F')).toBe(true);
    sim.advanceTo(90_000);
    // Each side convicts the others: D sees A, B, C down but E and F up.
    expect(['A', 'B', 'C', 'E', 'F'].map((n) => sim.alive('D', n))).toEqual([false, false, false, true, true]);
    sim.advanceTo(120_000);
    expect(r('A', 'F')).toBe(true);
    expect(r('C', 'D')).toBe(true);
  });
});
