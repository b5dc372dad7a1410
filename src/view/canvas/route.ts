// pure: the path a message takes on the ring picture. Within a datacenter it is the chord between
// the two glyphs; between datacenters it is an arc that leaves the sender outwards, runs round the
// ring through the datacenter bands and comes back in to the receiver. A WAN hop is tens of times
// slower than a LAN hop (interDcLatency against latency), so it is drawn longer, not as a chord
// across the middle that would look shorter than a hop to a neighbour.
import { CENTER, type Point } from '../geometry';

/** A glyph's centre and, when the cluster names datacenters, the node's datacenter. */
export interface NodePoint extends Point {
  dc?: string;
}

/** How far beyond the glyphs' orbit a WAN arc peaks (view units): out through the datacenter bands. */
export const WAN_BOW = 58;

/** True when both nodes name a datacenter and the two differ. */
export function crossesDc(a: NodePoint | undefined, b: NodePoint | undefined): boolean {
  return a?.dc !== undefined && b?.dc !== undefined && a.dc !== b.dc;
}

/** One WAN arc, in polar terms around the ring's centre (angles clockwise from the top). */
export interface Arc {
  theta: number;
  /** Signed sweep, −π < delta ≤ π: the shorter way round (clockwise when opposite). */
  delta: number;
  r0: number;
  r1: number;
  /** Radial shift of the whole arc: a lane to the right of the direction of travel. */
  shift: number;
}

const angleOf = (p: Point) => Math.atan2(p.x - CENTER, CENTER - p.y);

/** The arc from a to b, `lane` to the right of travel (clockwise travel's right is inwards). */
export function arcBetween(a: Point, b: Point, lane: number, out: Arc): Arc {
  const t0 = angleOf(a);
  let d = angleOf(b) - t0;
  while (d <= -Math.PI) d += 2 * Math.PI;
  while (d > Math.PI) d -= 2 * Math.PI;
  out.theta = t0;
  out.delta = d;
  out.r0 = Math.hypot(a.x - CENTER, a.y - CENTER);
  out.r1 = Math.hypot(b.x - CENTER, b.y - CENTER);
  out.shift = d >= 0 ? -lane : lane;
  return out;
}

/** The point at s ∈ [0, 1] along the arc, written into `out`. */
export function arcPoint(arc: Arc, s: number, out: Point): Point {
  const a = arc.theta + arc.delta * s;
  const r = arc.r0 + (arc.r1 - arc.r0) * s + WAN_BOW * Math.sin(Math.PI * s) + arc.shift;
  out.x = CENTER + r * Math.sin(a);
  out.y = CENTER - r * Math.cos(a);
  return out;
}

const probe: Point = { x: 0, y: 0 };

/**
 * Where the arc crosses the circle of radius `inset` round `centre` (a glyph's edge): bisection
 * between s = `inside` (within it: the arc's end at that glyph) and s = `outside` (the middle).
 */
export function edgeAt(arc: Arc, centre: Point, inset: number, inside: number, outside: number): number {
  const within = (s: number) => {
    arcPoint(arc, s, probe);
    return Math.hypot(probe.x - centre.x, probe.y - centre.y) < inset;
  };
  if (within(outside)) return outside;
  let lo = inside;
  let hi = outside;
  for (let i = 0; i < 12; i++) {
    const m = (lo + hi) / 2;
    if (within(m)) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

/** Segments to draw an arc of sweep `delta` smoothly. */
export const arcSegments = (delta: number) => 6 + Math.ceil((Math.abs(delta) / Math.PI) * 24);
