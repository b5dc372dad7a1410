// pure: the marks of messages in flight — draw order, colours, shapes as path segments — and one
// drawing pass's settings read once from the options (the passes run every animation frame).
import type { MessageKind, MessageView } from '../../protocol';
import type { Point } from '../geometry';
import { messageStyles, type MarkShape, type MessageStyle } from '../palette';
import type { MessageContext } from './context';
import { simProgress, type Placement } from './placement';

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
  /** Filled with what this call drew of the datacenter picture (a test hook on the page). */
  counts?: DrawnCounts;
}

/** Messages drawn between datacenters (with their dashed way ahead), and relay copies badged. */
export interface DrawnCounts {
  wan: number;
  relays: number;
}

export const STYLES = { light: messageStyles(false), dark: messageStyles(true) };
/** Kinds in draw order (higher layers on top). */
export const KINDS: readonly MessageKind[] = (Object.keys(STYLES.light) as MessageKind[]).sort(
  (a, b) => STYLES.light[a].layer - STYLES.light[b].layer,
);
export const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]));
export const OUTLINE = '#3a2500';
export const INK = { light: '#15191e', dark: '#e9edf2' };
/** A message between datacenters: its way ahead is dashed in this ink (the legend's WAN swatch too). */
export const WAN_LINK = { light: '#4a5462', dark: '#b8c2cf' };
export const WAN_DASH = [8, 5];
/** Dying marks fade in three steps (one path each), not one alpha per message. */
export const DYING_ALPHA = [0.88, 0.65, 0.42];

/** One drawing pass's inputs, read once from the options. */
export interface Pass {
  ctx: MessageContext;
  messages: readonly MessageView[];
  positions: ReadonlyMap<string, Point>;
  styles: Record<MessageKind, MessageStyle>;
  dark: boolean;
  inset: number;
  lane: number;
  hidden: ReadonlySet<MessageKind> | undefined;
  /** The highlight, when it still shows. */
  hl: Highlight | null;
  /** Alpha of the traffic that is not highlighted. */
  dim: number;
  /** Mark scale. */
  ms: number;
  nowMs: number;
  progressOf: ((m: MessageView) => number) | undefined;
}

export function passOf(
  ctx: MessageContext,
  messages: readonly MessageView[],
  nowMs: number,
  positions: ReadonlyMap<string, Point>,
  options: DrawOptions,
): Pass {
  const dark = options.dark ?? false;
  const hl = options.highlight && options.highlight.strength > 0 ? options.highlight : null;
  return {
    ctx,
    messages,
    positions,
    styles: dark ? STYLES.dark : STYLES.light,
    dark,
    inset: options.nodeRadius ?? 0,
    lane: options.laneOffset ?? 0,
    hidden: options.hidden,
    hl,
    dim: hl ? 1 - 0.72 * hl.strength : 1,
    ms: options.markScale ?? 1,
    nowMs,
    progressOf: options.progressOf,
  };
}

/** Progress 0..1 of m in this pass: the visual persistence's, else the simulated clock's. */
export function progress(pass: Pass, m: MessageView): number {
  return pass.progressOf ? pass.progressOf(m) : simProgress(m, pass.nowMs);
}

export function shapePath(ctx: MessageContext, shape: MarkShape, x: number, y: number, r: number): void {
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

export const outlined = (s: MessageStyle) => s.shape === 'diamond' || s.shape === 'square';

/** Half-size of the ✕ drawn where a doomed message will be lost. */
export const crossSize = (s: MessageStyle) => (s.size <= 3 ? 3.5 : 5.5);

export function crossPath(ctx: MessageContext, x: number, y: number, r: number): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

export function arrowHeadPath(ctx: MessageContext, p: Placement, size: number): void {
  const dx = p.ex - p.bx;
  const dy = p.ey - p.by;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  ctx.moveTo(p.ex, p.ey);
  ctx.lineTo(p.ex - ux * size - uy * size * 0.6, p.ey - uy * size + ux * size * 0.6);
  ctx.lineTo(p.ex - ux * size + uy * size * 0.6, p.ey - uy * size - ux * size * 0.6);
  ctx.closePath();
}

export const touches = (m: MessageView, h: Highlight | null) => h !== null && (m.from === h.node || m.to === h.node);
