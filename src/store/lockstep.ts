// The Compare view's shared clock: it moves both runs to the same simulated time T (a `seek`
// forward), waits until both have reached it (the barrier), and only then picks the next T — so
// the two runs are never more than one step apart, and every step ends with a chart sample at the
// same moment in both. Functions over one mutable context (`Lockstep`), used by ./compare's slices.
import type { StoreApi } from 'zustand/vanilla';
import type { Report, ToWorker, UiMessage } from '../protocol';
import type { CompareClock, CompareInput, CompareOptions, CompareState, RunId, RunPort } from './compareTypes';

const MAX_WALL_DELTA = 250;
export const EPS = 1e-4;
/** Whole microseconds, as the engine's clock counts: a run reaches exactly this time. */
const quantise = (t: number) => Math.round(t * 1000) / 1000;

/** One run as the clock sees it. */
export interface RunProgress {
  /** Readies still expected before the run stands at 0. */
  readiesLeft: number;
  /** The latest frame's time. */
  now: number;
  /** Mid-seek. */
  busy: boolean;
  report: Report | null;
  reportAt: number;
}

export interface Lockstep {
  set: StoreApi<CompareState>['setState'];
  get: () => CompareState;
  options: Required<Omit<CompareOptions, 'runStore'>> & Pick<CompareOptions, 'runStore'>;
  ports: Record<RunId, RunPort> | null;
  /** Bumped when the runs stop: messages and frames of an older generation are ignored. */
  generation: number;
  run: Record<RunId, RunProgress>;
  /** A seek was sent and not yet reached by both. */
  stepping: boolean;
  stepStartWall: number;
  stepSpan: number;
  jumpStep: number;
  lastWall: number;
  lastReportWall: number;
  frameQueued: boolean;
  input: CompareInput | null;
}

export const freshRun = (): RunProgress => ({ readiesLeft: 0, now: -1, busy: true, report: null, reportAt: -1 });

export const clockOf = (k: Lockstep) => k.get().clock;
export const setClock = (k: Lockstep, patch: Partial<CompareClock>) => k.set({ clock: { ...clockOf(k), ...patch } });
export const untilOf = (k: Lockstep) => clockOf(k).until ?? Infinity;

export function sendBoth(k: Lockstep, msg: ToWorker): void {
  if (!k.ports) return;
  k.ports.a.send(msg);
  k.ports.b.send(msg);
}

export function fail(k: Lockstep, message: string): void {
  k.set({ error: message, status: k.get().status === 'running' ? 'running' : 'error' });
  setClock(k, { playing: false, jump: null });
}

export function requestReports(k: Lockstep, force: boolean): void {
  const wall = k.options.now();
  if (!force && wall - k.lastReportWall < k.options.reportEveryMs) return;
  k.lastReportWall = wall;
  sendBoth(k, { type: 'report' });
}

function seekBoth(k: Lockstep, to: number): void {
  const t = quantise(to);
  k.stepping = true;
  k.stepStartWall = k.options.now();
  k.stepSpan = t - clockOf(k).time;
  k.run.a.busy = k.run.b.busy = true;
  setClock(k, { time: t });
  sendBoth(k, { type: 'seek', atMs: t });
}

/** The next step of a jump: sized to take about stepWallMs, and at most 1/minJumpSteps of it. */
export function stepJump(k: Lockstep): void {
  const c = clockOf(k);
  const j = c.jump;
  if (!j) return;
  if (c.time >= j.to - EPS) {
    setClock(k, { jump: null });
    requestReports(k, true);
    return;
  }
  const span = j.to - j.from;
  const most = span / k.options.minJumpSteps;
  const step = Math.max(1, Math.min(k.jumpStep || most, most));
  seekBoth(k, Math.min(j.to, c.time + step));
}

/** While playing: the next step covers the wall time since the last one, times the speed. */
function advancePlay(k: Lockstep): void {
  k.frameQueued = false;
  const c = clockOf(k);
  if (!c.playing || k.stepping || c.jump || k.get().status !== 'running') return;
  const wall = k.options.now();
  const dt = Math.min(MAX_WALL_DELTA, Math.max(0, wall - k.lastWall));
  k.lastWall = wall;
  const target = Math.min(untilOf(k), c.time + dt * c.speed);
  if (target >= untilOf(k) - EPS) setClock(k, { playing: false });
  if (target > c.time + EPS) seekBoth(k, target);
  else if (clockOf(k).playing) queueFrame(k);
  else requestReports(k, true);
}

export function queueFrame(k: Lockstep): void {
  if (k.frameQueued) return;
  k.frameQueued = true;
  const gen = k.generation;
  k.options.nextFrame(() => {
    if (gen !== k.generation) return;
    advancePlay(k);
  });
}

/** At the lab's moment, once: run A's trace hash against the lab's. */
function checkLab(k: Lockstep, time: number): void {
  const input = k.input;
  if (!input || k.get().labCheck !== null || !input.labTraceHash || !(Math.abs(time - input.startAt) < EPS)) return;
  const a = k.get().runs?.a.getState().frame?.traceHash ?? '';
  k.set({ labCheck: { at: time, lab: input.labTraceHash, a } });
}

/** Both runs stand at the shared time: take reports, then the next step (if time runs). */
function atBarrier(k: Lockstep): void {
  const c = clockOf(k);
  checkLab(k, c.time);
  if (c.jump) {
    const took = Math.max(16, k.options.now() - k.stepStartWall);
    // Grow or shrink the step towards stepWallMs of work, at most fourfold at a time.
    const ideal = (k.stepSpan / took) * k.options.stepWallMs;
    k.jumpStep = Math.max(k.stepSpan / 4, Math.min(k.stepSpan * 4, ideal));
    requestReports(k, false);
    stepJump(k);
    return;
  }
  if (c.playing) {
    requestReports(k, false);
    queueFrame(k);
    return;
  }
  requestReports(k, true);
}

function checkBarrier(k: Lockstep): void {
  if (!k.stepping) return;
  const t = clockOf(k).time;
  const { a, b } = k.run;
  if (a.busy || b.busy || a.now < t - EPS || b.now < t - EPS) return;
  k.stepping = false;
  atBarrier(k);
}

function onReady(k: Lockstep, id: RunId): void {
  const r = k.run[id];
  if (r.readiesLeft <= 0) return;
  r.readiesLeft--;
  // A run created with a command log stands at its last command: go back to 0 (the host
  // re-runs from the start and replays the commands as time reaches them).
  if (r.readiesLeft === 1) k.ports?.[id].send({ type: 'seek', atMs: 0 });
}

/** Both runs stand at 0: the comparison runs, first to the lab's moment if there is one. */
function maybeStarted(k: Lockstep): void {
  const { a, b } = k.run;
  if (k.get().status !== 'starting') return;
  if (a.readiesLeft > 0 || b.readiesLeft > 0 || a.now !== 0 || b.now !== 0) return;
  k.set({ status: 'running' });
  if (k.input && k.input.startAt > 0) {
    k.jumpStep = 0;
    setClock(k, { jump: { from: 0, to: Math.min(untilOf(k), k.input.startAt) } });
    stepJump(k);
  } else requestReports(k, true);
}

function onReport(k: Lockstep, id: RunId, report: Report, at: number): void {
  k.run[id].report = report;
  k.run[id].reportAt = at;
  const { a, b } = k.run;
  if (a.report && b.report && Math.abs(a.reportAt - b.reportAt) < EPS) k.set({ reports: { a: a.report, b: b.report, at: a.reportAt } });
}

/** A message from run `id`'s worker (of generation `gen`): into its app store, then the clock. */
export function receive(k: Lockstep, id: RunId, gen: number, msg: UiMessage): void {
  if (gen !== k.generation) return;
  const runs = k.get().runs;
  if (!runs) return;
  if (msg.type === 'report') return onReport(k, id, msg.report, msg.now);
  runs[id].getState().actions.receive(msg);
  if (msg.type === 'ready' || msg.type === 'rewound') return onReady(k, id);
  if (msg.type === 'error') return fail(k, `Run ${id.toUpperCase()}: ${msg.message}`);
  if (msg.type !== 'frame') return;
  const r = k.run[id];
  r.now = msg.frame.now;
  r.busy = msg.frame.jumpProgress !== null;
  if (clockOf(k).until === null || clockOf(k).until !== msg.frame.until) setClock(k, { until: msg.frame.until });
  if (k.get().status === 'starting') maybeStarted(k);
  else checkBarrier(k);
}

/** Terminates both workers; whatever they still send is ignored. */
export function stopRuns(k: Lockstep): void {
  k.generation++;
  k.ports?.a.terminate();
  k.ports?.b.terminate();
  k.ports = null;
  k.stepping = false;
  k.frameQueued = false;
}
