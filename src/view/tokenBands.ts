// pure: the token ring at the resolution it is seen at. A few hundred ranges are drawn one by one;
// beyond that (up to 256 nodes × 256 vnodes = 65,536 ranges) each bin of the circumference takes
// the owner that holds most of it, so the drawing costs the same whatever the token count.
import type { TokenArc } from './geometry';

/** Up to this many ranges, each is drawn as it is (with a tick at its token). */
export const MAX_EXACT_ARCS = 512;
/**
 * Bins round the ring when ranges are merged: about one per pixel of the band's circumference
 * at the largest the ring is drawn (the 1280-px export: 2π × 290 × 2 ≈ 3,600 px), rounded down,
 * since a bin narrower than a pixel shows nothing more.
 */
export const RING_BINS = 2048;

export interface RingBands {
  /** True when every range is its own arc (ticks mark each token). */
  exact: boolean;
  /** Fractions of a turn, in clockwise order; end > start. */
  arcs: TokenArc[];
}

/** Pieces of the ranges inside [0, 1), in clockwise order (the wrapping range is split at 0). */
function pieces(arcs: readonly TokenArc[]): TokenArc[] {
  const out: TokenArc[] = [];
  let tail: TokenArc | null = null;
  for (const a of arcs) {
    if (a.start < 0) {
      out.push({ owner: a.owner, start: 0, end: a.end });
      tail = { owner: a.owner, start: a.start + 1, end: 1 };
    } else if (a.end > 1) {
      out.push({ owner: a.owner, start: a.start, end: 1 });
      out.unshift({ owner: a.owner, start: 0, end: a.end - 1 });
    } else out.push(a);
  }
  if (tail && tail.end > tail.start) out.push(tail);
  return out.filter((p) => p.end > p.start);
}

/** The owner of each bin: the one whose ranges cover most of it (the first such, on a tie). */
function binOwners(parts: readonly TokenArc[], bins: number): (string | null)[] {
  const owners: (string | null)[] = new Array<string | null>(bins).fill(null);
  const cover = new Map<string, number>();
  let current = 0;
  const flush = () => {
    let best: string | null = null;
    let most = 0;
    for (const [owner, c] of cover) {
      if (c > most) [best, most] = [owner, c];
    }
    owners[current] = best;
    cover.clear();
  };
  for (const p of parts) {
    let s = p.start;
    while (s < p.end) {
      const bin = Math.min(bins - 1, Math.floor(s * bins));
      if (bin !== current) {
        flush();
        current = bin;
      }
      const stop = Math.min(p.end, (bin + 1) / bins);
      cover.set(p.owner, (cover.get(p.owner) ?? 0) + (stop - s));
      if (stop <= s) break;
      s = stop;
    }
  }
  flush();
  return owners;
}

/** Consecutive bins of one owner become one arc. */
function runs(owners: readonly (string | null)[]): TokenArc[] {
  const out: TokenArc[] = [];
  const bins = owners.length;
  owners.forEach((owner, i) => {
    if (owner === null) return;
    const last = out[out.length - 1];
    if (last && last.owner === owner && last.end === i / bins) last.end = (i + 1) / bins;
    else out.push({ owner, start: i / bins, end: (i + 1) / bins });
  });
  return out;
}

/** The arcs to draw for these token ranges (as tokenArcs gives them, sorted clockwise). */
export function ringBands(arcs: readonly TokenArc[], bins = RING_BINS, maxExact = MAX_EXACT_ARCS): RingBands {
  if (arcs.length <= maxExact) return { exact: true, arcs: [...arcs] };
  return { exact: false, arcs: runs(binOwners(pieces(arcs), bins)) };
}

/** The arcs grouped by owner, in first-seen order: one drawing per owner. */
export function arcsByOwner(arcs: readonly TokenArc[]): Map<string, TokenArc[]> {
  const out = new Map<string, TokenArc[]>();
  for (const a of arcs) {
    const list = out.get(a.owner);
    if (list) list.push(a);
    else out.set(a.owner, [a]);
  }
  return out;
}
