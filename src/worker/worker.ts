// The Web Worker entry: wires the host to the worker's message port and real timers.
import { createHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

createHost(
  {
    postMessage: (msg, transfer) => scope.postMessage(msg, transfer ?? []),
    setHandler: (fn) => {
      scope.onmessage = (e: MessageEvent<unknown>) => fn(e.data);
    },
  },
  { now: () => performance.now(), schedule: (fn, ms) => void setTimeout(fn, ms) },
);
