// repair.failed: a session one of whose messages is lost fails at the initiator's timeout
// (REPAIR_REQUEST_TIMEOUT_MS after it asked, Cassandra's repair_request_timeout); it still counts
// in repair.sessions and what it streamed stays streamed.
import { describe, expect, it } from 'vitest';
import { cluster, placement, run } from './harness';

const base = cluster();
const { replicas: R, outsider } = placement(base, 'user:1');
const staleKeys = Array.from({ length: 200 }, (_, i) => `r${i}`).filter((k) => placement(base, k).replicas.includes(R[2]!)).slice(0, 20);
const writes = staleKeys.map((key, i) => ({ at: 40_000 + i, write: { key, value: `new-${key}`, consistency: 'QUORUM', coordinator: outsider } }));
const faults = [{ at: '1s', kill: R[2] }, { at: '60s', restart: R[2] }];
const spec = { settings: { hintedHandoffEnabled: false }, faults, workload: writes };

const failures = (c: ReturnType<typeof cluster>) => c.drainLog(10_000).events.filter((e) => e.kind === 'repair' && e.text.includes('failed'));

describe('repair.failed', () => {
  it('a session that completes does not fail, and a second one is not needed', () => {
    const { report } = run({ ...spec, faults: [...faults, { at: '90s', repair: R[2] }], until: '5m' });
    expect(report.repair).toMatchObject({ sessions: 1, failed: 0 });
    expect(report.replication.underReplicated).toBe(0);
  });

  it('a peer down but still believed alive: its tree request is lost, the session fails 120 s after it began', () => {
    const c = cluster(spec).at('90s');
    const peer = R[0]!;
    // Killed now, convicted ~18 s later: the repair starting at once still asks it for its tree.
    c.kill(peer).repair(R[2]!).run('119.9s');
    expect(c.report().repair).toMatchObject({ sessions: 1, failed: 0 });
    expect(c.counters()).toMatchObject({ repairSessions: 1, repairsFailed: 0 });
    c.run('1s');
    expect(c.report().repair).toMatchObject({ sessions: 1, failed: 1 });
    expect(c.counters()).toMatchObject({ repairSessions: 1, repairsFailed: 1 });
    const f = failures(c);
    expect(f.map((e) => e.text)).toEqual([`repair of ${R[2]} failed: tree request to ${peer} lost`]);
    expect(f[0]!.at).toBeCloseTo(90_000 + 120_000, 0);
    expect(f[0]!.node).toBe(R[2]);
    // The other peers' streams arrived: the data those peers hold was repaired.
    expect(c.report().repair.keysStreamed).toBeGreaterThan(0);
  });

  it('a stream dropped by hand fails the session; what was streamed stays counted; a rerun succeeds', () => {
    const c = cluster(spec).at('90s').repair(R[2]!);
    const startedAt = c.now;
    let dropped: { id: number; to: string } | undefined;
    c.runUntil(() => {
      const m = c.snapshot(Infinity).messages.find((x) => x.kind === 'repair' && x.from === R[2] && x.sentAt > startedAt + 0.01);
      if (m) dropped = { id: m.id, to: m.to };
      return m !== undefined;
    }, 1, 100_000);
    expect(dropped).toBeDefined();
    c.drop(dropped!.id).run('3m');
    const once = run({ ...spec, faults: [...faults, { at: '90s', repair: R[2] }], until: '5m' }).report.repair;
    const r = c.report();
    // The comparisons and the streams sent before the loss count; the peer never answered the lost
    // stream with its own, so fewer keys travelled than in the run without the drop.
    expect(r.repair).toMatchObject({ sessions: 1, leavesCompared: once.leavesCompared, leavesDiffering: once.leavesDiffering, failed: 1 });
    expect(r.repair.keysStreamed).toBeGreaterThan(0);
    expect(r.repair.keysStreamed).toBeLessThan(once.keysStreamed);
    expect(failures(c).map((e) => e.text)).toEqual([`repair of ${R[2]} failed: stream to ${dropped!.to} lost`]);
    c.repair(R[2]!).run('1m');
    expect(c.report().repair).toMatchObject({ sessions: 2, failed: 1 });
    expect(c.report().replication.underReplicated).toBe(0);
  });

  it('a stream lost to dropRate is no longer silent', () => {
    let failed = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { report } = run({ ...spec, seed, settings: { ...spec.settings, dropRate: 0.2 }, faults: [...faults, { at: '90s', repair: R[2] }], until: '5m' });
      expect(report.repair.sessions).toBe(1);
      expect(report.repair.failed).toBeLessThanOrEqual(1);
      failed += report.repair.failed;
    }
    expect(failed).toBeGreaterThan(0);
  });

  it('a partition that cuts the initiator from its peers fails each session once, at the earliest timeout', () => {
    const c = cluster({ ...spec, settings: { ...spec.settings, antiEntropyInterval: '1m' } }).at('119s');
    c.partition([R[2]!]).run('10s').heal().run('3m');
    const r = c.report();
    expect(r.repair.failed).toBeGreaterThan(0);
    expect(r.repair.failed).toBeLessThanOrEqual(r.repair.sessions);
    // Each failed session is logged once.
    expect(failures(c).length).toBe(r.repair.failed);
  });
});
