// The receive slice: each message from the worker, unpacked, handled by its type.
import type { LessonStatus, UiMessage } from '../protocol';
import { fatalError, heard, onFrame, onReady } from './recovery';
import type { AppActions } from './state';
import type { GetState, SetState, StoreContext } from './sliceContext';

type Handlers = { [T in UiMessage['type']]: (msg: Extract<UiMessage, { type: T }>) => void };

/** A lesson is ready: run the steps a lesson link asked for, and show the last. Its key opens in the inspector. */
function onLessonStatus(set: SetState, get: GetState, k: StoreContext, status: LessonStatus | null): void {
  if (!status) {
    k.autoRun = null;
    set({ lesson: null, lessonStep: 0, prediction: null });
    return;
  }
  const before = get().lesson;
  set({ lesson: status });
  const key = status.key ?? null;
  if (key && (before?.id !== status.id || before.kind !== status.kind || before.key !== key)) get().actions.inspect(key);
  if (k.autoRun && k.autoRun.id === status.id && status.phase === 'ready') {
    const step = Math.min(k.autoRun.through, status.stepCount) - 1;
    k.autoRun = null;
    if (step >= 0) {
      set({ lessonStep: step });
      k.send({ type: 'lesson', op: 'run', step });
    }
  }
}

function handlers(set: SetState, get: GetState, k: StoreContext): Handlers {
  return {
    ready: (msg) => {
      const history = k.feed.reset();
      set({ cluster: msg.cluster, ...history, selected: null, scenario: get().pendingScenario ?? get().scenario, pendingScenario: null });
      if (k.playAfterReady) k.send({ type: 'play' });
      k.playAfterReady = false;
      onReady(set, get, k);
    },
    // The same run, earlier: its history up to that moment stays, the discarded future goes
    // (frames carry what happens from there). Selection and inspection stay.
    rewound: (msg) => k.feed.rewind(msg.now),
    frame: (msg) => {
      k.feed.take(msg.frame);
      k.scheduleAck(() => k.send({ type: 'frameAck' }));
      onFrame(set, get, k, msg.frame);
    },
    // Kept by `heard` (./recovery), which tells the user's answers from the store's own.
    session: () => {},
    lessonStatus: (msg) => onLessonStatus(set, get, k, msg.status),
    report: (msg) => set({ report: msg.report }),
    importProgress: (msg) => set({ importProgress: msg.progress }),
    error: (msg) => {
      if (fatalError(get, k, msg.message)) return;
      k.playAfterReady = false;
      set({ error: msg.message });
    },
  };
}

export function receiveSlice(set: SetState, get: GetState, k: StoreContext): Pick<AppActions, 'receive'> {
  const table = handlers(set, get, k);
  // (A message type this page does not know, from a newer worker, is ignored.)
  return {
    receive: (msg) => {
      heard(set, get, k, msg);
      (table[msg.type] as ((m: UiMessage) => void) | undefined)?.(msg);
    },
  };
}
