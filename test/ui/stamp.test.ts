// The stamping context: paths of full circles are rasterized from coverage masks into a pixel
// buffer; everything else reaches the real context, in order, after the buffer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canStamp, createStampContext, type PixelTarget } from '../../src/view/canvas/stamp';

/** jsdom has neither: the smallest stand-ins the context needs. */
class FakeImageData {
  data: Uint8ClampedArray;
  constructor(
    public width: number,
    public height: number,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
  }
}

interface Call {
  op: string;
  args: unknown[];
}

function recorder() {
  const calls: Call[] = [];
  const rec =
    (op: string) =>
    (...args: unknown[]) =>
      void calls.push({ op, args });
  const target = {
    calls,
    fillStyle: '#000' as PixelTarget['fillStyle'],
    strokeStyle: '#000' as PixelTarget['strokeStyle'],
    globalAlpha: 1,
    lineWidth: 1,
    save: rec('save'),
    restore: rec('restore'),
    setTransform: rec('setTransform'),
    clearRect: rec('clearRect'),
    beginPath: rec('beginPath'),
    closePath: rec('closePath'),
    moveTo: rec('moveTo'),
    lineTo: rec('lineTo'),
    arc: rec('arc'),
    fill: rec('fill'),
    stroke: rec('stroke'),
    setLineDash: rec('setLineDash'),
    putImageData: (data: FakeImageData, dx: number, dy: number, sx: number, sy: number, sw: number, sh: number) =>
      void calls.push({ op: 'putImageData', args: [data.data.slice(), dx, dy, sx, sy, sw, sh] }),
    drawImage: rec('drawImage'),
  };
  return target;
}

class FakeOffscreenCanvas {
  static last: ReturnType<typeof recorder> | null = null;
  ctx = recorder();
  constructor(
    public width: number,
    public height: number,
  ) {
    FakeOffscreenCanvas.last = this.ctx;
  }
  getContext() {
    return this.ctx;
  }
}

const globals = globalThis as unknown as Record<string, unknown>;
beforeAll(() => {
  globals.ImageData = FakeImageData;
  globals.OffscreenCanvas = FakeOffscreenCanvas;
});
afterAll(() => {
  delete globals.ImageData;
  delete globals.OffscreenCanvas;
});

const W = 40;
/** drawMessages' dot. */
const dot = (ctx: { moveTo(x: number, y: number): void; arc(x: number, y: number, r: number, a: number, b: number): void }, x: number, y: number, r: number) => {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, 2 * Math.PI);
};
const pixel = (data: Uint8ClampedArray, x: number, y: number) => Array.from(data.slice((y * W + x) * 4, (y * W + x) * 4 + 4));

function setup() {
  const target = recorder();
  const ctx = createStampContext(target as unknown as PixelTarget, W, W);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, W, W);
  target.calls.length = 0;
  return { target, ctx };
}

const putData = (target: ReturnType<typeof recorder>) => target.calls.find((c) => c.op === 'putImageData')!.args[0] as Uint8ClampedArray;

describe('stamp context', () => {
  it('only stamps where the context takes pixels', () => {
    expect(canStamp(recorder())).toBe(true);
    expect(canStamp({ fill: () => {} })).toBe(false);
  });

  it('stamps a path of circles instead of filling it, in the fill colour, once the picture is done', () => {
    const { target, ctx } = setup();
    ctx.beginPath();
    dot(ctx, 10, 10, 4);
    dot(ctx, 30, 30, 4);
    ctx.fillStyle = '#0072B2';
    ctx.fill();
    expect(target.calls.some((c) => c.op === 'fill')).toBe(false);
    ctx.finish();
    const data = putData(target);
    expect(pixel(data, 10, 10)).toEqual([0x00, 0x72, 0xb2, 255]);
    expect(pixel(data, 30, 30)).toEqual([0x00, 0x72, 0xb2, 255]);
    expect(pixel(data, 20, 20)[3]).toBe(0);
    // Anti-aliased edge: partly covered.
    const edge = pixel(data, 14, 10)[3]!;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
  });

  it('composites stamps over a stroke drawn first on the cleared context instead of replacing its pixels', () => {
    const { target, ctx } = setup();
    ctx.beginPath();
    ctx.moveTo(0, 10);
    ctx.lineTo(40, 10);
    ctx.stroke();
    ctx.beginPath();
    dot(ctx, 10, 10, 4);
    ctx.fill();
    ctx.finish();
    const ops = target.calls.map((c) => c.op);
    expect(ops.indexOf('stroke')).toBeLessThan(ops.indexOf('drawImage'));
    expect(ops).not.toContain('putImageData');
  });

  it('covers the union of one fill once (no darker overlaps), and composites separate fills', () => {
    const { target, ctx } = setup();
    ctx.globalAlpha = 0.5;
    ctx.fillStyle = '#ff0000';
    ctx.beginPath();
    dot(ctx, 20, 20, 6);
    dot(ctx, 21, 20, 6);
    ctx.fill();
    ctx.finish();
    expect(pixel(putData(target), 20, 20)[3]).toBeCloseTo(128, -1);

    const second = setup();
    second.ctx.globalAlpha = 0.5;
    second.ctx.fillStyle = '#ff0000';
    for (const x of [20, 21]) {
      second.ctx.beginPath();
      dot(second.ctx, x, 20, 6);
      second.ctx.fill();
    }
    second.ctx.finish();
    expect(pixel(putData(second.target), 20, 20)[3]).toBeCloseTo(191, -1);
  });

  it('hands any other path to the real context, after what it stamped, then composites later stamps over it', () => {
    const { target, ctx } = setup();
    ctx.fillStyle = '#00ff00';
    ctx.beginPath();
    dot(ctx, 10, 10, 3);
    ctx.fill();
    // A diamond: not circles.
    ctx.beginPath();
    ctx.moveTo(20, 16);
    ctx.lineTo(24, 20);
    ctx.lineTo(20, 24);
    ctx.closePath();
    ctx.fillStyle = '#E69F00';
    ctx.fill();
    const ops = target.calls.map((c) => c.op);
    expect(ops.indexOf('putImageData')).toBeGreaterThanOrEqual(0);
    expect(ops.indexOf('putImageData')).toBeLessThan(ops.indexOf('fill'));
    expect(ops.filter((o) => o === 'lineTo')).toHaveLength(2);
    expect(target.fillStyle).toBe('#E69F00');
    // Stamped after vector drawing: composited through a scratch canvas, not put over it.
    ctx.fillStyle = '#0000ff';
    ctx.beginPath();
    dot(ctx, 30, 30, 3);
    ctx.fill();
    ctx.finish();
    expect(target.calls.filter((c) => c.op === 'putImageData')).toHaveLength(1);
    expect(target.calls.some((c) => c.op === 'drawImage')).toBe(true);
    expect(FakeOffscreenCanvas.last!.calls.some((c) => c.op === 'putImageData')).toBe(true);
  });

  it('strokes a stamped path on the real context, over the stamped fill', () => {
    const { target, ctx } = setup();
    ctx.beginPath();
    dot(ctx, 10, 10, 4);
    ctx.fillStyle = '#123456';
    ctx.fill();
    ctx.strokeStyle = '#000000';
    ctx.stroke();
    const ops = target.calls.map((c) => c.op);
    expect(ops.indexOf('putImageData')).toBeLessThan(ops.indexOf('stroke'));
    expect(ops).toContain('arc');
  });
});
