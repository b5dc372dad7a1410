// pure: where a message in flight sits — its progress along the path and the path itself,
// from the sender's glyph edge to the receiver's, shifted into its lane: a chord within a
// datacenter, an arc round the outside between datacenters (./route).
import type { MessageView } from '../../protocol';
import type { Point } from '../geometry';
import type { MessageContext } from './context';
import { arcBetween, arcPoint, arcSegments, crossesDc, edgeAt, type Arc, type NodePoint } from './route';

/** Progress 0..1 of a message at simulated time t (>1 once delivered). */
export function simProgress(m: MessageView, t: number): number {
  const span = m.deliverAt - m.sentAt;
  if (span <= 0) return t >= m.deliverAt ? 1 : 0;
  return Math.max(0, (t - m.sentAt) / span);
}

/** Not on its path: delivered (> 1), or waiting for the arrival that caused it to be drawn (< 0). */
export const offPath = (p: number) => p > 1 || p < 0;

/** Where one message is drawn: the ends of its path and its mark. Written in place. */
export interface Placement {
  sx: number;
  sy: number;
  ex: number;
  ey: number;
  x: number;
  y: number;
  /** A point just behind the end along the path: an arrow head points from it to (ex, ey). */
  bx: number;
  by: number;
  /** Between datacenters: the path is `arc` from s0 to s1, not the chord. */
  wan: boolean;
  arc: Arc;
  s0: number;
  s1: number;
}

export const newPlacement = (): Placement => ({
  sx: 0, sy: 0, ex: 0, ey: 0, x: 0, y: 0, bx: 0, by: 0, wan: false, arc: { theta: 0, delta: 0, r0: 0, r1: 0, shift: 0 }, s0: 0, s1: 1,
});

/** One placement reused by every pass: no object per message per animation frame. */
export const scratch: Placement = newPlacement();

const at: Point = { x: 0, y: 0 };

/**
 * Writes the path of m (from the sender's glyph edge to the receiver's, shifted into its lane)
 * and its mark at progress p into `out`. False when it cannot be drawn: unknown node, or to self.
 */
export function placeMessage(
  m: MessageView,
  p: number,
  positions: ReadonlyMap<string, NodePoint>,
  inset: number,
  lane: number,
  out: Placement,
): boolean {
  const a = positions.get(m.from);
  const b = positions.get(m.to);
  if (!a || !b) return false;
  out.wan = crossesDc(a, b);
  if (out.wan) return placeOnArc(a, b, p, inset, lane, out);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return false;
  const k = Math.min(inset, len / 2 - 1e-6) / len;
  // Right-hand normal of the direction of travel (y grows downwards).
  const ox = (-dy / len) * lane;
  const oy = (dx / len) * lane;
  out.sx = a.x + dx * k + ox;
  out.sy = a.y + dy * k + oy;
  out.ex = b.x - dx * k + ox;
  out.ey = b.y - dy * k + oy;
  out.x = out.sx + (out.ex - out.sx) * p;
  out.y = out.sy + (out.ey - out.sy) * p;
  out.bx = out.sx;
  out.by = out.sy;
  return true;
}

/** One WAN path, all but the mark: the same for every message between the same two places. */
interface ArcPath {
  inset: number;
  lane: number;
  arc: Arc;
  s0: number;
  s1: number;
  ends: [sx: number, sy: number, ex: number, ey: number, bx: number, by: number];
}

/**
 * WAN paths per (sender, receiver) place: finding where an arc leaves a glyph's edge takes two
 * bisections, too many to run for every mark in every pass of every animation frame.
 */
const arcPaths = new WeakMap<Point, Map<Point, ArcPath>>();

function arcPath(a: Point, b: Point, inset: number, lane: number): ArcPath {
  let row = arcPaths.get(a);
  const known = row?.get(b);
  if (known && known.inset === inset && known.lane === lane) return known;
  const arc = arcBetween(a, b, lane, { theta: 0, delta: 0, r0: 0, r1: 0, shift: 0 });
  const s0 = edgeAt(arc, a, inset, 0, 0.5);
  const s1 = edgeAt(arc, b, inset, 1, 0.5);
  const start = arcPoint(arc, s0, { x: 0, y: 0 });
  const end = arcPoint(arc, s1, { x: 0, y: 0 });
  const back = arcPoint(arc, s1 - (s1 - s0) * 0.04, { x: 0, y: 0 });
  const path: ArcPath = { inset, lane, arc, s0, s1, ends: [start.x, start.y, end.x, end.y, back.x, back.y] };
  if (!row) arcPaths.set(a, (row = new Map()));
  row.set(b, path);
  return path;
}

function placeOnArc(a: Point, b: Point, p: number, inset: number, lane: number, out: Placement): boolean {
  if (a.x === b.x && a.y === b.y) return false;
  const path = arcPath(a, b, inset, lane);
  Object.assign(out.arc, path.arc);
  out.s0 = path.s0;
  out.s1 = path.s1;
  [out.sx, out.sy, out.ex, out.ey, out.bx, out.by] = path.ends;
  arcPoint(out.arc, out.s0 + (out.s1 - out.s0) * p, at);
  out.x = at.x;
  out.y = at.y;
  return true;
}

/** Adds to ctx's path the stretch of the placed path from progress p0 to p1 (a polyline along an arc). */
export function tracePlaced(ctx: Pick<MessageContext, 'moveTo' | 'lineTo'>, P: Placement, p0: number, p1: number): void {
  if (!P.wan) {
    ctx.moveTo(P.sx + (P.ex - P.sx) * p0, P.sy + (P.ey - P.sy) * p0);
    ctx.lineTo(P.sx + (P.ex - P.sx) * p1, P.sy + (P.ey - P.sy) * p1);
    return;
  }
  const span = P.s1 - P.s0;
  const n = Math.max(1, Math.ceil(arcSegments(P.arc.delta) * Math.abs(p1 - p0)));
  for (let i = 0; i <= n; i++) {
    arcPoint(P.arc, P.s0 + span * (p0 + ((p1 - p0) * i) / n), at);
    if (i === 0) ctx.moveTo(at.x, at.y);
    else ctx.lineTo(at.x, at.y);
  }
}
