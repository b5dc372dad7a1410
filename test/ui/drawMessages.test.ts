import { describe, expect, it } from 'vitest';
import { drawMessages, simProgress, type MessageContext } from '../../src/view/canvas/drawMessages';
import type { Point } from '../../src/view/geometry';
import { DOOMED_COLOUR, OKABE_ITO } from '../../src/view/palette';
import { makeMessage } from './fixtures';

interface Call {
  op: string;
  args: number[];
  fillStyle: unknown;
  alpha: number;
}

/** A 2D context that records path calls and the fill style at each fill. */
function fakeContext() {
  const calls: Call[] = [];
  const ctx: MessageContext & { calls: Call[] } = {
    calls,
    fillStyle: '#000',
    strokeStyle: '#000',
    globalAlpha: 1,
    lineWidth: 1,
    save: () => {},
    restore: () => {},
    setLineDash: () => {},
    beginPath: () => calls.push({ op: 'beginPath', args: [], fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha }),
    closePath: () => {},
    moveTo: (x, y) => calls.push({ op: 'moveTo', args: [x, y], fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha }),
    lineTo: (x, y) => calls.push({ op: 'lineTo', args: [x, y], fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha }),
    arc: (x, y, r) => calls.push({ op: 'arc', args: [x, y, r], fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha }),
    fill: () => calls.push({ op: 'fill', args: [], fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha }),
    stroke: () => calls.push({ op: 'stroke', args: [], fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha }),
  };
  return ctx;
}

/**
 * The filled shapes: each sub-path (a moveTo starts one) of a path that ended in a fill, with
 * the fill colour and alpha. An arc stands for its centre.
 */
function filledShapes(calls: Call[]) {
  const shapes: { points: number[][]; fill: unknown; alpha: number; arc: boolean }[] = [];
  let subs: { points: number[][]; arc: boolean }[] = [];
  for (const c of calls) {
    if (c.op === 'beginPath') subs = [];
    else if (c.op === 'moveTo') subs.push({ points: [c.args], arc: false });
    else if (c.op === 'lineTo') subs[subs.length - 1]?.points.push(c.args);
    else if (c.op === 'arc') {
      const centre = c.args.slice(0, 2);
      const last = subs[subs.length - 1];
      if (last && last.points.length === 1 && !last.arc) {
        last.points = [centre];
        last.arc = true;
      } else subs.push({ points: [centre], arc: true });
    } else if (c.op === 'fill') for (const sp of subs) shapes.push({ ...sp, fill: c.fillStyle, alpha: c.alpha });
  }
  return shapes;
}

const centroid = (pts: number[][]) => [
  pts.reduce((s, p) => s + (p[0] ?? 0), 0) / pts.length,
  pts.reduce((s, p) => s + (p[1] ?? 0), 0) / pts.length,
];

const positions = new Map<string, Point>([
  ['A', { x: 0, y: 0 }],
  ['B', { x: 100, y: 0 }],
  ['C', { x: 100, y: 200 }],
]);

describe('drawMessages', () => {
  it('puts a hint-replay diamond at the interpolated position', () => {
    const ctx = fakeContext();
    const hint = makeMessage({ kind: 'hint', from: 'B', to: 'C', sentAt: 1000, deliverAt: 1040 });
    const drawn = drawMessages(ctx, [hint], 1010, positions);
    expect(drawn).toBe(1);
    const shapes = filledShapes(ctx.calls);
    expect(shapes).toHaveLength(1);
    const diamond = shapes[0]!;
    expect(diamond.arc).toBe(false); // a diamond, not a dot
    expect(diamond.points).toHaveLength(4);
    expect(diamond.fill).toBe(OKABE_ITO.orange);
    const [cx, cy] = centroid(diamond.points);
    expect(cx).toBeCloseTo(100);
    expect(cy).toBeCloseTo(50); // a quarter of the way from B (100,0) to C (100,200)
  });

  it('draws a mutation as a dot at its progress and skips delivered messages', () => {
    const ctx = fakeContext();
    const inFlight = makeMessage({ id: 1, kind: 'mutation', from: 'A', to: 'B', sentAt: 0, deliverAt: 10 });
    const delivered = makeMessage({ id: 2, kind: 'mutation', from: 'B', to: 'A', sentAt: 0, deliverAt: 5 });
    expect(drawMessages(ctx, [inFlight, delivered], 7, positions)).toBe(1);
    const shapes = filledShapes(ctx.calls);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]!.arc).toBe(true);
    expect(shapes[0]!.points[0]![0]).toBeCloseTo(70);
  });

  it('leaves from the edge of the glyph when given a node radius', () => {
    const ctx = fakeContext();
    drawMessages(ctx, [makeMessage({ sentAt: 0, deliverAt: 10 })], 0, positions, { nodeRadius: 10 });
    expect(filledShapes(ctx.calls)[0]!.points[0]![0]).toBeCloseTo(10);
  });

  it('turns a doomed message red and faded near arrival', () => {
    const ctx = fakeContext();
    drawMessages(ctx, [makeMessage({ doomed: true, sentAt: 0, deliverAt: 10 })], 9, positions);
    const dot = filledShapes(ctx.calls)[0]!;
    expect(dot.fill).toBe(DOOMED_COLOUR);
    expect(dot.alpha).toBeLessThan(0.6);
  });

  it('with reduced motion draws a static arrow with the mark at the midpoint, whatever the time', () => {
    const ctx = fakeContext();
    const hint = makeMessage({ kind: 'hint', from: 'A', to: 'B', sentAt: 0, deliverAt: 10 });
    drawMessages(ctx, [hint], 1, positions, { reducedMotion: true });
    const diamond = filledShapes(ctx.calls).find((s) => s.points.length === 4 && s.fill === OKABE_ITO.orange);
    expect(diamond).toBeDefined();
    const [cx] = centroid(diamond!.points);
    expect(cx).toBeCloseTo(50);
  });

  it('computes progress from simulated time', () => {
    expect(simProgress(makeMessage({ sentAt: 100, deliverAt: 300 }), 150)).toBeCloseTo(0.25);
    expect(simProgress(makeMessage({ sentAt: 100, deliverAt: 300 }), 50)).toBe(0);
  });
});

describe('drawMessages lanes', () => {
  it('shifts A→B and B→A to opposite sides of the chord', () => {
    const ab = fakeContext();
    drawMessages(ab, [makeMessage({ from: 'A', to: 'B', sentAt: 0, deliverAt: 10 })], 5, positions, { laneOffset: 4 });
    const ba = fakeContext();
    drawMessages(ba, [makeMessage({ from: 'B', to: 'A', sentAt: 0, deliverAt: 10 })], 5, positions, { laneOffset: 4 });
    const yAB = filledShapes(ab.calls)[0]!.points[0]![1]!;
    const yBA = filledShapes(ba.calls)[0]!.points[0]![1]!;
    expect(yAB).toBeCloseTo(4);
    expect(yBA).toBeCloseTo(-4);
  });
});
