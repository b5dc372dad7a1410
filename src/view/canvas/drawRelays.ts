// pure: the mark of a write's copy on its way to a relay (cross-DC forwarding): the write's dot
// with a ring round it and "×N", the N replicas of the far datacenter this one copy stands for
// (the relay and the others it sends the write on to). Drawn over the ordinary marks.
import { CENTER, glyphRadius, type Point } from '../geometry';
import { writesText } from './context';
import { INK, progress, type Pass } from './marks';
import { offPath, placeMessage, scratch } from './placement';

/** What the badge says: the copies one relay's copy stands for. */
export const relayLabel = (forwardTo: readonly string[]) => `×${forwardTo.length + 1}`;

/** Rings and badges of the relays' copies in flight (at progress `fixed` for reduced motion's still arrows); returns how many were drawn. */
export function drawRelays(pass: Pass, fixed?: number): number {
  const { ctx, messages, positions, inset, lane, hidden, ms } = pass;
  const P = scratch;
  const style = pass.styles.mutation;
  const r = style.size * 1.9 * ms;
  const at: number[] = [];
  const labels: string[] = [];
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (!m.forwardTo || hidden?.has(m.kind)) continue;
    const p = fixed ?? progress(pass, m);
    if (offPath(p) || (m.doomed && p > 0.5) || !placeMessage(m, p, positions, inset, lane, P)) continue;
    ctx.moveTo(P.x + r, P.y);
    ctx.arc(P.x, P.y, r, 0, 2 * Math.PI);
    at.push(P.x, P.y);
    labels.push(relayLabel(m.forwardTo));
  }
  if (labels.length === 0) return 0;
  ctx.globalAlpha = pass.dim;
  ctx.strokeStyle = style.colour;
  ctx.lineWidth = 2.5 * ms;
  ctx.stroke();
  if (writesText(ctx)) {
    const px = Math.round(17 * ms);
    ctx.font = `700 ${px}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = pass.dark ? INK.dark : INK.light;
    const glyphs = { points: [...positions.values()], r: glyphRadius(positions.size) };
    for (const b of placeRelayLabels(at, labels, r + 3, px, glyphs)) {
      ctx.textAlign = b.align;
      ctx.fillText(b.text, b.x, b.y);
    }
  }
  return labels.length;
}

export interface PlacedLabel {
  text: string;
  /** The anchor: the box's right edge when `align` is right, else its left edge; its middle height. */
  x: number;
  y: number;
  align: 'left' | 'right';
}

interface Box { x0: number; y0: number; x1: number; y1: number }

/**
 * Where each badge goes: beside its dot towards the ring's middle (a WAN copy runs outside the
 * glyphs, and inside is mostly open), else on the outer side; a badge that would cover a node's
 * glyph or an earlier badge either way is left out — its ring still marks the copy.
 * `at` holds the dots' x, y pairs; `gap` is the distance from a dot's centre to its badge.
 */
export function placeRelayLabels(at: readonly number[], labels: readonly string[], gap: number, px: number, glyphs: { points: readonly Point[]; r: number }): PlacedLabel[] {
  const out: PlacedLabel[] = [];
  const taken: Box[] = [];
  for (let k = 0; k < labels.length; k++) {
    const x = at[2 * k]!;
    const y = at[2 * k + 1]!;
    const d = Math.hypot(x - CENTER, y - CENTER) || 1;
    const ux = (x - CENTER) / d;
    const uy = (y - CENTER) / d;
    // A bold digit and "×" are about 0.62 em wide.
    const w = 0.62 * px * labels[k]!.length;
    for (const side of [-1, 1]) {
      const ax = x + side * ux * gap;
      const ay = y + side * uy * gap;
      // Inwards the text grows towards the middle; outwards, away from it.
      const align: 'left' | 'right' = (x >= CENTER) === (side < 0) ? 'right' : 'left';
      const box = align === 'right' ? { x0: ax - w, y0: ay - px / 2, x1: ax, y1: ay + px / 2 } : { x0: ax, y0: ay - px / 2, x1: ax + w, y1: ay + px / 2 };
      if (glyphs.points.some((g) => boxMeetsCircle(box, g, glyphs.r + 2)) || taken.some((t) => boxesMeet(box, t))) continue;
      taken.push(box);
      out.push({ text: labels[k]!, x: ax, y: ay, align });
      break;
    }
  }
  return out;
}

function boxesMeet(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function boxMeetsCircle(b: Box, c: Point, r: number): boolean {
  const dx = c.x - Math.max(b.x0, Math.min(c.x, b.x1));
  const dy = c.y - Math.max(b.y0, Math.min(c.y, b.y1));
  return dx * dx + dy * dy < r * r;
}
