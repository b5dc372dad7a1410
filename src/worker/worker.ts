// The Web Worker entry: wires the host to the worker's message port and real timers.
import { createHost } from './host';
import type { ToWorker } from '../protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

createHost(
  {
    postMessage: (msg, transfer) => scope.postMessage(msg, transfer ?? []),
    setHandler: (fn) => {
      scope.onmessage = (e: MessageEvent<ToWorker>) => fn(e.data);
    },
  },
  { now: () => performance.now(), schedule: (fn, ms) => void setTimeout(fn, ms) },
);
