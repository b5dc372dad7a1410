// A seek back tells the UI `rewound` (the same run, earlier), not `ready` (a new one): the host
// sends no sample or event the UI already holds up to the target, and when the re-run stops
// short of it or forks before it, says where the history now ends. Fed into the app store, the
// charts keep their history up to the moment and the discarded future never comes back.
import { describe, expect, it } from 'vitest';
import { createSession, defaultScenario } from '../../src/engine';
import { createUnpacker, type MetricsSample } from '../../src/protocol';
import { createAppStore } from '../../src/store';
import type { HostOptions } from '../../src/worker/host';
import { createHarness } from './harness';

const MIN = 60_000;

function harness(options: HostOptions = {}) {
  const store = createAppStore(() => {}, { scheduleAck: () => {}, viewEveryMs: 0, now: () => 0 });
  const unpack = createUnpacker();
  const h = createHarness(
    { eventsPerChunk: 200, sliceBudgetMs: 1, createSimulation: (sc, log) => createSession(sc, log), ...options },
    { msPerRead: 0.01, onPost: (m) => store.getState().actions.receive(unpack(m)) },
  );
  /** One pacing tick (after acking the frame in flight); false when nothing is scheduled. */
  const tickOnce = () => {
    h.send({ type: 'frameAck' });
    return h.fireNext();
  };
  const settle = () => {
    for (let i = 0; i < 100_000; i++) if (!tickOnce()) return;
    throw new Error('the host never settled');
  };
  return { ...h, store, settle, tickOnce, framesAfter: h.frames };
}

/** Workload from 0, kill C at 5 min, run to 10 min. */
function session(h: ReturnType<typeof harness>) {
  h.send({ type: 'init', scenario: defaultScenario() });
  h.send({ type: 'command', command: { type: 'workload', rate: 20, keys: 100, writeRatio: 0.8, consistency: 'ONE' } });
  h.send({ type: 'jumpTo', atMs: 5 * MIN });
  h.settle();
  h.send({ type: 'command', command: { type: 'kill', node: 'C' } });
  h.send({ type: 'jumpTo', atMs: 10 * MIN });
  h.settle();
}

const times = (s: readonly MetricsSample[]) => s.map((m) => m.now);
const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('worker host: a seek back keeps the history', { timeout: 60_000 }, () => {
  for (const [name, checkpoints] of [['from a checkpoint', { spacingMs: MIN }], ['re-run from 0', false]] as const) {
    it(`posts rewound{now: target} (not ready) and re-sends nothing the UI holds (${name}); init still posts ready`, () => {
      const h = harness({ checkpoints });
      session(h);
      expect(h.out.filter((m) => m.type === 'ready')).toHaveLength(1);
      const before = h.store.getState();
      expect(before.faults.some((e) => e.at > 5 * MIN)).toBe(true);
      expect(before.series.some((m) => m.now > 7 * MIN && m.hintsPending > 0)).toBe(true);
      h.store.getState().actions.select('C');
      h.send({ type: 'inspect', key: 'k1' });
      h.store.getState().actions.inspect('k1');
      h.send({ type: 'frameAck' });

      const mark = h.out.length;
      const target = 7 * MIN + 500;
      h.send({ type: 'seek', atMs: target });
      h.settle();
      expect(h.sim().now).toBe(target);
      const posted = h.out.slice(mark).filter((m) => m.type !== 'frame');
      expect(posted).toEqual([{ type: 'rewound', now: target }]);
      // Nothing the UI holds comes again: no event at or before the target, no sample before it.
      const frames = h.framesAfter(mark);
      expect(frames.flatMap((f) => f.log).filter((e) => e.at <= target)).toEqual([]);
      expect(frames.flatMap((f) => f.samples).filter((m) => m.now < target)).toEqual([]);

      const st = h.store.getState();
      const kept = before.series.filter((m) => m.now <= target);
      expect(st.series.slice(0, kept.length)).toEqual(kept);
      expect(times(st.series).at(-1)).toBeLessThanOrEqual(target);
      expect(increasing(times(st.series))).toBe(true);
      expect(st.series.filter((m) => m.now > 5 * MIN).some((m) => m.hintsPending > 0)).toBe(true);
      expect(st.faults.map((e) => e.text)).toEqual(before.faults.filter((e) => e.at <= target).map((e) => e.text));
      expect(st.log.every((e) => e.at <= target)).toBe(true);
      expect(st.log.length).toBeGreaterThan(0);
      expect(st.selected).toBe('C');
      expect(st.view!.inspection).toMatchObject({ key: 'k1' });
      expect(st.view!.now).toBe(target);

      // A new simulation is still a fresh start.
      const initMark = h.out.length;
      h.send({ type: 'init', scenario: defaultScenario() });
      expect(h.out.slice(initMark).filter((m) => m.type !== 'frame').map((m) => m.type)).toEqual(['ready']);
      expect(h.store.getState().series.every((m) => m.now === 0)).toBe(true);
      expect(h.store.getState().selected).toBeNull();
    });
  }
});

describe('worker host: a seek back that stops short or forks', { timeout: 60_000 }, () => {
  it('a re-run paused short of its target ends the history where it stopped', () => {
    const h = harness({ checkpoints: false });
    session(h);
    const mark = h.out.length;
    h.send({ type: 'seek', atMs: 9 * MIN });
    h.tickOnce();
    h.tickOnce();
    const stopped = h.sim().now;
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(9 * MIN);
    h.send({ type: 'pause' });
    h.send({ type: 'frameAck' });
    expect(h.out.slice(mark).filter((m) => m.type !== 'frame')).toEqual([{ type: 'rewound', now: 9 * MIN }, { type: 'rewound', now: stopped }]);
    expect(Math.max(...times(h.store.getState().series))).toBeLessThanOrEqual(stopped);
    expect(h.store.getState().log.every((e) => e.at <= stopped)).toBe(true);
    // Played on, the run fills the charts from there again, in order.
    h.send({ type: 'jumpTo', atMs: 10 * MIN });
    h.settle();
    const s = times(h.store.getState().series);
    expect(increasing(s)).toBe(true);
    expect(s.at(-1)).toBe(10 * MIN);
  });

  it('a fork drops the discarded future for good: after the command, no sample of the old run comes back', () => {
    const h = harness({ checkpoints: { spacingMs: MIN } });
    session(h);
    const old = new Set(h.store.getState().series.filter((m) => m.now > 3 * MIN));
    h.send({ type: 'seek', atMs: 3 * MIN });
    h.settle();
    // Forked at 3 min with a kill of E.
    h.send({ type: 'command', command: { type: 'kill', node: 'E' } });
    h.send({ type: 'jumpTo', atMs: 10 * MIN });
    h.settle();
    const st = h.store.getState();
    expect(st.series.filter((m) => old.has(m))).toEqual([]);
    expect(increasing(times(st.series))).toBe(true);
    expect(times(st.series).at(-1)).toBe(10 * MIN);
    // The kill of C at 5 min belonged to the discarded future: its fault mark is gone.
    expect(st.faults.map((e) => e.text).join('\n')).not.toMatch(/\bC\b/);
    expect(st.faults.map((e) => e.text).join('\n')).toMatch(/\bE\b/);
  });

  it('a command while the re-run is under way forks there: rewound at that moment', () => {
    const h = harness({ checkpoints: false });
    session(h);
    const mark = h.out.length;
    h.send({ type: 'seek', atMs: 9 * MIN });
    h.tickOnce();
    const at = h.sim().now;
    expect(at).toBeLessThan(9 * MIN);
    h.send({ type: 'command', command: { type: 'kill', node: 'E' } });
    expect(h.out.slice(mark).filter((m) => m.type === 'rewound')).toEqual([{ type: 'rewound', now: 9 * MIN }, { type: 'rewound', now: at }]);
    h.settle();
    expect(increasing(times(h.store.getState().series))).toBe(true);
  });
});
