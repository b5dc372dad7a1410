// One canvas over the ring for messages in flight, drawn outside React in a
// requestAnimationFrame loop that reads the store directly (transient updates).
import { useEffect, useRef } from 'react';
import { useAppStoreApi } from '../store';
import type { AppState } from '../store';
import { drawMessages } from './drawMessages';
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
const LANE = 4;

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
    const motion = createMotion();
    let lastFrame: AppState['frame'] = null;
    let raf = 0;

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
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(k, 0, 0, k, 0, 0);
      if (f) {
        const t = drawTime(s, wall);
        if (reduced) {
          // Static arrows for the traffic of the last moment, redrawn per frame, never tweened.
          drawMessages(ctx, motion.messages(), t, positionsRef.current, { reducedMotion: true, dark, nodeRadius, laneOffset: LANE });
        } else {
          drawMessages(ctx, motion.messages(), t, positionsRef.current, {
            dark,
            nodeRadius,
            laneOffset: LANE,
            progressOf: (m) => motion.progressOf(m, t, playing),
          });
        }
      }
    };

    if (reduced) {
      // No animation: redraw only when a new frame arrives.
      draw();
      return store.subscribe((s, prev) => {
        if (s.frame !== prev.frame) draw();
      });
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
