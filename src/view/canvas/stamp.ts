// A 2D context for drawMessages that rasterizes its commonest call itself: a path made only of
// full circles, filled. Thousands of small anti-aliased circles in one path cost the browser's
// software rasterizer ~8 ms a frame; stamped from precomputed coverage masks into a pixel
// buffer they cost ~1 ms. Everything else (lines, diamonds, squares, strokes) goes to the real
// context, in order: the buffer is flushed onto it before any other drawing.
//
// Semantics kept: one fill of many circles covers their union once (no darker overlaps, as a
// path fill), with the fill colour at globalAlpha, composited source-over.
import type { Context2D, TextContext } from './context';

/** What the real context must offer for stamping (a page canvas or an OffscreenCanvas has it). */
export interface PixelTarget extends Context2D {
  putImageData(data: ImageData, dx: number, dy: number, sx: number, sy: number, sw: number, sh: number): void;
  drawImage(image: OffscreenCanvas, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
}

export interface StampContext extends Context2D {
  /** Puts what is still in the buffer onto the real context (call once the picture is drawn). */
  finish(): void;
}

/** Stamping works here: the context takes pixels, and there is an OffscreenCanvas to composite through. */
export function canStamp(ctx: unknown): ctx is PixelTarget {
  return (
    typeof OffscreenCanvas !== 'undefined' &&
    typeof ImageData !== 'undefined' &&
    typeof (ctx as PixelTarget | null)?.putImageData === 'function' &&
    typeof (ctx as PixelTarget | null)?.drawImage === 'function'
  );
}

const TAU = 2 * Math.PI;
/** Subpixel positions a mark can take, per axis (quarter pixels). */
const SUB = 4;
/** Samples per mask pixel, per axis. */
const SAMPLES = 8;

interface Mask {
  size: number;
  /** Offset of the mask's first pixel from the mark's pixel. */
  origin: number;
  /** Coverage 0..255, row by row. */
  cover: Uint8Array;
}

/** Coverage of a disc of radius r centred at (size/2 + fx, size/2 + fy) within each pixel of a size×size grid. */
function discMask(r: number, fx: number, fy: number): Mask {
  const size = Math.ceil(2 * r) + 3;
  const origin = -Math.floor(size / 2);
  const cover = new Uint8Array(size * size);
  const cx = -origin + fx;
  const cy = -origin + fy;
  const r2 = r * r;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        const dy = py + (sy + 0.5) / SAMPLES - cy;
        for (let sx = 0; sx < SAMPLES; sx++) {
          const dx = px + (sx + 0.5) / SAMPLES - cx;
          if (dx * dx + dy * dy <= r2) hits++;
        }
      }
      cover[py * size + px] = Math.round((hits * 255) / (SAMPLES * SAMPLES));
    }
  }
  return { size, origin, cover };
}

const colours = new Map<string, number>();

/** #rgb or #rrggbb as 0xRRGGBB; -1 for anything else (then the real context draws it). */
function parseColour(c: unknown): number {
  if (typeof c !== 'string') return -1;
  let v = colours.get(c);
  if (v !== undefined) return v;
  const m6 = /^#([0-9a-f]{6})$/i.exec(c);
  const m3 = /^#([0-9a-f]{3})$/i.exec(c);
  v = m6 ? parseInt(m6[1]!, 16) : m3 ? parseInt(m3[1]!.replace(/./g, '$&$&'), 16) : -1;
  colours.set(c, v);
  return v;
}

const OP_MOVE = 0;
const OP_LINE = 1;
const OP_CLOSE = 2;
const OP_ARC = 3;

/** The transform (stamping needs a uniform scale and a translation). */
interface Transform {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** The current path, as ops for replay; and its circles while it has nothing else. */
class RecordedPath {
  ops: number[] = [];
  circles: number[] = [];
  onlyCircles = true;
  moveX = NaN;
  moveY = NaN;

  begin(): void {
    this.ops = [];
    this.circles = [];
    this.onlyCircles = true;
    this.moveX = NaN;
  }

  close(): void {
    this.ops.push(OP_CLOSE);
    this.onlyCircles = false;
  }

  moveTo(x: number, y: number): void {
    this.ops.push(OP_MOVE, x, y);
    if (!Number.isNaN(this.moveX)) this.onlyCircles = false; // a moveTo not followed by its circle
    this.moveX = x;
    this.moveY = y;
  }

  lineTo(x: number, y: number): void {
    this.ops.push(OP_LINE, x, y);
    this.onlyCircles = false;
  }

  arc(x: number, y: number, r: number, start: number, end: number): void {
    this.ops.push(OP_ARC, x, y, r, start, end);
    // drawMessages' dot: moveTo(x + r, y), then a full turn from angle 0.
    if (start === 0 && end >= TAU - 1e-9 && Math.abs(this.moveX - (x + r)) < 1e-9 && Math.abs(this.moveY - y) < 1e-9) this.circles.push(x, y, r);
    else this.onlyCircles = false;
    this.moveX = NaN;
  }

  /** Only whole circles, none left open by a moveTo: the path can be stamped. */
  get stampable(): boolean {
    return this.onlyCircles && Number.isNaN(this.moveX);
  }

  replay(target: Context2D): void {
    const ops = this.ops;
    target.beginPath();
    for (let i = 0; i < ops.length; ) {
      const op = ops[i++];
      if (op === OP_MOVE) target.moveTo(ops[i++]!, ops[i++]!);
      else if (op === OP_LINE) target.lineTo(ops[i++]!, ops[i++]!);
      else if (op === OP_CLOSE) target.closePath();
      else target.arc(ops[i++]!, ops[i++]!, ops[i++]!, ops[i++]!, ops[i++]!);
    }
  }
}

/** The pixel buffer circles are stamped into, and the box of what it holds since the last flush. */
class StampBuffer {
  readonly image: ImageData;
  readonly rgba: Uint8ClampedArray;
  private readonly coverage: Uint8Array;
  private touched = new Int32Array(4096);
  private readonly masks = new Map<string, Mask>();
  private scratch: OffscreenCanvas | null = null;
  x0: number;
  y0: number;
  x1 = -1;
  y1 = -1;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.image = new ImageData(width, height);
    this.rgba = this.image.data;
    this.coverage = new Uint8Array(width * height);
    this.x0 = width;
    this.y0 = height;
  }

  get empty(): boolean {
    return this.x1 < this.x0 || this.y1 < this.y0;
  }

  /** Clears the pixels drawn and forgets their box. */
  clear(): void {
    const { rgba, width, x0, x1 } = this;
    if (x1 >= x0) for (let y = this.y0; y <= this.y1; y++) rgba.fill(0, (y * width + x0) * 4, (y * width + x1 + 1) * 4);
    this.x0 = this.width;
    this.y0 = this.height;
    this.x1 = -1;
    this.y1 = -1;
  }

  /**
   * Puts the pixels drawn onto the real context: straight, while it is clear; else composited
   * through an OffscreenCanvas (putImageData would replace what is under them).
   */
  putOnto(target: PixelTarget, t: Transform, targetClear: boolean): void {
    const { x0, y0 } = this;
    const w = this.x1 - x0 + 1;
    const h = this.y1 - y0 + 1;
    if (targetClear) {
      target.putImageData(this.image, 0, 0, x0, y0, w, h);
      return;
    }
    this.scratch ??= new OffscreenCanvas(this.width, this.height);
    const sctx = this.scratch.getContext('2d');
    if (!sctx) return;
    sctx.putImageData(this.image, 0, 0, x0, y0, w, h);
    const alpha = target.globalAlpha;
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.globalAlpha = 1;
    target.drawImage(this.scratch, x0, y0, w, h, x0, y0, w, h);
    target.globalAlpha = alpha;
    target.setTransform(t.a, t.b, t.c, t.d, t.e, t.f);
  }

  private maskFor(r: number, fx: number, fy: number): Mask {
    const qx = Math.min(SUB - 1, Math.floor(fx * SUB));
    const qy = Math.min(SUB - 1, Math.floor(fy * SUB));
    const key = `${r.toFixed(3)}:${qx}:${qy}`;
    let m = this.masks.get(key);
    if (!m) {
      m = discMask(r, (qx + 0.5) / SUB, (qy + 0.5) / SUB);
      this.masks.set(key, m);
    }
    return m;
  }

  /** Fills the union of `circles` (x, y, r triples in path units) with `colour` at `alpha`. */
  stamp(circles: readonly number[], t: Transform, colour: number, alpha: number): void {
    let count = 0;
    for (let i = 0; i < circles.length; i += 3) {
      const cx = circles[i]! * t.a + t.e;
      const cy = circles[i + 1]! * t.d + t.f;
      count = this.cover(cx, cy, circles[i + 2]! * t.a, count);
    }
    this.composite(count, colour, alpha);
  }

  /** Adds one disc's coverage (the larger wins where discs overlap); returns the touched count. */
  private cover(cx: number, cy: number, r: number, count: number): number {
    const { width, height, coverage } = this;
    const ix = Math.floor(cx);
    const iy = Math.floor(cy);
    const m = this.maskFor(r, cx - ix, cy - iy);
    const left = ix + m.origin;
    const top = iy + m.origin;
    const size = m.size;
    const cover = m.cover;
    const ya = Math.max(0, -top);
    const yb = Math.min(size, height - top);
    const xa = Math.max(0, -left);
    const xb = Math.min(size, width - left);
    if (ya >= yb || xa >= xb) return count;
    if (left + xa < this.x0) this.x0 = left + xa;
    if (top + ya < this.y0) this.y0 = top + ya;
    if (left + xb - 1 > this.x1) this.x1 = left + xb - 1;
    if (top + yb - 1 > this.y1) this.y1 = top + yb - 1;
    for (let my = ya; my < yb; my++) {
      const row = (top + my) * width + left;
      const mrow = my * size;
      for (let mx = xa; mx < xb; mx++) {
        const c = cover[mrow + mx]!;
        if (c === 0) continue;
        const k = row + mx;
        const old = coverage[k]!;
        if (old === 0) {
          if (count === this.touched.length) {
            const grown = new Int32Array(this.touched.length * 2);
            grown.set(this.touched);
            this.touched = grown;
          }
          this.touched[count++] = k;
          coverage[k] = c;
        } else if (c > old) coverage[k] = c;
      }
    }
    return count;
  }

  /** The union's coverage, once, source-over (straight alpha, as ImageData holds it). */
  private composite(count: number, colour: number, alpha: number): void {
    const { rgba, coverage, touched } = this;
    const sr = (colour >> 16) & 255;
    const sg = (colour >> 8) & 255;
    const sb = colour & 255;
    const a255 = alpha * 255;
    for (let j = 0; j < count; j++) {
      const k = touched[j]!;
      const sa = (coverage[k]! * a255) / 65025;
      coverage[k] = 0;
      const p = k * 4;
      const da = rgba[p + 3]! / 255;
      const keep = da * (1 - sa);
      const oa = sa + keep;
      if (oa <= 0) continue;
      rgba[p] = (sr * sa + rgba[p]! * keep) / oa;
      rgba[p + 1] = (sg * sa + rgba[p + 1]! * keep) / oa;
      rgba[p + 2] = (sb * sa + rgba[p + 2]! * keep) / oa;
      rgba[p + 3] = oa * 255;
    }
  }
}

/** Text goes straight to the real context (a handful of labels: nothing to batch). */
const TEXT_DEFAULTS: Pick<TextContext, 'font' | 'textAlign' | 'textBaseline'> = { font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic' };

function writeText(from: Partial<TextContext>, target: Partial<TextContext>, text: string, x: number, y: number, before: () => void): void {
  before();
  if (!target.fillText) return;
  Object.assign(target, { font: from.font, textAlign: from.textAlign, textBaseline: from.textBaseline });
  target.fillText(text, x, y);
}

const isIdentity = (t: Transform) => t.a === 1 && t.b === 0 && t.c === 0 && t.d === 1 && t.e === 0 && t.f === 0;

export function createStampContext(target: PixelTarget, width: number, height: number): StampContext {
  const buffer = new StampBuffer(width, height);
  const path = new RecordedPath();
  const t: Transform = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
  /** Nothing has been drawn on the real context since it was cleared. */
  let targetClear = false;
  const stack: { fillStyle: Context2D['fillStyle']; strokeStyle: Context2D['strokeStyle']; globalAlpha: number; lineWidth: number }[] = [];

  /** The buffer onto the real context; the buffer starts empty again. */
  function flush(): void {
    if (buffer.empty) return;
    buffer.putOnto(target, t, targetClear);
    buffer.clear();
    targetClear = false;
  }

  /** Before drawing on the real context: the buffer goes first, and the state goes along. */
  function toTarget(): void {
    flush();
    // The real context is drawn on now: later stamps must composite over it, not replace its pixels.
    targetClear = false;
    Object.assign(target, { fillStyle: ctx.fillStyle, strokeStyle: ctx.strokeStyle, globalAlpha: ctx.globalAlpha, lineWidth: ctx.lineWidth });
    path.replay(target);
  }

  const ctx: StampContext = {
    fillStyle: '#000',
    strokeStyle: '#000',
    globalAlpha: 1,
    lineWidth: 1,
    save() {
      stack.push({ fillStyle: ctx.fillStyle, strokeStyle: ctx.strokeStyle, globalAlpha: ctx.globalAlpha, lineWidth: ctx.lineWidth });
      target.save();
    },
    restore() {
      const s = stack.pop();
      if (s) Object.assign(ctx, s);
      target.restore();
    },
    setTransform(a, b, c, d, e, f) {
      Object.assign(t, { a, b, c, d, e, f });
      target.setTransform(a, b, c, d, e, f);
    },
    clearRect(x, y, w, h) {
      const whole = isIdentity(t) && x <= 0 && y <= 0 && x + w >= width && y + h >= height;
      if (whole) buffer.clear();
      else flush();
      target.clearRect(x, y, w, h);
      if (whole) targetClear = true;
    },
    beginPath: () => path.begin(),
    closePath: () => path.close(),
    moveTo: (x, y) => path.moveTo(x, y),
    lineTo: (x, y) => path.lineTo(x, y),
    arc: (x, y, r, start, end) => path.arc(x, y, r, start, end),
    fill() {
      const colour = parseColour(ctx.fillStyle);
      const uniform = t.b === 0 && t.c === 0 && t.a === t.d && t.a > 0;
      if (path.stampable && uniform && colour >= 0) {
        if (path.circles.length > 0 && ctx.globalAlpha > 0) buffer.stamp(path.circles, t, colour, Math.min(1, ctx.globalAlpha));
        return;
      }
      toTarget();
      target.fill();
    },
    stroke() {
      toTarget();
      target.stroke();
    },
    setLineDash: (segments) => target.setLineDash(segments),
    ...TEXT_DEFAULTS,
    fillText: (text, x, y) => writeText(ctx, target, text, x, y, toTarget),
    finish: flush,
  };
  return ctx;
}
