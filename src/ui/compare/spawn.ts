// Starts one Compare run in its own Web Worker (the same worker the lab uses).
import { createUnpacker, type FromWorker } from '../../protocol';
import type { SpawnRun } from '../../store/compare';

export const spawnWorkerRun: SpawnRun = (onMessage) => {
  const worker = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module' });
  const unpack = createUnpacker();
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(unpack(e.data));
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onMessage({ type: 'error', message: `the simulation worker failed: ${e.message || 'unknown error'}` });
  };
  return { send: (msg) => worker.postMessage(msg), terminate: () => worker.terminate() };
};
