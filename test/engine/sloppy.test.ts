import { describe, expect, it } from 'vitest';
import { cluster, internals, placement, run } from './harness';

const KEY = 'user:1';
const base = cluster();
const pref = base.preferenceList(KEY);
const R = pref.slice(0, 3);
const standIn = pref[3]!;
const coordinator = pref[4]!;

describe('sloppy quorum (claim 12)', () => {
  const faults = [{ at: '1s', kill: R[1] }, { at: '1s', kill: R[2] }];
  const workload = [{ at: '40s', write: { key: KEY, value: 'x', consistency: 'QUORUM', coordinator } }];

  it('with two owners down, a stand-in keeps a hinted replica and its ack counts (Dynamo)', () => {
    const { sim, report } = run({ settings: { preset: 'dynamo' }, faults, workload, until: '50s' });
    expect(report.writes.acknowledged).toBe(1);
    expect(report.hints.created).toBe(2);
    // The first healthy nodes beyond the top N keep it, tagged with the owner, apart from their data.
    expect(sim.holds(standIn, KEY)).toBe(false);
    const owners = sim.hintTargets(standIn);
    expect(owners.length).toBeGreaterThanOrEqual(1);
    for (const o of owners) expect([R[1], R[2]]).toContain(o);
  });

  it('strictQuorum (Riak PW) counts only the key\'s own replicas: the same write is unavailable', () => {
    const { report } = run({ settings: { preset: 'riak', strictQuorum: true }, faults, workload, until: '50s' });
    expect(report.writes).toMatchObject({ acknowledged: 0, failed: 1 });
    expect(report.hints.created).toBe(0);
  });

  it('the stand-in serves reads and hands off when the owner is back', () => {
    const sim = cluster({
      settings: { preset: 'dynamo', readRepair: false },
      faults: [{ at: '1s', kill: R[0] }, { at: '1s', kill: R[1] }, { at: '1s', kill: R[2] }, { at: '2m', restart: R[0] }, { at: '2m', restart: R[1] }, { at: '2m', restart: R[2] }],
      workload: [
        { at: '40s', write: { key: KEY, value: 'x', consistency: 'ONE', coordinator } },
        { at: '50s', read: { key: KEY, consistency: 'ONE', coordinator } },
      ],
      until: '4m',
    });
    sim.advanceTo(60_000);
    let r = sim.report();
    expect(r.writes.acknowledged).toBe(1);
    expect(r.reads).toMatchObject({ succeeded: 1, stale: 0 });
    sim.advanceTo(240_000);
    r = sim.report();
    expect(r.hints.delivered).toBe(r.hints.created);
    expect(r.hints.pending).toBe(0);
    for (const o of R) expect(sim.holds(o, KEY)).toBe(true);
    expect(r.replication.fullyReplicated).toBe(1);
  });

  it('ANY in sloppy mode is one ack from any node', () => {
    const { report } = run({
      settings: { preset: 'riak', strictQuorum: true },
      faults: R.map((n) => ({ at: '1s', kill: n })),
      workload: [{ at: '40s', write: { key: KEY, value: 'x', consistency: 'ANY', coordinator } }],
      until: '50s',
    });
    expect(report.writes.acknowledged).toBe(1);
  });
});

describe('sloppy quorum: timeouts', () => {
  it('a replica that times out gets a stand-in (the next healthy node beyond those used); its ack counts', () => {
    const { sim, report } = run({
      settings: { preset: 'dynamo' },
      faults: [{ at: '1s', slow: R[2], extraLatency: '3s' }],
      workload: [{ at: '40s', write: { key: KEY, value: 'x', consistency: 'ALL', coordinator } }],
      until: '43s',
    });
    expect(report.writes).toMatchObject({ acknowledged: 1, failed: 0 });
    expect(report.hints).toMatchObject({ created: 1, dropped: 0 });
    // Its only queue, empty ones included.
    expect(internals(sim).queues(standIn)).toEqual([[R[2], 1]]);
  });

  it('a stand-in comes from beyond every node already used: an owner back meanwhile does not stand in for another', () => {
    // R[2] is down when the write starts (pref[3] stands in for it) and back before R[1] times out.
    const sim = cluster({
      settings: { preset: 'dynamo', writeTimeout: '10s' },
      faults: [{ at: '1s', kill: R[2] }, { at: '39s', slow: R[1], extraLatency: '30s' }, { at: '41s', restart: R[2] }],
      workload: [{ at: '40s', write: { key: KEY, value: 'x', consistency: 'QUORUM', coordinator } }],
      until: '51s',
    });
    sim.advanceTo(40_000);
    expect(sim.alive(coordinator, R[2]!)).toBe(false);
    sim.advanceTo(49_999);
    expect(sim.alive(coordinator, R[2]!)).toBe(true);
    sim.advanceTo(51_000);
    expect(sim.holders(R[2]!)).toEqual([standIn]);
    // The stand-in for R[1] is the next healthy node after pref[3]: pref[4], the coordinator itself.
    expect(sim.holders(R[1]!)).toEqual([pref[4]]);
  });

  it('strictQuorum: stand-ins for replicas that timed out cannot bring the level, so the write fails at writeTimeout', () => {
    const spec = (until: string) => ({
      settings: { preset: 'riak', strictQuorum: true },
      faults: [{ at: '1s', slow: R[1], extraLatency: '3s' }, { at: '1s', slow: R[2], extraLatency: '3s' }],
      workload: [{ at: '40s', write: { key: KEY, value: 'x', consistency: 'QUORUM', coordinator } }],
      until,
    });
    expect(run(spec('41.9s')).report.writes).toMatchObject({ attempted: 1, pending: 1 });
    const r = run(spec('42.5s')).report;
    expect(r.writes).toMatchObject({ attempted: 1, acknowledged: 0, failed: 1, pending: 0 });
    // The timed-out replicas were still treated like down ones: stand-ins keep their copies.
    expect(r.hints.created).toBe(2);
  });

  it('with handoff disabled, a replica that times out is refused by the policy like a down one: dropped', () => {
    const { report } = run({
      settings: { preset: 'dynamo', hintedHandoffEnabled: false },
      faults: [{ at: '1s', slow: R[2], extraLatency: '3s' }],
      workload: [{ at: '40s', write: { key: KEY, value: 'x', consistency: 'QUORUM', coordinator } }],
      until: '50s',
    });
    expect(report.writes).toMatchObject({ acknowledged: 1, failed: 0 });
    expect(report.hints).toMatchObject({ created: 0, dropped: 1 });
  });
});

describe('sloppy quorum: the hint policy applies to stand-ins when set', () => {
  const w = (at: string, value: string, key = KEY) => ({ at, write: { key, value, consistency: 'QUORUM', coordinator } });

  it('window: a stand-in that has believed the owner down longer than maxHintWindow refuses the copy (dropped, its ack does not count)', () => {
    const { report } = run({ settings: { preset: 'dynamo', maxHintWindow: '1m' }, faults: [{ at: '1s', kill: R[2] }], workload: [w('40s', 'a'), w('2m', 'b')], until: '3m' });
    expect(report.writes).toMatchObject({ attempted: 2, acknowledged: 2 });
    expect(report.hints).toMatchObject({ created: 1, dropped: 1, pending: 1 });
  });

  it('TTL: an expired stand-in copy is never handed off', () => {
    const { report } = run({ settings: { preset: 'dynamo', hintTtl: '30s' }, faults: [{ at: '1s', kill: R[2] }, { at: '2m', restart: R[2] }], workload: [w('40s', 'a')], until: '3m' });
    expect(report.hints).toMatchObject({ created: 1, expired: 1, delivered: 0, pending: 0 });
    expect(report.replication.underReplicated).toBe(1);
  });

  it('TTL: a stand-in serves its copy to reads until it expires, not after', () => {
    const { report } = run({
      settings: { preset: 'dynamo', hintTtl: '30s', readRepair: false },
      faults: R.map((n) => ({ at: '1s', kill: n })),
      workload: [
        { at: '40s', write: { key: KEY, value: 'x', consistency: 'ONE', coordinator } },
        { at: '50s', read: { key: KEY, consistency: 'ONE', coordinator } },
        { at: '70.5s', read: { key: KEY, consistency: 'ONE', coordinator } },
      ],
      until: '90s',
    });
    expect(report.writes.acknowledged).toBe(1);
    expect(report.reads).toMatchObject({ attempted: 2, succeeded: 2, stale: 1 });
    // One copy per owner down, all expired.
    expect(report.hints).toMatchObject({ created: 3, expired: 3, pending: 0 });
    expect(report.lostAcknowledgedWrites).toBe(1);
  });

  it('cap and flush buffer: the cap refuses copies; a stand-in crash loses its unflushed ones', () => {
    // A second key with the same first five nodes of the preference list: same owner down, same stand-in, same coordinator.
    const same = Array.from({ length: 2000 }, (_, i) => `cap${i}`).find((k) => base.preferenceList(k).slice(0, 5).join() === pref.slice(0, 5).join())!;
    expect(same).toBeDefined();
    const capped = run({ settings: { preset: 'dynamo', maxHintsPerHost: 1 }, faults: [{ at: '1s', kill: R[2] }], workload: [w('40s', 'a'), w('50s', 'b', same)], until: '1m' });
    expect(capped.report.hints).toMatchObject({ created: 1, dropped: 1, pending: 1 });
    const crashed = run({ settings: { preset: 'dynamo', hintFlushPeriod: '10s' }, faults: [{ at: '1s', kill: R[2] }, { at: '45s', kill: standIn }], workload: [w('40s', 'a')], until: '1m' });
    expect(crashed.report.hints).toMatchObject({ created: 1, lost: 1, pending: 0 });
  });
});

describe('vector clocks in the report', () => {
  it('a replica holds a write when one of its versions has a clock that dominates or equals the write\'s (scenario-format)', () => {
    // Two writes through the same non-replica coordinator both get its entry 1 (it holds no
    // version to build on); the replica that missed the second holds a version of equal clock.
    const { sim, report } = run({
      settings: { preset: 'dynamo' },
      faults: [{ at: '20s', kill: R[2] }],
      workload: [
        { at: '10s', write: { key: KEY, value: 'v1', consistency: 'QUORUM', coordinator } },
        { at: '50s', write: { key: KEY, value: 'v2', consistency: 'QUORUM', coordinator } },
      ],
      until: '55s',
    });
    expect(report.writes.acknowledged).toBe(2);
    expect(sim.versions(R[2]!, KEY).map((v) => [v.value, v.clock])).toEqual([['v1', { [coordinator]: 1 }]]);
    expect(report.replication).toMatchObject({ keys: 1, fullyReplicated: 1, underReplicated: 0 });
    expect(report.lostAcknowledgedWrites).toBe(0);
  });

  it('a read is stale only when its versions do not dominate or equal an acknowledged write\'s clock', () => {
    const { report } = run({
      settings: { preset: 'dynamo', hintedHandoffEnabled: false, readRepair: false },
      faults: [{ at: '20s', kill: R[2] }, { at: '60s', restart: R[2] }, { at: '80s', kill: R[0] }, { at: '80s', kill: R[1] }],
      workload: [
        { at: '10s', write: { key: KEY, value: 'v1', consistency: 'QUORUM', coordinator } },
        { at: '50s', write: { key: KEY, value: 'v2', consistency: 'QUORUM', coordinator } },
        // R[2] has v1 only; its clock equals v2's. (A write from another coordinator would not.)
        { at: '2m', read: { key: KEY, consistency: 'ONE', coordinator: R[2] } },
      ],
      until: '2m10s',
    });
    expect(report.reads).toMatchObject({ attempted: 1, succeeded: 1, stale: 0 });
  });

  it('read repair writes only to replicas that do not hold a version (by clock) of what the read returned', () => {
    const { report } = run({
      settings: { preset: 'dynamo', hintedHandoffEnabled: false },
      faults: [{ at: '20s', kill: R[2] }, { at: '60s', restart: R[2] }],
      workload: [
        { at: '10s', write: { key: KEY, value: 'v1', consistency: 'QUORUM', coordinator } },
        { at: '50s', write: { key: KEY, value: 'v2', consistency: 'QUORUM', coordinator } },
        { at: '2m', read: { key: KEY, consistency: 'ALL', coordinator } },
      ],
      until: '2m10s',
    });
    expect(report.reads).toMatchObject({ attempted: 1, succeeded: 1, stale: 0, repaired: 0 });
  });
});

describe('placement helper sanity', () => {
  it('the coordinator used above is not a replica', () => {
    expect(R).not.toContain(coordinator);
    expect(placement(base, KEY).replicas).toEqual(R);
  });
});
