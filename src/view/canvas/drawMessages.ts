// pure: draws messages in flight onto a 2D context, in ring view units, and finds the one under
// a point. Reads nothing but its arguments; the caller sets the context's transform.
// It runs every animation frame over thousands of messages, so it batches: one path per
// kind per pass (one fill, one stroke), no save/restore, no strings and no objects per message.
import type { MessageKind, MessageView } from '../../protocol';
import type { Point } from '../geometry';
import { DOOMED_COLOUR, type MessageStyle } from '../palette';
import type { MessageContext } from './context';
import { drawStatic } from './drawStatic';
import { drawRelays } from './drawRelays';
import { crossesDc, type NodePoint } from './route';
import { crossPath, crossSize, DYING_ALPHA, INK, KINDS, outlined, OUTLINE, passOf, shapePath, STYLES, touches, WAN_DASH, WAN_LINK, type DrawOptions, type Pass } from './marks';
import { offPath, placeMessage, scratch, simProgress, tracePlaced } from './placement';

export type { MessageContext, Context2D } from './context';
export type { DrawnCounts, DrawOptions, Highlight } from './marks';
export { newPlacement, placeMessage, simProgress, type Placement } from './placement';

/**
 * Draws each message between its sender's and receiver's glyph: at the interpolated
 * position (t − sentAt)/(deliverAt − sentAt), or, with reducedMotion, as a static arrow.
 * Messages already delivered, of a hidden kind, to or from an unknown node, or to self are
 * skipped. A doomed message turns red and fades over the second half of its flight, with a
 * red ✕ where it will be lost. Returns how many messages (arrows) were drawn.
 */
export function drawMessages(
  ctx: MessageContext,
  messages: readonly MessageView[],
  nowMs: number,
  positions: ReadonlyMap<string, Point>,
  options: DrawOptions = {},
): number {
  const pass = passOf(ctx, messages, nowMs, positions, options);
  if (options.reducedMotion) return drawStatic(pass);
  let drawn = 0;
  let doomed = false;
  for (let i = 0; i < messages.length && !doomed; i++) doomed = messages[i]!.doomed;
  ctx.lineWidth = 1;
  // Without datacenters (most runs) no message crosses one: skip the two passes over thousands of messages.
  const wan = hasDcs(positions) ? drawWanLinks(pass, false) + drawWanLinks(pass, true) : 0;
  for (const kind of KINDS) {
    if (pass.hidden?.has(kind)) continue;
    const style = pass.styles[kind];
    // Hint replay trails a fading line behind each page: the one kind that is the lesson.
    if (kind === 'hint') drawTrails(pass, kind, style);
    drawn += drawMarks(pass, kind, style);
  }
  const relays = drawRelays(pass);
  if (options.counts) Object.assign(options.counts, { wan, relays });
  if (doomed) {
    drawn += drawDying(pass);
    drawCrosses(pass);
  }
  if (pass.hl) drawn += drawHighlighted(pass);
  ctx.globalAlpha = 1;
  return drawn;
}

/** Dashed ways per pass at most: past a few hundred the dashes are a grey mass and cost a frame's budget. */
export const WAN_LINKS_MAX = 400;

const hasDcs = (positions: ReadonlyMap<string, NodePoint>) => {
  for (const p of positions.values()) if (p.dc !== undefined) return true;
  return false;
};

/**
 * The way still ahead of each message between datacenters, dashed: the WAN link it is crossing,
 * drawn under the marks in one stroke; answers (acks, replies: `strong` false) thinner and fainter
 * than requests, so the one copy going out stands out from the acks coming back. Returns how many it drew.
 */
function drawWanLinks(pass: Pass, strong: boolean): number {
  const { ctx, messages, positions, inset, lane, hidden, nowMs, progressOf } = pass;
  const P = scratch;
  let n = 0;
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    // Gossip keeps to its faint dots (its arc alone says WAN): dashes for each heartbeat would bury the writes.
    const layer = pass.styles[m.kind].layer;
    if (hidden?.has(m.kind) || layer === 0 || layer > 1 !== strong || !crossesDc(positions.get(m.from), positions.get(m.to))) continue;
    const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
    if (offPath(p) || !placeMessage(m, Math.max(0, p), positions, inset, lane, P) || !P.wan) continue;
    tracePlaced(ctx, P, Math.max(0, p), 1);
    if (++n === WAN_LINKS_MAX) break;
  }
  if (n === 0) return 0;
  ctx.globalAlpha = (strong ? 0.85 : 0.5) * pass.dim;
  ctx.strokeStyle = pass.dark ? WAN_LINK.dark : WAN_LINK.light;
  ctx.lineWidth = (strong ? 2.4 : 1.4) * pass.ms;
  ctx.setLineDash(WAN_DASH.map((d) => d * pass.ms));
  ctx.stroke();
  ctx.setLineDash([]);
  return n;
}

/** A line from the sender to each mark of `kind` still on its way. */
function drawTrails(pass: Pass, kind: MessageKind, style: MessageStyle): void {
  const { ctx, messages, positions, inset, lane, hl, nowMs, progressOf } = pass;
  const P = scratch;
  let any = false;
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.kind !== kind || touches(m, hl)) continue;
    const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
    if (offPath(p) || (m.doomed && p > 0.5)) continue;
    if (!placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
    tracePlaced(ctx, P, 0, Math.max(0, p));
    any = true;
  }
  if (!any) return;
  ctx.globalAlpha = style.alpha * 0.45 * pass.dim;
  ctx.strokeStyle = style.colour;
  ctx.lineWidth = 3;
  ctx.stroke();
}

/** The marks of `kind` (but the dying and the highlighted ones): one path, one fill. */
function drawMarks(pass: Pass, kind: MessageKind, style: MessageStyle): number {
  const { ctx, messages, positions, inset, lane, hl, ms, nowMs, progressOf } = pass;
  const P = scratch;
  let n = 0;
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.kind !== kind || touches(m, hl)) continue;
    const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
    if (offPath(p) || (m.doomed && p > 0.5)) continue; // dying ones are drawn by drawDying
    if (!placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
    shapePath(ctx, style.shape, P.x, P.y, style.size * ms);
    n++;
  }
  if (n > 0) {
    ctx.globalAlpha = style.alpha * pass.dim;
    ctx.fillStyle = style.colour;
    ctx.fill();
    if (outlined(style)) {
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = OUTLINE;
      ctx.stroke();
    }
  }
  return n;
}

/** Which of the fading steps a dying message (progress p past half-way) is drawn in. */
const dyingStep = (p: number) => Math.min(DYING_ALPHA.length - 1, Math.floor(((p - 0.5) / 0.5) * DYING_ALPHA.length));

/** Doomed messages past half-way: red, fading in steps. */
function drawDying(pass: Pass): number {
  const { ctx, messages, positions, inset, lane, hidden, hl, ms, nowMs, progressOf } = pass;
  const P = scratch;
  let drawn = 0;
  ctx.fillStyle = DOOMED_COLOUR;
  for (const kind of KINDS) {
    if (hidden?.has(kind)) continue;
    const style = pass.styles[kind];
    for (let step = 0; step < DYING_ALPHA.length; step++) {
      let n = 0;
      ctx.beginPath();
      for (let i = 0; i < messages.length; i++) {
        const m = messages[i]!;
        if (m.kind !== kind || !m.doomed || touches(m, hl)) continue;
        const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
        if (p <= 0.5 || p > 1 || dyingStep(p) !== step) continue;
        if (!placeMessage(m, p, positions, inset, lane, P)) continue;
        shapePath(ctx, style.shape, P.x, P.y, style.size * ms);
        n++;
      }
      if (n > 0) {
        ctx.globalAlpha = Math.max(style.alpha, 0.8) * DYING_ALPHA[step]! * pass.dim;
        ctx.fill();
      }
      drawn += n;
    }
  }
  return drawn;
}

/** The ✕ at each doomed message's point of loss: faint while it is on its way, solid once dying. */
function drawCrosses(pass: Pass): void {
  const { ctx, messages, positions, inset, lane, hidden, ms, nowMs, progressOf } = pass;
  const P = scratch;
  ctx.strokeStyle = DOOMED_COLOUR;
  ctx.lineWidth = 2.5;
  for (const dying of [false, true]) {
    let any = false;
    ctx.beginPath();
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      if (!m.doomed || hidden?.has(m.kind)) continue;
      const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
      if (offPath(p) || p > 0.5 !== dying) continue;
      if (!placeMessage(m, 1, positions, inset, lane, P)) continue;
      crossPath(ctx, P.ex, P.ey, crossSize(pass.styles[m.kind]) * ms);
      any = true;
    }
    if (any) {
      ctx.globalAlpha = dying ? 1 : 0.45;
      ctx.stroke();
    }
  }
}

/** The traffic of one node: its paths traced in ink, its marks larger and outlined. */
function drawHighlighted(pass: Pass): number {
  const { ctx, messages, positions, inset, lane, hidden, hl, nowMs, progressOf } = pass;
  const P = scratch;
  let any = false;
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (!touches(m, hl) || hidden?.has(m.kind)) continue;
    const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
    if (offPath(p) || !placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
    tracePlaced(ctx, P, 0, 1);
    any = true;
  }
  if (!any) return 0;
  ctx.globalAlpha = 0.35 * hl!.strength;
  ctx.strokeStyle = pass.dark ? INK.dark : INK.light;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  let drawn = 0;
  for (const kind of KINDS) if (!hidden?.has(kind)) drawn += drawHighlightedMarks(pass, kind);
  return drawn;
}

function drawHighlightedMarks(pass: Pass, kind: MessageKind): number {
  const { ctx, messages, positions, inset, lane, hl, nowMs, progressOf } = pass;
  const P = scratch;
  const style = pass.styles[kind];
  const r = Math.max(4, style.size * 1.3) * pass.ms;
  let n = 0;
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.kind !== kind || !touches(m, hl)) continue;
    const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
    if (offPath(p) || !placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
    shapePath(ctx, style.shape, P.x, P.y, r);
    n++;
  }
  if (n === 0) return 0;
  ctx.globalAlpha = 1;
  ctx.fillStyle = style.colour;
  ctx.fill();
  ctx.globalAlpha = hl!.strength;
  ctx.strokeStyle = pass.dark ? INK.dark : INK.light;
  ctx.lineWidth = 2;
  ctx.stroke();
  return n;
}

export interface HitOptions {
  nodeRadius?: number;
  laneOffset?: number;
  /** Marks sit at the middle of their path (reduced motion). */
  reducedMotion?: boolean;
  progressOf?: (m: MessageView) => number;
  hidden?: ReadonlySet<MessageKind>;
  /** How far outside a mark (view units) a click still hits it. */
  slop?: number;
  markScale?: number;
}

/**
 * The message whose drawn mark is at (x, y) in view units, or null. Where marks overlap,
 * the nearest wins, with a bonus for the kinds drawn on top (a hint beats the gossip under it).
 */
export function messageAt(
  messages: readonly MessageView[],
  nowMs: number,
  positions: ReadonlyMap<string, Point>,
  x: number,
  y: number,
  options: HitOptions = {},
): MessageView | null {
  const inset = options.nodeRadius ?? 0;
  const lane = options.laneOffset ?? 0;
  const slop = options.slop ?? 8;
  const P = scratch;
  let best: MessageView | null = null;
  let bestScore = Infinity;
  for (const m of messages) {
    if (options.hidden?.has(m.kind)) continue;
    const p = options.reducedMotion ? 0.5 : options.progressOf ? options.progressOf(m) : simProgress(m, nowMs);
    if (offPath(p) || !placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
    const style = STYLES.light[m.kind];
    const d = Math.hypot(P.x - x, P.y - y);
    if (d > style.size * (options.markScale ?? 1) + slop) continue;
    const score = d - style.layer * 1.5;
    if (score < bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}
