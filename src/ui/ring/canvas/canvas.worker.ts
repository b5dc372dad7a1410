// The canvas worker's entry: draws messages in flight on an OffscreenCanvas, off the UI thread.
import { createCanvasHost } from './canvasHost';
import type { ToCanvas } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

createCanvasHost(
  {
    setHandler: (fn) => {
      scope.onmessage = (e: MessageEvent<ToCanvas>) => fn(e.data);
    },
    post: (msg) => scope.postMessage(msg),
  },
  {
    now: () => performance.now(),
    raf: (fn) => scope.requestAnimationFrame(() => fn()),
    caf: (id) => scope.cancelAnimationFrame(id),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
);
