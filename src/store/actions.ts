// The app store's action slices (zustand's slices pattern: each a function of set and get). None
// changes the simulation: they send ToWorker messages and keep view state.
import type { LessonPlay } from '../protocol';
import type { AppActions } from './state';
import type { GetState, SetState, StoreContext } from './sliceContext';

type RunActions = Pick<
  AppActions,
  'init' | 'exportSession' | 'exportReport' | 'cancelImport' | 'applyScenario' | 'play' | 'pause' | 'togglePlay' | 'setSpeed' | 'step' | 'jump' | 'jumpTo' | 'cancelJump' | 'seek' | 'command'
>;

/** The run: a new scenario or session, the clock, time travel, commands, exports. */
export function runSlice(set: SetState, get: GetState, k: StoreContext): RunActions {
  const { send } = k;
  return {
    exportSession: () => {
      k.watch.asked++;
      k.watch.askedAt ??= k.now();
      send({ type: 'exportSession' });
    },
    exportReport: () => send({ type: 'report' }),
    cancelImport: () => send({ type: 'cancelImport' }),
    init: (scenario, log) => {
      set({ pendingScenario: scenario });
      send(log === undefined ? { type: 'init', scenario } : { type: 'init', scenario, log });
    },
    applyScenario: (scenario) => {
      // Play only once the worker has accepted it: a refused scenario leaves the old run as it was.
      k.playAfterReady = true;
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
  };
}

type ViewActions = Pick<AppActions, 'select' | 'setCutting' | 'inspect' | 'setMessageGroupVisible' | 'flashNode' | 'showError' | 'dismissError'>;

/** What the page shows: selection, the cut gesture, the inspected key, message groups, errors. */
export function viewSlice(set: SetState, get: GetState, k: StoreContext): ViewActions {
  return {
    select: (node) => set({ selected: node }),
    setCutting: (on) => set({ cutting: on }),
    inspect: (key) => {
      set({ inspecting: key });
      k.send({ type: 'inspect', key });
    },
    setMessageGroupVisible: (group, visible) => {
      const rest = get().hiddenMessages.filter((g) => g !== group);
      set({ hiddenMessages: visible ? rest : [...rest, group] });
    },
    flashNode: (node) => set({ flash: node === null ? null : { node, at: k.now() } }),
    showError: (message) => set({ error: message }),
    dismissError: () => set({ error: null }),
  };
}

type LessonActions = Pick<AppActions, 'startLesson' | 'runLessonStep' | 'lessonControl' | 'showLessonStep' | 'predict' | 'leaveLesson' | 'setPresenter'>;

/** A step plays its beats; with prefers-reduced-motion, each beat jumps (captions still shown). */
const playMode = (): LessonPlay => (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'still' : 'beats');

/** Lessons and interview questions: the worker runs the steps, the player shows them. */
export function lessonSlice(set: SetState, _get: GetState, k: StoreContext): LessonActions {
  return {
    startLesson: (kind, id, scenario, runThrough) => {
      k.autoRun = runThrough ? { id, through: runThrough } : null;
      set({ pendingScenario: scenario, lessonStep: 0, prediction: null, error: null });
      k.send({ type: 'lesson', op: 'start', kind, id });
    },
    runLessonStep: (step, play = playMode()) => {
      set({ lessonStep: step });
      k.send({ type: 'lesson', op: 'run', step, play });
    },
    lessonControl: (op) => k.send({ type: 'lesson', op }),
    showLessonStep: (step) => set({ lessonStep: step }),
    predict: (choice) => set({ prediction: choice }),
    leaveLesson: () => {
      k.autoRun = null;
      k.send({ type: 'lesson', op: 'leave' });
    },
    setPresenter: (on) => set({ presenter: on }),
  };
}
