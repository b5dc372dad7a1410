// pure: draws messages in flight onto a 2D context, in ring view units. Reads nothing
// but its arguments; the caller sets the context's transform.
// It runs every animation frame over thousands of messages, so it batches: one path per
// kind per pass (one fill, one stroke), no save/restore, no strings and no objects per message.
import type { MessageKind, MessageView } from '../protocol';
import type { Point } from './geometry';
import { DOOMED_COLOUR, messageStyles, type MarkShape, type MessageStyle } from './palette';

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

export interface Highlight {
  node: string;
  /** 0..1: how strongly its traffic stands out (fades to 0). */
  strength: number;
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
  /** Kinds the legend has switched off. */
  hidden?: ReadonlySet<MessageKind>;
  /** Messages to or from this node stand out; the others dim. */
  highlight?: Highlight | null;
  /** Scales every mark (a small ring keeps its marks visible). */
  markScale?: number;
}

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

const STYLES = { light: messageStyles(false), dark: messageStyles(true) };
/** Kinds in draw order (higher layers on top). */
const KINDS: readonly MessageKind[] = (Object.keys(STYLES.light) as MessageKind[]).sort(
  (a, b) => STYLES.light[a].layer - STYLES.light[b].layer,
);
const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]));
const OUTLINE = '#3a2500';
const INK = { light: '#15191e', dark: '#e9edf2' };
/** Dying marks fade in three steps (one path each), not one alpha per message. */
const DYING_ALPHA = [0.88, 0.65, 0.42];

const scratch: Placement = { sx: 0, sy: 0, ex: 0, ey: 0, x: 0, y: 0 };

function shapePath(ctx: MessageContext, shape: MarkShape, x: number, y: number, r: number): void {
  if (shape === 'diamond') {
    ctx.moveTo(x, y - r);
    ctx.lineTo(x + r, y);
    ctx.lineTo(x, y + r);
    ctx.lineTo(x - r, y);
    ctx.closePath();
  } else if (shape === 'square') {
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.lineTo(x - r, y + r);
    ctx.closePath();
  } else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

const outlined = (s: MessageStyle) => s.shape === 'diamond' || s.shape === 'square';

/** Half-size of the ✕ drawn where a doomed message will be lost. */
const crossSize = (s: MessageStyle) => (s.size <= 3 ? 3.5 : 5.5);

function crossPath(ctx: MessageContext, x: number, y: number, r: number): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

function arrowHeadPath(ctx: MessageContext, p: Placement, size: number): void {
  const dx = p.ex - p.sx;
  const dy = p.ey - p.sy;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  ctx.moveTo(p.ex, p.ey);
  ctx.lineTo(p.ex - ux * size - uy * size * 0.6, p.ey - uy * size + ux * size * 0.6);
  ctx.lineTo(p.ex - ux * size + uy * size * 0.6, p.ey - uy * size - ux * size * 0.6);
  ctx.closePath();
}

const touches = (m: MessageView, h: Highlight | null) => h !== null && (m.from === h.node || m.to === h.node);

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
  if (options.reducedMotion) return drawStatic(ctx, messages, positions, options);
  const dark = options.dark ?? false;
  const styles = dark ? STYLES.dark : STYLES.light;
  const inset = options.nodeRadius ?? 0;
  const lane = options.laneOffset ?? 0;
  const hidden = options.hidden;
  const hl = options.highlight && options.highlight.strength > 0 ? options.highlight : null;
  const dim = hl ? 1 - 0.72 * hl.strength : 1;
  const progressOf = options.progressOf;
  const ms = options.markScale ?? 1;
  const P = scratch;
  let drawn = 0;
  let doomed = false;
  for (let i = 0; i < messages.length && !doomed; i++) doomed = messages[i]!.doomed;
  ctx.lineWidth = 1;

  for (const kind of KINDS) {
    if (hidden?.has(kind)) continue;
    const style = styles[kind];
    // Hint replay trails a fading line behind each page: the one kind that is the lesson.
    if (kind === 'hint') {
      let any = false;
      ctx.beginPath();
      for (let i = 0; i < messages.length; i++) {
        const m = messages[i]!;
        if (m.kind !== kind || touches(m, hl)) continue;
        const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
        if (p > 1 || (m.doomed && p > 0.5)) continue;
        if (!placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
        ctx.moveTo(P.sx, P.sy);
        ctx.lineTo(P.x, P.y);
        any = true;
      }
      if (any) {
        ctx.globalAlpha = style.alpha * 0.45 * dim;
        ctx.strokeStyle = style.colour;
        ctx.lineWidth = 3;
        ctx.stroke();
      }
    }
    let n = 0;
    ctx.beginPath();
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      if (m.kind !== kind || touches(m, hl)) continue;
      const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
      if (p > 1 || (m.doomed && p > 0.5)) continue; // dying ones are drawn below
      if (!placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
      shapePath(ctx, style.shape, P.x, P.y, style.size * ms);
      n++;
    }
    if (n > 0) {
      ctx.globalAlpha = style.alpha * dim;
      ctx.fillStyle = style.colour;
      ctx.fill();
      if (outlined(style)) {
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = OUTLINE;
        ctx.stroke();
      }
    }
    drawn += n;
  }

  if (doomed) drawn += drawDying(ctx, messages, nowMs, positions, options, styles, dim, hl);
  if (hl) drawn += drawHighlighted(ctx, messages, nowMs, positions, options, styles, hl, dark);
  ctx.globalAlpha = 1;
  return drawn;
}

/** Doomed messages past half-way: red, fading in steps; and a ✕ at each one's point of loss. */
function drawDying(
  ctx: MessageContext,
  messages: readonly MessageView[],
  nowMs: number,
  positions: ReadonlyMap<string, Point>,
  options: DrawOptions,
  styles: Record<MessageKind, MessageStyle>,
  dim: number,
  hl: Highlight | null,
): number {
  const inset = options.nodeRadius ?? 0;
  const lane = options.laneOffset ?? 0;
  const hidden = options.hidden;
  const progressOf = options.progressOf;
  const ms = options.markScale ?? 1;
  const P = scratch;
  let drawn = 0;
  ctx.fillStyle = DOOMED_COLOUR;
  for (const kind of KINDS) {
    if (hidden?.has(kind)) continue;
    const style = styles[kind];
    for (let step = 0; step < DYING_ALPHA.length; step++) {
      let n = 0;
      ctx.beginPath();
      for (let i = 0; i < messages.length; i++) {
        const m = messages[i]!;
        if (m.kind !== kind || !m.doomed || touches(m, hl)) continue;
        const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
        if (p <= 0.5 || p > 1) continue;
        if (Math.min(DYING_ALPHA.length - 1, Math.floor(((p - 0.5) / 0.5) * DYING_ALPHA.length)) !== step) continue;
        if (!placeMessage(m, p, positions, inset, lane, P)) continue;
        shapePath(ctx, style.shape, P.x, P.y, style.size * ms);
        n++;
      }
      if (n > 0) {
        ctx.globalAlpha = Math.max(style.alpha, 0.8) * DYING_ALPHA[step]! * dim;
        ctx.fill();
      }
      drawn += n;
    }
  }
  // The ✕: faint while the message is still on its way, solid once it is dying.
  ctx.strokeStyle = DOOMED_COLOUR;
  ctx.lineWidth = 2.5;
  for (const dying of [false, true]) {
    let any = false;
    ctx.beginPath();
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      if (!m.doomed || hidden?.has(m.kind)) continue;
      const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
      if (p > 1 || p > 0.5 !== dying) continue;
      if (!placeMessage(m, 1, positions, inset, lane, P)) continue;
      crossPath(ctx, P.ex, P.ey, crossSize(styles[m.kind]) * ms);
      any = true;
    }
    if (any) {
      ctx.globalAlpha = dying ? 1 : 0.45;
      ctx.stroke();
    }
  }
  return drawn;
}

/** The traffic of one node: its paths traced in ink, its marks larger and outlined. */
function drawHighlighted(
  ctx: MessageContext,
  messages: readonly MessageView[],
  nowMs: number,
  positions: ReadonlyMap<string, Point>,
  options: DrawOptions,
  styles: Record<MessageKind, MessageStyle>,
  hl: Highlight,
  dark: boolean,
): number {
  const inset = options.nodeRadius ?? 0;
  const lane = options.laneOffset ?? 0;
  const hidden = options.hidden;
  const progressOf = options.progressOf;
  const ink = dark ? INK.dark : INK.light;
  const ms = options.markScale ?? 1;
  const P = scratch;
  let any = false;
  ctx.beginPath();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (!touches(m, hl) || hidden?.has(m.kind)) continue;
    const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
    if (p > 1 || !placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
    ctx.moveTo(P.sx, P.sy);
    ctx.lineTo(P.ex, P.ey);
    any = true;
  }
  if (!any) return 0;
  ctx.globalAlpha = 0.35 * hl.strength;
  ctx.strokeStyle = ink;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  let drawn = 0;
  for (const kind of KINDS) {
    if (hidden?.has(kind)) continue;
    const style = styles[kind];
    const r = Math.max(4, style.size * 1.3) * ms;
    let n = 0;
    ctx.beginPath();
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      if (m.kind !== kind || !touches(m, hl)) continue;
      const p = progressOf ? progressOf(m) : simProgress(m, nowMs);
      if (p > 1 || !placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
      shapePath(ctx, style.shape, P.x, P.y, r);
      n++;
    }
    if (n === 0) continue;
    ctx.globalAlpha = 1;
    ctx.fillStyle = style.colour;
    ctx.fill();
    ctx.globalAlpha = hl.strength;
    ctx.strokeStyle = ink;
    ctx.lineWidth = 2;
    ctx.stroke();
    drawn += n;
  }
  return drawn;
}

/** Reduced motion: one static arrow per (sender, receiver, kind, fate), the mark at its middle. */
function drawStatic(
  ctx: MessageContext,
  messages: readonly MessageView[],
  positions: ReadonlyMap<string, Point>,
  options: DrawOptions,
): number {
  const dark = options.dark ?? false;
  const styles = dark ? STYLES.dark : STYLES.light;
  const inset = options.nodeRadius ?? 0;
  const lane = options.laneOffset ?? 0;
  const hidden = options.hidden;
  const hl = options.highlight && options.highlight.strength > 0 ? options.highlight : null;
  const dim = hl ? 1 - 0.72 * hl.strength : 1;
  const ms = options.markScale ?? 1;
  const P = scratch;
  // Numeric keys for the de-duplication (this runs once per frame, not per animation frame).
  const index = new Map<string, number>();
  for (const id of positions.keys()) index.set(id, index.size);
  const nodes = Math.max(1, index.size);
  const seen = new Set<number>();
  const unique: number[] = [];
  let drawn = 0;

  for (const kind of KINDS) {
    if (hidden?.has(kind)) continue;
    const style = styles[kind];
    const k = KIND_INDEX.get(kind) ?? 0;
    for (const fate of [false, true]) {
      unique.length = 0;
      for (let i = 0; i < messages.length; i++) {
        const m = messages[i]!;
        if (m.kind !== kind || m.doomed !== fate) continue;
        const key = (((index.get(m.from) ?? 0) * nodes + (index.get(m.to) ?? 0)) * KINDS.length + k) * 2 + (fate ? 1 : 0);
        if (seen.has(key) || !placeMessage(m, 0.5, positions, inset, lane, P)) continue;
        seen.add(key);
        unique.push(i);
      }
      if (unique.length === 0) continue;
      const colour = fate ? DOOMED_COLOUR : style.colour;
      // Shafts.
      ctx.beginPath();
      for (const i of unique) {
        placeMessage(messages[i]!, 0.5, positions, inset, lane, P);
        ctx.moveTo(P.sx, P.sy);
        ctx.lineTo(P.ex, P.ey);
      }
      ctx.globalAlpha = style.alpha * 0.6 * dim;
      ctx.strokeStyle = colour;
      ctx.lineWidth = kind === 'hint' ? 3 : 1.5;
      ctx.setLineDash(fate ? [6, 4] : []);
      ctx.stroke();
      ctx.setLineDash([]);
      // Heads.
      ctx.beginPath();
      for (const i of unique) {
        placeMessage(messages[i]!, 0.5, positions, inset, lane, P);
        arrowHeadPath(ctx, P, (6 + style.size / 2) * ms);
      }
      ctx.globalAlpha = style.alpha * dim;
      ctx.fillStyle = colour;
      ctx.fill();
      // Marks at the middle.
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
      if (fate) {
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
      drawn += unique.length;
    }
  }

  if (hl) {
    const ink = dark ? INK.dark : INK.light;
    let any = false;
    ctx.beginPath();
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      if (!touches(m, hl) || hidden?.has(m.kind) || !placeMessage(m, 0.5, positions, inset, lane, P)) continue;
      ctx.moveTo(P.sx, P.sy);
      ctx.lineTo(P.ex, P.ey);
      any = true;
    }
    if (any) {
      ctx.globalAlpha = 0.8 * hl.strength;
      ctx.strokeStyle = ink;
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  return drawn;
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
    if (p > 1 || !placeMessage(m, Math.max(0, p), positions, inset, lane, P)) continue;
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
