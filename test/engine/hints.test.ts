import { describe, expect, it } from 'vitest';
import { cluster, placement, run } from './harness';

const KEY = 'user:1';
const base = cluster();
const { replicas: R, outsider } = placement(base, KEY);
const write = (at: string, value = `v@${at}`, consistency = 'QUORUM', key = KEY) => ({ at, write: { key, value, consistency, coordinator: outsider } });

describe('hint window, cap and TTL (claims 5–7, 11)', () => {
  it('claim 5: no new hints once the target has been down longer than the window; older hints remain and replay', () => {
    const { sim, report } = run({
      settings: { maxHintWindow: '1m' },
      faults: [{ at: '1s', kill: R[2] }, { at: '5m', restart: R[2] }],
      workload: [write('40s', 'early'), write('3m', 'late', 'QUORUM', 'user:2')],
      until: '4m',
    });
    expect(report.hints.created).toBeGreaterThanOrEqual(1);
    expect(report.hints.dropped).toBeGreaterThanOrEqual(1);
    expect(sim.pending(outsider, R[2])).toBe(report.hints.created);
    sim.advanceTo(6 * 60_000);
    const after = sim.report();
    expect(after.hints.delivered).toBe(report.hints.created);
    expect(after.hints.pending).toBe(0);
    expect(sim.versions(R[2]!, KEY)[0]?.value).toBe('early');
  });

  it('claim 6: the window resets when the target is seen up — unless persistentHintWindow and an older hint is pending', () => {
    // The target is slow (3 s > writeTimeout), so while it is up the replay page times out and the
    // first hint stays pending; the holder still sees it up, which resets the downtime counter.
    const spec = {
      faults: [{ at: '1s', kill: R[2] }, { at: '1s', slow: R[2], extraLatency: '3s' }, { at: '2m', restart: R[2] }, { at: '3m', kill: R[2] }],
      workload: [write('30s', 'a'), write('3m30s', 'b', 'QUORUM', 'user:2')],
      until: '4m',
    };
    const reset = run({ ...spec, settings: { maxHintWindow: '1m', persistentHintWindow: false } });
    // Downtime since the second conviction is ~10 s < 1 m: hinted. (Without the reset it would be > 3 m.)
    expect(reset.report.hints).toMatchObject({ created: 2, dropped: 0, delivered: 0 });
    const persistent = run({ ...spec, settings: { maxHintWindow: '1m', persistentHintWindow: true } });
    // The pending hint from 30 s is older than the window: the new one is refused (CASSANDRA-14309).
    expect(persistent.report.hints).toMatchObject({ created: 1, dropped: 1 });
  });

  it('claim 7: once the cap is reached further hints for that target are dropped', () => {
    const workload = Array.from({ length: 10 }, (_, i) => write(`${40 + i}s`, `v${i}`, 'QUORUM', `key${i}`))
      .filter((w) => placement(base, w.write.key).replicas.includes(R[2]!) && !placement(base, w.write.key).replicas.includes(outsider));
    expect(workload.length).toBeGreaterThanOrEqual(3);
    const { report, sim } = run({ settings: { maxHintsPerHost: 2 }, faults: [{ at: '1s', kill: R[2] }], workload, until: '2m' });
    expect(sim.pending(outsider, R[2])).toBe(2);
    expect(report.hints.created).toBe(2);
    expect(report.hints.dropped).toBe(workload.length - 2);
  });

  it('claim 11: expired hints are never applied', () => {
    const { sim, report } = run({
      settings: { hintTtl: '1m' },
      faults: [{ at: '1s', kill: R[2] }, { at: '3m', restart: R[2] }],
      workload: [write('40s', 'old')],
      until: '5m',
    });
    expect(report.hints.created).toBe(1);
    expect(report.hints.expired).toBe(1);
    expect(report.hints.delivered).toBe(0);
    expect(sim.holds(R[2]!, KEY)).toBe(false);
    expect(report.replication.underReplicated).toBe(1);
  });

  it('counts a hint past its TTL as expired at `until` even if no trigger purged it', () => {
    const { report } = run({ settings: { hintTtl: '30s' }, faults: [{ at: '1s', kill: R[2] }], workload: [write('40s')], until: '1m15s' });
    expect(report.hints).toMatchObject({ created: 1, expired: 1, pending: 0 });
  });
});

describe('TTL against holder loss and the policy', () => {
  it('a hint already past its TTL when its holder is wiped counts as expired, not lost', () => {
    for (const seed of [1, 2, 3]) {
      const { report } = run({
        seed, settings: { hintTtl: '30s' },
        faults: [{ at: '1s', kill: R[2] }, { at: '70.5s', kill: outsider, wipe: true }],
        workload: [write('40s')],
        until: '2m',
      });
      expect(report.hints, `seed ${seed}`).toMatchObject({ created: 1, expired: 1, lost: 0, pending: 0 });
    }
  });

  it('a crash does not lose a buffered hint that has already expired: it is expired', () => {
    for (const seed of [1, 2, 3]) {
      const { report } = run({
        seed, settings: { hintTtl: '5s', hintFlushPeriod: '10s' },
        faults: [{ at: '1s', kill: R[2] }, { at: '45.5s', kill: outsider }],
        workload: [write('40s')],
        until: '1m',
      });
      expect(report.hints, `seed ${seed}`).toMatchObject({ created: 1, expired: 1, lost: 0, pending: 0 });
    }
  });

  it('the cap counts pending hints only: expired ones no longer fill it', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `cap${i}`).filter((k) => {
      const p = placement(base, k);
      return p.replicas.includes(R[2]!) && !p.replicas.includes(outsider);
    }).slice(0, 2);
    for (const seed of [1, 2, 3]) {
      const { report } = run({
        seed, settings: { hintTtl: '10s', maxHintsPerHost: 1 },
        faults: [{ at: '1s', kill: R[2] }],
        workload: [write('40s', 'a', 'QUORUM', keys[0]), write('50.5s', 'b', 'QUORUM', keys[1])],
        until: '55s',
      });
      expect(report.hints, `seed ${seed}`).toMatchObject({ created: 2, expired: 1, dropped: 0, pending: 1 });
    }
  });

  it('the persistent window looks at the oldest pending hint: an expired one does not close it', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `pw${i}`).filter((k) => {
      const p = placement(base, k);
      return p.replicas.includes(R[2]!) && !p.replicas.includes(outsider);
    }).slice(0, 2);
    for (const seed of [1, 2, 3]) {
      const { report } = run({
        seed, settings: { hintTtl: '10s', maxHintWindow: '11s', persistentHintWindow: true },
        // The target is up but slow: each write times out and is hinted at 42 s and 53.5 s; the
        // first hint expires at 52 s, and at 53.5 s it would be older than the window.
        faults: [{ at: '1s', slow: R[2], extraLatency: '3s' }],
        workload: [write('40s', 'a', 'QUORUM', keys[0]), write('51.5s', 'b', 'QUORUM', keys[1])],
        until: '55s',
      });
      expect(report.hints, `seed ${seed}`).toMatchObject({ created: 2, dropped: 0 });
    }
  });
});

describe('replay (claims 8–10)', () => {
  it('claim 8: replay starts only after the holder sees the target up and its trigger runs', () => {
    const sim = cluster({ faults: [{ at: '1s', kill: R[2] }, { at: '60s', restart: R[2] }], workload: [write('40s')], until: '2m' });
    const msgs = sim.messages();
    sim.advanceTo(120_000);
    const pages = msgs.filter((m) => m.body === 'hintPage');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]!.from).toBe(outsider);
    expect(pages[0]!.to).toBe(R[2]);
    // Not before the restart, and not before the holder's detector saw the target (an echo answered).
    const echoReply = msgs.find((m) => m.from === R[2] && m.to === outsider && m.body === 'echoReply');
    expect(echoReply).toBeDefined();
    expect(pages[0]!.at).toBeGreaterThan(echoReply!.at);
    expect(pages[0]!.at - echoReply!.at).toBeLessThanOrEqual(10_000);
    expect(sim.report().hints).toMatchObject({ delivered: 1, pending: 0 });
  });

  it('claim 9: the throttle bounds the replay rate; at most one dispatch per target', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `t${i}`).filter((k) => {
      const p = placement(base, k);
      return p.replicas.includes(R[2]!) && !p.replicas.includes(outsider);
    });
    const workload = keys.map((k, i) => ({ at: 40_000 + i, write: { key: k, value: 'v', consistency: 'ONE', coordinator: outsider } }));
    const sim = cluster({ settings: { hintReplayRate: 20 }, faults: [{ at: '1s', kill: R[2] }, { at: '60s', restart: R[2] }], workload, until: '10m' });
    const msgs = sim.messages();
    sim.advanceTo(600_000);
    const pages = msgs.filter((m) => m.body === 'hintPage');
    const first = pages[0]!.at;
    const last = pages[pages.length - 1]!.at;
    // 20 hints/s: delivering N hints takes at least (N - pageSize)/20 seconds.
    expect((last - first) / 1000).toBeGreaterThanOrEqual((keys.length - 2) / 20 - 1);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.at).toBeGreaterThan(pages[i - 1]!.at);
    // One dispatch per target: a holder sends its next page only after the last one was acked.
    const flow = msgs.filter((m) => (m.body === 'hintPage' && m.from === outsider) || (m.body === 'hintAck' && m.to === outsider)).map((m) => m.body);
    expect(flow.length).toBe(2 * pages.length);
    flow.forEach((b, i) => expect(b).toBe(i % 2 === 0 ? 'hintPage' : 'hintAck'));
    expect(sim.report().hints.delivered).toBe(keys.length);
  });

  it('claim 10: target dies mid-replay: replay stops, resumes on return, every hint deleted only after its ack', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `m${i}`).filter((k) => {
      const p = placement(base, k);
      return p.replicas.includes(R[2]!) && !p.replicas.includes(outsider);
    });
    const workload = keys.map((k, i) => ({ at: 40_000 + i, write: { key: k, value: `val-${k}`, consistency: 'ONE', coordinator: outsider } }));
    const sim = cluster({
      settings: { hintReplayRate: 2 },
      faults: [{ at: '1s', kill: R[2] }, { at: '60s', restart: R[2] }, { at: '80s', kill: R[2] }, { at: '3m', restart: R[2] }],
      workload, until: '10m',
    });
    sim.advanceTo(79_000);
    const midway = sim.report().hints;
    expect(midway.delivered).toBeGreaterThan(0);
    expect(midway.pending).toBeGreaterThan(0);
    sim.advanceTo(170_000);
    const whileDown = sim.report().hints;
    // Nothing is deleted while the target is down.
    expect(whileDown.delivered).toBeLessThanOrEqual(midway.delivered + 2);
    expect(whileDown.pending).toBe(keys.length - whileDown.delivered);
    sim.advanceTo(600_000);
    const r = sim.report();
    expect(r.hints).toMatchObject({ delivered: keys.length, pending: 0, lost: 0 });
    for (const k of keys) expect(sim.versions(R[2]!, k)[0]?.value).toBe(`val-${k}`);
    expect(r.lostAcknowledgedWrites).toBe(0);
  });
});

describe('holder loss (claim 13) and the flush buffer', () => {
  it('claim 13: a wiped holder loses its hints; only repair restores the target', () => {
    const spec = {
      faults: [{ at: '1s', kill: R[2] }, { at: '1m', kill: outsider, wipe: true }, { at: '2m', restart: R[2] }, { at: '2m', restart: outsider }],
      workload: [write('40s')],
      until: '4m',
    };
    const { report } = run(spec);
    expect(report.hints).toMatchObject({ created: 1, lost: 1, pending: 0, delivered: 0 });
    expect(report.replication.underReplicated).toBe(1);
    const repaired = run({ ...spec, faults: [...spec.faults, { at: '4m', repair: R[0] }], until: '5m' }).report;
    expect(repaired.replication.underReplicated).toBe(0);
    expect(repaired.repair.keysStreamed).toBeGreaterThan(0);
  });

  it('a crash loses the unflushed buffer but keeps flushed hints', () => {
    const { report, sim } = run({
      settings: { hintFlushPeriod: '10s' },
      faults: [{ at: '1s', kill: R[2] }, { at: '60s', kill: outsider }, { at: '2m', restart: outsider }],
      workload: [write('40s', 'flushed', 'QUORUM', KEY), { at: 59_999, write: { key: KEY, value: 'buffered', consistency: 'QUORUM', coordinator: outsider } }],
      until: '3m',
    });
    // The first hint sat in the buffer ≥ 10 s and was flushed; the second had no time to be.
    expect(report.hints.created).toBe(2);
    expect(report.hints.lost).toBe(1);
    expect(sim.pending(outsider, R[2])).toBe(1);
    expect(sim.pending()).toBe(1);
  });

  it('a hint stays in the memory buffer exactly hintFlushPeriod (scenario-format: "buffered in memory this long")', () => {
    const spec = (crashAt: string) => ({
      settings: { hintFlushPeriod: '10s' },
      faults: [{ at: '1s', kill: R[2] }, { at: crashAt, kill: outsider }],
      workload: [write('40s')],
      until: '1m30s',
    });
    // 9.9 s after the write the hint is still buffered: the crash loses it.
    for (const crashAt of ['41s', '45s', '49.9s', '50s']) expect(run(spec(crashAt)).report.hints, `crash at ${crashAt}`).toMatchObject({ created: 1, lost: 1, pending: 0 });
    // Past 10 s it is on disk and survives the crash.
    for (const crashAt of ['50.001s', '55s']) expect(run(spec(crashAt)).report.hints, `crash at ${crashAt}`).toMatchObject({ created: 1, lost: 0, pending: 1 });
  });

  it('a buffered hint is not replayed before it is flushed', () => {
    const sim = cluster({ settings: { hintFlushPeriod: '30s' }, faults: [{ at: '1s', kill: R[2] }, { at: '41s', restart: R[2] }], workload: [write('40s')], until: '2m' });
    const msgs = sim.messages();
    sim.advanceTo(120_000);
    const pages = msgs.filter((m) => m.body === 'hintPage');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]!.at).toBeGreaterThanOrEqual(70_000);
    expect(sim.report().hints).toMatchObject({ delivered: 1, pending: 0 });
  });
});
