import { describe, expect, it } from 'vitest';
import { cluster, internals, placement, run } from './harness';

// Kill happens at 1 s; by 40 s every node's detector has convicted the dead replica (phi > 8).
const KEY = 'user:1';
const base = cluster();
const { replicas: R, outsider } = placement(base, KEY);

function write(at: string, consistency: string, coordinator: string, key = KEY) {
  return { at, write: { key, value: `v@${at}`, consistency, coordinator } };
}

describe('coordinator-mode write path (fidelity claims 1–4)', () => {
  it('claim 1: QUORUM with one replica known down succeeds on 2 acks; one hint, on the non-replica coordinator; no message to the dead replica', () => {
    const sim = cluster({ faults: [{ at: '1s', kill: R[2] }], until: '40s' }).at('40s');
    expect(sim.alive(outsider, R[2]!)).toBe(false);
    const msgs = sim.messages();
    sim.write(KEY, { via: outsider, cl: 'QUORUM', value: 'x' }).at('41s').expectWrites({ attempted: 1, acknowledged: 1, failed: 0 });
    const r = sim.report();
    const mutations = msgs.filter((m) => m.kind === 'mutation');
    expect(mutations.map((m) => m.to).sort()).toEqual([R[0], R[1]].sort());
    expect(msgs.some((m) => m.to === R[2] && m.kind !== 'gossip')).toBe(false);
    expect(r.hints.created).toBe(1);
    expect(sim.pending(outsider, R[2])).toBe(1);
    // Hints live apart from data: the non-replica coordinator stores no data for the key.
    expect(sim.holds(outsider, KEY)).toBe(false);
  });

  it('claim 2: QUORUM with two replicas known down is unavailable at once: no hint, no mutation', () => {
    const sim = cluster({ faults: [{ at: '1s', kill: R[1] }, { at: '1s', kill: R[2] }], until: '40s' }).at('40s');
    const msgs = sim.messages();
    sim.write(KEY, { via: outsider, cl: 'QUORUM', value: 'x' }).at(40_000.002)
      .expectWrites({ attempted: 1, acknowledged: 0, failed: 1, pending: 0 })
      .expectHints({ created: 0, dropped: 0 });
    expect(msgs.filter((m) => m.kind === 'mutation')).toHaveLength(0);
  });

  it('claim 3: ANY with all three replicas down succeeds as soon as the hints are stored', () => {
    cluster({ faults: R.map((n) => ({ at: '1s', kill: n })), until: '40s' }).at('40s')
      .write(KEY, { via: outsider, cl: 'ANY', value: 'x' }).at(40_000.002)
      .expectWrites({ acknowledged: 1 }).expectHints({ created: 3 })
      // ONE in the same state is unavailable: a hint is not an ack outside ANY.
      .write(KEY, { via: outsider, cl: 'ONE', value: 'y' }).at(40_000.004)
      .expectWrites({ failed: 1 });
  });

  it('claim 4: a slow replica times out; QUORUM still succeeds and a hint appears at writeTimeout', () => {
    const sim = cluster({ faults: [{ at: '1s', slow: R[2], extraLatency: '3s' }], until: '10s' })
      .at('5s').write(KEY, { via: outsider, cl: 'QUORUM', value: 'x' })
      .at('5.5s').expectWrites({ acknowledged: 1 }).expectHints({ created: 0 })
      .at(6_999).expectHints({ created: 0 })
      .at(7_001).expectHints({ created: 1 });
    expect(sim.pending(outsider, R[2])).toBe(1);
  });

  it('claim 4: a write that missed its level leaves hints under Cassandra but none under Scylla', () => {
    const faults = [{ at: '1s', slow: R[1], extraLatency: '3s' }, { at: '1s', slow: R[2], extraLatency: '3s' }];
    const workload = [write('5s', 'QUORUM', outsider)];
    const c = run({ faults, workload, until: '10s', settings: { preset: 'cassandra' } }).report;
    expect(c.writes.failed).toBe(1);
    expect(c.hints.created).toBe(2);
    const s = run({ faults, workload, until: '10s', settings: { preset: 'scylla' } }).report;
    expect(s.writes.failed).toBe(1);
    expect(s.hints.created).toBe(0);
    expect(s.hints.dropped).toBe(0);
  });

  it('a coordinator that crashes before answering fails the write', () => {
    const faults = [{ at: '1s', slow: R[1], extraLatency: '3s' }, { at: '1s', slow: R[2], extraLatency: '3s' }, { at: '5.5s', kill: outsider }];
    const r = run({ faults, workload: [write('5s', 'QUORUM', outsider)], until: '10s' }).report;
    expect(r.writes).toMatchObject({ attempted: 1, acknowledged: 0, failed: 1, pending: 0 });
  });

  it('a named coordinator that is down fails the operation at once', () => {
    const r = run({ faults: [{ at: '1s', kill: outsider }], workload: [write('2s', 'ONE', outsider)], until: '3s' }).report;
    expect(r.writes).toMatchObject({ attempted: 1, failed: 1 });
  });

  it('two writes of one key at the same instant: the later one wins, as Cassandra\'s client timestamps strictly increase', () => {
    // Whatever the engine's id counter stands at (a timestamp built from "id mod 1000" wrapped
    // when the counter crossed a thousand between the two, and the first write won).
    for (let id = 990; id <= 1000; id++) {
      const sim = cluster({ until: '20s' });
      sim.advanceTo(10_000);
      internals(sim).setNextId(id);
      sim.write(KEY, { via: outsider, cl: 'ALL', value: 'first' }).write(KEY, { via: outsider, cl: 'ALL', value: 'second' });
      sim.advanceTo(20_000);
      expect(sim.report().writes.acknowledged).toBe(2);
      for (const r of R) expect(sim.values(r, KEY), `${r}, id ${id}`).toEqual(['second']);
    }
  });
});
