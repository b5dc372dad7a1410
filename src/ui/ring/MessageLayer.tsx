// One canvas over the ring for messages in flight, painted outside React: by a canvas worker
// on an OffscreenCanvas where the browser has one (the UI thread keeps its frame budget for the
// DOM), else on this thread in a requestAnimationFrame loop. Either way it reads the store
// directly (transient updates), never React state.
import { useEffect, useMemo, useRef } from 'react';
import { useAppStoreApi } from '../../store';
import { canDrawOffThread, createLocalDriver, createWorkerDriver, type CanvasDriver } from './canvas/drivers';
import type { CanvasConfig } from './canvas/renderer';
import type { NodePoint } from '../../view/canvas/route';
import type { DrawnCounts } from '../../view/canvas/drawMessages';
import { useMediaQuery } from '../common/hooks';

export { drawTime, flashStrength, LANE, markScale, MAX_EXTRAPOLATE_WALL_MS } from './canvas/renderer';

export interface MessageLayerProps {
  side: number;
  positions: ReadonlyMap<string, NodePoint>;
  nodeRadius: number;
}

export function MessageLayer({ side, positions, nodeRadius }: MessageLayerProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const driverRef = useRef<CanvasDriver | null>(null);
  const store = useAppStoreApi();
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
  const config = useMemo<CanvasConfig>(() => ({ side, dpr, reduced, dark, nodeRadius }), [side, dpr, reduced, dark, nodeRadius]);
  const latest = useRef({ config, positions });

  useEffect(() => {
    latest.current = { config, positions };
    driverRef.current?.configure(config);
  }, [config, positions]);

  useEffect(() => {
    driverRef.current?.setPositions(positions);
  }, [positions]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let canvas: HTMLCanvasElement | null = null;
    let driver: CanvasDriver | null = null;
    const stop = () => {
      driver?.destroy();
      canvas?.remove();
      driverRef.current = driver = canvas = null;
    };
    // What the canvas drew of the datacenter picture, as data attributes (the browser tests read them).
    const onDrawn = ({ wan, relays }: DrawnCounts) => {
      host.dataset.wan = String(wan);
      host.dataset.relays = String(relays);
    };
    const start = (offThread: boolean) => {
      // A canvas goes to a worker only once: each start makes its own.
      canvas = document.createElement('canvas');
      canvas.className = 'message-canvas';
      host.appendChild(canvas);
      const { config: c, positions: p } = latest.current;
      driver = offThread
        ? createWorkerDriver(
            canvas,
            store,
            c,
            p,
            () => {
              // No canvas worker after all (blocked, failed to load): draw here instead.
              stop();
              start(false);
            },
            onDrawn,
          )
        : createLocalDriver(canvas, store, c, p, onDrawn);
      driverRef.current = driver;
    };
    start(canDrawOffThread());
    return stop;
  }, [store]);

  return <div ref={hostRef} className="message-layer" style={{ width: side, height: side }} aria-hidden="true" />;
}
