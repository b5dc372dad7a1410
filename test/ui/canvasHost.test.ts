// The canvas worker's logic, driven by hand: it is told frames (packed), filters and the
// flashed node, and paints them every animation frame on the canvas it was handed.
import { describe, expect, it } from 'vitest';
import { packMessageList } from '../../src/protocol/packing';
import { createCanvasHost } from '../../src/ui/ring/canvas/canvasHost';
import type { CanvasLike, ToCanvas } from '../../src/ui/ring/canvas/protocol';
import type { CanvasConfig } from '../../src/ui/ring/canvas/renderer';
import { messageStyles } from '../../src/view/palette';
import { fillRecordingContext } from './fakes';
import { makeMessage } from './fixtures';

function harness(config: Partial<CanvasConfig> = {}) {
  let handler: ((m: ToCanvas) => void) | null = null;
  let frames: (() => void)[] = [];
  let wall = 0;
  createCanvasHost(
    { setHandler: (fn) => (handler = fn) },
    {
      now: () => wall,
      raf: (fn) => frames.push(fn),
      caf: () => {},
      setTimeout: () => 0,
      clearTimeout: () => {},
    },
  );
  const ctx = fillRecordingContext();
  const canvas: CanvasLike = { width: 0, height: 0, getContext: () => ctx };
  const send = (m: ToCanvas) => handler!(m);
  const full: CanvasConfig = { side: 400, dpr: 2, reduced: false, dark: false, nodeRadius: 20, ...config };
  send({ type: 'init', canvas, config: full, positions: [['A', 100, 100], ['B', 500, 100], ['C', 300, 500]] });
  /** Runs one animation frame, wall ms later. */
  const frame = (ms = 16) => {
    wall += ms;
    const due = frames;
    frames = [];
    due.forEach((fn) => fn());
  };
  return { send, frame, ctx, canvas, full };
}

const messages = [
  makeMessage({ id: 1, kind: 'mutation', from: 'A', to: 'B', sentAt: 0, deliverAt: 100 }),
  makeMessage({ id: 2, kind: 'gossip', from: 'B', to: 'C', sentAt: 0, deliverAt: 100 }),
];

function frameMessage(now = 50): ToCanvas {
  return { type: 'frame', frame: { now, playing: false, speed: 1, jumpProgress: null, messages: packMessageList(messages).list } };
}

describe('canvas host (the canvas worker)', () => {
  it('sizes the canvas in device pixels and paints the latest frame every animation frame', () => {
    const h = harness();
    expect(h.canvas.width).toBe(800);
    expect(h.canvas.height).toBe(800);
    h.send(frameMessage());
    h.frame();
    const styles = messageStyles(false);
    expect(h.ctx.fills).toContain(styles.mutation.colour);
    expect(h.ctx.fills).toContain(styles.gossip.colour);
    const cleared = h.ctx.clears;
    h.frame();
    h.frame();
    expect(h.ctx.clears).toBe(cleared + 2);
  });

  it('leaves out the kinds the legend hides', () => {
    const h = harness();
    h.send(frameMessage());
    h.send({ type: 'view', hiddenMessages: ['gossip'], flash: null, flashChanged: false });
    h.ctx.fills.length = 0;
    h.frame();
    const styles = messageStyles(false);
    expect(h.ctx.fills).toContain(styles.mutation.colour);
    expect(h.ctx.fills).not.toContain(styles.gossip.colour);
  });

  it('resizes with a new config', () => {
    const h = harness();
    h.send({ type: 'config', config: { ...h.full, side: 300, dpr: 1 } });
    expect(h.canvas.width).toBe(300);
  });

  it('with reduced motion paints when told something, not every frame', () => {
    const h = harness({ reduced: true });
    const before = h.ctx.clears;
    h.frame();
    h.frame();
    expect(h.ctx.clears).toBe(before);
    h.send(frameMessage());
    expect(h.ctx.clears).toBe(before + 1);
    expect(h.ctx.fills).toContain(messageStyles(false).mutation.colour);
  });
});
