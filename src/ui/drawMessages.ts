// pure: draws messages in flight onto a 2D context, in ring view units. Reads nothing
// but its arguments; the caller sets the context's transform.
import type { MessageView } from '../protocol';
import type { Point } from './geometry';
import { DOOMED_COLOUR, messageStyles, type MessageStyle } from './palette';

/** The subset of CanvasRenderingContext2D used here (a fake one records calls in tests). */
export interface MessageContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  globalAlpha: number;
  lineWidth: number;
  save(): void;
  restore(): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
}

export interface DrawOptions {
  /** Static arrows at the midpoint instead of moving marks. */
  reducedMotion?: boolean;
  dark?: boolean;
  /** Marks leave and reach the glyph's edge, not its centre. */
  nodeRadius?: number;
  /** Shifts each path this far to the right of its direction, so A→B and B→A run side by side. */
  laneOffset?: number;
  /** Overrides the progress 0..1 along the path (visual persistence); default: sim time. */
  progressOf?: (m: MessageView) => number;
}

/** Progress 0..1 of a message at simulated time t (>1 once delivered). */
export function simProgress(m: MessageView, t: number): number {
  const span = m.deliverAt - m.sentAt;
  if (span <= 0) return t >= m.deliverAt ? 1 : 0;
  return Math.max(0, (t - m.sentAt) / span);
}

interface Segment {
  start: Point;
  end: Point;
}

function segment(from: Point, to: Point, inset: number, lane: number): Segment | null {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return null;
  const k = Math.min(inset, len / 2 - 1e-6) / len;
  // Right-hand normal of the direction of travel (y grows downwards).
  const ox = (-dy / len) * lane;
  const oy = (dx / len) * lane;
  return {
    start: { x: from.x + dx * k + ox, y: from.y + dy * k + oy },
    end: { x: to.x - dx * k + ox, y: to.y - dy * k + oy },
  };
}

const lerp = (s: Segment, p: number): Point => ({ x: s.start.x + (s.end.x - s.start.x) * p, y: s.start.y + (s.end.y - s.start.y) * p });

function mark(ctx: MessageContext, at: Point, style: MessageStyle, colour: string): void {
  const r = style.size;
  ctx.fillStyle = colour;
  ctx.beginPath();
  if (style.shape === 'diamond') {
    ctx.moveTo(at.x, at.y - r);
    ctx.lineTo(at.x + r, at.y);
    ctx.lineTo(at.x, at.y + r);
    ctx.lineTo(at.x - r, at.y);
    ctx.closePath();
  } else if (style.shape === 'square') {
    ctx.moveTo(at.x - r, at.y - r);
    ctx.lineTo(at.x + r, at.y - r);
    ctx.lineTo(at.x + r, at.y + r);
    ctx.lineTo(at.x - r, at.y + r);
    ctx.closePath();
  } else {
    ctx.arc(at.x, at.y, r, 0, 2 * Math.PI);
  }
  ctx.fill();
  if (style.shape === 'diamond' || style.shape === 'square') {
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#3a2500';
    ctx.stroke();
  }
}

function arrowHead(ctx: MessageContext, s: Segment, at: Point, size: number): void {
  const dx = s.end.x - s.start.x;
  const dy = s.end.y - s.start.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  ctx.beginPath();
  ctx.moveTo(at.x, at.y);
  ctx.lineTo(at.x - ux * size - uy * size * 0.6, at.y - uy * size + ux * size * 0.6);
  ctx.lineTo(at.x - ux * size + uy * size * 0.6, at.y - uy * size - ux * size * 0.6);
  ctx.closePath();
  ctx.fill();
}

function drawMoving(ctx: MessageContext, m: MessageView, s: Segment, p: number, style: MessageStyle): void {
  const at = lerp(s, p);
  // A doomed message turns red and fades over the second half of its flight.
  const dying = m.doomed && p > 0.5;
  const colour = dying ? DOOMED_COLOUR : style.colour;
  const alpha = dying ? style.alpha * (1 - 0.7 * ((p - 0.5) / 0.5)) : style.alpha;
  if (m.kind === 'hint') {
    ctx.globalAlpha = alpha * 0.45;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(s.start.x, s.start.y);
    ctx.lineTo(at.x, at.y);
    ctx.stroke();
  }
  ctx.globalAlpha = alpha;
  mark(ctx, at, style, colour);
}

function drawStatic(ctx: MessageContext, m: MessageView, s: Segment, style: MessageStyle): void {
  const colour = m.doomed ? DOOMED_COLOUR : style.colour;
  ctx.globalAlpha = style.alpha * 0.6;
  ctx.strokeStyle = colour;
  ctx.lineWidth = m.kind === 'hint' ? 3 : 1.5;
  ctx.setLineDash(m.doomed ? [6, 4] : []);
  ctx.beginPath();
  ctx.moveTo(s.start.x, s.start.y);
  ctx.lineTo(s.end.x, s.end.y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = style.alpha;
  ctx.fillStyle = colour;
  arrowHead(ctx, s, s.end, 6 + style.size / 2);
  mark(ctx, lerp(s, 0.5), style, colour);
}

/**
 * Draws each message between its sender's and receiver's glyph: at the interpolated
 * position (t − sentAt)/(deliverAt − sentAt), or, with reducedMotion, as a static arrow.
 * Messages already delivered, to or from an unknown node, or to self are skipped.
 */
export function drawMessages(
  ctx: MessageContext,
  messages: readonly MessageView[],
  nowMs: number,
  positions: ReadonlyMap<string, Point>,
  options: DrawOptions = {},
): number {
  const styles = messageStyles(options.dark ?? false);
  const inset = options.nodeRadius ?? 0;
  const lane = options.laneOffset ?? 0;
  const ordered = messages.slice().sort((a, b) => styles[a.kind].layer - styles[b.kind].layer);
  const seenStatic = new Set<string>();
  let drawn = 0;
  ctx.save();
  for (const m of ordered) {
    const from = positions.get(m.from);
    const to = positions.get(m.to);
    if (!from || !to) continue;
    const s = segment(from, to, inset, lane);
    if (!s) continue;
    const style = styles[m.kind];
    if (options.reducedMotion) {
      const key = `${m.from}>${m.to}:${m.kind}:${m.doomed}`;
      if (seenStatic.has(key)) continue;
      seenStatic.add(key);
      drawStatic(ctx, m, s, style);
    } else {
      const p = options.progressOf ? options.progressOf(m) : simProgress(m, nowMs);
      if (p > 1) continue;
      drawMoving(ctx, m, s, Math.max(0, p), style);
    }
    drawn++;
  }
  ctx.restore();
  return drawn;
}
