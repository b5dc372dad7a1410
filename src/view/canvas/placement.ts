// pure: where a message in flight sits — its progress along the path and the path itself,
// from the sender's glyph edge to the receiver's, shifted into its lane.
import type { MessageView } from '../../protocol';
import type { Point } from '../geometry';

/** Progress 0..1 of a message at simulated time t (>1 once delivered). */
export function simProgress(m: MessageView, t: number): number {
  const span = m.deliverAt - m.sentAt;
  if (span <= 0) return t >= m.deliverAt ? 1 : 0;
  return Math.max(0, (t - m.sentAt) / span);
}

/** Where one message is drawn: the ends of its path and its mark. Written in place. */
export interface Placement {
  sx: number;
  sy: number;
  ex: number;
  ey: number;
  x: number;
  y: number;
}

/** One placement reused by every pass: no object per message per animation frame. */
export const scratch: Placement = { sx: 0, sy: 0, ex: 0, ey: 0, x: 0, y: 0 };

/**
 * Writes the path of m (from the sender's glyph edge to the receiver's, shifted into its lane)
 * and its mark at progress p into `out`. False when it cannot be drawn: unknown node, or to self.
 */
export function placeMessage(
  m: MessageView,
  p: number,
  positions: ReadonlyMap<string, Point>,
  inset: number,
  lane: number,
  out: Placement,
): boolean {
  const a = positions.get(m.from);
  const b = positions.get(m.to);
  if (!a || !b) return false;
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
  return true;
}
