// Time travel through checkpoints: the host keeps bounded checkpoints while it runs, a seek back
// restores the latest one at or before the target and re-runs from there, a fork drops the ones
// beyond it — and every moment reached so has the trace hash of a straight run from time 0.
import { describe, expect, it } from 'vitest';
import { defaultScenario, replaySession } from '../../src/engine';
import type { Simulation } from '../../src/protocol';
import { createSession } from '../../src/engine';
import type { HostOptions } from '../../src/worker/host';
import { createHarness } from './harness';

const MIN = 60_000;

/** A host on an in-memory endpoint and a wall clock that moves a little on every look (so slices end). */
function harness(options: HostOptions = {}) {
  let creations = 0;
  const h = createHarness(
    {
      eventsPerChunk: 200,
      sliceBudgetMs: 1,
      createSimulation: (sc, log) => {
        creations++;
        return createSession(sc, log);
      },
      ...options,
    },
    { msPerRead: 0.01 },
  );
  /** Fires timers and acks frames until no jump runs (bounded: a stuck host fails the test). */
  const settle = () => {
    for (let i = 0; i < 100_000; i++) {
      h.send({ type: 'frameAck' });
      if (!h.host.simulation || !h.fireNext()) return;
    }
    throw new Error('the host never settled');
  };
  return { ...h, settle, lastFrame: () => h.lastFrame()!, creations: () => creations };
}

/** A straight run of the same session (scenario + commands) from time 0 to `atMs`. */
function straight(sim: Simulation, atMs = sim.now): string {
  return replaySession(defaultScenario(), sim.commandLog.filter((c) => c.at <= atMs), atMs).traceHash();
}

function session(h: ReturnType<typeof harness>) {
  h.send({ type: 'init', scenario: defaultScenario() });
  h.send({ type: 'command', command: { type: 'workload', rate: 10, keys: 200, writeRatio: 0.8, consistency: 'QUORUM' } });
  h.send({ type: 'jumpTo', atMs: 20 * MIN });
  h.settle();
  h.send({ type: 'command', command: { type: 'kill', node: 'C' } });
  h.send({ type: 'jumpTo', atMs: 40 * MIN });
  h.settle();
  h.send({ type: 'command', command: { type: 'restart', node: 'C' } });
  h.send({ type: 'jumpTo', atMs: 60 * MIN });
  h.settle();
}

describe('worker host: checkpoints', { timeout: 60_000 }, () => {
  it('keeps bounded checkpoints spread over the run; a seek back restores one and gives the straight run\'s trace hash', () => {
    const h = harness({ checkpoints: { max: 8, spacingMs: MIN } });
    session(h);
    expect(h.errors()).toEqual([]);
    const stats = h.host.checkpointStats();
    expect(stats.count).toBeGreaterThan(3);
    expect(stats.count).toBeLessThanOrEqual(8);
    // Spread over the whole hour, not bunched at its end.
    expect(Math.min(...stats.at)).toBeLessThan(20 * MIN);
    expect(Math.max(...stats.at)).toBeGreaterThan(40 * MIN);
    const hashAt60 = h.sim().traceHash();
    expect(hashAt60).toBe(straight(h.sim()));
    const created = h.creations();

    h.send({ type: 'seek', atMs: 30 * MIN + 1234 });
    h.settle();
    // No re-run from the start: a checkpoint was restored.
    expect(h.creations()).toBe(created);
    expect(h.sim().now).toBe(30 * MIN + 1234);
    expect(h.lastFrame().future).toBe(1);
    expect(h.lastFrame().nodes.find((n) => n.id === 'C')!.up).toBe(false);
    expect(h.sim().traceHash()).toBe(straight(h.sim()));

    h.send({ type: 'seek', atMs: 10 * MIN });
    h.settle();
    expect(h.lastFrame().future).toBe(2);
    expect(h.lastFrame().nodes.find((n) => n.id === 'C')!.up).toBe(true);
    expect(h.sim().traceHash()).toBe(straight(h.sim()));

    // Forward again: the queued kill and restart replay; the hour ends on the same hash.
    h.send({ type: 'seek', atMs: 60 * MIN });
    h.settle();
    expect(h.sim().now).toBe(60 * MIN);
    expect(h.lastFrame().future).toBe(0);
    expect(h.sim().traceHash()).toBe(hashAt60);
    expect(h.creations()).toBe(created);
  });

  it('a command after a seek back forks: checkpoints beyond the fork are dropped and later seeks follow the new timeline', () => {
    const h = harness({ checkpoints: { max: 12, spacingMs: MIN } });
    session(h);
    h.send({ type: 'seek', atMs: 30 * MIN });
    h.settle();
    expect(h.host.checkpointStats().at.some((t) => t > 30 * MIN)).toBe(true);
    h.send({ type: 'command', command: { type: 'kill', node: 'E' } });
    h.send({ type: 'frameAck' });
    expect(h.lastFrame().future).toBe(0);
    expect(h.host.checkpointStats().at.every((t) => t <= 30 * MIN + 1)).toBe(true);
    h.send({ type: 'jumpTo', atMs: 50 * MIN });
    h.settle();
    const forked = h.sim().traceHash();
    expect(forked).toBe(straight(h.sim()));
    h.send({ type: 'seek', atMs: 35 * MIN });
    h.settle();
    expect(h.lastFrame().nodes.find((n) => n.id === 'E')!.up).toBe(false);
    expect(h.lastFrame().nodes.find((n) => n.id === 'C')!.up).toBe(false);
    h.send({ type: 'seek', atMs: 50 * MIN });
    h.settle();
    expect(h.sim().traceHash()).toBe(forked);
    // The dropped restart of C never comes back.
    expect(h.lastFrame().nodes.find((n) => n.id === 'C')!.up).toBe(false);
  });
});

describe('worker host: checkpoints off, and the timeline', { timeout: 60_000 }, () => {
  it('with checkpoints off, seeking back re-runs from time 0 to the same hashes', () => {
    const h = harness({ checkpoints: false });
    session(h);
    const created = h.creations();
    h.send({ type: 'seek', atMs: 30 * MIN });
    h.settle();
    expect(h.creations()).toBe(created + 1);
    expect(h.host.checkpointStats().count).toBe(0);
    expect(h.sim().traceHash()).toBe(straight(h.sim()));
  });

  it('frames carry the timeline: the horizon, fault and command marks, queued commands after a seek back, the seek id', () => {
    const h = harness({ checkpoints: { spacingMs: MIN } });
    session(h);
    let tl = h.lastFrame().timeline!;
    expect(tl.horizon).toBe(60 * MIN);
    expect(tl.marks.map((m) => [m.label, m.queued])).toEqual([['workload 10/s', false], ['kill C', false], ['restart C', false]]);
    h.send({ type: 'seek', atMs: 30 * MIN, id: 7 });
    h.settle();
    const f = h.lastFrame();
    expect(f.seekId).toBe(7);
    tl = f.timeline!;
    expect(tl.horizon).toBe(60 * MIN);
    expect(tl.marks.filter((m) => m.queued).map((m) => m.label)).toEqual(['restart C']);
    expect(tl.marks.find((m) => m.label === 'kill C')!.fault).toBe(true);
    // A bad target is still acknowledged (the UI must not wait for it forever).
    h.send({ type: 'seek', atMs: Number.NaN, id: 8 });
    h.send({ type: 'frameAck' });
    expect(h.lastFrame().seekId).toBe(8);
    // A fork cuts the horizon back to the fork and drops the queued marks.
    h.send({ type: 'command', command: { type: 'heal' } });
    h.send({ type: 'frameAck' });
    tl = h.lastFrame().timeline!;
    expect(tl.horizon).toBeLessThan(30 * MIN + 1);
    expect(tl.marks.some((m) => m.queued || m.label === 'restart C')).toBe(false);
    expect(tl.marks.at(-1)!.label).toBe('heal');
  });
});

