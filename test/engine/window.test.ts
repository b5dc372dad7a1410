// Audit of fidelity.md "Hint store and replay", Window: measured from when the holder's detector
// convicted the target, reset when the target is seen up; the persistent window refuses when the
// oldest pending hint is older than the window; hints already stored stay and are replayed.
import { describe, expect, it } from 'vitest';
import { cluster, type Cluster } from './harness';
import type { ConsistencyLevel } from '../../src/engine';

/** Three nodes, RF 3: A, B, C replicate every key. */
const three = (settings: Record<string, unknown>, faults: unknown[], until = '30m'): Cluster => cluster({ nodes: ['A', 'B', 'C'], rf: 3, settings, faults, until });

function writeVia(sim: Cluster, coordinator: string, key: string, consistency: ConsistencyLevel = 'ONE'): void {
  sim.write(key, { via: coordinator, cl: consistency, value: `${key}@${sim.now}` });
}

/** Advance in 1 ms steps until `observer` convicts `target`; returns that time (ms). */
function untilConvicted(sim: Cluster, observer: string, target: string): number {
  return sim.runUntil(() => !sim.alive(observer, target), 1);
}

describe('window: measured from the holder\'s conviction', () => {
  it('a hint is taken up to maxHintWindow after the holder convicted the target (not after the crash) and refused after', () => {
    const sim = three({ maxHintWindow: '30s' }, [{ at: '10s', kill: 'C' }]);
    const convicted = untilConvicted(sim, 'A', 'C');
    expect(convicted - 10_000).toBeGreaterThan(14_000);
    // 30 s after the crash but < 30 s after A's conviction: still hinted.
    sim.advanceTo(convicted + 29_500);
    writeVia(sim, 'A', 'k1');
    sim.advanceTo(convicted + 29_600);
    expect(sim.report().hints).toMatchObject({ created: 1, dropped: 0 });
    sim.advanceTo(convicted + 30_500);
    writeVia(sim, 'A', 'k2');
    sim.advanceTo(convicted + 30_600);
    expect(sim.report().hints).toMatchObject({ created: 1, dropped: 1 });
    expect(sim.pending('A', 'C')).toBe(1);
  });

  it('each holder measures from its own conviction: a coordinator that convicted later still hints', () => {
    // B is partitioned away from C at 5 s (so B convicts C ~18 s later); A convicts C only when C
    // crashes at 40 s. At 60 s: B has had C down ~37 s (> 30 s window), A ~2 s.
    const sim = three({ maxHintWindow: '30s' }, [{ at: '5s', partition: [['B'], ['A', 'C']] }, { at: '40s', kill: 'C' }]);
    const convictedB = untilConvicted(sim, 'B', 'C');
    expect(convictedB).toBeLessThan(30_000);
    const convictedA = untilConvicted(sim, 'A', 'C');
    sim.advanceTo(convictedA + 1000);
    expect(sim.now - convictedB).toBeGreaterThan(30_000);
    writeVia(sim, 'A', 'a');
    // ANY: B's write needs no live replica besides B itself.
    writeVia(sim, 'B', 'b', 'ANY');
    sim.advanceTo(convictedA + 1100);
    expect(sim.pending('A', 'C')).toBe(1);
    expect(sim.pending('B', 'C')).toBe(0);
    // Dropped: B's hints for C and for A (it convicted A at the partition too), and A's for B.
    expect(sim.report().hints.dropped).toBe(3);
    expect(sim.pending('A', 'B')).toBe(0);
  });
});

describe('window: reset when the target is seen up, and the holder\'s restart', () => {
  it('a holder that restarts believes the target down only since its restart (the CASSANDRA-14309 loophole), which the persistent window closes', () => {
    // C down from 1 s for good. A hints for C at 30 s, is past the window by 3 m, restarts at 4 m.
    const faults = [{ at: '1s', kill: 'C' }, { at: '3m50s', kill: 'A' }, { at: '4m', restart: 'A' }];
    for (const persistent of [false, true]) {
      const sim = three({ maxHintWindow: '1m', persistentHintWindow: persistent, hintFlushPeriod: 0 }, faults);
      sim.advanceTo(30_000);
      writeVia(sim, 'A', 'k1');
      sim.advanceTo(180_000);
      writeVia(sim, 'A', 'k2');
      sim.advanceTo(181_000);
      expect(sim.report().hints, `persistent ${persistent}`).toMatchObject({ created: 1, dropped: 1 });
      // After its restart A serves again; C has been down ~30 s in A's new view.
      sim.advanceTo(270_000);
      expect(sim.node('A').serving).toBe(true);
      writeVia(sim, 'A', 'k3');
      sim.advanceTo(271_000);
      // The flushed hint from 30 s survived the crash.
      expect(sim.pending('A', 'C')).toBe(persistent ? 1 : 2);
      expect(sim.report().hints.dropped).toBe(persistent ? 2 : 1);
    }
  });

  it('the persistent window refuses a hint even for a target believed alive (a timed-out write) once the oldest pending hint is too old', () => {
    // C is slow for good (+3 s each way): every write to it times out and is hinted; replay pages
    // time out too, so the hints stay pending. The window is 1 m.
    const faults = [{ at: '1s', slow: 'C', extraLatency: '3s' }];
    const workload = Array.from({ length: 12 }, (_, i) => ({ at: `${10 + 10 * i}s`, write: { key: `k${i}`, value: 'v', consistency: 'ONE', coordinator: 'A' } }));
    for (const persistent of [false, true]) {
      const sim = cluster({ nodes: ['A', 'B', 'C'], rf: 3, settings: { maxHintWindow: '1m', persistentHintWindow: persistent }, faults, workload, until: '2m10s' });
      sim.advanceTo(sim.until);
      expect(sim.alive('A', 'C')).toBe(true);
      const r = sim.report();
      expect(r.hints.delivered).toBe(0);
      if (!persistent) expect(r.hints).toMatchObject({ created: 12, dropped: 0 });
      else {
        // The first hint is made at 12 s (10 s + writeTimeout); hints up to 72 s are taken (the
        // oldest is then ≤ 1 m old); those at 82 s and later are refused.
        expect(r.hints).toMatchObject({ created: 7, dropped: 5 });
      }
    }
  });
});
