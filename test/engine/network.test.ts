import { describe, expect, it } from 'vitest';
import { EV } from '../../src/engine/core/events';
import { cluster, idx } from './harness';

/** Every message sent from now on: sender, receiver, send time and transit time (ms). */
function transits(sim: ReturnType<typeof cluster>): { from: string; to: string; at: number; ms: number }[] {
  const out: { from: string; to: string; at: number; ms: number }[] = [];
  const push = sim.heap.push.bind(sim.heap);
  sim.heap.push = (ev) => {
    if (ev.k === EV.deliver) out.push({ from: sim.nodes[ev.from]!.id, to: sim.nodes[ev.n]!.id, at: ev.sentAt / 1000, ms: (ev.t - ev.sentAt) / 1000 });
    push(ev);
  };
  return out;
}

describe('network faults (scenario-format "slow" and "partition")', () => {
  it('a message between two slow nodes gets both delays; extraLatency 0 ends it', () => {
    const sim = cluster({ faults: [{ at: '1s', slow: 'B', extraLatency: '3s' }, { at: '1s', slow: 'C', extraLatency: '2s' }, { at: '40s', slow: 'B', extraLatency: 0 }], until: '2m' });
    const seen = transits(sim);
    sim.advanceTo(100_000);
    const between = (from: string, to: string, a: number, b: number) => seen.filter((m) => m.from === from && m.to === to && m.at > a && m.at < b).map((m) => m.ms);
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
    const r = (a: string, b: string) => sim.reachable(idx(sim, a), idx(sim, b));
    expect(r('A', 'B')).toBe(true);
    expect(r('A', 'C')).toBe(false);
    expect(r('B', 'D')).toBe(false);
    expect(r('C', 'D')).toBe(false);
    expect(r('D', 'E')).toBe(true);
    expect(r('E', 'F')).toBe(true);
    sim.advanceTo(90_000);
    // Each side convicts the others: D sees A, B, C down but E and F up.
    const d = sim.nodes[idx(sim, 'D')]!;
    expect(['A', 'B', 'C', 'E', 'F'].map((n) => d.peers[idx(sim, n)]!.alive)).toEqual([false, false, false, true, true]);
    sim.advanceTo(120_000);
    expect(r('A', 'F')).toBe(true);
    expect(r('C', 'D')).toBe(true);
  });
});
