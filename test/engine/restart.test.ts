// Audit of fidelity.md "Failure detection", restart: saved membership (a wiped node: its seeds),
// peers believed down until gossip about each arrives, serving only once gossip has settled; and
// scenario-format.md: the default coordinator is a random node that is up and serving.
import { describe, expect, it } from 'vitest';
import { cluster, internals } from './harness';

describe('restart: who coordinates while a node is not yet serving', () => {
  it('the default coordinator is never a restarted node that is not serving yet; once it serves it is picked', () => {
    const sim = cluster({
      faults: [{ at: '10s', kill: 'B' }, { at: '60s', restart: 'B' }],
      workload: [{ from: '60s', to: '64s', rate: 2000, keys: 100, writeRatio: 0.5, consistency: 'ONE' }],
      until: '70s',
    });
    // Who starts each operation.
    const picks: { at: number; coordinator: string | null; serving: boolean }[] = [];
    internals(sim).onPick((p) => picks.push(p));
    sim.advanceTo(70_000);
    expect(picks).toHaveLength(8000);
    expect(picks.every((p) => p.serving)).toBe(true);
    const servedFrom = picks.find((p) => p.coordinator === 'B')?.at;
    expect(servedFrom).toBeDefined();
    expect(servedFrom!).toBeGreaterThan(60_000);
    // Before it served, it was never picked; afterwards it takes about a sixth of the operations.
    const after = picks.filter((p) => p.at >= servedFrom!);
    expect(after.filter((p) => p.coordinator === 'B').length / after.length).toBeGreaterThan(0.1);
    expect(sim.node('B').serving).toBe(true);
    const r = sim.report();
    expect(r.writes.failed + r.reads.failed).toBe(0);
  });

  it('a named coordinator that is up but not serving refuses a write and a read at once: failed, nothing sent', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '60s', restart: 'B' }], until: '2m' });
    sim.advanceTo(60_000);
    const b = sim.node('B');
    expect(b.up && !b.serving).toBe(true);
    const before = sim.counters().messagesSent;
    const gossipOnly = () => sim.counters().messagesSent - before;
    sim.write('k1', { via: 'B', cl: 'ANY', value: 'v' }).read('k1', { via: 'B', cl: 'ONE' });
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
    const peers = () => sim.names().filter((p) => p !== 'B').map((p) => internals(sim).peer('B', p));
    expect(peers().every((p) => !p.alive && !p.heard)).toBe(true);
    // Whatever it heard about first, each peer is believed alive only after gossip about it arrived.
    let t = 60_000;
    while (!sim.node('B').serving && t < 70_000) {
      sim.advanceTo((t += 1));
      for (const p of sim.names().map((n) => internals(sim).peer('B', n))) if (p.alive) expect(p.heard).toBe(true);
    }
    expect(sim.node('B').serving).toBe(true);
  });

  it('a wiped node knows only its seeds, learns the rest from gossip (a dead peer too) and serves believing the dead one down', () => {
    // Seeds are the first three nodes: A, B, C. E is dead throughout; F is wiped and restarted.
    const sim = cluster({ faults: [{ at: '5s', kill: 'E' }, { at: '10s', kill: 'F', wipe: true }, { at: '60s', restart: 'F' }], until: '2m' });
    sim.advanceTo(60_000);
    const known = () => sim.names().filter((p) => internals(sim).peer('F', p).known);
    expect(known()).toEqual(['A', 'B', 'C']);
    expect(sim.node('F').serving).toBe(false);
    sim.advanceTo(75_000);
    expect(known()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(sim.node('F').serving).toBe(true);
    expect(sim.alive('F', 'E')).toBe(false);
    for (const n of ['A', 'B', 'C', 'D']) expect(sim.alive('F', n)).toBe(true);
    // Its disk was wiped: it holds no data and no hints.
    expect(sim.node('F').keys).toBe(0);
    expect(internals(sim).queues('F')).toHaveLength(0);
  });

  it('a wiped node whose seeds are all down still learns of them through the live peers that gossip to it, and serves', () => {
    // D and E believe F down and gossip to it as an unreachable peer; their digests carry A, B and C
    // (relayed news counts as heard), and teach F that D and E exist.
    const sim = cluster({
      faults: [{ at: '5s', kill: 'A' }, { at: '5s', kill: 'B' }, { at: '5s', kill: 'C' }, { at: '10s', kill: 'F', wipe: true }, { at: '60s', restart: 'F' }],
      workload: [{ from: '60s', to: '5m', rate: 10, consistency: 'ONE' }],
      until: '5m',
    });
    const picked: { at: number; coordinator: string | null }[] = [];
    internals(sim).onPick((p) => picked.push(p));
    let servingAt = -1;
    for (let t = 60_000; t <= 300_000; t += 10) {
      sim.advanceTo(t);
      if (servingAt < 0 && sim.node('F').serving) servingAt = t;
    }
    expect(servingAt).toBeGreaterThan(60_000);
    expect(sim.names().filter((p) => internals(sim).peer('F', p).known)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(['A', 'B', 'C'].map((n) => sim.alive('F', n))).toEqual([false, false, false]);
    expect(['D', 'E'].map((n) => sim.alive('F', n))).toEqual([true, true]);
    // Never picked before it served; picked after.
    expect(picked.filter((p) => p.coordinator === 'F' && p.at < servingAt - 10)).toHaveLength(0);
    expect(picked.some((p) => p.coordinator === 'F')).toBe(true);
  });

  it('a restarted node that nobody can reach does not serve; once the partition heals it does', () => {
    const sim = cluster({ faults: [{ at: '10s', kill: 'B' }, { at: '50s', partition: [['B']] }, { at: '60s', restart: 'B' }, { at: '3m', heal: true }], until: '4m' });
    sim.advanceTo(179_000);
    expect(sim.node('B').serving).toBe(false);
    sim.advanceTo(190_000);
    expect(sim.node('B').serving).toBe(true);
  });
});
