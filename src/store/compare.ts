// The Compare view's state: two runs (A and B), each in its own worker with its own app store,
// driven by one shared clock (./lockstep). The workers never play on their own: the clock moves
// both to the same simulated time T, waits until both have reached it, and only then picks the
// next T. The store is two slices over one lockstep context: the runs (start, stop) and the clock.
import { createStore } from 'zustand/vanilla';
import { RUN_IDS, type CompareActions, type CompareOptions, type CompareState, type CompareStore, type RunId, type RunPort } from './compareTypes';
import { clockOf, EPS, freshRun, queueFrame, receive, requestReports, setClock, stepJump, stopRuns, untilOf, type Lockstep } from './lockstep';
import { createAppStore, wallNow, type AppStore } from './store';

export * from './compareTypes';

/** A jump goes in at least this many steps, so the charts get samples along the way. */
const MIN_JUMP_STEPS = 60;

function defaultNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 16);
}

/** The runs: start both (each worker with its own app store), stop both. */
function runsSlice(k: Lockstep): Pick<CompareActions, 'start' | 'stop'> {
  return {
    start(next) {
      stopRuns(k);
      const gen = k.generation;
      k.input = next;
      for (const id of RUN_IDS) k.run[id] = { ...freshRun(), readiesLeft: next[id].log.length > 0 ? 2 : 1 };
      k.jumpStep = 0;
      k.lastReportWall = -Infinity;
      const ports: Partial<Record<RunId, RunPort>> = {};
      const stores: Partial<Record<RunId, AppStore>> = {};
      for (const id of RUN_IDS) {
        const port = k.options.spawn((msg) => receive(k, id, gen, msg));
        ports[id] = port;
        stores[id] = createAppStore((m) => port.send(m), k.options.runStore);
      }
      k.ports = ports as Record<RunId, RunPort>;
      k.set({
        status: 'starting',
        runs: stores as Record<RunId, AppStore>,
        reports: null,
        labCheck: null,
        error: null,
        clock: { time: 0, until: null, playing: false, speed: clockOf(k).speed, jump: null },
      });
      for (const id of RUN_IDS) stores[id]!.getState().actions.init(next[id].scenario, next[id].log.length > 0 ? next[id].log : undefined);
    },
    stop() {
      stopRuns(k);
      k.set({ status: 'idle', runs: null, reports: null, labCheck: null });
    },
  };
}

/** The shared clock: play, pause, speed, jumps (forward only, in lockstep steps). */
function clockSlice(k: Lockstep): Omit<CompareActions, 'start' | 'stop'> {
  const { get } = k;
  return {
    play() {
      if (get().status !== 'running' || clockOf(k).time >= untilOf(k) - EPS) return;
      setClock(k, { playing: true, jump: null });
      k.lastWall = k.options.now();
      if (!k.stepping) queueFrame(k);
    },
    pause() {
      setClock(k, { playing: false, jump: null });
      if (!k.stepping) requestReports(k, true);
    },
    togglePlay() {
      if (clockOf(k).playing || clockOf(k).jump) get().actions.pause();
      else get().actions.play();
    },
    setSpeed(speed) {
      if (Number.isFinite(speed) && speed > 0) setClock(k, { speed });
    },
    jumpBy(ms) {
      if (!(ms > 0)) return;
      const c = clockOf(k);
      get().actions.jumpTo((c.jump ? c.jump.to : c.time) + ms);
    },
    jumpTo(atMs) {
      const c = clockOf(k);
      if (get().status !== 'running' || Number.isNaN(atMs)) return;
      const to = Math.min(untilOf(k), atMs);
      if (to <= c.time + EPS) return;
      k.jumpStep = 0;
      setClock(k, { playing: false, jump: { from: c.time, to } });
      if (!k.stepping) stepJump(k);
    },
    cancelJump() {
      setClock(k, { jump: null });
      if (!k.stepping) requestReports(k, true);
    },
  };
}

export function createCompareStore(options: CompareOptions): CompareStore {
  return createStore<CompareState>()((set, get) => {
    const k: Lockstep = {
      set,
      get,
      options: {
        spawn: options.spawn,
        now: options.now ?? wallNow,
        nextFrame: options.nextFrame ?? defaultNextFrame,
        runStore: options.runStore,
        reportEveryMs: options.reportEveryMs ?? 500,
        stepWallMs: options.stepWallMs ?? 150,
        minJumpSteps: options.minJumpSteps ?? MIN_JUMP_STEPS,
      },
      ports: null,
      generation: 0,
      run: { a: freshRun(), b: freshRun() },
      stepping: false,
      stepStartWall: 0,
      stepSpan: 0,
      jumpStep: 0,
      lastWall: 0,
      lastReportWall: -Infinity,
      frameQueued: false,
      input: null,
    };
    return {
      status: 'idle',
      runs: null,
      clock: { time: 0, until: null, playing: false, speed: 10, jump: null },
      reports: null,
      labCheck: null,
      error: null,
      actions: { ...runsSlice(k), ...clockSlice(k) },
    };
  });
}
