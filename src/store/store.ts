// The app's state: what the worker last reported, plus view state (selection, errors).
// The UI never changes the simulation here; actions only send ToWorker messages.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterInfo, Command, Frame, FromWorker, LessonKind, LessonStatus, LogEvent, MetricsSample, ToWorker, UiMessage } from '../protocol';
import { appendFaults, appendSamples, eventsUpTo, samplesUpTo } from './series';
import { DEFAULT_HIDDEN_GROUPS, type Flash, type MessageGroup } from './instrument';

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
  /** Runs one step (0-based) in the worker; its verdict arrives in `lesson`. */
  runLessonStep(step: number): void;
  /** Which step the player shows (0-based). */
  showLessonStep(step: number): void;
  /** The candidate's prediction for the interview question (index of a choice). */
  predict(choice: number | null): void;
  leaveLesson(): void;
  setPresenter(on: boolean): void;
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
  session: Extract<FromWorker, { type: 'session' }> | null;
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
}

/** Panels update at most 10 times a second while time runs; the canvas at every frame. */
export const VIEW_EVERY_MS = 100;
/** Two channels go out at least this far apart (about a frame), and a timer waits at least this long. */
const MIN_SPACING_MS = 16;

/**
 * What the panels see, in three parts published on different frames while time runs: the frame
 * (`view`), the event log, and the chart series — each at most every VIEW_EVERY_MS.
 */
type Channel = 'view' | 'log' | 'series';
const CHANNELS: readonly Channel[] = ['view', 'log', 'series'];

function defaultScheduleAck(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 0);
}

const defaultNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const running = (f: Frame) => f.playing || f.jumpProgress !== null;

/** The new frame must be shown at once: time stands still, or the run changed state. */
function urgent(next: Frame, shown: Frame | null): boolean {
  if (!shown || !running(next)) return true;
  return (
    next.playing !== shown.playing ||
    next.speed !== shown.speed ||
    (next.jumpProgress === null) !== (shown.jumpProgress === null) ||
    next.jumpTarget !== shown.jumpTarget ||
    next.future !== shown.future ||
    (next.inspection?.key ?? null) !== (shown.inspection?.key ?? null)
  );
}

/** Merges newly arrived events (oldest first) into the newest-first bounded buffer. */
export function mergeLog(current: LogEvent[], incoming: LogEvent[], limit = LOG_LIMIT): LogEvent[] {
  if (incoming.length === 0) return current;
  const merged = incoming.slice().reverse().concat(current);
  return merged.length <= limit ? merged : merged.slice(0, limit);
}

export function createAppStore(send: (msg: ToWorker) => void, options: StoreOptions = {}): AppStore {
  const scheduleAck = options.scheduleAck ?? defaultScheduleAck;
  const now = options.now ?? defaultNow;
  const viewEveryMs = options.viewEveryMs ?? VIEW_EVERY_MS;
  let playAfterReady = false;
  /** A lesson link asks for steps 1 … n to run once the lesson is ready. */
  let autoRun: { id: string; through: number } | null = null;
  // Published with their channel: the log, samples and faults of every frame since the last time.
  let log: LogEvent[] = [];
  let logSkipped = 0;
  let series: readonly MetricsSample[] = [];
  let faults: readonly LogEvent[] = [];
  const publishedAt: Record<Channel, number> = { view: -Infinity, log: -Infinity, series: -Infinity };
  const pending: Record<Channel, boolean> = { view: false, log: false, series: false };
  /** When any channel last went out: two never go out within one frame's time. */
  let lastPublish = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  return createStore<AppState>()((set, get) => {
    const patch = (c: Channel): Partial<AppState> =>
      c === 'view' ? { view: get().frame } : c === 'log' ? { log, logSkipped } : { series, faults };

    const publish = (channels: readonly Channel[]) => {
      const out: Partial<AppState> = {};
      const t = now();
      for (const c of channels) {
        Object.assign(out, patch(c));
        pending[c] = false;
        publishedAt[c] = t;
      }
      if (channels.length === 0) return;
      lastPublish = t;
      set(out);
    };

    /** The pending channel that waited longest, if its time has come (and no other just went out). */
    const due = (): Channel | null => {
      if (now() - lastPublish < MIN_SPACING_MS) return null;
      let pick: Channel | null = null;
      for (const c of CHANNELS) {
        if (!pending[c] || now() - publishedAt[c] < viewEveryMs) continue;
        if (pick === null || publishedAt[c] < publishedAt[pick]) pick = c;
      }
      return pick;
    };

    /** Held-back channels go out later even if no frame comes: one per timer, like one per frame. */
    const schedule = () => {
      if (timer !== null || typeof setTimeout !== 'function') return;
      let wait = Infinity;
      for (const c of CHANNELS) if (pending[c]) wait = Math.min(wait, viewEveryMs - (now() - publishedAt[c]));
      if (wait === Infinity) return;
      wait = Math.max(wait, MIN_SPACING_MS - (now() - lastPublish));
      timer = setTimeout(() => {
        timer = null;
        const c = due();
        if (c) publish([c]);
        schedule();
      }, Math.max(MIN_SPACING_MS, wait));
    };

    const actions: AppActions = {
      receive(msg) {
        switch (msg.type) {
          case 'ready':
            log = [];
            logSkipped = 0;
            series = [];
            faults = [];
            pending.log = pending.series = false;
            set({
              cluster: msg.cluster,
              log,
              logSkipped,
              series,
              faults,
              selected: null,
              scenario: get().pendingScenario ?? get().scenario,
              pendingScenario: null,
            });
            if (playAfterReady) send({ type: 'play' });
            playAfterReady = false;
            return;
          case 'rewound':
            // The same run, earlier: its history up to that moment stays, the discarded future goes
            // (frames carry what happens from there). Selection and inspection stay.
            log = eventsUpTo(log, msg.now) as LogEvent[];
            series = samplesUpTo(series, msg.now);
            faults = eventsUpTo(faults, msg.now);
            pending.log = pending.series = false;
            set({ log, series, faults });
            return;
          case 'frame': {
            const frame = msg.frame;
            if (frame.log.length > 0 || frame.logSkipped > 0) {
              log = mergeLog(log, frame.log);
              logSkipped += frame.logSkipped;
              pending.log = true;
            }
            const nextSeries = appendSamples(series, frame.samples ?? []);
            const nextFaults = appendFaults(faults, frame.log);
            if (nextSeries !== series || nextFaults !== faults) {
              series = nextSeries;
              faults = nextFaults;
              pending.series = true;
            }
            pending.view = true;
            set({ frame, frameReceivedAt: now() });
            if (viewEveryMs <= 0 || urgent(frame, get().view)) {
              publish(CHANNELS.filter((c) => pending[c]));
            } else {
              // At most one channel a frame: the panels' DOM work spreads over the frames.
              const c = due();
              if (c) publish([c]);
              schedule();
            }
            scheduleAck(() => send({ type: 'frameAck' }));
            return;
          }
          case 'session':
            set({ session: msg });
            return;
          case 'lessonStatus': {
            const status = msg.status;
            if (!status) {
              autoRun = null;
              set({ lesson: null, lessonStep: 0, prediction: null });
              return;
            }
            set({ lesson: status });
            if (autoRun && autoRun.id === status.id && status.phase === 'ready') {
              const step = Math.min(autoRun.through, status.stepCount) - 1;
              autoRun = null;
              if (step >= 0) {
                set({ lessonStep: step });
                send({ type: 'lesson', op: 'run', step });
              }
            }
            return;
          }
          case 'report':
            set({ report: msg.report });
            return;
          case 'importProgress':
            set({ importProgress: msg.progress });
            return;
          case 'error':
            playAfterReady = false;
            set({ error: msg.message });
            return;
        }
      },
      exportSession: () => send({ type: 'exportSession' }),
      exportReport: () => send({ type: 'report' }),
      cancelImport: () => send({ type: 'cancelImport' }),
      init: (scenario, log) => {
        set({ pendingScenario: scenario });
        send(log === undefined ? { type: 'init', scenario } : { type: 'init', scenario, log });
      },
      applyScenario: (scenario) => {
        // Play only once the worker has accepted it: a refused scenario leaves the old run as it was.
        playAfterReady = true;
        set({ pendingScenario: scenario, error: null });
        send({ type: 'init', scenario });
      },
      play: () => send({ type: 'play' }),
      pause: () => send({ type: 'pause' }),
      togglePlay: () => send({ type: get().frame?.playing ? 'pause' : 'play' }),
      setSpeed: (speed) => send({ type: 'setSpeed', speed }),
      step: () => send({ type: 'step' }),
      jump: (byMs) => send({ type: 'jump', byMs }),
      jumpTo: (atMs) => {
        const at = get().frame?.now;
        send(at !== undefined && atMs < at ? { type: 'seek', atMs } : { type: 'jumpTo', atMs });
      },
      cancelJump: () => send({ type: 'cancelJump' }),
      seek: (atMs, id) => send(id === undefined ? { type: 'seek', atMs } : { type: 'seek', atMs, id }),
      command: (command) => send({ type: 'command', command }),
      select: (node) => set({ selected: node }),
      setCutting: (on) => set({ cutting: on }),
      inspect: (key) => {
        set({ inspecting: key });
        send({ type: 'inspect', key });
      },
      setMessageGroupVisible: (group, visible) => {
        const rest = get().hiddenMessages.filter((g) => g !== group);
        set({ hiddenMessages: visible ? rest : [...rest, group] });
      },
      flashNode: (node) => set({ flash: node === null ? null : { node, at: now() } }),
      showError: (message) => set({ error: message }),
      dismissError: () => set({ error: null }),
      startLesson: (kind, id, scenario, runThrough) => {
        autoRun = runThrough ? { id, through: runThrough } : null;
        set({ pendingScenario: scenario, lessonStep: 0, prediction: null, error: null });
        send({ type: 'lesson', op: 'start', kind, id });
      },
      runLessonStep: (step) => {
        set({ lessonStep: step });
        send({ type: 'lesson', op: 'run', step });
      },
      showLessonStep: (step) => set({ lessonStep: step }),
      predict: (choice) => set({ prediction: choice }),
      leaveLesson: () => {
        autoRun = null;
        send({ type: 'lesson', op: 'leave' });
      },
      setPresenter: (on) => set({ presenter: on }),
    };
    return {
      cluster: null,
      frame: null,
      frameReceivedAt: 0,
      view: null,
      log: [],
      logSkipped: 0,
      series: [],
      faults: [],
      error: null,
      selected: null,
      inspecting: null,
      hiddenMessages: DEFAULT_HIDDEN_GROUPS,
      cutting: false,
      flash: null,
      scenario: null,
      pendingScenario: null,
      session: null,
      lesson: null,
      lessonStep: 0,
      prediction: null,
      presenter: false,
      report: null,
      importProgress: null,
      actions,
    };
  });
}
