// pure: the mark of a write's copy on its way to a relay (cross-DC forwarding): the write's dot
// with a ring round it and "×N", the N replicas of the far datacenter this one copy stands for
// (the relay and the others it sends the write on to). Drawn over the ordinary marks.
import { CENTER } from '../geometry';
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
    ctx.font = `700 ${Math.round(17 * ms)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = pass.dark ? INK.dark : INK.light;
    for (let k = 0; k < labels.length; k++) {
      // Towards the ring's middle: a WAN copy runs outside the glyphs, and inside is open space.
      const x = at[2 * k]!;
      const y = at[2 * k + 1]!;
      const d = Math.hypot(x - CENTER, y - CENTER) || 1;
      ctx.textAlign = x >= CENTER ? 'right' : 'left';
      ctx.fillText(labels[k]!, x - ((x - CENTER) / d) * (r + 3), y - ((y - CENTER) / d) * (r + 3));
    }
  }
  return labels.length;
}
