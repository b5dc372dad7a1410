// Who paints the message canvas: a canvas worker on an OffscreenCanvas (the app: the UI thread
// keeps its frame budget for the DOM), or this thread in a requestAnimationFrame loop (where
// there is no OffscreenCanvas, as in jsdom). Both read the store outside React (transient
// updates) and share one renderer. Factories: createX(canvas, store, …) → { configure, …, destroy }.
import { packedMessagesOf } from '../../../protocol';
import { copyMessageList, packMessageList } from '../../../protocol/packing';
import type { AppState, AppStore } from '../../../store';
import type { NodePoint } from '../../../view/canvas/route';
import type { FromCanvas, PositionList, ToCanvas } from './protocol';
import type { DrawnCounts } from '../../../view/canvas/drawMessages';
import { canvasPixels, createMessageRenderer, startDrawLoop, type CanvasConfig, type DrawLoop, type LoopTimers, type MessageRenderer } from './renderer';

export interface CanvasDriver {
  configure(config: CanvasConfig): void;
  setPositions(positions: ReadonlyMap<string, NodePoint>): void;
  destroy(): void;
}

const sameConfig = (a: CanvasConfig, b: CanvasConfig) =>
  a.side === b.side && a.dpr === b.dpr && a.reduced === b.reduced && a.dark === b.dark && a.nodeRadius === b.nodeRadius;

const windowTimers: LoopTimers = {
  raf: (fn) => requestAnimationFrame(() => fn()),
  caf: (id) => cancelAnimationFrame(id),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** The canvas can be handed to a worker here. */
export function canDrawOffThread(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof HTMLCanvasElement !== 'undefined' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
}

/** Paints on this thread, every animation frame (reduced motion: when something changes). */
export function createLocalDriver(
  canvas: HTMLCanvasElement,
  store: AppStore,
  config: CanvasConfig,
  positions: ReadonlyMap<string, NodePoint>,
  onDrawn?: (c: DrawnCounts) => void,
): CanvasDriver {
  const ctx = canvas.getContext('2d');
  let current = config;
  let where = positions;
  let renderer: MessageRenderer | null = null;
  let loop: DrawLoop | null = null;
  const draw = () => renderer?.draw(store.getState(), where, performance.now());
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.frame !== prev.frame || s.hiddenMessages !== prev.hiddenMessages || s.flash !== prev.flash) loop?.changed(s.flash !== prev.flash, s.flash);
  });

  function start(): void {
    if (!ctx) return;
    const px = canvasPixels(current);
    canvas.width = px;
    canvas.height = px;
    loop?.stop();
    renderer = createMessageRenderer(ctx, current, onDrawn);
    loop = startDrawLoop(draw, current.reduced, windowTimers);
  }
  start();

  return {
    configure(next) {
      if (sameConfig(next, current)) return;
      current = next;
      start();
    },
    setPositions(next) {
      where = next;
    },
    destroy() {
      unsubscribe();
      loop?.stop();
    },
  };
}

const positionList = (p: ReadonlyMap<string, NodePoint>): PositionList => [...p].map(([id, { x, y, dc }]) => (dc === undefined ? [id, x, y] : [id, x, y, dc]));

/**
 * Hands the canvas to a canvas worker and keeps it told: each new frame's messages (packed, the
 * buffers transferred), the legend's filters and the flashed node. `onFail`: the worker could not
 * run (the canvas is gone with it; the caller draws on a new one).
 */
export function createWorkerDriver(
  canvas: HTMLCanvasElement,
  store: AppStore,
  config: CanvasConfig,
  positions: ReadonlyMap<string, NodePoint>,
  onFail?: () => void,
  onDrawn?: (c: DrawnCounts) => void,
): CanvasDriver {
  const worker = new Worker(new URL('./canvas.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (e: MessageEvent<FromCanvas>) => {
    if (e.data?.type === 'drawn') onDrawn?.({ wan: e.data.wan, relays: e.data.relays });
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onFail?.();
  });
  const post = (msg: ToCanvas, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
  const offscreen = canvas.transferControlToOffscreen();
  let current = config;
  post({ type: 'init', canvas: offscreen, config, positions: positionList(positions) }, [offscreen]);

  const sendFrame = (f: AppState['frame']) => {
    if (!f) return;
    // As the engine's worker packed them (a copy: the UI may still read this frame's), else packed here.
    const packed = packedMessagesOf(f);
    const { list, transfer } = packed ? copyMessageList(packed) : packMessageList(f.messages);
    post({ type: 'frame', frame: { now: f.now, playing: f.playing, speed: f.speed, jumpProgress: f.jumpProgress, messages: list } }, transfer);
  };
  const sendView = (s: AppState, flashChanged: boolean) =>
    post({
      type: 'view',
      hiddenMessages: s.hiddenMessages,
      flash: s.flash ? { node: s.flash.node, age: Math.max(0, performance.now() - s.flash.at) } : null,
      flashChanged,
    });

  const first = store.getState();
  sendView(first, first.flash !== null);
  sendFrame(first.frame);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.frame !== prev.frame) sendFrame(s.frame);
    if (s.hiddenMessages !== prev.hiddenMessages || s.flash !== prev.flash) sendView(s, s.flash !== prev.flash);
  });

  return {
    configure(next) {
      if (sameConfig(next, current)) return;
      current = next;
      post({ type: 'config', config: next });
    },
    setPositions(next) {
      post({ type: 'positions', positions: positionList(next) });
    },
    destroy() {
      unsubscribe();
      worker.terminate();
    },
  };
}
