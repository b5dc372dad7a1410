// Runs lessons and interview demos inside the worker, on the live simulation the host paces.
// A step's actions go through the host's ordinary command path (so they land in the command log,
// share links and exported sessions reproduce them); `advanceMs` runs as a host jump (flat out,
// with the progress bar); then the check runs here and the verdict is posted. Function commands
// are resolved against the live state, which is why this runs in the worker and not in the UI.
import { findLesson, probeOf, WARM_UP_MS, type Lesson, type LessonAction } from '../lessons';
import type { Command, FromWorker, LessonKind, LessonRequest, LessonStatus, LessonVerdict, Simulation } from '../protocol';

/** What the runner needs from the host. */
export interface LessonHostControl {
  /** A fresh simulation from the scenario, as an `init` message would; false if it was refused. */
  init(scenario: unknown): boolean;
  simulation(): Simulation | null;
  /** Applies a command exactly as a user's `command` message does. */
  command(command: Command): void;
  /** Starts a flat-out jump by ms; the host calls `jumpDone` when it ends. */
  jumpBy(ms: number): void;
  /** Stops the pacing loop (a lesson's steps run paused). */
  pause(): void;
  post(msg: FromWorker): void;
}

export interface LessonRunner {
  handle(msg: LessonRequest): void;
  /** The host's jump reached its target. */
  jumpDone(): void;
  /** Something the user did cut a running step short (pause, cancel, another jump, a step, a seek). */
  interrupt(what: string): void;
  /** Time travel or the like: the simulation no longer is "after the steps run so far". */
  invalidate(): void;
  /** The sandbox was re-initialised from outside: no lesson any more. */
  leave(): void;
  readonly active: boolean;
}

type Task =
  | { kind: 'action'; action: LessonAction }
  | { kind: 'check'; step: number }
  /** The earlier steps are replayed: the step itself starts now. */
  | { kind: 'begin'; step: number }
  | { kind: 'done'; ranThrough: number };

export function createLessonRunner(host: LessonHostControl): LessonRunner {
  let lesson: Lesson | null = null;
  let status: LessonStatus | null = null;
  let queue: Task[] = [];
  /** A jump started by the runner is running. */
  let waiting = false;

  const post = () => host.post({ type: 'lessonStatus', status: status ? { ...status, verdicts: [...status.verdicts] } : null });
  const error = (message: string) => host.post({ type: 'error', message });

  function set(patch: Partial<LessonStatus>): void {
    if (!status) return;
    status = { ...status, ...patch };
    post();
  }

  function stopShort(message: string): void {
    queue = [];
    waiting = false;
    set({ phase: 'ready', busyStep: null, ranThrough: null, message });
  }

  /** Runs queued tasks until one waits for a jump, or the queue is empty. */
  function pump(): void {
    while (status && lesson && !waiting) {
      const task = queue.shift();
      if (!task) return;
      const sim = host.simulation();
      if (!sim) return stopShort('There is no simulation to run the step on.');
      try {
        if (task.kind === 'action') {
          const a = task.action;
          if ('advanceMs' in a) {
            if (a.advanceMs <= 0) continue;
            if (sim.now + a.advanceMs > sim.until) return stopShort('The step would run past the end of the scenario.');
            waiting = true;
            host.jumpBy(a.advanceMs);
          } else {
            host.command(typeof a.command === 'function' ? a.command(probeOf(sim)) : a.command);
          }
        } else if (task.kind === 'check') {
          const check = lesson.steps[task.step]!.check;
          const seen = check.verify(probeOf(sim));
          const verdict: LessonVerdict = { step: task.step, claim: check.claim, pass: seen === true, seen: seen === true ? null : seen };
          const verdicts = [...status.verdicts];
          verdicts[task.step] = verdict;
          status = { ...status, verdicts };
        } else if (task.kind === 'begin') {
          set({ phase: 'running', busyStep: task.step });
        } else {
          set({ phase: 'ready', busyStep: null, ranThrough: task.ranThrough, message: null });
        }
      } catch (err) {
        return stopShort(`The step could not run: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Tasks that run steps from … to − 1 (each followed by its check). */
  function stepTasks(from: number, to: number): Task[] {
    const out: Task[] = [];
    for (let i = from; i < to; i++) {
      for (const action of lesson!.steps[i]!.actions) out.push({ kind: 'action', action });
      out.push({ kind: 'check', step: i });
    }
    return out;
  }

  /** Rebuilds the lesson's simulation, warms it up, re-runs steps before `upTo`, then `then`. */
  function rebuild(upTo: number, then: Task[], phase: LessonStatus['phase'], busyStep: number | null): boolean {
    if (!lesson || !host.init(lesson.scenario)) return false;
    queue = [{ kind: 'action', action: { advanceMs: WARM_UP_MS } }, ...stepTasks(0, upTo), ...then];
    waiting = false;
    set({ phase, busyStep, ranThrough: null, message: null });
    pump();
    return true;
  }

  function start(kind: LessonKind, id: string): void {
    const found = typeof id === 'string' ? findLesson(kind, id) : undefined;
    if (!found || (kind !== 'lesson' && kind !== 'interview')) {
      error(`lesson.id: no ${kind === 'interview' ? 'interview question' : 'lesson'} "${String(id).slice(0, 60)}"`);
      return;
    }
    lesson = found;
    status = {
      kind, id, title: found.title, stepCount: found.steps.length,
      phase: 'preparing', busyStep: 0, ranThrough: null,
      verdicts: found.steps.map(() => null), message: null,
    };
    if (!rebuild(0, [{ kind: 'done', ranThrough: 0 }], 'preparing', 0)) {
      lesson = null;
      status = null;
      post();
    }
  }

  function run(step: number): void {
    if (!lesson || !status) return error('lesson: no lesson is running');
    if (!Number.isInteger(step) || step < 0 || step >= lesson.steps.length) return error(`lesson.step: expected 0..${lesson.steps.length - 1}, got ${String(step)}`);
    if (status.phase !== 'ready') return error('lesson: a step is already running');
    host.pause();
    const tail: Task[] = [...stepTasks(step, step + 1), { kind: 'done', ranThrough: step + 1 }];
    if (status.ranThrough === step) {
      queue = tail;
      set({ phase: 'running', busyStep: step, message: null });
      pump();
      return;
    }
    // Out of order (a step skipped, or run again): rebuild deterministically up to it.
    const verdicts = status.verdicts.map((v, i) => (i >= step ? null : v));
    status = { ...status, verdicts };
    rebuild(step, [{ kind: 'begin', step }, ...tail], 'preparing', step);
  }

  return {
    handle(msg) {
      switch (msg.op) {
        case 'start':
          start(msg.kind, msg.id);
          return;
        case 'run':
          run(msg.step);
          return;
        case 'leave':
          queue = [];
          waiting = false;
          lesson = null;
          status = null;
          post();
          return;
        default: {
          const unknown: { op?: unknown } = msg;
          error(`lesson.op: unknown operation ${String(unknown.op)}`);
        }
      }
    },
    jumpDone() {
      if (!waiting) return;
      waiting = false;
      pump();
    },
    interrupt(what) {
      if (!status || status.phase === 'ready') return;
      const step = status.busyStep ?? 0;
      stopShort(`Stopped: ${what} cut step ${step + 1} short, so its check did not run. Run it again to replay the lesson up to it.`);
    },
    invalidate() {
      if (!status || status.phase !== 'ready' || status.ranThrough === null) return;
      set({ ranThrough: null });
    },
    leave() {
      if (!status) return;
      queue = [];
      waiting = false;
      lesson = null;
      status = null;
      post();
    },
    get active() {
      return status !== null;
    },
  };
}
