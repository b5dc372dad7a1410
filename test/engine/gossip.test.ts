import { describe, expect, it } from 'vitest';
import { cluster, idx } from './harness';

function convictionTimes(sim: ReturnType<typeof cluster>, dead: string, until: number): number[] {
  const times: number[] = [];
  const d = idx(sim, dead);
  const seen = new Set<number>();
  for (let t = 0; t <= until; t += 100) {
    sim.advanceTo(t);
    for (const n of sim.nodes) if (n.up && n.idx !== d && !n.peers[d]!.alive && !seen.has(n.idx)) { seen.add(n.idx); times.push(t); }
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
    const view = (a: string) => sim.nodes[idx(sim, a)]!.peers;
    for (const a of ['A', 'B', 'C']) {
      for (const b of ['A', 'B', 'C']) if (a !== b) expect(view(a)[idx(sim, b)]!.alive).toBe(true);
      for (const b of ['D', 'E', 'F']) expect(view(a)[idx(sim, b)]!.alive).toBe(false);
    }
    for (const a of ['D', 'E', 'F']) for (const b of ['A', 'B', 'C']) expect(view(a)[idx(sim, b)]!.alive).toBe(false);
    // Ground truth: everyone is up.
    expect(sim.nodes.every((n) => n.up)).toBe(true);
  });

  it('a node partitioned alone is convicted by the far side only, and sees the far side down', () => {
    const sim = cluster({ faults: [{ at: '30s', partition: [['A']] }, { at: '2m', heal: true }], until: '3m' });
    sim.advanceTo(90_000);
    const a = idx(sim, 'A');
    expect(sim.nodes.filter((n) => n.idx !== a).every((n) => !n.peers[a]!.alive)).toBe(true);
    expect(sim.nodes[a]!.peers.filter((_, j) => j !== a).every((p) => !p.alive)).toBe(true);
    sim.advanceTo(180_000);
    expect(sim.nodes.every((n) => n.peers.every((p, j) => j === n.idx || p.alive))).toBe(true);
  });

  it('a restarted node serves clients only after gossip has settled', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '60s', restart: 'B' }], until: '2m' });
    sim.advanceTo(60_000.001);
    const b = sim.nodes[idx(sim, 'B')]!;
    expect(b.up).toBe(true);
    expect(b.serving).toBe(false);
    sim.apply({ type: 'write', key: 'k', value: 'v', consistency: 'ONE', coordinator: 'B' });
    sim.advanceTo(60_000.01);
    expect(sim.report().writes.failed).toBe(1);
    sim.advanceTo(70_000);
    expect(b.serving).toBe(true);
  });
});

describe('restart settles before serving', () => {
  it('a restarted node starts serving only once its live peers are confirmed up; a dead one stays down', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '10s', kill: 'E' }, { at: '60s', restart: 'B' }], until: '2m' });
    const b = sim.nodes[idx(sim, 'B')]!;
    sim.advanceTo(60_000);
    expect(b.serving).toBe(false);
    let t = 60_000;
    while (!b.serving && t < 80_000) sim.advanceTo((t += 1));
    expect(b.serving).toBe(true);
    const alive = b.peers.map((p, j) => (j === b.idx ? null : p.alive ? sim.nodes[j]!.id : null)).filter(Boolean);
    expect(alive.sort()).toEqual(['A', 'C', 'D', 'F']);
    expect(b.peers[idx(sim, 'E')]!.alive).toBe(false);
  });
});

describe('restart membership (fidelity "Failure detection")', () => {
  it('a restarted node knows its peers from saved state; a wiped one only its seeds, and serves once it has heard of everyone it knows', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'E' }, { at: '10s', kill: 'F', wipe: true }, { at: '60s', restart: 'E' }, { at: '60s', restart: 'F' }], until: '2m' });
    sim.advanceTo(60_000);
    const known = (n: string) => sim.nodes[idx(sim, n)]!.peers.map((p, j) => (p.known ? sim.nodes[j]!.id : null)).filter(Boolean);
    expect(known('E')).toEqual(['A', 'B', 'C', 'D', 'F']);
    // The seeds are the first three nodes.
    expect(known('F')).toEqual(['A', 'B', 'C']);
    for (const n of ['E', 'F']) {
      const node = sim.nodes[idx(sim, n)]!;
      expect(node.serving).toBe(false);
      expect(node.peers.every((p, j) => j === node.idx || !p.alive)).toBe(true);
    }
    sim.advanceTo(70_000);
    // Gossip taught F the whole membership; both now serve, believing every live peer up.
    expect(known('F')).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const n of ['E', 'F']) {
      const node = sim.nodes[idx(sim, n)]!;
      expect(node.serving).toBe(true);
      expect(node.peers.every((p, j) => j === node.idx || (p.heard && p.alive))).toBe(true);
    }
  });
});
