// The store's recovery: it keeps the last good session, ends a failed worker, and Restart brings the
// same session back (same command log, same trace hash, same moment) on a fresh worker. The workers
// here are the real host (src/worker/host) on an in-memory port and a manual clock, so the replay
// and the trace hash are the engine's own.
import { describe, expect, it, vi } from 'vitest';
import { defaultScenario, type FromWorker, type ToWorker } from '../../src/protocol';
import { createAppStore, createWorkerLink, PROBE_AFTER_MS, type AppStore, type WorkerLike } from '../../src/store';
import { createHost } from '../../src/worker/host';

// Events here are plain objects with the fields the link reads.
type Listener = (e: never) => void;
const call = (fn: Listener, e: unknown) => (fn as (e: unknown) => void)(e);

/** A worker running the real host; messages wait in queues until the test pumps them. */
class HostedWorker implements WorkerLike {
  terminated = false;
  inbox: ToWorker[] = [];
  outbox: FromWorker[] = [];
  /** When false, the host never sees a message (a worker stuck in a loop). */
  answers = true;
  private handler: ((m: unknown) => void) | null = null;
  private timers: { at: number; fn: () => void }[] = [];
  private listeners: Record<string, Listener[]> = { message: [], error: [], messageerror: [] };

  constructor(private clock: { t: number }) {
    createHost(
      { postMessage: (m) => void this.outbox.push(m), setHandler: (fn) => (this.handler = fn) },
      { now: () => this.clock.t, schedule: (fn, ms) => void this.timers.push({ at: this.clock.t + ms, fn }) },
    );
  }
  postMessage(msg: ToWorker) {
    if (!this.terminated) this.inbox.push(structuredClone(msg));
  }
  terminate() {
    this.terminated = true;
    this.inbox = [];
    this.outbox = [];
    this.timers = [];
  }
  addEventListener(type: string, fn: Listener) {
    this.listeners[type]!.push(fn);
  }
  /** An uncaught exception, as the page's Worker object reports it. */
  crash(message: string) {
    for (const fn of this.listeners.error!) call(fn, { message, preventDefault: () => {} });
  }
  /** Delivers what waits in both directions; true if anything moved. */
  drain(): boolean {
    if (this.terminated || !this.answers) return false;
    let moved = false;
    while (this.inbox.length > 0 || this.outbox.length > 0) {
      moved = true;
      const inbound = this.inbox.shift();
      if (inbound) this.handler!(inbound);
      const out = this.outbox.shift();
      if (out) for (const fn of this.listeners.message!) call(fn, { data: out });
      if (this.terminated) return true;
    }
    return moved;
  }
  fireDue(): void {
    if (this.terminated || !this.answers) return;
    this.timers.sort((a, b) => a.at - b.at);
    while (this.timers[0] && this.timers[0].at <= this.clock.t) this.timers.shift()!.fn();
  }
}

function setup() {
  const clock = { t: 0 };
  const workers: HostedWorker[] = [];
  let store: AppStore | null = null;
  const link = createWorkerLink(
    () => {
      const w = new HostedWorker(clock);
      workers.push(w);
      return w;
    },
    { message: (m) => store!.getState().actions.receive(m), failed: (f) => store!.getState().actions.workerFailed(f) },
  );
  store = createAppStore(link.send, { worker: link, now: () => clock.t, scheduleAck: (fn) => fn(), viewEveryMs: 0 });
  const s = store;
  const current = () => workers[workers.length - 1]!;
  /** Moves wall time forward ms in 16 ms steps, delivering messages and firing timers. */
  const run = (ms = 16) => {
    for (let moved = 0; moved < ms; moved += 16) {
      clock.t += 16;
      const w = current();
      w.fireDue();
      while (w.drain()) w.fireDue();
    }
  };
  /** Runs until `done` holds (or fails after a simulated minute of wall time). */
  const until = (done: () => boolean) => {
    for (let i = 0; i < 4000 && !done(); i++) run();
    expect(done()).toBe(true);
  };
  return { store: s, workers, current, run, until, clock };
}

/** A session at a paused moment with one command: what the test compares before and after. */
function sessionWithKill(t: ReturnType<typeof setup>) {
  const { store, until, run } = t;
  store.getState().actions.init(defaultScenario());
  until(() => store.getState().cluster !== null);
  store.getState().actions.command({ type: 'kill', node: 'C' });
  run(64);
  store.getState().actions.jumpTo(20_000);
  until(() => store.getState().frame?.now === 20_000 && store.getState().frame?.jumpTarget === null);
  run(64);
  const good = store.getState().lastGood!;
  expect(good.now).toBe(20_000);
  expect(good.commandLog.map((c) => c.command)).toEqual([{ type: 'kill', node: 'C' }]);
  return good;
}

describe('a worker that recovers', () => {
  it('keeps the last good session without asking, and does not show it as the user’s export', () => {
    const t = setup();
    sessionWithKill(t);
    // The store's own requests update lastGood only; a share dialog's `session` is the user's.
    expect(t.store.getState().session).toBeNull();
    t.store.getState().actions.exportSession();
    t.run(32);
    expect(t.store.getState().session?.traceHash).toBe(t.store.getState().lastGood?.traceHash);
  });

  it('after a crash, Restart brings the same session back on a fresh worker, paused at its moment', () => {
    const t = setup();
    const good = sessionWithKill(t);
    t.store.getState().actions.setSpeed(25);
    t.run(32);
    t.current().crash('Uncaught RangeError: boom');
    const failed = t.store.getState().recovery!;
    expect(failed).toMatchObject({ phase: 'failed', cause: 'error', detail: 'Uncaught RangeError: boom', session: { commands: 1, now: 20_000 } });
    expect(t.workers[0]!.terminated).toBe(true);

    t.store.getState().actions.restartWorker();
    expect(t.workers).toHaveLength(2);
    expect(t.store.getState().recovery?.phase).toBe('restarting');
    t.until(() => t.store.getState().recovery?.phase === 'restored');
    const frame = t.store.getState().frame!;
    expect(frame.now).toBe(20_000);
    expect(frame.playing).toBe(false);
    expect(frame.speed).toBe(25);

    t.store.getState().actions.exportSession();
    t.run(32);
    const again = t.store.getState().session!;
    expect(again.traceHash).toBe(good.traceHash);
    expect(again.commandLog).toEqual(good.commandLog);
    expect(again.now).toBe(good.now);
    t.store.getState().actions.dismissRecovery();
    expect(t.store.getState().recovery).toBeNull();
  });

  it('takes an allocation failure the worker reports as its end', () => {
    const t = setup();
    sessionWithKill(t);
    t.store.getState().actions.receive({ type: 'error', message: 'Array buffer allocation failed' });
    expect(t.store.getState().recovery).toMatchObject({ phase: 'failed', cause: 'memory' });
    expect(t.store.getState().error).toBeNull();
    expect(t.workers[0]!.terminated).toBe(true);
  });

  it('when the same session fails again, offers a fresh default cluster, which plays', () => {
    const t = setup();
    sessionWithKill(t);
    t.current().crash('boom');
    t.store.getState().actions.restartWorker();
    t.current().crash('boom again');
    expect(t.store.getState().recovery).toMatchObject({ phase: 'failedAgain', detail: 'boom again' });
    t.store.getState().actions.dismissRecovery();
    expect(t.store.getState().recovery).not.toBeNull();

    t.store.getState().actions.startFresh();
    expect(t.workers).toHaveLength(3);
    t.until(() => t.store.getState().recovery === null && t.store.getState().frame?.playing === true);
    expect(t.store.getState().lastGood).not.toBeNull();
  });

  it('fails a worker that stops answering, after probing it', () => {
    const t = setup();
    sessionWithKill(t);
    const w = t.current();
    w.answers = false;
    const sent = w.inbox.length;
    t.clock.t += PROBE_AFTER_MS;
    t.store.getState().actions.checkHealth();
    expect(w.inbox.slice(sent)).toContainEqual({ type: 'exportSession' });
    t.clock.t += 10_000;
    t.store.getState().actions.checkHealth();
    expect(t.store.getState().recovery).toBeNull();
    t.clock.t += 25_000;
    // Past 30 s once: not yet (a page woken from a freeze may not have read the answer yet).
    t.store.getState().actions.checkHealth();
    expect(t.store.getState().recovery).toBeNull();
    t.clock.t += 5_000;
    t.store.getState().actions.checkHealth();
    expect(t.store.getState().recovery).toMatchObject({ phase: 'failed', cause: 'unresponsive' });
    expect(w.terminated).toBe(true);
  });

  it('does not fail a worker whose answer was read between two late checks', () => {
    const t = setup();
    sessionWithKill(t);
    t.clock.t += PROBE_AFTER_MS;
    t.store.getState().actions.checkHealth();
    t.clock.t += 60_000;
    t.store.getState().actions.checkHealth();
    t.run(16);
    t.store.getState().actions.checkHealth();
    expect(t.store.getState().recovery).toBeNull();
  });

  it('does not fail a quiet worker that answers the probe', () => {
    const t = setup();
    sessionWithKill(t);
    for (let i = 0; i < 20; i++) {
      t.clock.t += PROBE_AFTER_MS;
      t.store.getState().actions.checkHealth();
      t.run(16);
    }
    expect(t.store.getState().recovery).toBeNull();
  });

  it('shows the last frame of a failed worker at rest: nothing plays or jumps any more', () => {
    const t = setup();
    t.store.getState().actions.init(defaultScenario());
    t.until(() => t.store.getState().cluster !== null);
    t.store.getState().actions.jumpTo(600_000);
    t.run(16);
    t.until(() => t.store.getState().frame?.jumpTarget !== null);
    const nodes = t.store.getState().frame!.nodes;
    t.current().crash('boom');
    const { frame, view } = t.store.getState();
    expect(frame).toMatchObject({ playing: false, jumpProgress: null, jumpTarget: null });
    expect(view).toMatchObject({ playing: false, jumpProgress: null, jumpTarget: null });
    expect(frame!.nodes).toEqual(nodes);
  });

  it('with no session yet, Restart opens a fresh default cluster', () => {
    const t = setup();
    t.current().crash('boom');
    expect(t.store.getState().recovery?.session).toBeNull();
    t.store.getState().actions.restartWorker();
    t.until(() => t.store.getState().recovery === null && t.store.getState().cluster !== null);
  });

  it('without a worker it may restart, a store shows a failure as an error (as before)', () => {
    const send = vi.fn<(m: ToWorker) => void>();
    const store = createAppStore(send);
    store.getState().actions.workerFailed({ cause: 'error', detail: 'boom' });
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().error).toBe('The simulation worker failed: boom');
    store.getState().actions.receive({ type: 'error', message: 'Array buffer allocation failed' });
    expect(store.getState().error).toBe('Array buffer allocation failed');
    expect(send).not.toHaveBeenCalled();
  });
});
