// The Compare view's state: two runs (A and B), each in its own worker with its own app store,
// driven by one shared clock. The workers never play on their own: the clock moves both to the
// same simulated time T (a `seek` forward), waits until both have reached it, and only then
// picks the next T — so the two runs are never more than one step apart, and every step ends
// with a chart sample at the same moment in both.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Report, ToWorker, UiMessage } from '../protocol';
import { createAppStore, type AppStore, type StoreOptions } from './store';

export type RunId = 'a' | 'b';
export const RUN_IDS: readonly RunId[] = ['a', 'b'];

/** A run's worker, as the controller sees it. */
export interface RunPort {
  send(msg: ToWorker): void;
  terminate(): void;
}

/** Starts a worker; its messages (unpacked) go to onMessage. */
export type SpawnRun = (onMessage: (msg: UiMessage) => void) => RunPort;

export interface RunInput {
  scenario: unknown;
  log: readonly unknown[];
}

export interface CompareInput {
  a: RunInput;
  b: RunInput;
  /** Run both to this simulated time first (the lab's moment), then pause. */
  startAt: number;
  /** The lab's trace hash at startAt: run A must reproduce it. */
  labTraceHash?: string | null;
}

export interface CompareClock {
  /** The shared simulated time both runs have reached (or are stepping towards, while busy). */
  time: number;
  until: number | null;
  playing: boolean;
  speed: number;
  jump: { from: number; to: number } | null;
}

export interface ReportPair {
  a: Report;
  b: Report;
  /** Simulated ms both reports are at. */
  at: number;
}

export type CompareStatus = 'idle' | 'starting' | 'running' | 'error';

export interface CompareActions {
  start(input: CompareInput): void;
  /** Terminates both workers. */
  stop(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  jumpBy(ms: number): void;
  /** Forward only: both runs flat out (in lockstep steps) to atMs. */
  jumpTo(atMs: number): void;
  cancelJump(): void;
}

export interface CompareState {
  status: CompareStatus;
  runs: Record<RunId, AppStore> | null;
  clock: CompareClock;
  /** The latest pair of reports taken at the same moment. */
  reports: ReportPair | null;
  /** Run A's trace hash at the lab's moment vs the lab's: equal when A reproduces the lab. */
  labCheck: { at: number; lab: string; a: string } | null;
  error: string | null;
  actions: CompareActions;
}

export type CompareStore = StoreApi<CompareState>;

export interface CompareOptions {
  spawn: SpawnRun;
  /** Wall clock, ms. */
  now?: () => number;
  /** Runs fn on the next animation frame (the play loop's pace). */
  nextFrame?: (fn: () => void) => void;
  /** Options of each run's app store (tests ack frames at once). */
  runStore?: StoreOptions;
  /** Wall ms between report requests while time runs. */
  reportEveryMs?: number;
  /** Wall ms one jump step aims to take. */
  stepWallMs?: number;
  /** A jump goes in at least this many steps (default MIN_JUMP_STEPS). */
  minJumpSteps?: number;
}

const MAX_WALL_DELTA = 250;
/** A jump goes in at least this many steps, so the charts get samples along the way. */
const MIN_JUMP_STEPS = 60;
const EPS = 1e-4;
/** Whole microseconds, as the engine's clock counts: a run reaches exactly this time. */
const quantise = (t: number) => Math.round(t * 1000) / 1000;

const defaultNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
function defaultNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 16);
}

export function createCompareStore(options: CompareOptions): CompareStore {
  const now = options.now ?? defaultNow;
  const nextFrame = options.nextFrame ?? defaultNextFrame;
  const reportEveryMs = options.reportEveryMs ?? 500;
  const stepWallMs = options.stepWallMs ?? 150;
  const minJumpSteps = options.minJumpSteps ?? MIN_JUMP_STEPS;

  let ports: Record<RunId, RunPort> | null = null;
  let generation = 0;
  /** Per run: readies still expected before the run stands at 0, latest frame time, busy (mid-seek). */
  const run = {
    a: { readiesLeft: 0, now: -1, busy: true, report: null as Report | null, reportAt: -1 },
    b: { readiesLeft: 0, now: -1, busy: true, report: null as Report | null, reportAt: -1 },
  };
  /** A seek was sent and not yet reached by both. */
  let stepping = false;
  let stepStartWall = 0;
  let stepSpan = 0;
  let jumpStep = 0;
  let lastWall = 0;
  let lastReportWall = -Infinity;
  let frameQueued = false;
  let input: CompareInput | null = null;

  return createStore<CompareState>()((set, get) => {
    const clock = () => get().clock;
    const setClock = (patch: Partial<CompareClock>) => set({ clock: { ...clock(), ...patch } });
    const sendBoth = (msg: ToWorker) => {
      if (!ports) return;
      ports.a.send(msg);
      ports.b.send(msg);
    };

    const fail = (message: string) => {
      set({ error: message, status: get().status === 'running' ? 'running' : 'error' });
      setClock({ playing: false, jump: null });
    };

    const requestReports = (force: boolean) => {
      const wall = now();
      if (!force && wall - lastReportWall < reportEveryMs) return;
      lastReportWall = wall;
      sendBoth({ type: 'report' });
    };

    const seekBoth = (to: number) => {
      const t = quantise(to);
      stepping = true;
      stepStartWall = now();
      stepSpan = t - clock().time;
      run.a.busy = run.b.busy = true;
      setClock({ time: t });
      sendBoth({ type: 'seek', atMs: t });
    };

    const until = () => clock().until ?? Infinity;

    /** The next step of a jump: sized to take about stepWallMs, and at most 1/minJumpSteps of it. */
    const stepJump = () => {
      const c = clock();
      const j = c.jump;
      if (!j) return;
      if (c.time >= j.to - EPS) {
        setClock({ jump: null });
        requestReports(true);
        return;
      }
      const span = j.to - j.from;
      const step = Math.max(1, Math.min(jumpStep || span / minJumpSteps, span / minJumpSteps));
      seekBoth(Math.min(j.to, c.time + step));
    };

    const advancePlay = () => {
      frameQueued = false;
      const c = clock();
      if (!c.playing || stepping || c.jump || get().status !== 'running') return;
      const wall = now();
      const dt = Math.min(MAX_WALL_DELTA, Math.max(0, wall - lastWall));
      lastWall = wall;
      const target = Math.min(until(), c.time + dt * c.speed);
      if (target >= until() - EPS) setClock({ playing: false });
      if (target > c.time + EPS) seekBoth(target);
      else if (clock().playing) queueFrame();
      else requestReports(true);
    };

    const queueFrame = () => {
      if (frameQueued) return;
      frameQueued = true;
      const gen = generation;
      nextFrame(() => {
        if (gen !== generation) return;
        advancePlay();
      });
    };

    /** Both runs stand at the shared time: take reports, then the next step (if time runs). */
    const atBarrier = () => {
      const c = clock();
      const labCheckDue = input && get().labCheck === null && input.labTraceHash && Math.abs(c.time - input.startAt) < EPS;
      if (labCheckDue) {
        const a = get().runs?.a.getState().frame?.traceHash ?? '';
        set({ labCheck: { at: c.time, lab: input!.labTraceHash!, a } });
      }
      if (c.jump) {
        const took = Math.max(16, now() - stepStartWall);
        // Grow or shrink the step towards stepWallMs of work, at most fourfold at a time.
        const ideal = (stepSpan / took) * stepWallMs;
        jumpStep = Math.max(stepSpan / 4, Math.min(stepSpan * 4, ideal));
        requestReports(false);
        stepJump();
        return;
      }
      if (c.playing) {
        requestReports(false);
        queueFrame();
        return;
      }
      requestReports(true);
    };

    const checkBarrier = () => {
      if (!stepping) return;
      const t = clock().time;
      if (run.a.busy || run.b.busy || run.a.now < t - EPS || run.b.now < t - EPS) return;
      stepping = false;
      atBarrier();
    };

    const onReady = (id: RunId) => {
      const r = run[id];
      if (r.readiesLeft <= 0) return;
      r.readiesLeft--;
      // A run created with a command log stands at its last command: go back to 0 (the host
      // re-runs from the start and replays the commands as time reaches them).
      if (r.readiesLeft === 1) ports?.[id].send({ type: 'seek', atMs: 0 });
    };

    const maybeStarted = () => {
      if (get().status !== 'starting') return;
      if (run.a.readiesLeft > 0 || run.b.readiesLeft > 0 || run.a.now !== 0 || run.b.now !== 0) return;
      set({ status: 'running' });
      if (input && input.startAt > 0) {
        jumpStep = 0;
        setClock({ jump: { from: 0, to: Math.min(until(), input.startAt) } });
        stepJump();
      } else requestReports(true);
    };

    const onReport = (id: RunId, report: Report, at: number) => {
      run[id].report = report;
      run[id].reportAt = at;
      const { a, b } = run;
      if (a.report && b.report && Math.abs(a.reportAt - b.reportAt) < EPS) set({ reports: { a: a.report, b: b.report, at: a.reportAt } });
    };

    const receive = (id: RunId, gen: number, msg: UiMessage) => {
      if (gen !== generation) return;
      const runs = get().runs;
      if (!runs) return;
      if (msg.type === 'report') {
        onReport(id, msg.report, msg.now);
        return;
      }
      runs[id].getState().actions.receive(msg);
      if (msg.type === 'ready' || msg.type === 'rewound') {
        onReady(id);
        return;
      }
      if (msg.type === 'error') {
        fail(`Run ${id.toUpperCase()}: ${msg.message}`);
        return;
      }
      if (msg.type !== 'frame') return;
      const f = msg.frame;
      const r = run[id];
      r.now = f.now;
      r.busy = f.jumpProgress !== null;
      if (clock().until === null || clock().until !== f.until) setClock({ until: f.until });
      if (get().status === 'starting') {
        maybeStarted();
        return;
      }
      checkBarrier();
    };

    const stop = () => {
      generation++;
      ports?.a.terminate();
      ports?.b.terminate();
      ports = null;
      stepping = false;
      frameQueued = false;
    };

    const actions: CompareActions = {
      start(next) {
        stop();
        const gen = generation;
        input = next;
        for (const id of RUN_IDS) {
          Object.assign(run[id], { readiesLeft: next[id].log.length > 0 ? 2 : 1, now: -1, busy: true, report: null, reportAt: -1 });
        }
        jumpStep = 0;
        lastReportWall = -Infinity;
        const spawned: Partial<Record<RunId, RunPort>> = {};
        const stores: Partial<Record<RunId, AppStore>> = {};
        for (const id of RUN_IDS) {
          const port = options.spawn((msg) => receive(id, gen, msg));
          spawned[id] = port;
          stores[id] = createAppStore((m) => port.send(m), options.runStore);
        }
        ports = spawned as Record<RunId, RunPort>;
        set({
          status: 'starting',
          runs: stores as Record<RunId, AppStore>,
          reports: null,
          labCheck: null,
          error: null,
          clock: { time: 0, until: null, playing: false, speed: clock().speed, jump: null },
        });
        for (const id of RUN_IDS) stores[id]!.getState().actions.init(next[id].scenario, next[id].log.length > 0 ? next[id].log : undefined);
      },
      stop() {
        stop();
        set({ status: 'idle', runs: null, reports: null, labCheck: null });
      },
      play() {
        const c = clock();
        if (get().status !== 'running' || c.time >= until() - EPS) return;
        setClock({ playing: true, jump: null });
        lastWall = now();
        if (!stepping) queueFrame();
      },
      pause() {
        setClock({ playing: false, jump: null });
        if (!stepping) requestReports(true);
      },
      togglePlay() {
        if (clock().playing || clock().jump) get().actions.pause();
        else get().actions.play();
      },
      setSpeed(speed) {
        if (Number.isFinite(speed) && speed > 0) setClock({ speed });
      },
      jumpBy(ms) {
        if (!(ms > 0)) return;
        const c = clock();
        get().actions.jumpTo((c.jump ? c.jump.to : c.time) + ms);
      },
      jumpTo(atMs) {
        const c = clock();
        if (get().status !== 'running' || Number.isNaN(atMs)) return;
        const to = Math.min(until(), atMs);
        if (to <= c.time + EPS) return;
        jumpStep = 0;
        setClock({ playing: false, jump: { from: c.time, to } });
        if (!stepping) stepJump();
      },
      cancelJump() {
        setClock({ jump: null });
        if (!stepping) requestReports(true);
      },
    };

    return {
      status: 'idle',
      runs: null,
      clock: { time: 0, until: null, playing: false, speed: 10, jump: null },
      reports: null,
      labCheck: null,
      error: null,
      actions,
    };
  });
}
