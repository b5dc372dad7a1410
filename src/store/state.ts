// The app store's shape: what the worker last reported, plus view state (selection, errors), and
// the actions the UI calls. The UI never changes the simulation here; actions only send ToWorker messages.
import type { StoreApi } from 'zustand/vanilla';
import type { ClusterInfo, Command, Frame, FromWorker, LessonKind, LessonPlay, LessonStatus, LogEvent, MetricsSample, UiMessage } from '../protocol';
import type { Flash, MessageGroup } from './instrument';
import type { FailureCause, WorkerControl, WorkerFailure } from './workerLink';

/** A session as the worker exports it: scenario, command log, trace hash, moment. */
export type SessionMessage = Extract<FromWorker, { type: 'session' }>;

/**
 * After the worker failed. `failed`: it is gone, Restart is offered; `restarting`: a fresh worker
 * rebuilds the last good session (or a fresh cluster); `restored`: it is back, paused at its moment;
 * `failedAgain`: the fresh worker failed on the same session too, a fresh cluster is offered.
 */
export type RecoveryPhase = 'failed' | 'restarting' | 'restored' | 'failedAgain';

export interface Recovery {
  phase: RecoveryPhase;
  cause: FailureCause;
  /** The raw detail of the failure. */
  detail: string;
  /** What Restart reopens: the last good session's size and moment; null: a fresh default cluster. */
  session: { commands: number; now: number; traceHash: string } | null;
}

/** Events kept for the log view, newest first. */
export const LOG_LIMIT = 200;

export interface AppActions {
  /** Feeds one message from the worker, unpacked, into the store (acks frames). */
  receive(msg: UiMessage): void;
  init(scenario: unknown, log?: unknown): void;
  /** Asks the worker for the session (scenario + command log); it arrives as `session`. */
  exportSession(): void;
  /** Asks the worker for the report at this moment; it arrives as `report`. */
  exportReport(): void;
  /** Stops the worker rebuilding an imported session (the running one stays). */
  cancelImport(): void;
  /** Restarts with a new scenario and plays it: init, then play. A rejected scenario leaves the running one as it was. */
  applyScenario(scenario: unknown): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  step(): void;
  jump(byMs: number): void;
  /** Runs flat out to the simulated time atMs; a time already passed is a seek back. */
  jumpTo(atMs: number): void;
  cancelJump(): void;
  /** Time travel: go to the simulated moment atMs (back: re-run from a checkpoint; `id` is echoed in frames as seekId). */
  seek(atMs: number, id?: number): void;
  command(command: Command): void;
  select(node: string | null): void;
  /** Turns the ring's cut gesture on or off. */
  setCutting(on: boolean): void;
  /** Asks the worker to report this key in every frame (null stops). */
  inspect(key: string | null): void;
  /** Shows or hides one kind of message on the canvas. */
  setMessageGroupVisible(group: MessageGroup, visible: boolean): void;
  /** Makes the traffic to and from a node stand out on the canvas for a moment. */
  flashNode(node: string | null): void;
  showError(message: string): void;
  dismissError(): void;
  /**
   * Starts a lesson or interview question (the worker builds its scenario, which it knows too;
   * `scenario` is what Settings and the store record as running). With `runThrough` n, steps
   * 1 … n run as soon as it is ready and step n is shown.
   */
  startLesson(kind: LessonKind, id: string, scenario: unknown, runThrough?: number): void;
  /** Runs one step (0-based) in the worker, playing its beats (or still, with reduced motion); its verdict arrives in `lesson`. */
  runLessonStep(step: number, play?: LessonPlay): void;
  /** The playing step: hold its beat, go on, or skip to its result (the rest flat out). */
  lessonControl(op: 'pause' | 'resume' | 'skip'): void;
  /** Which step the player shows (0-based). */
  showLessonStep(step: number): void;
  /** The candidate's prediction for the interview question (index of a choice). */
  predict(choice: number | null): void;
  leaveLesson(): void;
  setPresenter(on: boolean): void;
  /** The worker died (its error event, an allocation failure, no answer): end it and offer Restart. */
  workerFailed(failure: WorkerFailure): void;
  /** A fresh worker on the last good session, run to its moment and paused (a fresh cluster if there is none). */
  restartWorker(): void;
  /** A fresh worker on the default cluster, playing (when the last good session fails again). */
  startFresh(): void;
  dismissRecovery(): void;
  /** Called every few wall seconds: probes a quiet worker, and fails one that has not answered in time. */
  checkHealth(): void;
}

export interface AppState {
  cluster: ClusterInfo | null;
  /**
   * The latest frame, replaced up to 60 times a second: for readers outside React's render
   * (the message canvas reads it every animation frame). Panels read `view`.
   */
  frame: Frame | null;
  /** Wall time (performance.now) when `frame` arrived: the canvas extrapolates from it. */
  frameReceivedAt: number;
  /**
   * The frame the panels show: the latest one, at most every `viewEveryMs` while time runs
   * (a table of hundreds of rows needs no 60 updates a second), at once when time stands
   * still or the run changes state (play, pause, speed, a jump, a new inspection).
   */
  view: Frame | null;
  /** Latest events, newest first, at most LOG_LIMIT (updated with `view`). */
  log: LogEvent[];
  /** Chart samples over simulated time, oldest first, bounded (older ones thinned). */
  series: readonly MetricsSample[];
  /** Fault events since the run began, oldest first, bounded: the charts' time-axis markers. */
  faults: readonly LogEvent[];
  /** Events the worker or this buffer skipped since the start. */
  logSkipped: number;
  error: string | null;
  selected: string | null;
  /** The key under inspection (the worker puts it in frame.inspection), or null. */
  inspecting: string | null;
  /** Message groups the canvas does not draw. */
  hiddenMessages: readonly MessageGroup[];
  /** The ring takes a drag as a cut through the network (Network panel → Draw a cut). */
  cutting: boolean;
  /** A node whose traffic stands out on the canvas for a moment. */
  flash: Flash | null;
  /** The scenario the running simulation was built from, as sent (null before the first ready). */
  scenario: unknown;
  /** Sent with init, not yet confirmed by ready. */
  pendingScenario: unknown;
  /** The last session the worker exported (for share links and files). */
  session: SessionMessage | null;
  /**
   * The latest session the worker exported, asked for by the user or by the store itself after each
   * change and every second of play: what Restart reopens once the worker is gone (only a store
   * given a WorkerControl asks on its own).
   */
  lastGood: SessionMessage | null;
  /** After a worker failure: what the page says and offers; null while the worker is well. */
  recovery: Recovery | null;
  /** The running lesson or interview question as the worker reports it, or null (free sandbox). */
  lesson: LessonStatus | null;
  /** The step the player shows (0-based). */
  lessonStep: number;
  /** The interview prediction made before the demo ran, or null. */
  prediction: number | null;
  /** Presenter mode: large type, ring + step + hint queues only, keyboard-driven steps. */
  presenter: boolean;
  /** The last report the worker exported (scenario-format.md's report), or null. */
  report: unknown;
  /** 0..1 while the worker rebuilds an imported session from its log; null otherwise. */
  importProgress: number | null;
  actions: AppActions;
}

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  /** When to acknowledge a frame; default: next animation frame (after React painted it). */
  scheduleAck?: (fn: () => void) => void;
  now?: () => number;
  /** While time runs, wall ms between two updates of `view` (and the log, the charts); 0: every frame. */
  viewEveryMs?: number;
  /**
   * Lets the store end a failed worker and spawn a fresh one (main.tsx's worker link). With it the
   * store keeps `lastGood` current and watches that the worker answers; without it, a failure is an error.
   */
  worker?: WorkerControl;
  /** While time runs, wall ms between two sessions kept as `lastGood` (default 1000). */
  checkpointEveryMs?: number;
  /** Wall ms without an answer after which the worker counts as failed (default 30 s). */
  unresponsiveMs?: number;
}
