// pure: reduced motion's picture of messages in flight — one static arrow per (sender, receiver,
// kind, fate), the mark at its middle. Runs once per frame, not per animation frame.
import type { MessageKind } from '../../protocol';
import type { Point } from '../geometry';
import { DOOMED_COLOUR, type MessageStyle } from '../palette';
import { arrowHeadPath, crossPath, crossSize, INK, KIND_INDEX, KINDS, outlined, OUTLINE, shapePath, touches, type Pass } from './marks';
import { placeMessage, scratch, tracePlaced } from './placement';
import { drawRelays } from './drawRelays';

/** Reduced motion: one static arrow per (sender, receiver, kind, fate), the mark at its middle. */
export function drawStatic(pass: Pass): number {
  const uniqueOf = dedup(pass.positions);
  const unique: number[] = [];
  let drawn = 0;
  for (const kind of KINDS) {
    if (pass.hidden?.has(kind)) continue;
    const style = pass.styles[kind];
    for (const fate of [false, true]) {
      uniqueOf(pass, kind, fate, unique);
      if (unique.length === 0) continue;
      const colour = fate ? DOOMED_COLOUR : style.colour;
      drawArrows(pass, kind, style, colour, fate, unique);
      drawMiddles(pass, style, fate, unique);
      drawn += unique.length;
    }
  }
  drawRelays(pass, 0.5);
  if (pass.hl) traceHighlighted(pass);
  pass.ctx.globalAlpha = 1;
  return drawn;
}

/**
 * Collects into `unique` the indices of the first message of each (sender, receiver, kind, fate)
 * that can be placed, across calls (a key seen once is not drawn again).
 */
function dedup(positions: ReadonlyMap<string, Point>) {
  // Numeric keys for the de-duplication.
  const index = new Map<string, number>();
  for (const id of positions.keys()) index.set(id, index.size);
  const nodes = Math.max(1, index.size);
  const seen = new Set<number>();
  return (pass: Pass, kind: MessageKind, fate: boolean, unique: number[]): void => {
    const P = scratch;
    const k = KIND_INDEX.get(kind) ?? 0;
    unique.length = 0;
    for (let i = 0; i < pass.messages.length; i++) {
      const m = pass.messages[i]!;
      if (m.kind !== kind || m.doomed !== fate) continue;
      const key = (((index.get(m.from) ?? 0) * nodes + (index.get(m.to) ?? 0)) * KINDS.length + k) * 2 + (fate ? 1 : 0);
      if (seen.has(key) || !placeMessage(m, 0.5, positions, pass.inset, pass.lane, P)) continue;
      seen.add(key);
      unique.push(i);
    }
  };
}

/** Shafts (dashed for a doomed message) and heads. */
function drawArrows(pass: Pass, kind: MessageKind, style: MessageStyle, colour: string, fate: boolean, unique: readonly number[]): void {
  const { ctx, messages, positions, inset, lane, dim, ms } = pass;
  const P = scratch;
  ctx.beginPath();
  for (const i of unique) {
    placeMessage(messages[i]!, 0.5, positions, inset, lane, P);
    tracePlaced(ctx, P, 0, 1);
  }
  ctx.globalAlpha = style.alpha * 0.6 * dim;
  ctx.strokeStyle = colour;
  ctx.lineWidth = kind === 'hint' ? 3 : 1.5;
  ctx.setLineDash(fate ? [6, 4] : []);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const i of unique) {
    placeMessage(messages[i]!, 0.5, positions, inset, lane, P);
    arrowHeadPath(ctx, P, (6 + style.size / 2) * ms);
  }
  ctx.globalAlpha = style.alpha * dim;
  ctx.fillStyle = colour;
  ctx.fill();
}

/** Marks at the middle, in the heads' fill, and a ✕ at the end of a doomed message's path. */
function drawMiddles(pass: Pass, style: MessageStyle, fate: boolean, unique: readonly number[]): void {
  const { ctx, messages, positions, inset, lane, dim, ms } = pass;
  const P = scratch;
  ctx.beginPath();
  for (const i of unique) {
    placeMessage(messages[i]!, 0.5, positions, inset, lane, P);
    shapePath(ctx, style.shape, P.x, P.y, style.size * ms);
  }
  ctx.fill();
  if (outlined(style)) {
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = OUTLINE;
    ctx.stroke();
  }
  if (!fate) return;
  ctx.beginPath();
  for (const i of unique) {
    placeMessage(messages[i]!, 0.5, positions, inset, lane, P);
    crossPath(ctx, P.ex, P.ey, crossSize(style) * ms);
  }
  ctx.globalAlpha = dim;
  ctx.strokeStyle = DOOMED_COLOUR;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}

/** The highlighted node's arrows traced in ink. */
function traceHighlighted(pass: Pass): void {
  const { ctx, messages, positions, inset, lane, hidden, hl } = pass;
  const P = scratch;
  let any = false;
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (!touches(m, hl) || hidden?.has(m.kind) || !placeMessage(m, 0.5, positions, inset, lane, P)) continue;
    tracePlaced(ctx, P, 0, 1);
    any = true;
  }
  if (!any) return;
  ctx.globalAlpha = 0.8 * hl!.strength;
  ctx.strokeStyle = pass.dark ? INK.dark : INK.light;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}
