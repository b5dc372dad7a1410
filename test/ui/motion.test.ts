import { describe, expect, it } from 'vitest';
import { createMotion } from '../../src/view/canvas/motion';
import { drawTime } from '../../src/ui/ring/MessageLayer';
import { makeFrame, makeMessage } from './fixtures';

/** Moves the visual clock like a 60 Hz animation loop would (one call per ~16 ms). */
function runTo(motion: ReturnType<typeof createMotion>, from: number, to: number, playing = true) {
  for (let t = from + 16; t < to; t += 16) motion.advance(t, playing);
  motion.advance(to, playing);
}

describe('message persistence', () => {
  it('while playing, a message starts at its sender and travels for at least the minimum time', () => {
    const motion = createMotion(500);
    const m = makeMessage({ id: 7, sentAt: 0, deliverAt: 10 });
    motion.advance(0, true);
    motion.sync([m], true);
    expect(motion.progressOf(m, 5, true)).toBe(0); // seen halfway in sim time, drawn from the start
    runTo(motion, 0, 250);
    expect(motion.progressOf(m, 5, true)).toBeCloseTo(0.5);
    motion.sync([], true); // delivered in the simulation: still drawn until its visual end
    expect(motion.messages()).toHaveLength(1);
    runTo(motion, 250, 400);
    expect(motion.progressOf(m, 20, true)).toBeCloseTo(0.8);
    runTo(motion, 400, 520);
    expect(motion.messages()).toHaveLength(0);
  });

  it('freezes while paused: the visual clock does not move', () => {
    const motion = createMotion(500);
    const m = makeMessage({ id: 3, sentAt: 0, deliverAt: 10 });
    motion.advance(0, true);
    motion.sync([m], true);
    runTo(motion, 0, 100);
    const before = motion.progressOf(m, 10, true);
    runTo(motion, 100, 1000, false);
    expect(motion.progressOf(m, 10, true)).toBeCloseTo(before);
  });

  it('when paused, shows exactly the frame: true progress, delivered ones gone', () => {
    const motion = createMotion(500);
    const a = makeMessage({ id: 1, sentAt: 0, deliverAt: 100 });
    const b = makeMessage({ id: 2, sentAt: 0, deliverAt: 100 });
    motion.sync([a, b], false);
    expect(motion.progressOf(a, 25, false)).toBeCloseTo(0.25);
    motion.sync([a], false);
    expect(motion.messages().map((m) => m.id)).toEqual([1]);
  });

  it('hint replay stays in sight longer than a write', () => {
    const motion = createMotion(500);
    const hint = makeMessage({ id: 1, kind: 'hint', sentAt: 0, deliverAt: 1 });
    const write = makeMessage({ id: 2, kind: 'mutation', sentAt: 0, deliverAt: 1 });
    motion.advance(0, true);
    motion.sync([hint, write], true);
    motion.sync([], true);
    runTo(motion, 0, 600);
    expect(motion.messages().map((m) => m.kind)).toEqual(['hint']);
  });
});

describe('drawTime', () => {
  it('extrapolates the frame time with wall time × speed while playing, clamped', () => {
    const frame = makeFrame({ now: 1000, playing: true, speed: 10 });
    expect(drawTime({ frame, frameReceivedAt: 500 }, 510)).toBe(1100);
    expect(drawTime({ frame, frameReceivedAt: 500 }, 5000)).toBe(1500); // at most 50 ms of wall
    expect(drawTime({ frame: { ...frame, playing: false }, frameReceivedAt: 500 }, 510)).toBe(1000);
    expect(drawTime({ frame: { ...frame, jumpProgress: 0.5 }, frameReceivedAt: 500 }, 510)).toBe(1000);
  });
});
