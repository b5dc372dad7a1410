// The Web Worker entry: wires the host to the worker's message port and real timers.
import { createHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A rejected promise nobody handles is as fatal as an uncaught exception: rethrown, it reaches the
// page as this worker's `error` event, where the page offers Restart (store/workerLink.ts).
scope.addEventListener('unhandledrejection', (e) => {
  throw e.reason instanceof Error ? e.reason : new Error(String(e.reason));
});

// A jump's next slice goes through a message port: a nested setTimeout(0) is held to 4 ms.
const queued: (() => void)[] = [];
const port = new MessageChannel();
port.port1.onmessage = () => queued.shift()?.();
const soon = (fn: () => void): void => {
  queued.push(fn);
  port.port2.postMessage(null);
};

createHost(
  {
    postMessage: (msg, transfer) => scope.postMessage(msg, transfer ?? []),
    setHandler: (fn) => {
      scope.onmessage = (e: MessageEvent<unknown>) => fn(e.data);
    },
  },
  { now: () => performance.now(), schedule: (fn, ms) => void setTimeout(fn, ms), soon },
);
