import { describe, expect, it } from 'vitest';
import { cluster, internals, type Cluster } from './harness';

function convictionTimes(sim: Cluster, dead: string, until: number): number[] {
  const times: number[] = [];
  const seen = new Set<string>();
  for (let t = 0; t <= until; t += 100) {
    sim.advanceTo(t);
    for (const n of sim.convictors(dead)) if (!seen.has(n)) { seen.add(n); times.push(t); }
  }
  return times;
}

describe('gossip and the phi accrual detector (claim 14)', () => {
  it('convicts a silent node about 18 s after it stops, at the defaults', () => {
    const sim = cluster({ faults: [{ at: '100s', kill: 'C' }], until: '3m' });
    const times = convictionTimes(sim, 'C', 180_000);
    expect(times).toHaveLength(5);
    for (const t of times) {
      const silence = (t - 100_000) / 1000;
      expect(silence).toBeGreaterThan(14);
      expect(silence).toBeLessThan(26);
    }
    // Detection emerges from each node's detector: not every node convicts at the same instant.
    expect(new Set(times).size).toBeGreaterThan(1);
  });

  it('convicts about 18 s after silence also for a node killed right after time 0 (the cluster at 0 is a running one)', () => {
    for (const seed of [1, 7, 11]) {
      for (const killAt of [1, 3]) {
        const sim = cluster({ seed, faults: [{ at: killAt * 1000, kill: 'C' }], until: '3m' });
        const times = convictionTimes(sim, 'C', killAt * 1000 + 60_000);
        expect(times, `seed ${seed}, kill at ${killAt}s`).toHaveLength(5);
        for (const t of times) expect((t - killAt * 1000) / 1000, `seed ${seed}, kill at ${killAt}s`).toBeLessThan(26);
      }
    }
  });

  it('scales with phiConvictThreshold and gossipInterval (detection is not a constant)', () => {
    const fast = cluster({ settings: { phiConvictThreshold: 2 }, faults: [{ at: '100s', kill: 'C' }] });
    const slow = cluster({ settings: { gossipInterval: '2s' }, faults: [{ at: '100s', kill: 'C' }] });
    const f = Math.max(...convictionTimes(fast, 'C', 180_000)) - 100_000;
    const s = Math.min(...convictionTimes(slow, 'C', 200_000)) - 100_000;
    expect(f).toBeLessThan(8_000);
    expect(s).toBeGreaterThan(28_000);
  });

  it('each side of a partition convicts the other; nobody convicts across its own side', () => {
    const sim = cluster({ faults: [{ at: '30s', partition: [['A', 'B', 'C'], ['D', 'E', 'F']] }], until: '2m' });
    sim.advanceTo(90_000);
    for (const a of ['A', 'B', 'C']) {
      for (const b of ['A', 'B', 'C']) if (a !== b) expect(sim.alive(a, b)).toBe(true);
      for (const b of ['D', 'E', 'F']) expect(sim.alive(a, b)).toBe(false);
    }
    for (const a of ['D', 'E', 'F']) for (const b of ['A', 'B', 'C']) expect(sim.alive(a, b)).toBe(false);
    // Ground truth: everyone is up.
    expect(sim.state().nodes.every((n) => n.up)).toBe(true);
  });

  it('a node partitioned alone is convicted by the far side only, and sees the far side down', () => {
    const sim = cluster({ faults: [{ at: '30s', partition: [['A']] }, { at: '2m', heal: true }], until: '3m' });
    sim.advanceTo(90_000);
    const others = ['B', 'C', 'D', 'E', 'F'];
    expect(others.every((n) => !sim.alive(n, 'A'))).toBe(true);
    expect(others.every((p) => !sim.alive('A', p))).toBe(true);
    sim.advanceTo(180_000);
    expect(sim.names().every((a) => sim.names().every((b) => a === b || sim.alive(a, b)))).toBe(true);
  });

  it('a restarted node serves clients only after gossip has settled', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '60s', restart: 'B' }], until: '2m' });
    sim.advanceTo(60_000.001);
    expect(sim.node('B')).toMatchObject({ up: true, serving: false });
    sim.write('k', { via: 'B', cl: 'ONE', value: 'v' }).at(60_000.01).expectWrites({ failed: 1 });
    sim.advanceTo(70_000);
    expect(sim.node('B').serving).toBe(true);
  });
});

describe('restart settles before serving', () => {
  it('a restarted node starts serving only once its live peers are confirmed up; a dead one stays down', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '10s', kill: 'E' }, { at: '60s', restart: 'B' }], until: '2m' });
    sim.advanceTo(60_000);
    expect(sim.node('B').serving).toBe(false);
    sim.runUntil(() => sim.node('B').serving, 1, 80_000);
    expect(sim.node('B').serving).toBe(true);
    const alive = sim.node('B').beliefs.filter((b) => b.alive).map((b) => b.peer);
    expect(alive.sort()).toEqual(['A', 'C', 'D', 'F']);
    expect(sim.alive('B', 'E')).toBe(false);
  });
});

describe('restart membership (fidelity "Failure detection")', () => {
  it('a restarted node knows its peers from saved state; a wiped one only its seeds, and serves once it has heard of everyone it knows', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'E' }, { at: '10s', kill: 'F', wipe: true }, { at: '60s', restart: 'E' }, { at: '60s', restart: 'F' }], until: '2m' });
    sim.advanceTo(60_000);
    const known = (n: string) => sim.names().filter((p) => internals(sim).peer(n, p).known);
    expect(known('E')).toEqual(['A', 'B', 'C', 'D', 'F']);
    // The seeds are the first three nodes.
    expect(known('F')).toEqual(['A', 'B', 'C']);
    for (const n of ['E', 'F']) {
      expect(sim.node(n).serving).toBe(false);
      expect(sim.names().every((p) => p === n || !internals(sim).peer(n, p).alive)).toBe(true);
    }
    sim.advanceTo(70_000);
    // Gossip taught F the whole membership; both now serve, believing every live peer up.
    expect(known('F')).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const n of ['E', 'F']) {
      expect(sim.node(n).serving).toBe(true);
      expect(sim.names().every((p) => p === n || (internals(sim).peer(n, p).heard && sim.alive(n, p)))).toBe(true);
    }
  });
});
