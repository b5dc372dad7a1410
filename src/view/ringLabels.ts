// pure: labels laid outside a crowded ring, in CSS pixels. Each node's label (name, hint count,
// state tags) is a box pushed outwards from its glyph until it clears every box already placed,
// taken in angular order; a leader line joins it to its glyph. Greedy, but never overlapping.
import { CENTER, RING_OUTER, VIEW, glyphRadius, nodePositions, type Point } from './geometry';

export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelInput {
  id: string;
  /** The glyph's centre. */
  at: Point;
  w: number;
  h: number;
}

export interface PlacedLabel extends LabelBox {
  id: string;
  /** Where the leader line meets the box (the box's point nearest the glyph). */
  leader: Point;
}

export interface LabelLayoutInput {
  centre: Point;
  /** Labels start just outside this radius (the token ring's outer edge). */
  radius: number;
  items: readonly LabelInput[];
  /** Clear space kept between two boxes. */
  gap?: number;
  /** How far a label moves outwards per try. */
  step?: number;
  /** Sideways, labels move out this many times as far as up or down (a wide stage). */
  stretch?: number;
}

/** Past this many nodes a label each cannot fit around any ring on a screen: names go on hover. */
export const MAX_OUTSIDE_LABELS = 128;
/** A node's name is never drawn smaller than this (px on screen). */
export const MIN_NAME_PX = 12;

/** Whether two boxes (grown by `gap`) intersect. */
export function overlaps(a: LabelBox, b: LabelBox, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** Clockwise from the top, in [0, 1). */
function turn(p: Point, c: Point): number {
  const a = Math.atan2(p.x - c.x, c.y - p.y) / (2 * Math.PI);
  return a < 0 ? a + 1 : a;
}

/** The box of size w × h on the ray from c at `angle` (radians clockwise from the top), its inner edge r from the centre. */
function boxOnRay(c: Point, angle: number, w: number, h: number, r: number, radius: number, stretch: number): LabelBox {
  const ux = Math.sin(angle);
  const uy = -Math.cos(angle);
  // Half the box's extent along the ray: its centre sits that much beyond r. Past the ring's own
  // radius, a wide stage lets labels go further sideways than up (an ellipse, not a circle).
  const half = (Math.abs(ux) * w + Math.abs(uy) * h) / 2;
  const out = r - radius;
  return { x: c.x + ux * (radius + out * stretch + half) - w / 2, y: c.y + uy * (r + half) - h / 2, w, h };
}

/** Bearings tried at each radius: the glyph's own, then a little to either side (fractions of a slot). */
const NUDGES = [0, 0.35, -0.35, 0.7, -0.7];

const nearestOn = (b: LabelBox, p: Point): Point => ({
  x: Math.min(b.x + b.w, Math.max(b.x, p.x)),
  y: Math.min(b.y + b.h, Math.max(b.y, p.y)),
});

/** Every label outside the ring, none overlapping another (gap kept), in the input's order. */
export function layoutRingLabels({ centre, radius, items, gap = 2, step = 4, stretch = 1 }: LabelLayoutInput): PlacedLabel[] {
  // The tallest labels (a node with state tags: the ones a teacher points at) take their place
  // beside their glyph first; the rest, in angular order, flow around them.
  const tall = Math.min(...items.map((it) => it.h));
  const order = items
    .map((item, i) => ({ item, i, t: turn(item.at, centre), first: item.h > tall ? 0 : 1 }))
    .sort((a, b) => a.first - b.first || a.t - b.t || a.i - b.i);
  const placed: PlacedLabel[] = [];
  const out: PlacedLabel[] = new Array<PlacedLabel>(items.length);
  const slot = (2 * Math.PI) / Math.max(1, items.length);
  for (const { item, i, t } of order) {
    const box = clearBox(placed, { centre, angle: t * 2 * Math.PI, slot, radius, gap, step, stretch }, item);
    const label = { id: item.id, ...box, leader: nearestOn(box, item.at) };
    placed.push(label);
    out[i] = label;
  }
  return out;
}

/** The innermost box for `item` clear of every box placed: outwards in steps, at each a few bearings. */
interface Ray {
  centre: Point;
  angle: number;
  slot: number;
  radius: number;
  gap: number;
  step: number;
  stretch: number;
}

function clearBox(placed: readonly LabelBox[], { centre, angle, slot, radius, gap, step, stretch }: Ray, item: LabelInput): LabelBox {
  // The boxes placed are finite, so some radius clears them all.
  for (let r = radius; ; r += step) {
    for (const nudge of NUDGES) {
      const box = boxOnRay(centre, angle + nudge * slot, item.w, item.h, r, radius, stretch);
      if (!placed.some((p) => overlaps(p, box, gap))) return box;
    }
  }
}

/** The smallest box holding every label. */
export function labelBounds(labels: readonly LabelBox[]): LabelBox {
  if (labels.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  const x = Math.min(...labels.map((l) => l.x));
  const y = Math.min(...labels.map((l) => l.y));
  const right = Math.max(...labels.map((l) => l.x + l.w));
  const bottom = Math.max(...labels.map((l) => l.y + l.h));
  return { x, y, w: right - x, h: bottom - y };
}

/**
 * Width of a line of text at `px`: a generous average advance (bold DejaVu/Helvetica digits and
 * lower case run 0.6–0.7 em; capitals, as in the DOWN and SLOW tags, up to 0.95), so the real text
 * never outgrows its box.
 */
export function textWidth(text: string, px: number, bold = true): number {
  let caps = 0;
  for (const ch of text) if (ch >= 'A' && ch <= 'Z') caps++;
  const rest = text.length - caps;
  return Math.ceil(px * (rest * (bold ? 0.7 : 0.62) + caps * (bold ? 0.95 : 0.8)));
}

export interface LabelledRing {
  /** The ring's side (px), smaller than the space given so the labels fit around it. */
  side: number;
  labels: PlacedLabel[];
  /** How much further labels go sideways than up (labelsAround's stretch). */
  stretch: number;
  /** Whether the labels fit in the space given (false: even at the smallest ring they do not). */
  fits: boolean;
}

/** A stage wider than tall lets labels spread sideways, up to twice as far. */
export function wideness(width: number, height: number): number {
  return height > 0 ? Math.min(2, Math.max(1, (width / height) ** 2)) : 1;
}

/** The labels around a ring of side `side` px (its box's top left at 0, 0). */
export function labelsAround(side: number, ids: readonly string[], size: (id: string) => { w: number; h: number }, stretch = 1): PlacedLabel[] {
  const k = side / VIEW;
  const positions = nodePositions(ids);
  const items = ids.map((id) => {
    const p = positions.get(id) ?? { x: CENTER, y: CENTER };
    return { id, at: { x: p.x * k, y: p.y * k }, ...size(id) };
  });
  return layoutRingLabels({ centre: { x: CENTER * k, y: CENTER * k }, radius: (RING_OUTER + 6) * k, items, stretch });
}

/**
 * The largest ring whose labels fit in `width` × `height` px (the ring centred in it), found by
 * bisection: labels grow outwards as the ring shrinks only through crowding, so a few halvings do.
 */
export function fitLabelledRing(width: number, height: number, ids: readonly string[], size: (id: string) => { w: number; h: number }, min = 160): LabelledRing {
  const fits = (side: number, labels: readonly LabelBox[]) => labelsInside(width, height, side, labels);
  const stretch = wideness(width, height);
  const top = Math.max(min, Math.min(width, height));
  const topLabels = labelsAround(top, ids, size, stretch);
  if (fits(top, topLabels)) return { side: top, labels: topLabels, stretch, fits: true };
  let lo = min;
  let hi = top;
  const smallest = labelsAround(lo, ids, size, stretch);
  let best: LabelledRing = { side: lo, labels: smallest, stretch, fits: fits(lo, smallest) };
  for (let i = 0; i < 8 && hi - lo > 2; i++) {
    const mid = (lo + hi) / 2;
    const labels = labelsAround(mid, ids, size, stretch);
    if (fits(mid, labels)) {
      best = { side: mid, labels, stretch, fits: true };
      lo = mid;
    } else hi = mid;
  }
  return best;
}

/** Whether labels laid round a ring of `side` px, centred in `width` × `height`, stay inside it. */
export function labelsInside(width: number, height: number, side: number, labels: readonly LabelBox[]): boolean {
  const b = labelBounds(labels);
  const dx = (width - side) / 2;
  const dy = (height - side) / 2;
  return b.x >= -dx && b.y >= -dy && b.x + b.w <= side + dx && b.y + b.h <= side + dy;
}

/** Whether names go outside the ring: inside its glyph a name would be drawn under MIN_NAME_PX. */
export function labelsOutside(count: number, side: number): boolean {
  if (count > MAX_OUTSIDE_LABELS || count < 2) return false;
  return insideNameUnits(glyphRadius(count)) * (side / VIEW) < MIN_NAME_PX;
}

/** The font size (view units) of a name drawn inside a glyph of radius r. */
export function insideNameUnits(r: number): number {
  return Math.max(9, Math.min(26, r * 0.8));
}
