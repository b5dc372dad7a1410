// Why requests fail and hints go (#14): every failure is counted by reason, with a sentence that
// names who did not answer and what the coordinator believed; the workload's operations are in
// the log, marked; and none of it changes what the simulation does.
import { describe, expect, it } from 'vitest';
import { createSimulation, takeCheckpoint, restoreCheckpoint } from '../../src/engine';
import type { LogEvent } from '../../src/engine/api';

const coreDemo = (extra: Record<string, unknown> = {}) => ({
  format: 'hintscope/scenario@1', name: 'kill D, QUORUM', seed: 7,
  cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 8, replicationFactor: 3 },
  settings: { preset: 'cassandra' },
  workload: [{ from: '0s', to: '2m', rate: 20, keys: 200, consistency: 'QUORUM', writeRatio: 0.5 }],
  faults: [{ at: '30s', kill: 'D' }],
  until: '3m',
  ...extra,
});

function drainAll(sim: { drainLog(max?: number): { events: LogEvent[] } }): LogEvent[] {
  return sim.drainLog(Infinity).events;
}

describe('reasons for failures', () => {
  it('says why reads failed before the cluster convicted D: D did not answer within read_request_timeout, the coordinator still believed it alive', () => {
    const sim = createSimulation(coreDemo());
    const log: LogEvent[] = [];
    for (let t = 10_000; t <= 120_000; t += 10_000) {
      sim.advanceTo(t);
      log.push(...drainAll(sim));
    }
    const snap = sim.snapshot();
    const failures = snap.failures!;
    expect(snap.counters.readsFailed).toBeGreaterThan(0);
    expect(failures.counts['read-timeout']).toBe(snap.counters.readsFailed);
    expect(failures.last['read-timeout']).toMatch(/^Read \S+ at QUORUM failed: D did not answer within read_request_timeout \(5s\); [A-F] (still believed D alive|believed D alive when it asked, and has convicted it since)$/);
    // Every failed read is in the log, with its reason, marked as the workload's.
    const failedReads = log.filter((e) => e.kind === 'read' && / failed: /.test(e.text));
    expect(failedReads.length).toBeGreaterThan(0);
    expect(failedReads.every((e) => e.workload === true && /D did not answer within read_request_timeout/.test(e.text))).toBe(true);
    expect(failedReads.some((e) => /; [A-F] still believed D alive$/.test(e.text))).toBe(true);
    // Successful workload operations are there too, marked; faults and convictions are not marked.
    expect(log.some((e) => e.workload && /^Write \S+ acknowledged at QUORUM/.test(e.text))).toBe(true);
    expect(log.some((e) => e.workload && /^Read \S+ at QUORUM returned /.test(e.text))).toBe(true);
    expect(log.filter((e) => e.kind === 'fault' || e.kind === 'gossip').every((e) => !e.workload)).toBe(true);
    // In order.
    expect(log.map((e) => e.seq)).toEqual([...log.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('names the replicas believed down when a write is unavailable', () => {
    const sim = createSimulation(coreDemo({ faults: [{ at: '10s', kill: 'D' }, { at: '10s', kill: 'E' }, { at: '10s', kill: 'F' }], workload: [{ from: '0s', to: '2m', rate: 20, keys: 200, consistency: 'ALL' }] }));
    sim.advanceTo(90_000);
    const f = sim.snapshot().failures!;
    expect(f.counts['write-unavailable']).toBeGreaterThan(0);
    expect(f.last['write-unavailable']).toMatch(/^Write \S+ at ALL unavailable: [0-2] replicas? believed alive, 3 needed; [A-F] believes .+ down$/);
  });

  it('says why hints were dropped past max_hint_window, and counts them as the counter does', () => {
    const sim = createSimulation(coreDemo({ settings: { preset: 'cassandra', maxHintWindow: '1m' }, until: '4m', workload: [{ from: '0s', to: '4m', rate: 20, keys: 200, consistency: 'QUORUM' }] }));
    sim.advanceTo(240_000);
    const snap = sim.snapshot();
    const f = snap.failures!;
    const dropped = (f.counts['hint-window'] ?? 0) + (f.counts['hint-persistent-window'] ?? 0);
    expect(dropped).toBe(snap.counters.hintsDropped);
    expect(dropped).toBeGreaterThan(0);
    expect(Object.values(f.last).some((t) => /drops hints for D: .*max_hint_window/.test(t!))).toBe(true);
  });

  it('keeps only the newest workload operations between two drains, counting the rest as skipped', () => {
    const sim = createSimulation(coreDemo());
    sim.advanceTo(100_000);
    const { events, skipped } = sim.drainLog(Infinity);
    expect(events.filter((e) => e.workload).length).toBeLessThanOrEqual(256);
    expect(skipped).toBeGreaterThan(0);
    // The faults and convictions all stay.
    expect(events.some((e) => e.kind === 'fault' && /D crashed/.test(e.text))).toBe(true);
    expect(events.some((e) => e.kind === 'gossip' && /convicts D/.test(e.text))).toBe(true);
  });

  it('a checkpoint holds the same sentences: the restored run logs and explains as the original', () => {
    const a = createSimulation(coreDemo());
    a.advanceTo(45_000);
    const cp = takeCheckpoint(a);
    const b = restoreCheckpoint(cp);
    expect(b.snapshot().failures).toEqual(a.snapshot().failures);
    expect(drainAll(b)).toEqual(drainAll(a));
    a.advanceTo(90_000);
    b.advanceTo(90_000);
    expect(b.traceHash()).toBe(a.traceHash());
    expect(drainAll(b)).toEqual(drainAll(a));
  });
});
