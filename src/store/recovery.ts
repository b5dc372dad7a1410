// A worker that recovers. The store keeps the last good session (the worker's own export: scenario,
// command log, trace hash, moment), asked for after every change and every second of play, so it
// never has to ask a dead worker. When the worker fails, it is ended; Restart spawns a fresh one,
// opens that session (a staged replay with progress, as a session file opens), runs it to its moment
// and pauses. If the fresh worker fails on it too, a fresh default cluster is offered instead.
import { defaultScenario, type Frame, type ToWorker, type UiMessage } from '../protocol';
import type { AppActions, Recovery, SessionMessage } from './state';
import type { GetState, SetState, StoreContext, Watch } from './sliceContext';
import { isOutOfMemory, type WorkerFailure } from './workerLink';

/** Without a message for this long, a live worker is asked for its session (a probe). */
export const PROBE_AFTER_MS = 5_000;

/** Messages after which the session has changed: the next frame brings a fresh lastGood. */
const CHANGES: ReadonlySet<ToWorker['type']> = new Set(['init', 'command', 'seek', 'pause', 'step', 'jump', 'jumpTo', 'lesson']);

export function newWatch(now: number, checkpointEveryMs = 1000, unresponsiveMs = 30_000): Watch {
  return { checkpointEveryMs, unresponsiveMs, live: false, silent: 0, asked: 0, askedAt: null, heardAt: now, lastAt: -Infinity, dirty: false, askedFor: null, suspect: false };
}

/** The worker's inbox as the slices see it: notes what changes the session. */
export function watchedSend(send: (msg: ToWorker) => void, k: () => StoreContext): (msg: ToWorker) => void {
  return (msg) => {
    if (CHANGES.has(msg.type)) k().watch.dirty = true;
    send(msg);
  };
}

const summary = (s: SessionMessage | null): Recovery['session'] => (s ? { commands: s.commandLog.length, now: s.now, traceHash: s.traceHash } : null);

/** A gone worker: nothing to ask, nothing to wait for. */
const gone = (r: Recovery | null) => r !== null && (r.phase === 'failed' || r.phase === 'failedAgain');

function askSession(k: StoreContext, simNow: number | null): void {
  const w = k.watch;
  w.askedFor = simNow;
  w.silent++;
  w.askedAt ??= k.now();
  w.lastAt = k.now();
  w.dirty = false;
  k.send({ type: 'exportSession' });
}

/** Before the receive slice handles a message: the worker spoke; a session answer is kept. */
export function heard(set: SetState, get: GetState, k: StoreContext, msg: UiMessage): void {
  const w = k.watch;
  w.heardAt = k.now();
  w.askedAt = null;
  w.suspect = false;
  if (msg.type !== 'session') return;
  // Kept as good only from a worker that is well: not from one still rebuilding a session.
  const keep = get().recovery?.phase !== 'restarting';
  if (w.asked > 0) {
    w.asked--;
    set(keep ? { session: msg, lastGood: msg } : { session: msg });
  } else if (w.silent > 0) {
    w.silent--;
    if (keep) set({ lastGood: msg });
  } else set(keep ? { session: msg, lastGood: msg } : { session: msg });
}

/**
 * A frame: ask for the session when it changed, a second of play passed, or time came to rest at a
 * new moment (a pause, the end of a jump: the moment Restart should return to); see a restore through.
 */
export function onFrame(set: SetState, get: GetState, k: StoreContext, frame: Frame): void {
  const w = k.watch;
  const jumping = frame.jumpTarget !== null;
  const still = !frame.playing && !jumping;
  const due = w.dirty || k.now() - w.lastAt >= w.checkpointEveryMs || (still && frame.now !== w.askedFor);
  if (k.worker && w.live && !gone(get().recovery) && due) askSession(k, frame.now);
  const r = k.restoring;
  if (r?.kind === 'session' && w.live && !jumping && (r.to === null || frame.now >= r.to)) restored(set, get, k);
}

function restored(set: SetState, get: GetState, k: StoreContext): void {
  k.restoring = null;
  const r = get().recovery;
  if (r) set({ recovery: { ...r, phase: 'restored' } });
}

/** `ready` from the worker: it can be asked now; a restart goes on to the session's moment. */
export function onReady(set: SetState, get: GetState, k: StoreContext): void {
  k.watch.live = true;
  k.watch.dirty = true;
  const r = k.restoring;
  if (!r) return;
  if (r.kind === 'fresh') {
    k.restoring = null;
    set({ recovery: null });
    return;
  }
  // The speed is the page's, not the session's: the lecturer's choice comes back with it.
  if (r.speed !== 1) k.send({ type: 'setSpeed', speed: r.speed });
  if (r.to !== null && r.to > 0) k.send({ type: 'jumpTo', atMs: r.to });
  else restored(set, get, k);
}

/**
 * An `error` from the worker: true when it ends the worker — an allocation failure (the worker's
 * memory cannot be trusted), or a refusal of the session a restart reopens.
 */
export function fatalError(get: GetState, k: StoreContext, message: string): boolean {
  if (!k.worker) return false;
  if (isOutOfMemory(message)) {
    get().actions.workerFailed({ cause: 'memory', detail: message });
    return true;
  }
  if (k.restoring && !k.watch.live && get().importProgress === null) {
    get().actions.workerFailed({ cause: 'error', detail: message });
    return true;
  }
  return false;
}

type RecoveryActions = Pick<AppActions, 'workerFailed' | 'restartWorker' | 'startFresh' | 'dismissRecovery' | 'checkHealth'>;

function respawn(k: StoreContext): void {
  k.worker!.spawn();
  k.watch = newWatch(k.now(), k.watch.checkpointEveryMs, k.watch.unresponsiveMs);
  k.playAfterReady = false;
  k.autoRun = null;
}

/**
 * The last frame of a worker that is gone, shown at rest: nothing plays or jumps any more. A copy
 * keeps the frame's lazily decoded fields (their getters) as they are.
 */
function atRest(f: Frame | null): Frame | null {
  if (!f || (!f.playing && f.jumpProgress === null && f.jumpTarget === null)) return f;
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(f)) as Frame;
  return Object.assign(copy, { playing: false, jumpProgress: null, jumpTarget: null });
}

const leftLesson = { lesson: null, lessonStep: 0, prediction: null, error: null, importProgress: null } as const;

export function recoverySlice(set: SetState, get: GetState, k: StoreContext): RecoveryActions {
  const startFresh = () => {
    const r = get().recovery;
    if (!k.worker || !r) return;
    respawn(k);
    k.restoring = { kind: 'fresh' };
    k.playAfterReady = true;
    const scenario = defaultScenario();
    set({ ...leftLesson, recovery: { ...r, phase: 'restarting', session: null }, pendingScenario: scenario });
    k.send({ type: 'init', scenario });
  };
  return {
    workerFailed: (failure: WorkerFailure) => {
      if (!k.worker) return set({ error: `The simulation worker failed: ${failure.detail}` });
      k.worker.terminate();
      const again = k.restoring !== null;
      k.restoring = null;
      k.watch = newWatch(k.now(), k.watch.checkpointEveryMs, k.watch.unresponsiveMs);
      k.playAfterReady = false;
      k.autoRun = null;
      const session = again ? get().recovery?.session ?? null : summary(get().lastGood);
      const { frame, view } = get();
      set({
        recovery: { phase: again ? 'failedAgain' : 'failed', cause: failure.cause, detail: failure.detail, session },
        error: null,
        importProgress: null,
        frame: atRest(frame),
        view: atRest(view),
      });
    },
    restartWorker: () => {
      const r = get().recovery;
      const good = get().lastGood;
      if (!k.worker || !r) return;
      if (!good) return startFresh();
      respawn(k);
      const last = good.commandLog[good.commandLog.length - 1]?.at ?? 0;
      // As a session file opens: replay the log, then run on to the moment (unless the log ends after it).
      k.restoring = { kind: 'session', to: good.now >= last ? good.now : null, speed: get().view?.speed ?? 1 };
      set({ ...leftLesson, recovery: { ...r, phase: 'restarting', session: summary(good) }, pendingScenario: good.scenario });
      k.send(good.commandLog.length > 0 ? { type: 'init', scenario: good.scenario, log: good.commandLog } : { type: 'init', scenario: good.scenario });
    },
    startFresh,
    dismissRecovery: () => {
      if (!gone(get().recovery) && k.restoring === null) set({ recovery: null });
    },
    checkHealth: () => {
      const w = k.watch;
      if (!k.worker || gone(get().recovery)) return;
      const now = k.now();
      // While a restart rebuilds the session the worker reports progress; silence is a hang too.
      const since = w.askedAt ?? (k.restoring && !w.live ? w.heardAt : null);
      if (since !== null && now - since > w.unresponsiveMs) {
        // Seen twice before it counts: a page just woken from a freeze may check before it reads
        // the answers that waited meanwhile.
        if (!w.suspect) {
          w.suspect = true;
          return;
        }
        get().actions.workerFailed({ cause: 'unresponsive', detail: `no answer for ${Math.round((now - since) / 1000)} s` });
      } else if (w.live && w.askedAt === null && now - w.heardAt >= PROBE_AFTER_MS) askSession(k, w.askedFor);
    },
  };
}
