// The app's state: what the worker last reported, plus view state (selection, errors).
// The UI never changes the simulation here; actions only send ToWorker messages.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterInfo, Command, Frame, FromWorker, LogEvent, MetricsSample, ToWorker } from '../protocol';
import { appendFaults, appendSamples } from './series';
import { DEFAULT_HIDDEN_GROUPS, type Flash, type MessageGroup } from './instrument';

/** Events kept for the log view, newest first. */
export const LOG_LIMIT = 200;

export interface AppActions {
  /** Feeds one message from the worker into the store (acks frames). */
  receive(msg: FromWorker): void;
  init(scenario: unknown, log?: unknown): void;
  /** Asks the worker for the session (scenario + command log); it arrives as `session`. */
  exportSession(): void;
  /** Restarts with a new scenario and plays it: init, then play. A rejected scenario leaves the running one as it was. */
  applyScenario(scenario: unknown): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  step(): void;
  jump(byMs: number): void;
  /** Runs flat out to the simulated time atMs. */
  jumpTo(atMs: number): void;
  cancelJump(): void;
  command(command: Command): void;
  select(node: string | null): void;
  /** Asks the worker to report this key in every frame (null stops). */
  inspect(key: string | null): void;
  /** Shows or hides one kind of message on the canvas. */
  setMessageGroupVisible(group: MessageGroup, visible: boolean): void;
  /** Makes the traffic to and from a node stand out on the canvas for a moment. */
  flashNode(node: string | null): void;
  showError(message: string): void;
  dismissError(): void;
}

export interface AppState {
  cluster: ClusterInfo | null;
  frame: Frame | null;
  /** Wall time (performance.now) when `frame` arrived: the canvas extrapolates from it. */
  frameReceivedAt: number;
  /** Latest events, newest first, at most LOG_LIMIT. */
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
  /** A node whose traffic stands out on the canvas for a moment. */
  flash: Flash | null;
  /** The scenario the running simulation was built from, as sent (null before the first ready). */
  scenario: unknown;
  /** Sent with init, not yet confirmed by ready. */
  pendingScenario: unknown;
  /** The last session the worker exported (for share links and files). */
  session: Extract<FromWorker, { type: 'session' }> | null;
  actions: AppActions;
}

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  /** When to acknowledge a frame; default: next animation frame (after React painted it). */
  scheduleAck?: (fn: () => void) => void;
  now?: () => number;
}

function defaultScheduleAck(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 0);
}

const defaultNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Merges newly arrived events (oldest first) into the newest-first bounded buffer. */
export function mergeLog(current: LogEvent[], incoming: LogEvent[], limit = LOG_LIMIT): LogEvent[] {
  if (incoming.length === 0) return current;
  const merged = incoming.slice().reverse().concat(current);
  return merged.length <= limit ? merged : merged.slice(0, limit);
}

export function createAppStore(send: (msg: ToWorker) => void, options: StoreOptions = {}): AppStore {
  const scheduleAck = options.scheduleAck ?? defaultScheduleAck;
  const now = options.now ?? defaultNow;
  let playAfterReady = false;

  return createStore<AppState>()((set, get) => {
    const actions: AppActions = {
      receive(msg) {
        switch (msg.type) {
          case 'ready':
            set({
              cluster: msg.cluster,
              log: [],
              logSkipped: 0,
              series: [],
              faults: [],
              selected: null,
              scenario: get().pendingScenario ?? get().scenario,
              pendingScenario: null,
            });
            if (playAfterReady) send({ type: 'play' });
            playAfterReady = false;
            return;
          case 'frame': {
            const log = mergeLog(get().log, msg.frame.log);
            set({
              frame: msg.frame,
              frameReceivedAt: now(),
              log,
              logSkipped: get().logSkipped + msg.frame.logSkipped,
              series: appendSamples(get().series, msg.frame.samples ?? []),
              faults: appendFaults(get().faults, msg.frame.log),
            });
            scheduleAck(() => send({ type: 'frameAck' }));
            return;
          }
          case 'session':
            set({ session: msg });
            return;
          case 'error':
            playAfterReady = false;
            set({ error: msg.message });
            return;
        }
      },
      exportSession: () => send({ type: 'exportSession' }),
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
      jumpTo: (atMs) => send({ type: 'jumpTo', atMs }),
      cancelJump: () => send({ type: 'cancelJump' }),
      command: (command) => send({ type: 'command', command }),
      select: (node) => set({ selected: node }),
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
    };
    return {
      cluster: null,
      frame: null,
      frameReceivedAt: 0,
      log: [],
      logSkipped: 0,
      series: [],
      faults: [],
      error: null,
      selected: null,
      inspecting: null,
      hiddenMessages: DEFAULT_HIDDEN_GROUPS,
      flash: null,
      scenario: null,
      pendingScenario: null,
      session: null,
      actions,
    };
  });
}
