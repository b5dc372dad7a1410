// Runs lessons and interview demos inside the worker, on the live simulation the host paces.
// A step's actions go through the host's ordinary command path (so they land in the command log,
// share links and exported sessions reproduce them); each `advanceMs` runs as a host jump — a
// beat, paced by ./lessonPlay when the step plays, else flat out with the progress bar; then the
// check runs here and the verdict is posted. Function commands are resolved against the live
// state, which is why this runs in the worker and not in the UI.
import { findLesson, probeOf, WARM_UP_MS, type Lesson, type LessonAction } from '../lessons';
import { lessonKeys, placementOf } from '../lessons/narration';
import type { Command, FromWorker, LessonKind, LessonPlay, LessonRequest, LessonStatus, LessonVerdict, LogEvent, Simulation } from '../protocol';
import type { JumpPace } from './jumpPace';
import { beatStatus, createPlay, hear, nextPace, skip, type StepPlay } from './lessonPlay';

/** What the runner needs from the host. */
export interface LessonHostControl {
  /** A fresh simulation from the scenario, as an `init` message would; false if it was refused. */
  init(scenario: unknown): boolean;
  simulation(): Simulation | null;
  /** Applies a command exactly as a user's `command` message does. */
  command(command: Command): void;
  /** Starts a jump by ms, flat out or at `pace`; the host calls `jumpDone` when it ends. */
  jumpBy(ms: number, pace?: JumpPace): void;
  /** Stops the pacing loop (a lesson's steps run paused). */
  pause(): void;
  /** Drains the engine's new log events now (through `heard`), so a step's last captions precede its check. */
  collect(): void;
  post(msg: FromWorker): void;
}

export interface LessonRunner {
  handle(msg: LessonRequest): void;
  /** The host's jump reached its target. */
  jumpDone(): void;
  /** Something the user did cut a running step short (cancel, another jump, a step, a seek; pause in a flat-out step). */
  interrupt(what: string): void;
  /** Pause (true) or play (false) while a step plays: its beat holds or goes on. False: no step plays, not consumed. */
  hold(on: boolean): boolean;
  /** Engine log events as the host drains them: the playing step's captions. */
  heard(events: readonly LogEvent[]): void;
  /** Time travel or the like: the simulation no longer is "after the steps run so far". */
  invalidate(): void;
  /** The sandbox was re-initialised from outside: no lesson any more. */
  leave(): void;
  readonly active: boolean;
}

type Task =
  | { kind: 'action'; action: LessonAction }
  | { kind: 'check'; step: number }
  /** The earlier steps are replayed: the step itself starts now (played as asked). */
  | { kind: 'begin'; step: number; play: LessonPlay | null }
  | { kind: 'done'; ranThrough: number };

/** The runner's state: the lesson, its status as the UI sees it, and the tasks left of a step. */
interface Runner {
  readonly host: LessonHostControl;
  lesson: Lesson | null;
  status: LessonStatus | null;
  queue: Task[];
  /** A jump started by the runner is running. */
  waiting: boolean;
  /** The running step's beats and captions (also the last step's captions once it is done). */
  play: StepPlay | null;
  /** The pace of the beat running now. */
  pace: JumpPace | null;
}

const postStatus = (r: Runner) => r.host.post({ type: 'lessonStatus', status: r.status ? { ...r.status, verdicts: [...r.status.verdicts] } : null });

/** The play's captions and beat, into the status the UI sees. */
function playChanged(r: Runner): void {
  if (!r.status || !r.play) return;
  r.status = { ...r.status, captions: r.play.captions, beat: r.status.phase === 'running' ? beatStatus(r.play) : null };
  postStatus(r);
}
const error = (r: Runner, message: string) => r.host.post({ type: 'error', message });

function set(r: Runner, patch: Partial<LessonStatus>): void {
  if (!r.status) return;
  r.status = { ...r.status, ...patch };
  postStatus(r);
}

function stopShort(r: Runner, message: string): void {
  r.queue = [];
  r.waiting = false;
  r.pace = null;
  set(r, { phase: 'ready', busyStep: null, ranThrough: null, message, beat: null });
}

/** No lesson any more (left, or the sandbox was re-initialised). */
function clear(r: Runner): void {
  r.queue = [];
  r.waiting = false;
  r.lesson = null;
  r.status = null;
  r.play = null;
  r.pace = null;
  postStatus(r);
}

/** Records a step's verdict from its check on the live state. */
function check(r: Runner, lesson: Lesson, status: LessonStatus, sim: Simulation, step: number): void {
  const c = lesson.steps[step]!.check;
  const seen = c.verify(probeOf(sim));
  const verdict: LessonVerdict = { step, claim: c.claim, pass: seen === true, seen: seen === true ? null : seen };
  const verdicts = [...status.verdicts];
  verdicts[step] = verdict;
  r.status = { ...status, verdicts };
}

/** Runs one action: a command through the host, or an advance as a host jump. False: stopped short. */
function act(r: Runner, sim: Simulation, a: LessonAction): boolean {
  if ('advanceMs' in a) {
    if (a.advanceMs <= 0) return true;
    if (sim.now + a.advanceMs > sim.until) {
      stopShort(r, 'The step would run past the end of the scenario.');
      return false;
    }
    r.waiting = true;
    r.pace = r.play ? (nextPace(r.play) ?? null) : null;
    r.host.jumpBy(a.advanceMs, r.pace ?? undefined);
  } else {
    const c = typeof a.command === 'function' ? a.command(probeOf(sim)) : a.command;
    r.host.command(c);
    // A key the lesson had not named (a workload's, a generated one) is placed for the captions too.
    if (r.play && (c.type === 'write' || c.type === 'read') && !r.play.placement.keys.some((k) => k.key === c.key)) {
      r.play.placement = { keys: [...r.play.placement.keys, ...placementOf([c.key], probeOf(sim)).keys] };
    }
  }
  return true;
}

/** The step starts to play: its beats and a fresh list of captions. */
function begin(r: Runner, lesson: Lesson, sim: Simulation, step: number, play: LessonPlay | null): void {
  const p = probeOf(sim);
  r.play = createPlay(play, lesson.steps[step]!, placementOf(lessonKeys(lesson.steps, p), p), sim.now, () => playChanged(r));
  r.status = r.status && { ...r.status, captions: [] };
  set(r, { phase: 'running', busyStep: step, beat: null });
}

/** Runs one task; false when the run stopped short. */
function runTask(r: Runner, lesson: Lesson, status: LessonStatus, sim: Simulation, task: Task): boolean {
  switch (task.kind) {
    case 'action':
      return act(r, sim, task.action);
    case 'check':
      r.host.collect();
      check(r, lesson, r.status ?? status, sim, task.step);
      return true;
    case 'begin':
      begin(r, lesson, sim, task.step, task.play);
      return true;
    case 'done':
      r.pace = null;
      set(r, { phase: 'ready', busyStep: null, ranThrough: task.ranThrough, message: null, beat: null });
      return true;
  }
}

/** Runs queued tasks until one waits for a jump, or the queue is empty. */
function pump(r: Runner): void {
  while (r.status && r.lesson && !r.waiting) {
    const task = r.queue.shift();
    if (!task) return;
    const sim = r.host.simulation();
    if (!sim) return stopShort(r, 'There is no simulation to run the step on.');
    try {
      if (!runTask(r, r.lesson, r.status, sim, task)) return;
    } catch (err) {
      return stopShort(r, `The step could not run: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Tasks that run steps from … to − 1 (each followed by its check). */
function stepTasks(lesson: Lesson, from: number, to: number): Task[] {
  const out: Task[] = [];
  for (let i = from; i < to; i++) {
    for (const action of lesson.steps[i]!.actions) out.push({ kind: 'action', action });
    out.push({ kind: 'check', step: i });
  }
  return out;
}

/** Rebuilds the lesson's simulation, warms it up, re-runs steps before `upTo`, then `then`. */
function rebuild(r: Runner, upTo: number, then: Task[], phase: LessonStatus['phase'], busyStep: number | null): boolean {
  const lesson = r.lesson;
  if (!lesson || !r.host.init(lesson.scenario)) return false;
  r.queue = [{ kind: 'action', action: { advanceMs: WARM_UP_MS } }, ...stepTasks(lesson, 0, upTo), ...then];
  r.waiting = false;
  set(r, { phase, busyStep, ranThrough: null, message: null });
  pump(r);
  return true;
}

/** The key the lesson writes or reads, for the key inspector (null: none, or it could not be placed). */
function keyOf(r: Runner, lesson: Lesson): string | null {
  const sim = r.host.simulation();
  if (!sim) return null;
  try {
    return lessonKeys(lesson.steps, probeOf(sim))[0] ?? null;
  } catch {
    return null;
  }
}

function start(r: Runner, kind: LessonKind, id: string): void {
  const found = findLesson(kind, id);
  if (!found) return error(r, `lesson.id: no ${kind === 'interview' ? 'interview question' : 'lesson'} "${id.slice(0, 60)}"`);
  r.lesson = found;
  r.play = null;
  r.status = {
    kind, id, title: found.title, stepCount: found.steps.length,
    phase: 'preparing', busyStep: 0, ranThrough: null,
    verdicts: found.steps.map(() => null), message: null, key: null, captions: [], beat: null,
  };
  if (!rebuild(r, 0, [{ kind: 'done', ranThrough: 0 }], 'preparing', 0)) {
    r.lesson = null;
    r.status = null;
    postStatus(r);
    return;
  }
  set(r, { key: keyOf(r, found) });
}

function run(r: Runner, step: number, play: LessonPlay | null): void {
  const { lesson, status } = r;
  if (!lesson || !status) return error(r, 'lesson: no lesson is running');
  if (step >= lesson.steps.length) return error(r, `lesson.step: expected 0..${lesson.steps.length - 1}, got ${String(step)}`);
  if (status.phase !== 'ready') return error(r, 'lesson: a step is already running');
  r.host.pause();
  const tail: Task[] = [{ kind: 'begin', step, play }, ...stepTasks(lesson, step, step + 1), { kind: 'done', ranThrough: step + 1 }];
  if (status.ranThrough === step) {
    r.queue = tail;
    set(r, { message: null });
    pump(r);
    return;
  }
  // Out of order (a step skipped, or run again): rebuild deterministically (flat out) up to it.
  r.status = { ...status, verdicts: status.verdicts.map((v, i) => (i >= step ? null : v)) };
  r.play = null;
  rebuild(r, step, tail, 'preparing', step);
}

/** Pause, resume or skip the playing step; false when no step plays (the request is refused). */
function control(r: Runner, op: 'pause' | 'resume' | 'skip'): boolean {
  const play = r.play;
  if (!play || !r.status || r.status.phase !== 'running') return false;
  if (op === 'skip') skip(play, r.pace);
  else {
    play.held = op === 'pause';
    playChanged(r);
  }
  return true;
}

/** The runner; requests come checked by the protocol (protocol/validate): a known op, a kind, a step ≥ 0. */
export function createLessonRunner(host: LessonHostControl): LessonRunner {
  const r: Runner = { host, lesson: null, status: null, queue: [], waiting: false, play: null, pace: null };
  return {
    handle(msg) {
      if (msg.op === 'start') start(r, msg.kind, msg.id);
      else if (msg.op === 'run') run(r, msg.step, msg.play ?? null);
      else if (msg.op === 'leave') clear(r);
      else if (!control(r, msg.op)) error(r, `lesson: no step is playing to ${msg.op}`);
    },
    jumpDone() {
      if (!r.waiting) return;
      r.waiting = false;
      r.pace = null;
      pump(r);
    },
    interrupt(what) {
      if (!r.status || r.status.phase === 'ready') return;
      const step = r.status.busyStep ?? 0;
      stopShort(r, `Stopped: ${what} cut step ${step + 1} short, so its check did not run. Run it again to replay the lesson up to it.`);
    },
    hold(on) {
      if (!r.play?.mode || r.status?.phase !== 'running') return false;
      return control(r, on ? 'pause' : 'resume');
    },
    heard(events) {
      if (r.play && r.status?.phase === 'running' && events.length > 0) hear(r.play, events);
    },
    invalidate() {
      if (!r.status || r.status.phase !== 'ready' || r.status.ranThrough === null) return;
      set(r, { ranThrough: null });
    },
    leave() {
      if (r.status) clear(r);
    },
    get active() {
      return r.status !== null;
    },
  };
}
