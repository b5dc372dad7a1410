import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogEvent, ToWorker } from '../../src/protocol';
import { createAppStore, LOG_LIMIT } from '../../src/store';
import { makeCluster, makeFrame } from './fixtures';

const ev = (seq: number): LogEvent => ({ seq, at: seq, kind: 'write', text: `e${seq}` });

describe('app store', () => {
  it('stores each frame and acknowledges it only when the scheduled ack runs', () => {
    const send = vi.fn<(m: ToWorker) => void>();
    const pending: (() => void)[] = [];
    const store = createAppStore(send, { scheduleAck: (fn) => pending.push(fn) });
    const frame = makeFrame({ now: 1234 });
    store.getState().actions.receive({ type: 'frame', frame });
    expect(store.getState().frame).toBe(frame);
    expect(send).not.toHaveBeenCalled();
    pending.forEach((fn) => fn());
    expect(send).toHaveBeenCalledWith({ type: 'frameAck' });
  });

  it('keeps the latest events newest first, bounded', () => {
    const store = createAppStore(() => {}, { scheduleAck: (fn) => fn() });
    const { receive } = store.getState().actions;
    receive({ type: 'frame', frame: makeFrame({ log: [ev(1), ev(2)] }) });
    receive({ type: 'frame', frame: makeFrame({ log: Array.from({ length: LOG_LIMIT }, (_, i) => ev(3 + i)), logSkipped: 5 }) });
    const log = store.getState().log;
    expect(log).toHaveLength(LOG_LIMIT);
    expect(log[0]!.seq).toBe(LOG_LIMIT + 2);
    expect(log[log.length - 1]!.seq).toBe(3);
    expect(store.getState().logSkipped).toBe(5);
  });

  it('toggles play by what the last frame says', () => {
    const send = vi.fn<(m: ToWorker) => void>();
    const store = createAppStore(send, { scheduleAck: () => {} });
    store.getState().actions.receive({ type: 'frame', frame: makeFrame({ playing: true }) });
    store.getState().actions.togglePlay();
    expect(send).toHaveBeenLastCalledWith({ type: 'pause' });
    store.getState().actions.receive({ type: 'frame', frame: makeFrame({ playing: false }) });
    store.getState().actions.togglePlay();
    expect(send).toHaveBeenLastCalledWith({ type: 'play' });
  });

  it('keeps worker errors until dismissed', () => {
    const store = createAppStore(() => {});
    store.getState().actions.receive({ type: 'error', message: 'cluster.nodes: bad' });
    expect(store.getState().error).toBe('cluster.nodes: bad');
    store.getState().actions.dismissError();
    expect(store.getState().error).toBeNull();
  });
});

describe('app store: answers it waits for', () => {
  it('plays an applied scenario only once the worker accepted it, and not after a refusal', () => {
    const send = vi.fn<(m: ToWorker) => void>();
    const store = createAppStore(send, { scheduleAck: () => {} });
    const { actions } = store.getState();
    actions.applyScenario({ name: 'refused' });
    actions.receive({ type: 'error', message: 'cluster.nodes: bad' });
    expect(store.getState().error).toBe('cluster.nodes: bad');
    // A later ready (another init) must not play on the refused scenario's behalf.
    actions.init({ name: 'plain' });
    actions.receive({ type: 'ready', cluster: makeCluster() });
    expect(send).not.toHaveBeenCalledWith({ type: 'play' });
    expect(store.getState().scenario).toEqual({ name: 'plain' });
    actions.applyScenario({ name: 'accepted' });
    actions.receive({ type: 'ready', cluster: makeCluster() });
    expect(send).toHaveBeenLastCalledWith({ type: 'play' });
    expect(store.getState().scenario).toEqual({ name: 'accepted' });
    expect(store.getState().pendingScenario).toBeNull();
  });

  it('ignores a message type it does not know (a newer worker)', () => {
    const store = createAppStore(() => {});
    const before = store.getState();
    store.getState().actions.receive({ type: 'somethingNew' } as never);
    expect(store.getState()).toBe(before);
  });
});

describe('app store: what the panels see while time runs', () => {
  /** A store on vitest's fake clock: wall time moves only with tick, timers fire as it passes. */
  function running() {
    vi.useFakeTimers();
    const store = createAppStore(() => {}, { scheduleAck: () => {}, now: () => Date.now(), viewEveryMs: 100 });
    const tick = (ms: number) => vi.advanceTimersByTime(ms);
    return { store, tick, receive: store.getState().actions.receive };
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the latest frame at most ten times a second while playing; the canvas gets every one', () => {
    const { store, tick, receive } = running();
    let views = 0;
    store.subscribe((s, p) => void (s.view !== p.view && views++));
    for (let i = 0; i < 60; i++) {
      receive({ type: 'frame', frame: makeFrame({ now: i * 100, playing: true, speed: 100 }) });
      expect(store.getState().frame!.now).toBe(i * 100);
      tick(16);
    }
    // ~1 s of frames: the first at once, then one per 100 ms.
    expect(views).toBeGreaterThanOrEqual(9);
    expect(views).toBeLessThanOrEqual(11);
    // Held back, the latest still shows within the interval even if no frame follows.
    const last = store.getState().frame;
    tick(200);
    expect(store.getState().view).toBe(last);
  });

  it('updates the frame, the log and the charts on different frames, one part a frame', () => {
    const { store, tick, receive } = running();
    receive({ type: 'frame', frame: makeFrame({ playing: true }) });
    const parts: string[][] = [];
    store.subscribe((s, p) => {
      const changed = [s.view !== p.view && 'view', s.log !== p.log && 'log', s.series !== p.series && 'series'].filter((x): x is string => !!x);
      if (changed.length) parts.push(changed);
    });
    for (let i = 1; i < 60; i++) {
      receive({ type: 'frame', frame: makeFrame({ now: i, playing: true, log: [ev(i)], samples: [{ now: i, writesAcknowledged: 0, writesFailed: 0, readsStale: 0, hintsPending: 0, pendingByTarget: {}, underReplicated: 0, lostAcknowledgedWrites: 0 }] }) });
      tick(17);
    }
    expect(parts.every((c) => c.length === 1)).toBe(true);
    expect(new Set(parts.flat())).toEqual(new Set(['view', 'log', 'series']));
  });

  it('loses no event to the throttle: the log shows them all, newest first', () => {
    const { store, tick, receive } = running();
    for (let i = 1; i <= 30; i++) {
      receive({ type: 'frame', frame: makeFrame({ now: i, playing: true, log: [ev(i)] }) });
      tick(5);
    }
    tick(300);
    expect(store.getState().log.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
  });

  it('shows at once a frame where time stands still or the run changes state', () => {
    const { store, tick, receive } = running();
    receive({ type: 'frame', frame: makeFrame({ now: 1, playing: true }) });
    tick(10);
    receive({ type: 'frame', frame: makeFrame({ now: 2, playing: true }) });
    expect(store.getState().view!.now).toBe(1); // held
    receive({ type: 'frame', frame: makeFrame({ now: 3, playing: true, speed: 10 }) });
    expect(store.getState().view!.now).toBe(3); // a new speed
    tick(10);
    receive({ type: 'frame', frame: makeFrame({ now: 4, playing: false, log: [ev(1)] }) });
    expect(store.getState().view!.now).toBe(4); // paused: exact
    expect(store.getState().log).toHaveLength(1);
  });
});
