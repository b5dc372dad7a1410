// The message canvas's picture, independent of the thread that draws it: from the latest frame,
// the legend's filters and the flashed node to drawMessages, with visual persistence (motion).
// The UI thread runs it where there is no OffscreenCanvas (tests); a canvas worker runs it in the app.
// Imports nothing that pulls React or the store in: the canvas worker bundles this module.
import type { Frame, MessageKind } from '../../../protocol';
import { FLASH_MS, hiddenKinds, type Flash, type MessageGroup } from '../../../store/instrument';
import type { Context2D } from '../../../view/canvas/context';
import { drawMessages, type DrawnCounts, type Highlight } from '../../../view/canvas/drawMessages';
import { VIEW } from '../../../view/geometry';
import { crossesDc, type NodePoint } from '../../../view/canvas/route';
import { createMotion } from '../../../view/canvas/motion';
import { canStamp, createStampContext } from '../../../view/canvas/stamp';

/** Frames come every ~16 ms; extrapolate at most this much wall time past the last one. */
export const MAX_EXTRAPOLATE_WALL_MS = 50;
/** Requests and their answers travel in separate lanes, this far apart (view units). */
export const LANE = 4;

/** Marks grow on a small ring so a write stays a visible dot (≥ ~8 px across). */
export function markScale(side: number): number {
  return Math.min(1.8, Math.max(1, (0.75 * VIEW) / side));
}

/** How strongly a flashed node's traffic stands out at wall time `wallNow` (reduced motion: no fade). */
export function flashStrength(flash: Flash | null, wallNow: number, reduced = false): number {
  if (!flash) return 0;
  const age = wallNow - flash.at;
  if (age < 0 || age >= FLASH_MS) return 0;
  if (reduced) return 1;
  const hold = FLASH_MS * 0.6;
  return age <= hold ? 1 : 1 - (age - hold) / (FLASH_MS - hold);
}

/** What of a frame the canvas needs. */
export type CanvasFrame = Pick<Frame, 'messages' | 'now' | 'playing' | 'speed' | 'jumpProgress'>;

/** The simulated time to draw at: the frame's, run forward with wall time while playing. */
export function drawTime(s: { frame: CanvasFrame | null; frameReceivedAt: number }, wallNow: number): number {
  const f = s.frame;
  if (!f) return 0;
  if (!f.playing || f.jumpProgress !== null) return f.now;
  const wall = Math.min(Math.max(0, wallNow - s.frameReceivedAt), MAX_EXTRAPOLATE_WALL_MS);
  return f.now + wall * f.speed;
}

/** How the canvas is set up: CSS side in px, device pixel ratio, and the looks. */
export interface CanvasConfig {
  side: number;
  dpr: number;
  reduced: boolean;
  dark: boolean;
  nodeRadius: number;
}

/** What changes while it runs; wall times are the drawing thread's performance.now(). */
export interface CanvasInput {
  frame: CanvasFrame | null;
  frameReceivedAt: number;
  hiddenMessages: readonly MessageGroup[];
  flash: Flash | null;
}

export interface MessageRenderer {
  /** Paints the picture at wall time `wall`. */
  draw(input: CanvasInput, positions: ReadonlyMap<string, NodePoint>, wall: number): void;
  /** The canvas's pixel size for a config (the caller sizes the canvas). */
  readonly config: CanvasConfig;
}

export function canvasPixels(config: CanvasConfig): number {
  return Math.round(config.side * config.dpr);
}

/** Reported at most this often (wall ms): the page shows the counts as data attributes. */
export const DRAWN_REPORT_MS = 200;

/** Calls `report` with the counts when they changed and the last report is DRAWN_REPORT_MS old. */
function drawnReporter(report: ((c: DrawnCounts) => void) | undefined) {
  const counts: DrawnCounts = { wan: 0, relays: 0 };
  let last = { wan: 0, relays: 0, at: -Infinity };
  return {
    counts,
    after(wall: number) {
      if (!report || (counts.wan === last.wan && counts.relays === last.relays) || wall - last.at < DRAWN_REPORT_MS) return;
      last = { ...counts, at: wall };
      report({ ...counts });
    },
  };
}

export function createMessageRenderer(target: Context2D, config: CanvasConfig, onDrawn?: (c: DrawnCounts) => void): MessageRenderer {
  const px = canvasPixels(config);
  // Small circles by the thousand are stamped from precomputed masks (see ./stamp) where the context allows.
  const stamp = canStamp(target) ? createStampContext(target, px, px) : null;
  const ctx: Context2D = stamp ?? target;
  const k = px / VIEW;
  const scale = markScale(config.side);
  const motion = createMotion();
  let lastFrame: CanvasFrame | null = null;
  let hiddenOf: readonly MessageGroup[] | null = null;
  let hidden: Set<MessageKind> = new Set();
  const highlight: Highlight = { node: '', strength: 0 };
  const drawn = drawnReporter(onDrawn);

  return {
    config,
    draw(s, positions, wall) {
      const f = s.frame;
      const playing = !!f && f.playing && f.jumpProgress === null;
      if (f !== lastFrame) {
        lastFrame = f;
        motion.sync(f?.messages ?? [], playing, (m) => crossesDc(positions.get(m.from), positions.get(m.to)));
      }
      motion.advance(wall, playing);
      if (s.hiddenMessages !== hiddenOf) {
        hiddenOf = s.hiddenMessages;
        hidden = hiddenKinds(hiddenOf);
      }
      highlight.strength = flashStrength(s.flash, wall, config.reduced);
      highlight.node = s.flash?.node ?? '';
      const hl = highlight.strength > 0 ? highlight : null;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, px, px);
      ctx.setTransform(k, 0, 0, k, 0, 0);
      if (f) {
        const t = drawTime(s, wall);
        if (config.reduced) {
          // Static arrows for the traffic of the last moment, redrawn per frame, never tweened.
          drawMessages(ctx, motion.messages(), t, positions, {
            reducedMotion: true,
            markScale: scale,
            dark: config.dark,
            nodeRadius: config.nodeRadius,
            laneOffset: LANE,
            hidden,
            highlight: hl,
          });
        } else {
          drawMessages(ctx, motion.messages(), t, positions, {
            dark: config.dark,
            nodeRadius: config.nodeRadius,
            laneOffset: LANE,
            markScale: scale,
            hidden,
            highlight: hl,
            progressOf: (m) => motion.progressOf(m, t, playing),
            counts: drawn.counts,
          });
          drawn.after(wall);
        }
      }
      stamp?.finish();
    },
  };
}

/** Timers of the drawing thread (injected: tests drive them by hand). */
export interface LoopTimers {
  raf(fn: () => void): number;
  caf(id: number): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface DrawLoop {
  /** Something the picture depends on changed (only reduced motion cares: it draws on change). */
  changed(flashChanged: boolean, flash: Flash | null): void;
  stop(): void;
}

/**
 * Runs `draw` every animation frame; with reduced motion, only when something changed (and once
 * more when a highlight ends, since nothing fades).
 */
export function startDrawLoop(draw: () => void, reduced: boolean, timers: LoopTimers): DrawLoop {
  if (reduced) {
    draw();
    let flashEnd: unknown;
    return {
      changed(flashChanged, flash) {
        if (flashChanged) {
          timers.clearTimeout(flashEnd);
          if (flash) flashEnd = timers.setTimeout(draw, FLASH_MS + 20);
        }
        draw();
      },
      stop: () => timers.clearTimeout(flashEnd),
    };
  }
  let raf = 0;
  const loop = () => {
    draw();
    raf = timers.raf(loop);
  };
  raf = timers.raf(loop);
  return { changed() {}, stop: () => timers.caf(raf) };
}
