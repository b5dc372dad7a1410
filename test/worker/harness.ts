// A worker host on an in-memory endpoint and a manual wall clock with a timer list, shared by the
// worker tests. Nothing here runs by itself: time moves only through advance() / fireNext()
// (and, when msPerRead > 0, by that much on every look the host takes at the clock).
import { createUnpacker, type Frame, type FromWorker, type ToWorker } from '../../src/protocol';
import { createHost, type HostOptions } from '../../src/worker/host';

export interface HarnessOptions {
  /** How far the wall clock moves on every read (0: it moves only when the test moves it). */
  msPerRead?: number;
  /** Sees every message the host posts (with its transferred buffers), after it is recorded in `out`. */
  onPost?: (m: FromWorker, transfer: ArrayBuffer[]) => void;
}

export function createHarness(hostOptions: HostOptions = {}, { msPerRead = 0, onPost }: HarnessOptions = {}) {
  const out: FromWorker[] = [];
  let handler: ((m: ToWorker) => void) | null = null;
  let wall = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const host = createHost(
    {
      postMessage: (m, transfer = []) => {
        out.push(m);
        onPost?.(m, transfer);
      },
      setHandler: (fn) => (handler = fn),
    },
    { now: () => (wall += msPerRead), schedule: (fn, ms) => void timers.push({ at: wall + ms, fn }) },
    hostOptions,
  );
  const send = (m: ToWorker) => handler!(m);
  /** Moves the wall clock forward ms, firing the timers due by then in order. */
  const advance = (ms: number) => {
    const end = wall + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      wall = Math.max(wall, next.at);
      next.fn();
    }
    wall = Math.max(wall, end);
  };
  /** Fires the earliest timer (the wall clock jumps to it if it is ahead); false when none is set. */
  const fireNext = () => {
    if (timers.length === 0) return false;
    timers.sort((a, b) => a.at - b.at);
    const t = timers.shift()!;
    wall = Math.max(wall, t.at);
    t.fn();
    return true;
  };
  /** Acks every frame as it comes, until the wall clock has moved ms (in steps of stepMs). */
  const runAcking = (ms: number, stepMs = 16) => {
    let moved = 0;
    for (; moved < ms; moved += stepMs) {
      advance(stepMs);
      send({ type: 'frameAck' });
    }
    return moved;
  };
  /** The frames posted from message `from` on, unpacked (by a fresh unpacker) as the UI sees them. */
  const frames = (from = 0): Frame[] => {
    const unpack = createUnpacker();
    return out.slice(from).flatMap((m) => {
      const u = unpack(m);
      return u.type === 'frame' ? [u.frame] : [];
    });
  };
  return {
    host,
    out,
    send,
    advance,
    fireNext,
    runAcking,
    frames,
    lastFrame: () => frames().at(-1),
    errors: () => out.filter((m) => m.type === 'error'),
    timers: () => timers.length,
    /** The wall clock, read without moving it. */
    wallMs: () => wall,
    /** Wall time spent inside the host (a slow call): the clock moves ms, no timer fires. */
    spend: (ms: number) => void (wall += ms),
    sim: () => host.simulation!,
  };
}

export type Harness = ReturnType<typeof createHarness>;
