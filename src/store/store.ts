// The app's state: what the worker last reported, plus view state (selection, errors).
// The UI never changes the simulation here; actions only send ToWorker messages. The store is
// composed of slices (receive, run, view, lessons) sharing one context; the panels' paced feed
// lives in ./feed.
import { createStore } from 'zustand/vanilla';
import type { ToWorker } from '../protocol';
import { lessonSlice, runSlice, viewSlice } from './actions';
import { Feed } from './feed';
import { DEFAULT_HIDDEN_GROUPS } from './instrument';
import { receiveSlice } from './receive';
import { newWatch, recoverySlice, watchedSend } from './recovery';
import type { StoreContext } from './sliceContext';
import type { AppActions, AppState, AppStore, StoreOptions } from './state';

export { LOG_LIMIT } from './state';
export type { AppActions, AppState, AppStore, Recovery, RecoveryPhase, SessionMessage, StoreOptions } from './state';
export { mergeLog } from './feed';

/** Panels update at most 10 times a second while time runs; the canvas at every frame. */
export const VIEW_EVERY_MS = 100;

function defaultScheduleAck(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 0);
}

/** Wall ms: the page's clock (performance.now), or Date.now where there is none. */
export const wallNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The state before the worker's first message. */
function initialState(actions: AppActions): AppState {
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
    lastGood: null,
    recovery: null,
    lesson: null,
    lessonStep: 0,
    prediction: null,
    presenter: false,
    report: null,
    importProgress: null,
    actions,
  };
}

export function createAppStore(send: (msg: ToWorker) => void, options: StoreOptions = {}): AppStore {
  const now = options.now ?? wallNow;
  const viewEveryMs = options.viewEveryMs ?? VIEW_EVERY_MS;
  return createStore<AppState>()((set, get) => {
    const k: StoreContext = {
      send: watchedSend(send, () => k),
      now,
      scheduleAck: options.scheduleAck ?? defaultScheduleAck,
      feed: new Feed(set, get, now, viewEveryMs),
      playAfterReady: false,
      autoRun: null,
      worker: options.worker ?? null,
      watch: newWatch(now(), options.checkpointEveryMs, options.unresponsiveMs),
      restoring: null,
    };
    const actions: AppActions = {
      ...receiveSlice(set, get, k),
      ...runSlice(set, get, k),
      ...viewSlice(set, get, k),
      ...lessonSlice(set, get, k),
      ...recoverySlice(set, get, k),
    };
    return initialState(actions);
  });
}
