// Audit of fidelity.md "Failure detection", restart: saved membership (a wiped node: its seeds),
// peers believed down until gossip about each arrives, serving only once gossip has settled; and
// scenario-format.md: the default coordinator is a random node that is up and serving.
import { describe, expect, it } from 'vitest';
import { cluster, idx } from './harness';

describe('restart: who coordinates while a node is not yet serving', () => {
  it('the default coordinator is never a restarted node that is not serving yet; once it serves it is picked', () => {
    const sim = cluster({
      faults: [{ at: '10s', kill: 'B' }, { at: '60s', restart: 'B' }],
      workload: [{ from: '60s', to: '64s', rate: 2000, keys: 100, writeRatio: 0.5, consistency: 'ONE' }],
      until: '70s',
    });
    const B = idx(sim, 'B');
    const b = sim.nodes[B]!;
    // Who starts each operation: wrap the coordinator pick.
    const picks: { at: number; coord: number; serving: boolean }[] = [];
    const pick = sim.pickCoordinator.bind(sim);
    sim.pickCoordinator = (named) => {
      const c = pick(named);
      picks.push({ at: sim.now, coord: c, serving: c >= 0 && sim.nodes[c]!.serving });
      return c;
    };
    sim.advanceTo(70_000);
    expect(picks).toHaveLength(8000);
    expect(picks.every((p) => p.serving)).toBe(true);
    const servedFrom = picks.find((p) => p.coord === B)?.at;
    expect(servedFrom).toBeDefined();
    expect(servedFrom!).toBeGreaterThan(60_000);
    // Before it served, it was never picked; afterwards it takes about a sixth of the operations.
    const after = picks.filter((p) => p.at >= servedFrom!);
    expect(after.filter((p) => p.coord === B).length / after.length).toBeGreaterThan(0.1);
    expect(b.serving).toBe(true);
    const r = sim.report();
    expect(r.writes.failed + r.reads.failed).toBe(0);
  });

  it('a named coordinator that is up but not serving refuses a write and a read at once: failed, nothing sent', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '60s', restart: 'B' }], until: '2m' });
    sim.advanceTo(60_000);
    const b = sim.nodes[idx(sim, 'B')]!;
    expect(b.up && !b.serving).toBe(true);
    const before = sim.stats.messagesSent;
    const gossipOnly = () => sim.stats.messagesSent - before;
    sim.apply({ type: 'write', key: 'k1', value: 'v', consistency: 'ANY', coordinator: 'B' });
    sim.apply({ type: 'read', key: 'k1', consistency: 'ONE', coordinator: 'B' });
    // Both operations run at 60 s + 1 µs, before any gossip round can be due.
    sim.advanceTo(60_000.001);
    expect(gossipOnly()).toBe(0);
    const r = sim.report();
    expect(r.writes).toMatchObject({ attempted: 1, failed: 1, pending: 0, acknowledged: 0 });
    expect(r.reads).toMatchObject({ attempted: 1, failed: 1, pending: 0 });
    expect(r.hints.created).toBe(0);
  });
});

describe('restart: membership and settling', () => {
  it('a restarted node believes every peer down until gossip about it arrives, relayed or direct', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '60s', restart: 'B' }], until: '2m' });
    sim.advanceTo(60_000);
    const b = sim.nodes[idx(sim, 'B')]!;
    expect(b.peers.every((p, j) => j === b.idx || (!p.alive && !p.heard))).toBe(true);
    // Whatever it heard about first, each peer is believed alive only after gossip about it arrived.
    let t = 60_000;
    while (!b.serving && t < 70_000) {
      sim.advanceTo((t += 1));
      for (const p of b.peers) if (p.alive) expect(p.heard).toBe(true);
    }
    expect(b.serving).toBe(true);
  });

  it('a wiped node knows only its seeds, learns the rest from gossip (a dead peer too) and serves believing the dead one down', () => {
    // Seeds are the first three nodes: A, B, C. E is dead throughout; F is wiped and restarted.
    const sim = cluster({ faults: [{ at: '5s', kill: 'E' }, { at: '10s', kill: 'F', wipe: true }, { at: '60s', restart: 'F' }], until: '2m' });
    const F = sim.nodes[idx(sim, 'F')]!;
    sim.advanceTo(60_000);
    const known = () => F.peers.map((p, j) => (p.known ? sim.nodes[j]!.id : null)).filter(Boolean);
    expect(known()).toEqual(['A', 'B', 'C']);
    expect(F.serving).toBe(false);
    sim.advanceTo(75_000);
    expect(known()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(F.serving).toBe(true);
    expect(F.peers[idx(sim, 'E')]!.alive).toBe(false);
    for (const n of ['A', 'B', 'C', 'D']) expect(F.peers[idx(sim, n)]!.alive).toBe(true);
    // Its disk was wiped: it holds no data and no hints.
    expect(F.data.size).toBe(0);
    expect(F.hints.size).toBe(0);
  });

  it('a wiped node whose seeds are all down still learns of them through the live peers that gossip to it, and serves', () => {
    // D and E believe F down and gossip to it as an unreachable peer; their digests carry A, B and C
    // (relayed news counts as heard), and teach F that D and E exist.
    const sim = cluster({
      faults: [{ at: '5s', kill: 'A' }, { at: '5s', kill: 'B' }, { at: '5s', kill: 'C' }, { at: '10s', kill: 'F', wipe: true }, { at: '60s', restart: 'F' }],
      workload: [{ from: '60s', to: '5m', rate: 10, consistency: 'ONE' }],
      until: '5m',
    });
    const F = idx(sim, 'F');
    const f = sim.nodes[F]!;
    const picked: { at: number; c: number }[] = [];
    const pick = sim.pickCoordinator.bind(sim);
    sim.pickCoordinator = (named) => { const c = pick(named); picked.push({ at: sim.now, c }); return c; };
    let servingAt = -1;
    for (let t = 60_000; t <= 300_000; t += 10) {
      sim.advanceTo(t);
      if (servingAt < 0 && f.serving) servingAt = t;
    }
    expect(servingAt).toBeGreaterThan(60_000);
    expect(f.peers.map((p, j) => (p.known ? sim.nodes[j]!.id : null)).filter(Boolean)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(['A', 'B', 'C'].map((n) => f.peers[idx(sim, n)]!.alive)).toEqual([false, false, false]);
    expect(['D', 'E'].map((n) => f.peers[idx(sim, n)]!.alive)).toEqual([true, true]);
    // Never picked before it served; picked after.
    expect(picked.filter((p) => p.c === F && p.at < servingAt - 10)).toHaveLength(0);
    expect(picked.some((p) => p.c === F)).toBe(true);
  });

  it('a restarted node that nobody can reach does not serve; once the partition heals it does', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '50s', partition: [['B']] }, { at: '60s', restart: 'B' }, { at: '3m', heal: true }], until: '4m' });
    sim.advanceTo(179_000);
    const b = sim.nodes[idx(sim, 'B')]!;
    expect(b.serving).toBe(false);
    sim.advanceTo(190_000);
    expect(b.serving).toBe(true);
  });
});
