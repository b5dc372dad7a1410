import { describe, expect, it } from 'vitest';
import { cluster, placement, run } from './harness';

const base = cluster();
const { replicas: R, outsider } = placement(base, 'user:1');
// Keys whose replicas include R[2], written while it is down with hinted handoff off: R[2] goes stale.
const staleKeys = Array.from({ length: 200 }, (_, i) => `r${i}`).filter((k) => placement(base, k).replicas.includes(R[2]!)).slice(0, 20);
const writes = staleKeys.map((key, i) => ({ at: 40_000 + i, write: { key, value: `new-${key}`, consistency: 'QUORUM', coordinator: outsider } }));
const faults = [{ at: '1s', kill: R[2] }, { at: '60s', restart: R[2] }];

describe('read repair and anti-entropy (claim 15)', () => {
  it('read repair fixes exactly the replicas a read touched', () => {
    const reads = staleKeys.slice(0, 5).map((key, i) => ({ at: 90_000 + i, read: { key, consistency: 'ALL', coordinator: outsider } }));
    const { sim, report } = run({ settings: { hintedHandoffEnabled: false }, faults, workload: [...writes, ...reads], until: '2m' });
    staleKeys.forEach((k, i) => expect(sim.holds(R[2]!, k)).toBe(i < 5));
    expect(report.reads.succeeded).toBe(5);
    expect(report.reads.repaired).toBe(5);
    expect(report.reads.stale).toBe(0);
    expect(report.replication.underReplicated).toBe(staleKeys.length - 5);
  });

  it('a read-repair write that times out fails the read (BLOCKING read repair)', () => {
    const key = staleKeys[0]!;
    const spec = (extra: string) => ({
      settings: { hintedHandoffEnabled: false },
      // R[2] misses the write, returns, then turns slow: its answer comes within readTimeout, but
      // with 1.2 s each way the repair write's ack takes 2.4 s > writeTimeout.
      faults: [...faults, { at: '80s', slow: R[2], extraLatency: extra }],
      workload: [{ at: 40_000, write: { key, value: 'new', consistency: 'QUORUM', coordinator: outsider } }, { at: 90_000, read: { key, consistency: 'ALL', coordinator: outsider } }],
      until: '100s',
    });
    expect(run(spec('1.2s')).report.reads).toMatchObject({ attempted: 1, succeeded: 0, failed: 1, repaired: 1 });
    const ok = run(spec('0.5s')).report;
    expect(ok.reads).toMatchObject({ attempted: 1, succeeded: 1, failed: 0, repaired: 1, stale: 0 });
    expect(ok.replication.fullyReplicated).toBe(1);
  });

  it('readTimeout bounds the wait: a read still waiting at readTimeout fails then, not before', () => {
    const key = staleKeys[0]!;
    const sim = cluster({
      faults: [{ at: '1s', slow: R[2], extraLatency: '3s' }],
      workload: [{ at: 40_000, read: { key, consistency: 'ALL', coordinator: outsider } }],
      until: '1m',
    });
    sim.advanceTo(44_999);
    expect(sim.report().reads).toMatchObject({ attempted: 1, pending: 1, failed: 0 });
    sim.advanceTo(45_001);
    expect(sim.report().reads).toMatchObject({ attempted: 1, pending: 0, failed: 1 });
  });

  it('a read at ONE served by a stale replica is counted stale', () => {
    const key = staleKeys.find((k) => placement(base, k).replicas[0] === R[2]) ?? staleKeys[0]!;
    const { report } = run({
      settings: { hintedHandoffEnabled: false },
      faults,
      workload: [...writes, { at: 90_000, read: { key, consistency: 'ONE', coordinator: R[2] } }],
      until: '2m',
    });
    expect(report.reads.stale).toBe(1);
  });

  it('anti-entropy repairs every difference and streams only differing leaves', () => {
    const { report } = run({ settings: { hintedHandoffEnabled: false }, faults: [...faults, { at: '90s', repair: R[2] }], workload: writes, until: '2m' });
    expect(report.replication.underReplicated).toBe(0);
    expect(report.repair.sessions).toBe(1);
    expect(report.repair.leavesDiffering).toBeGreaterThan(0);
    expect(report.repair.leavesDiffering).toBeLessThanOrEqual(report.repair.leavesCompared);
    // Only the keys in differing leaves travel: far fewer than all the keys the node holds.
    expect(report.repair.keysStreamed).toBeGreaterThanOrEqual(staleKeys.length);
    expect(report.repair.keysStreamed).toBeLessThanOrEqual(2 * staleKeys.length + 4);
  });

  it('counts follow from the data at the session start, not from which tree arrives first (3 nodes, RF 3, depth 1)', () => {
    // C missed one write; A and B hold it. Every range is shared by all three nodes.
    const spec = (repair: string, seed: number) => ({
      seed, nodes: ['A', 'B', 'C'], vnodes: 4,
      settings: { hintedHandoffEnabled: false, merkleDepth: 1, latency: { median: '5ms', p99: '200ms' } },
      faults: [{ at: '10s', kill: 'C' }, { at: '1m', restart: 'C' }, { at: '2m', repair }],
      workload: [{ at: '40s', write: { key: 'k', value: 'v', consistency: 'QUORUM', coordinator: 'A' } }],
      until: '3m',
    });
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      // A compares with B (equal roots: nothing) and with C (one range differs: its 2 leaves, 1 differing); A sends k, C nothing.
      expect(run(spec('A', seed)).report.repair, `repair A, seed ${seed}`).toEqual({ sessions: 1, leavesCompared: 2, leavesDiffering: 1, keysStreamed: 1, failed: 0 });
      // C's tree differs from both A's and B's: both pairs stream, each sending k to C.
      const c = run(spec('C', seed)).report;
      expect(c.repair, `repair C, seed ${seed}`).toEqual({ sessions: 1, leavesCompared: 4, leavesDiffering: 2, keysStreamed: 2, failed: 0 });
      expect(c.replication.fullyReplicated).toBe(1);
    }
  });

  it('concurrent sessions of a periodic run count from the data at their start, whatever the latencies', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { report } = run({
        seed, nodes: ['A', 'B', 'C'], vnodes: 4,
        settings: { hintedHandoffEnabled: false, merkleDepth: 1, antiEntropyInterval: '2m', latency: { median: '5ms', p99: '300ms' } },
        faults: [{ at: '10s', kill: 'C' }, { at: '1m', restart: 'C' }],
        workload: [{ at: '40s', write: { key: 'k', value: 'v', consistency: 'QUORUM', coordinator: 'A' } }],
        until: '3m',
      });
      // A and B each find C's range different (2 leaves, 1 differing) and send k; C finds both
      // different and is sent k by each: 3 sessions, 8 leaves compared, 4 differing, 4 keys.
      expect(report.repair, `seed ${seed}`).toEqual({ sessions: 3, leavesCompared: 8, leavesDiffering: 4, keysStreamed: 4, failed: 0 });
      expect(report.replication.fullyReplicated).toBe(1);
    }
  });

  it('a second repair right after the first finds nothing to stream', () => {
    const { report } = run({ settings: { hintedHandoffEnabled: false }, faults: [...faults, { at: '90s', repair: R[2] }, { at: '100s', repair: R[2] }], workload: writes, until: '2m' });
    expect(report.repair.sessions).toBe(2);
    const once = run({ settings: { hintedHandoffEnabled: false }, faults: [...faults, { at: '90s', repair: R[2] }], workload: writes, until: '2m' }).report;
    expect(report.repair.keysStreamed).toBe(once.repair.keysStreamed);
    expect(report.repair.leavesCompared).toBe(once.repair.leavesCompared);
  });

  it('periodic anti-entropy (antiEntropyInterval) converges without a repair fault', () => {
    const { report } = run({ settings: { hintedHandoffEnabled: false, antiEntropyInterval: '1m' }, faults, workload: writes, until: '3m' });
    expect(report.repair.sessions).toBeGreaterThanOrEqual(6);
    expect(report.replication.underReplicated).toBe(0);
  });
});

describe('vector clocks', () => {
  it('writes through different coordinators during a partition become siblings; both survive', () => {
    const key = 'cart:1';
    const p = placement(base, key).replicas;
    const others = base.names().filter((n) => !p.includes(n));
    const sideA = [p[0]!, others[0]!];
    const { sim } = run({
      settings: { preset: 'dynamo' },
      faults: [{ at: '1s', partition: [sideA] }, { at: '2m', heal: true }, { at: '3m', repair: p[0] }],
      workload: [
        { at: '40s', write: { key, value: 'apples', consistency: 'ONE', coordinator: p[0] } },
        { at: '40s', write: { key, value: 'pears', consistency: 'ONE', coordinator: p[1] } },
      ],
      until: '4m',
    });
    expect(sim.values(p[0]!, key).sort()).toEqual(['apples', 'pears']);
    expect(sim.report().replication.fullyReplicated).toBe(1);
  });

  it('last-write-wins keeps only the newest of the same two writes', () => {
    const key = 'cart:1';
    const p = placement(base, key).replicas;
    const others = base.names().filter((n) => !p.includes(n));
    const { sim } = run({
      faults: [{ at: '1s', partition: [[p[0]!, others[0]!]] }, { at: '2m', heal: true }, { at: '3m', repair: p[0] }],
      workload: [
        { at: '40s', write: { key, value: 'apples', consistency: 'ONE', coordinator: p[0] } },
        { at: '41s', write: { key, value: 'pears', consistency: 'ONE', coordinator: p[1] } },
      ],
      until: '4m',
    });
    for (const r of p) expect(sim.values(r, key)).toEqual(['pears']);
  });
});
