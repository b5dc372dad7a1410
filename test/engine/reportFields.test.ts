// Audit of scenario-format.md "Report": pending counts at `until`, a crashed coordinator's
// operations failed, node state and hintsPending at `until`, replication with a down disk versus a
// wiped one, and lostAcknowledgedWrites counting pending hints as keeping a write.
import { describe, expect, it } from 'vitest';
import { cluster, placement, run } from './harness';

const KEY = 'user:1';
const base = cluster({ nodes: ['A', 'B', 'C', 'D'], rf: 2 });
const { replicas: R, outsider: O } = placement(base, KEY);
const four = { nodes: ['A', 'B', 'C', 'D'], rf: 2 };

describe('pending at until', () => {
  it('writes and reads still in flight at until are pending: attempted = acknowledged + failed + pending', () => {
    // R[1] is slow (+3 s): an ALL write waits for it; a read at ALL waits for it too.
    const { report } = run({
      ...four,
      faults: [{ at: '1s', slow: R[1], extraLatency: '3s' }],
      workload: [
        { at: '10s', write: { key: KEY, value: 'a', consistency: 'ALL', coordinator: O } },
        { at: '19s', write: { key: KEY, value: 'b', consistency: 'ALL', coordinator: O } },
        { at: '19s', read: { key: KEY, consistency: 'ALL', coordinator: O } },
        { at: '19.9s', write: { key: KEY, value: 'c', consistency: 'ONE', coordinator: R[0] } },
      ],
      until: '20s',
    });
    // The first write timed out (failed) at 12 s; the second is waiting for R[1]; the ONE write
    // through R[0] was acknowledged locally at once; the read waits (readTimeout 5 s).
    expect(report.writes).toEqual({ attempted: 3, acknowledged: 1, failed: 1, pending: 1 });
    expect(report.reads).toMatchObject({ attempted: 1, succeeded: 0, failed: 0, pending: 1 });
  });

  it('a coordinator that crashes before answering fails its write and its read (not pending)', () => {
    const { report } = run({
      ...four,
      faults: [{ at: '1s', slow: R[1], extraLatency: '3s' }, { at: '10.5s', kill: O }],
      workload: [
        { at: '10s', write: { key: KEY, value: 'a', consistency: 'ALL', coordinator: O } },
        { at: '10s', read: { key: KEY, consistency: 'ALL', coordinator: O } },
      ],
      until: '11s',
    });
    expect(report.writes).toEqual({ attempted: 1, acknowledged: 0, failed: 1, pending: 0 });
    expect(report.reads).toMatchObject({ attempted: 1, succeeded: 0, failed: 1, pending: 0 });
  });
});

describe('nodes at until', () => {
  it('state is up or down at until; hintsPending lists only targets with pending (unexpired) hints', () => {
    const { report } = run({
      ...four,
      settings: { hintTtl: '2m' },
      faults: [{ at: '1s', kill: R[1] }, { at: '5m', restart: R[1] }, { at: '6m', kill: R[0] }],
      workload: [
        { at: '30s', write: { key: KEY, value: 'a', consistency: 'ONE', coordinator: O } },
        { at: '6m30s', write: { key: KEY, value: 'b', consistency: 'ONE', coordinator: O } },
      ],
      until: '7m',
    });
    expect(report.nodes[R[0]!]!.state).toBe('down');
    expect(report.nodes[R[1]!]!.state).toBe('up');
    // O's hint for R[1] from 30 s expired at 2 m 30 s (TTL 2 m): not listed. O convicted R[0]
    // ~18 s after 6 m, so the 6 m 30 s write left a hint for it: listed.
    expect(report.nodes[O]!.hintsPending).toEqual({ [R[0]!]: 1 });
    expect(report.hints).toMatchObject({ created: 2, expired: 1, pending: 1, delivered: 0 });
    for (const n of ['A', 'B', 'C', 'D'].filter((x) => x !== O)) expect(report.nodes[n]!.hintsPending).toEqual({});
  });

  it('a holder whose hints were all delivered lists no target', () => {
    const { report } = run({
      ...four,
      faults: [{ at: '1s', kill: R[1] }, { at: '2m', restart: R[1] }],
      workload: [{ at: '30s', write: { key: KEY, value: 'a', consistency: 'ONE', coordinator: O } }],
      until: '4m',
    });
    expect(report.hints).toMatchObject({ created: 1, delivered: 1, pending: 0 });
    expect(report.nodes[O]!.hintsPending).toEqual({});
  });
});

describe('replication and lost writes', () => {
  it('a replica down with its disk counts as holding its data; a wiped one does not', () => {
    const workload = [{ at: '5s', write: { key: KEY, value: 'a', consistency: 'ALL', coordinator: O } }];
    const down = run({ ...four, workload, faults: [{ at: '10s', kill: R[1] }], until: '1m' }).report;
    expect(down.replication).toEqual({ keys: 1, fullyReplicated: 1, underReplicated: 0 });
    expect(down.nodes[R[1]!]!.keys).toBe(1);
    const wiped = run({ ...four, workload, faults: [{ at: '10s', kill: R[1], wipe: true }], until: '1m' }).report;
    expect(wiped.replication).toEqual({ keys: 1, fullyReplicated: 0, underReplicated: 1 });
    expect(wiped.nodes[R[1]!]!.keys).toBe(0);
    expect(wiped.lostAcknowledgedWrites).toBe(0);
  });

  it('a hint does not make a key fully replicated, but it keeps an acknowledged write from counting as lost', () => {
    // R[1] is down; a ONE write via O is acked by R[0] and hinted for R[1] on O; then R[0] is wiped.
    const faults = [{ at: '1s', kill: R[1] }, { at: '40s', kill: R[0], wipe: true }];
    const workload = [{ at: '30s', write: { key: KEY, value: 'a', consistency: 'ONE', coordinator: O } }];
    const kept = run({ ...four, settings: { hintFlushPeriod: 0 }, workload, faults, until: '1m' }).report;
    expect(kept.writes.acknowledged).toBe(1);
    expect(kept.hints.pending).toBe(1);
    expect(kept.replication).toEqual({ keys: 1, fullyReplicated: 0, underReplicated: 1 });
    expect(kept.lostAcknowledgedWrites).toBe(0);
    // The holder crashed with its disk (a flushed hint survives): still kept.
    const holderDown = run({ ...four, settings: { hintFlushPeriod: 0 }, workload, faults: [...faults, { at: '50s', kill: O }], until: '1m' }).report;
    expect(holderDown.hints.pending).toBe(1);
    expect(holderDown.lostAcknowledgedWrites).toBe(0);
    // Past its TTL at until, the hint keeps nothing.
    const expired = run({ ...four, settings: { hintFlushPeriod: 0, hintTtl: '20s' }, workload, faults, until: '1m' }).report;
    expect(expired.hints).toMatchObject({ pending: 0, expired: 1 });
    expect(expired.lostAcknowledgedWrites).toBe(1);
    // The holder wiped too: the hint is lost, and so is the write.
    const wiped = run({ ...four, settings: { hintFlushPeriod: 0 }, workload, faults: [...faults, { at: '50s', kill: O, wipe: true }], until: '1m' }).report;
    expect(wiped.hints).toMatchObject({ pending: 0, lost: 1 });
    expect(wiped.lostAcknowledgedWrites).toBe(1);
    // A crash before the flush loses the buffered hint (hintFlushPeriod 10 s): the write is lost.
    const unflushed = run({ ...four, workload, faults: [...faults, { at: '35s', kill: O }], until: '1m' }).report;
    expect(unflushed.hints).toMatchObject({ lost: 1, pending: 0 });
    expect(unflushed.lostAcknowledgedWrites).toBe(1);
  });
});
