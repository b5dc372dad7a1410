import { describe, expect, it } from 'vitest';
import { replaySession } from '../../src/engine';
import { cluster, placement, scenario } from './harness';

const spec = { until: '10m' };

describe('sessions: command log replay, message commands, inspection', () => {
  it('replaying scenario + command log reproduces the trace hash, including messages dropped and delayed by hand', () => {
    const live = cluster(spec);
    live.advanceTo(2_000);
    live.apply({ type: 'workload', rate: 50, keys: 50, writeRatio: 0.7, consistency: 'QUORUM' });
    live.advanceTo(10_000.5);
    const inFlight = live.snapshot().messages.filter((m) => m.kind === 'mutation');
    expect(inFlight.length).toBeGreaterThan(0);
    live.apply({ type: 'dropMessage', id: inFlight[0]!.id });
    if (inFlight[1]) live.apply({ type: 'delayMessage', id: inFlight[1].id, byMs: 3000 });
    live.advanceTo(20_000);
    live.kill('B');
    live.advanceTo(60_000);
    const replay = replaySession(scenario(spec), live.commandLog, 60_000);
    expect(replay.traceHash()).toBe(live.traceHash());
    expect(replay.report()).toEqual(live.report());
  });

  it('a dropped message is lost; a delayed one arrives later', () => {
    const sim = cluster(spec);
    sim.advanceTo(5_000);
    sim.write('user:1', { cl: 'ALL', value: 'x' });
    sim.advanceTo(5_000.002);
    const muts = sim.snapshot().messages.filter((m) => m.kind === 'mutation');
    expect(muts.length).toBeGreaterThanOrEqual(2);
    const lostBefore = sim.report().writes.failed;
    sim.apply({ type: 'dropMessage', id: muts[0]!.id });
    sim.advanceTo(8_000);
    expect(sim.report().writes.failed).toBe(lostBefore + 1);
    expect(() => sim.apply({ type: 'dropMessage', id: 999_999_999 })).toThrow(/^id: /);
  });

  it('inspects a key: preference list, replica versions, hints carrying it', () => {
    const base = cluster(spec);
    const { replicas: R, outsider } = placement(base, 'user:1');
    const sim = cluster({ ...spec, faults: [{ at: '1s', kill: R[2] }], workload: [{ at: '40s', write: { key: 'user:1', value: 'alice', consistency: 'QUORUM', coordinator: outsider } }] });
    sim.advanceTo(41_000);
    const k = sim.inspectKey('user:1');
    expect(k.preferenceList.filter((p) => p.replica).map((p) => p.node)).toEqual(R);
    expect(k.preferenceList.find((p) => p.node === R[0])!.versions[0]!.value).toBe('alice');
    expect(k.preferenceList.find((p) => p.node === R[2])!.versions).toEqual([]);
    expect(k.hints).toEqual([expect.objectContaining({ holder: outsider, target: R[2], value: 'alice' })]);
    expect(k.acknowledged[0]!.value).toBe('alice');
    expect(BigInt(k.token)).toBeTypeOf('bigint');
    const m = sim.metrics();
    expect(m.pendingByTarget[R[2]!]).toBe(1);
    expect(m.underReplicated).toBe(1);
    expect(() => sim.inspectKey('')).toThrow(/^key: /);
  });
});

describe('createSession (untrusted scenario + log)', () => {
  it('replays a valid log to the same trace hash', async () => {
    const { createSession } = await import('../../src/engine');
    const live = cluster(spec);
    live.advanceTo(3_000);
    live.apply({ type: 'workload', rate: 30, keys: 20, writeRatio: 1, consistency: 'ONE' });
    live.advanceTo(9_000);
    live.kill('D');
    live.advanceTo(20_000);
    const s = createSession(scenario(spec), JSON.parse(JSON.stringify(live.commandLog)));
    s.advanceTo(20_000);
    expect(s.traceHash()).toBe(live.traceHash());
  });

  it('names the bad entry of a log', async () => {
    const { createSession } = await import('../../src/engine');
    const bad: [unknown, RegExp][] = [
      ['nope', /^log: /],
      [[{ at: 'x', command: { type: 'heal' } }], /^log\[0\]\.at: /],
      [[{ at: 5, command: { type: 'heal' } }, { at: 4, command: { type: 'heal' } }], /^log\[1\]\.at: /],
      [[{ at: 5, command: { type: 'kill', node: 'Z' } }], /^log\[0\]\.command\.node: /],
      [[{ at: 5, command: { type: 'explode' } }], /^log\[0\]\.command\.type: /],
      [[{ at: 5, command: null }], /^log\[0\]\.command: /],
      [[{ at: 5, command: { type: 'write', key: '', value: 'v', consistency: 'ONE' } }], /^log\[0\]\.command\.key: /],
      [[{ at: 5, command: { type: 'dropMessage', id: 123456789 } }], /^log\[0\]\.command\.id: /],
      [[{ at: 1e12, command: { type: 'heal' } }], /^log\[0\]\.at: /],
    ];
    for (const [log, re] of bad) expect(() => createSession(scenario(spec), log)).toThrow(re);
  });
});
