// A jump runs flat out: with a clock that can run a function "soon" (the worker's message to
// itself), its slices follow each other without the tick's wait, its frames go a few times a
// wall second (its start at once, its end exact), and checkpoints still fall at their spacing.
import { describe, expect, it } from 'vitest';
import { createSession, defaultScenario, replaySession } from '../../src/engine';
import { createUnpacker, type Frame, type FromWorker, type ToWorker } from '../../src/protocol';
import { createHost, type HostOptions } from '../../src/worker/host';

const MIN = 60_000;

function soonHarness(options: HostOptions = {}) {
  const out: { m: FromWorker; wall: number }[] = [];
  let handler: ((m: ToWorker) => void) | null = null;
  let wall = 0;
  const soon: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const host = createHost(
    { postMessage: (m) => void out.push({ m, wall }), setHandler: (fn) => (handler = fn) },
    { now: () => (wall += 0.05), schedule: (fn) => void timers.push(fn), soon: (fn) => void soon.push(fn) },
    { createSimulation: (sc, log) => createSession(sc, log), ...options },
  );
  const send = (m: ToWorker) => handler!(m);
  const unpack = createUnpacker();
  const frames: { frame: Frame; wall: number }[] = [];
  const collect = () => {
    for (const { m, wall: at } of out.splice(0)) {
      const u = unpack(m);
      if (u.type === 'frame') frames.push({ frame: u.frame, wall: at });
    }
  };
  /** Runs the "soon" queue as the worker would, acking each frame before the next slice. */
  const runSoon = () => {
    let slices = 0;
    while (soon.length > 0) {
      collect();
      send({ type: 'frameAck' });
      soon.shift()!();
      slices++;
    }
    collect();
    send({ type: 'frameAck' });
    collect();
    return slices;
  };
  return { host, send, runSoon, frames, timers, collect };
}

describe('worker host: a jump runs flat out', () => {
  it('slices follow each other through soon(); frames throttled during the jump, its start and end exact; same trace hash', () => {
    const h = soonHarness({ sliceBudgetMs: 1, eventsPerChunk: 100, jumpFrameEveryMs: 5, checkpoints: { spacingMs: MIN } });
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'command', command: { type: 'workload', rate: 20, keys: 100, writeRatio: 0.8, consistency: 'QUORUM' } });
    h.send({ type: 'frameAck' });
    h.send({ type: 'frameAck' });
    h.collect();
    const mark = h.frames.length;
    h.send({ type: 'jumpTo', atMs: 30 * MIN });
    h.collect();
    expect(h.frames.at(-1)!.frame.jumpTarget).toBe(30 * MIN); // the jump's start shows at once
    const timersBefore = h.timers.length;
    const slices = h.runSoon();
    expect(slices).toBeGreaterThan(10);
    expect(h.timers.length).toBe(timersBefore); // no tick waited on a timer while the jump ran
    const during = h.frames.slice(mark).filter((f) => f.frame.jumpProgress !== null);
    expect(during.length).toBeGreaterThan(2);
    expect(during.length).toBeLessThan(slices); // not one per slice
    for (let i = 2; i < during.length; i++) expect(during[i]!.wall - during[i - 1]!.wall).toBeGreaterThanOrEqual(5);
    const last = h.frames.at(-1)!.frame;
    expect(last.jumpProgress).toBeNull();
    expect(last.now).toBe(30 * MIN);
    const sim = h.host.simulation!;
    expect(sim.traceHash()).toBe(replaySession(defaultScenario(), sim.commandLog, 30 * MIN).traceHash());
    // Checkpoints between chunks of the long run, spread over it.
    const at = h.host.checkpointStats().at;
    expect(at.length).toBeGreaterThan(3);
    expect(Math.min(...at)).toBeLessThan(10 * MIN);
  });

  it('Cancel stops a jump between two slices', () => {
    const h = soonHarness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'jumpTo', atMs: 60 * MIN });
    h.send({ type: 'cancelJump' });
    expect(h.runSoon()).toBeLessThanOrEqual(1);
    expect(h.host.simulation!.now).toBeLessThan(60 * MIN);
  });
});
