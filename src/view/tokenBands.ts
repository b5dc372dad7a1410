// pure: the token ring at the resolution it is seen at. A few hundred ranges are drawn one by one;
// beyond that (up to 256 nodes × 256 vnodes = 65,536 ranges) each bin of the circumference takes
// the owner that holds most of it, so the drawing costs the same whatever the token count.
import { tokenArcs, type TokenArc } from './geometry';

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

interface Owned {
  /** Every token, sorted clockwise. */
  tokens: Float64Array;
  /** The owner (an index into the node list) of each token. */
  owners: Uint16Array;
}

/**
 * The tokens sorted with their owners, without an object per token: each is packed with its
 * owner's index into one double (the token keeps 52 − log2(nodes) bits, far finer than a bin)
 * and the typed array sorted natively.
 */
function sortedTokens(nodes: readonly { tokens: readonly number[] }[]): Owned {
  const width = 2 ** Math.ceil(Math.log2(Math.max(2, nodes.length)));
  const scale = 2 ** 52 / width;
  const keys = new Float64Array(nodes.reduce((s, n) => s + n.tokens.length, 0));
  let k = 0;
  nodes.forEach((n, i) => {
    for (const t of n.tokens) keys[k++] = Math.floor(t * scale) * width + i;
  });
  keys.sort();
  const tokens = new Float64Array(keys.length);
  const owners = new Uint16Array(keys.length);
  keys.forEach((key, j) => {
    owners[j] = key % width;
    tokens[j] = Math.floor(key / width) / scale;
  });
  return { tokens, owners };
}

/** The owner (index) of each bin: the one whose ranges cover most of it (the first such, on a tie). */
function binOwners({ tokens, owners }: Owned, ownerCount: number, bins: number): Int32Array {
  const out = new Int32Array(bins).fill(-1);
  const cover = new Float64Array(ownerCount);
  const touched: number[] = [];
  let current = 0;
  const flush = () => {
    let best = -1;
    for (const o of touched) {
      if (best < 0 || cover[o]! > cover[best]!) best = o;
    }
    out[current] = best;
    for (const o of touched) cover[o] = 0;
    touched.length = 0;
  };
  const add = (owner: number, from: number, to: number) => {
    let s = from;
    while (s < to) {
      const bin = Math.min(bins - 1, Math.floor(s * bins));
      if (bin !== current) {
        flush();
        current = bin;
      }
      const stop = Math.min(to, (bin + 1) / bins);
      if (cover[owner] === 0) touched.push(owner);
      cover[owner]! += stop - s;
      if (stop <= s) break;
      s = stop;
    }
  };
  const n = tokens.length;
  if (n === 0) return out;
  // The first token owns the wrapping range: from 0 to itself here, from the last token to 1 at the end.
  add(owners[0]!, 0, tokens[0]!);
  for (let j = 1; j < n; j++) add(owners[j]!, tokens[j - 1]!, tokens[j]!);
  add(owners[0]!, tokens[n - 1]!, 1);
  flush();
  return out;
}

/** Consecutive bins of one owner become one arc. */
function runs(binned: Int32Array, ids: readonly string[]): TokenArc[] {
  const out: TokenArc[] = [];
  const bins = binned.length;
  binned.forEach((o, i) => {
    const owner = ids[o];
    if (owner === undefined) return;
    const last = out[out.length - 1];
    if (last && last.owner === owner && last.end === i / bins) last.end = (i + 1) / bins;
    else out.push({ owner, start: i / bins, end: (i + 1) / bins });
  });
  return out;
}

/** The arcs to draw for these nodes' tokens (each token in [0, 1), owning the range up to itself). */
export function ringBands(nodes: readonly { id: string; tokens: readonly number[] }[], bins = RING_BINS, maxExact = MAX_EXACT_ARCS): RingBands {
  const count = nodes.reduce((s, n) => s + n.tokens.length, 0);
  if (count <= maxExact) return { exact: true, arcs: tokenArcs(nodes) };
  return { exact: false, arcs: runs(binOwners(sortedTokens(nodes), nodes.length, bins), nodes.map((n) => n.id)) };
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
