// One canvas over the ring for messages in flight, drawn outside React in a
// requestAnimationFrame loop that reads the store directly (transient updates).
import { useEffect, useRef } from 'react';
import { FLASH_MS, hiddenKinds, useAppStoreApi } from '../store';
import type { AppState, MessageGroup } from '../store';
import type { MessageKind } from '../protocol';
import { drawMessages, type Highlight } from './drawMessages';
import { VIEW, type Point } from './geometry';
import { useMediaQuery } from './hooks';
import { createMotion } from './motion';

export interface MessageLayerProps {
  side: number;
  positions: ReadonlyMap<string, Point>;
  nodeRadius: number;
}

/** Frames come every ~16 ms; extrapolate at most this much wall time past the last one. */
const MAX_EXTRAPOLATE_WALL_MS = 50;
/** Requests and their answers travel in separate lanes, this far apart (view units). */
export const LANE = 4;

/** Marks grow on a small ring so a write stays a visible dot (≥ ~8 px across). */
export function markScale(side: number): number {
  return Math.min(1.8, Math.max(1, (0.75 * VIEW) / side));
}

/** How strongly a flashed node's traffic stands out at wall time `wallNow` (reduced motion: no fade). */
export function flashStrength(flash: AppState['flash'], wallNow: number, reduced = false): number {
  if (!flash) return 0;
  const age = wallNow - flash.at;
  if (age < 0 || age >= FLASH_MS) return 0;
  if (reduced) return 1;
  const hold = FLASH_MS * 0.6;
  return age <= hold ? 1 : 1 - (age - hold) / (FLASH_MS - hold);
}

/** The simulated time to draw at: the frame's, run forward with wall time while playing. */
export function drawTime(s: Pick<AppState, 'frame' | 'frameReceivedAt'>, wallNow: number): number {
  const f = s.frame;
  if (!f) return 0;
  if (!f.playing || f.jumpProgress !== null) return f.now;
  const wall = Math.min(Math.max(0, wallNow - s.frameReceivedAt), MAX_EXTRAPOLATE_WALL_MS);
  return f.now + wall * f.speed;
}

export function MessageLayer({ side, positions, nodeRadius }: MessageLayerProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const positionsRef = useRef(positions);
  const store = useAppStoreApi();
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const dark = useMediaQuery('(prefers-color-scheme: dark)');

  useEffect(() => {
    positionsRef.current = positions;
  }, [positions]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(side * dpr);
    canvas.height = Math.round(side * dpr);
    const k = (side * dpr) / VIEW;
    const scale = markScale(side);
    const motion = createMotion();
    let lastFrame: AppState['frame'] = null;
    let raf = 0;
    let hiddenOf: readonly MessageGroup[] | null = null;
    let hidden: Set<MessageKind> = new Set();
    const highlight: Highlight = { node: '', strength: 0 };

    const draw = () => {
      const s = store.getState();
      const f = s.frame;
      const wall = performance.now();
      const playing = !!f && f.playing && f.jumpProgress === null;
      if (f !== lastFrame) {
        lastFrame = f;
        motion.sync(f?.messages ?? [], playing);
      }
      motion.advance(wall, playing);
      if (s.hiddenMessages !== hiddenOf) {
        hiddenOf = s.hiddenMessages;
        hidden = hiddenKinds(hiddenOf);
      }
      highlight.strength = flashStrength(s.flash, wall, reduced);
      highlight.node = s.flash?.node ?? '';
      const hl = highlight.strength > 0 ? highlight : null;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(k, 0, 0, k, 0, 0);
      if (f) {
        const t = drawTime(s, wall);
        if (reduced) {
          // Static arrows for the traffic of the last moment, redrawn per frame, never tweened.
          drawMessages(ctx, motion.messages(), t, positionsRef.current, {
            reducedMotion: true,
            markScale: scale,
            dark,
            nodeRadius,
            laneOffset: LANE,
            hidden,
            highlight: hl,
          });
        } else {
          drawMessages(ctx, motion.messages(), t, positionsRef.current, {
            dark,
            nodeRadius,
            laneOffset: LANE,
            markScale: scale,
            hidden,
            highlight: hl,
            progressOf: (m) => motion.progressOf(m, t, playing),
          });
        }
      }
    };

    if (reduced) {
      // No animation: redraw only when a new frame arrives.
      draw();
      let flashEnd: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.flash !== prev.flash) {
          // The highlight holds still, then goes: one more picture when it ends.
          clearTimeout(flashEnd);
          if (s.flash) flashEnd = setTimeout(draw, FLASH_MS + 20);
        }
        if (s.frame !== prev.frame || s.hiddenMessages !== prev.hiddenMessages || s.flash !== prev.flash) draw();
      });
      return () => {
        clearTimeout(flashEnd);
        unsubscribe();
      };
    }
    const loop = () => {
      draw();
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [side, reduced, dark, nodeRadius, store]);

  return <canvas ref={canvasRef} className="message-canvas" style={{ width: side, height: side }} aria-hidden="true" />;
}
