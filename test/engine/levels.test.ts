// Audit of consistency-level arithmetic (Cassandra ConsistencyLevel.blockFor): ONE 1, TWO 2,
// THREE 3, QUORUM floor(RF/2)+1, ALL RF, for RF 1..5; ANY for writes only; a level needing more
// replicas than RF is unavailable at once. Pinned through the write and read paths, not blockFor.
import { describe, expect, it } from 'vitest';
import { cluster, internals, placement, scenario } from './harness';
import { parseScenario } from '../../src/engine';

const LEVELS = ['ONE', 'TWO', 'THREE', 'QUORUM', 'ALL'] as const;
const need = (level: (typeof LEVELS)[number], rf: number): number =>
  ({ ONE: 1, TWO: 2, THREE: 3, QUORUM: Math.floor(rf / 2) + 1, ALL: rf })[level];
const NODES = ['A', 'B', 'C', 'D', 'E', 'F'];
const KEY = 'lvl';

describe.each([1, 2, 3, 4, 5])('RF %d', (rf) => {
  const { replicas, outsider } = placement(cluster({ nodes: NODES, rf }), KEY);

  it.each(LEVELS)('%s: a write needs exactly that many replica acks; fewer believed alive is unavailable at once', (level) => {
    const k = need(level, rf);
    for (let down = 0; down <= rf; down++) {
      const sim = cluster({ nodes: NODES, rf, faults: replicas.slice(0, down).map((n) => ({ at: '1s', kill: n })), until: '1m' });
      sim.advanceTo(40_000);
      const sent0 = sim.counters().messagesSent;
      const unavailable0 = internals(sim).writesUnavailable();
      sim.write(KEY, { via: outsider, cl: level, value: 'v' });
      sim.advanceTo(40_000.001);
      const alive = rf - down;
      if (k > rf || alive < k) {
        expect(internals(sim).writesUnavailable() - unavailable0, `${level} RF ${rf} down ${down}`).toBe(1);
        expect(sim.counters().messagesSent, 'nothing sent').toBe(sent0);
        expect(sim.report().writes).toMatchObject({ failed: 1, pending: 0 });
        expect(sim.report().hints).toMatchObject({ created: 0, dropped: 0 });
      } else {
        sim.advanceTo(45_000);
        expect(sim.report().writes, `${level} RF ${rf} down ${down}`).toMatchObject({ acknowledged: 1, failed: 0 });
        expect(sim.report().hints.created).toBe(down);
      }
    }
  });

  it.each(LEVELS)('%s: acknowledged on the k-th ack — with k fast replicas at once, with k − 1 fast only at timeout (failed)', (level) => {
    const k = need(level, rf);
    if (k > rf) return;
    for (const fast of [k, k - 1]) {
      const slow = replicas.slice(fast).map((n) => ({ at: '1s', slow: n, extraLatency: '3s' }));
      const sim = cluster({ nodes: NODES, rf, faults: slow, until: '1m' });
      sim.advanceTo(40_000);
      sim.write(KEY, { via: outsider, cl: level, value: 'v' });
      sim.advanceTo(41_000);
      expect(sim.report().writes.acknowledged, `${level} RF ${rf} fast ${fast}`).toBe(fast >= k ? 1 : 0);
      sim.advanceTo(43_000);
      expect(sim.report().writes, `${level} RF ${rf} fast ${fast}`).toMatchObject(fast >= k ? { acknowledged: 1 } : { acknowledged: 0, failed: 1 });
    }
  });

  it.each(LEVELS)('%s: a read asks exactly that many replicas; fewer believed alive, or more than RF, fails at once', (level) => {
    const k = need(level, rf);
    for (let down = 0; down <= rf; down++) {
      const sim = cluster({ nodes: NODES, rf, faults: replicas.slice(0, down).map((n) => ({ at: '1s', kill: n })), until: '1m' });
      sim.advanceTo(40_000);
      const msgs = sim.messages();
      const reads = () => msgs.filter((m) => m.body === 'read').map((m) => m.to);
      sim.read(KEY, { via: outsider, cl: level });
      sim.advanceTo(45_000);
      const r = sim.report().reads;
      if (k > rf || rf - down < k) {
        expect(r, `${level} RF ${rf} down ${down}`).toMatchObject({ failed: 1, succeeded: 0 });
        expect(reads()).toHaveLength(0);
      } else {
        expect(r, `${level} RF ${rf} down ${down}`).toMatchObject({ failed: 0, succeeded: 1 });
        expect(reads()).toHaveLength(k);
      }
    }
  });

  it('ANY: a write succeeds with every replica down (a stored hint acknowledges); reads cannot use ANY', () => {
    const sim = cluster({ nodes: NODES, rf, faults: replicas.map((n) => ({ at: '1s', kill: n })), until: '1m' });
    sim.advanceTo(40_000);
    sim.write(KEY, { via: outsider, cl: 'ANY', value: 'v' });
    sim.advanceTo(40_000.001);
    expect(sim.report().writes).toMatchObject({ acknowledged: 1 });
    expect(sim.report().hints.created).toBe(rf);
    expect(() => parseScenario(scenario({ workload: [{ at: '1s', read: { key: 'k', consistency: 'ANY' } }] }))).toThrow(/ANY/);
  });
});
