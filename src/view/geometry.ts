// pure: ring layout in view units (the SVG viewBox and the canvas share them).

export const VIEW = 640;
export const CENTER = VIEW / 2;
/** The token ring. */
export const RING_INNER = 272;
export const RING_OUTER = 290;
/** Where node glyphs sit. */
export const ORBIT = 205;

export interface Point {
  x: number;
  y: number;
}

/** A point at `fraction` of a turn clockwise from the top, at radius r. */
export function polar(fraction: number, r: number): Point {
  const a = fraction * 2 * Math.PI;
  return { x: CENTER + r * Math.sin(a), y: CENTER - r * Math.cos(a) };
}

/** Node glyph centres, evenly around the orbit in the given order, the first at the top. */
export function nodePositions(ids: readonly string[], radius = ORBIT): Map<string, Point> {
  const out = new Map<string, Point>();
  ids.forEach((id, i) => out.set(id, polar(i / Math.max(1, ids.length), radius)));
  return out;
}

/** Glyph radius that keeps neighbours apart. */
export function glyphRadius(count: number, orbit = ORBIT): number {
  if (count <= 1) return 34;
  const chord = 2 * orbit * Math.sin(Math.PI / count);
  return Math.max(7, Math.min(34, chord * 0.32));
}

/**
 * Whether node names fit inside their glyphs: on a crowded ring (past 48 nodes the glyphs are
 * at their smallest and touch) names and tags are shown only on hover, focus or selection.
 */
export const LABELLED_NODES = 48;
export function labelsFit(count: number): boolean {
  return count <= LABELLED_NODES;
}

export interface TokenArc {
  owner: string;
  /** Fractions of a turn; end > start (may exceed 1 for the wrapping range). */
  start: number;
  end: number;
}

/** Each token owns the range from the previous token (exclusive) up to itself. */
export function tokenArcs(nodes: readonly { id: string; tokens: readonly number[] }[]): TokenArc[] {
  const all = nodes.flatMap((n) => n.tokens.map((t) => ({ owner: n.id, t })));
  all.sort((a, b) => a.t - b.t);
  return all.map((tok, i) => {
    const prev = i === 0 ? (all[all.length - 1]?.t ?? 0) - 1 : (all[i - 1]?.t ?? 0);
    return { owner: tok.owner, start: prev, end: tok.t };
  });
}
