// The page's end of the simulation worker: spawns it, unpacks its messages for the store, and turns
// the ways a worker is seen to die (its `error` event, a `messageerror`) into one `failed` call.
// The store decides what a failure means and when to spawn a fresh worker (./recovery); this
// module only owns the Worker object, so a test drives it with a fake.
import { createUnpacker, type FromWorker, type ToWorker, type UiMessage } from '../protocol';

/** What a worker is seen to die of. `memory`: an allocation failed; `unresponsive`: no answer in time. */
export type FailureCause = 'error' | 'memory' | 'messageerror' | 'unresponsive';

export interface WorkerFailure {
  cause: FailureCause;
  /** The raw detail (the exception's message), shown folded away. */
  detail: string;
}

/** The little of a DOM Worker the link uses. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  addEventListener(type: 'messageerror', fn: (e: MessageEvent) => void): void;
}

/** What the store may do to the worker: end it (it failed), or start a fresh one in its place. */
export interface WorkerControl {
  terminate(): void;
  spawn(): void;
}

export interface WorkerLink extends WorkerControl {
  /** Posts to the current worker; dropped while there is none (after a failure, before Restart). */
  send(msg: ToWorker): void;
}

export interface LinkListener {
  message(msg: UiMessage): void;
  failed(failure: WorkerFailure): void;
}

/** An engine error that means the worker's memory is exhausted: it cannot be trusted to go on. */
export function isOutOfMemory(message: string): boolean {
  return /allocation failed|out of memory/i.test(message);
}

/** Spawns the first worker at once; `spawn()` replaces it, `terminate()` ends it. */
export function createWorkerLink(create: () => WorkerLike, on: LinkListener): WorkerLink {
  let current: WorkerLike | null = null;
  const terminate = () => {
    current?.terminate();
    current = null;
  };
  const spawn = () => {
    terminate();
    const w = create();
    // A fresh worker numbers its strings and messages from scratch: a fresh decoder too.
    const unpack = createUnpacker();
    current = w;
    // Events still queued from a worker already replaced are not about the running one.
    w.addEventListener('message', (e) => {
      if (w === current) on.message(unpack(e.data));
    });
    w.addEventListener('error', (e) => {
      e.preventDefault();
      if (w !== current) return;
      const detail = e.message || 'unknown error';
      on.failed({ cause: isOutOfMemory(detail) ? 'memory' : 'error', detail });
    });
    w.addEventListener('messageerror', () => {
      if (w === current) on.failed({ cause: 'messageerror', detail: 'a message from the worker could not be deserialized' });
    });
  };
  spawn();
  return {
    send: (msg) => current?.postMessage(msg),
    terminate,
    spawn,
  };
}
