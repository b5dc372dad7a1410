// The token ring at screen resolution: few ranges stay as they are; many are merged per bin, the
// arcs still tile the whole ring, each bin goes to the owner holding most of it, and the count
// is bounded by the bins whatever the token count.
import { describe, expect, it } from 'vitest';
import { tokenArcs, type TokenArc } from '../../src/view/geometry';
import { arcsByOwner, MAX_EXACT_ARCS, RING_BINS, ringBands } from '../../src/view/tokenBands';

/** Deterministic pseudo-random tokens in [0, 1) for `nodes` × `vnodes`. */
function cluster(nodes: number, vnodes: number) {
  let x = 12345;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  return Array.from({ length: nodes }, (_, i) => ({ id: `n${i + 1}`, tokens: Array.from({ length: vnodes }, next) }));
}

const span = (arcs: readonly TokenArc[]) => arcs.reduce((s, a) => s + (a.end - a.start), 0);

describe('ringBands', () => {
  it('keeps a small ring exact: every range, in order', () => {
    const nodes = cluster(6, 16);
    const arcs = tokenArcs(nodes);
    const bands = ringBands(nodes);
    expect(bands.exact).toBe(true);
    expect(bands.arcs).toEqual(arcs);
  });

  it('merges a 256 × 256 ring into at most one arc per bin that tiles the ring', () => {
    const nodes = cluster(256, 256);
    expect(tokenArcs(nodes).length).toBe(65_536);
    const bands = ringBands(nodes);
    expect(bands.exact).toBe(false);
    expect(bands.arcs.length).toBeLessThanOrEqual(RING_BINS);
    expect(bands.arcs.length).toBeGreaterThan(100);
    expect(span(bands.arcs)).toBeCloseTo(1, 9);
    bands.arcs.forEach((a, i) => {
      expect(a.end).toBeGreaterThan(a.start);
      if (i > 0) expect(a.start).toBeCloseTo(bands.arcs[i - 1]!.end, 12);
      // Neighbours of one owner would have been one arc.
      if (i > 0) expect(a.owner).not.toBe(bands.arcs[i - 1]!.owner);
    });
    expect(bands.arcs[0]!.start).toBe(0);
    expect(bands.arcs[bands.arcs.length - 1]!.end).toBe(1);
  });

  it('gives each bin to the owner that holds most of it, the wrapping range included', () => {
    // Four bins; A owns (0.9, 0.3] across the wrap, B (0.3, 0.35], C (0.35, 0.9].
    const nodes = [
      { id: 'A', tokens: [0.3] },
      { id: 'B', tokens: [0.35] },
      { id: 'C', tokens: [0.9] },
    ];
    const bands = ringBands(nodes, 4, 0);
    expect(bands.exact).toBe(false);
    // Bin 1 [0.25, 0.5): A 0.05, B 0.05, C 0.15 → C. Bin 3 [0.75, 1): C 0.15, A 0.1 → C.
    expect(bands.arcs).toEqual([
      { owner: 'A', start: 0, end: 0.25 },
      { owner: 'C', start: 0.25, end: 1 },
    ]);
  });

  it('keeps a node that owns a bin visible, and crosses over at the right bin', () => {
    const nodes = [
      { id: 'A', tokens: [0.5] },
      { id: 'B', tokens: [1 - 1e-9] },
    ];
    const bands = ringBands(nodes, 8, 0);
    expect(bands.arcs.map((a) => [a.owner, a.start, a.end])).toEqual([
      ['A', 0, 0.5],
      ['B', 0.5, 1],
    ]);
  });

  it('agrees with a plain per-bin majority over the ranges tokenArcs gives', () => {
    const nodes = cluster(40, 32);
    const bins = 256;
    const cover = Array.from({ length: bins }, () => new Map<string, number>());
    for (const a of tokenArcs(nodes)) {
      for (const [s, e] of a.start < 0 ? [[0, a.end], [a.start + 1, 1]] : [[a.start, a.end]]) {
        for (let b = Math.floor(s! * bins); b < bins && b / bins < e!; b++) {
          const piece = Math.min(e!, (b + 1) / bins) - Math.max(s!, b / bins);
          if (piece > 0) cover[b]!.set(a.owner, (cover[b]!.get(a.owner) ?? 0) + piece);
        }
      }
    }
    const want = cover.map((m) => [...m].sort((x, y) => y[1] - x[1])[0]![0]);
    const got: string[] = [];
    for (const a of ringBands(nodes, bins, 0).arcs) for (let b = Math.round(a.start * bins); b < Math.round(a.end * bins); b++) got.push(a.owner);
    expect(got).toEqual(want);
  });

  it('switches from exact to merged past MAX_EXACT_ARCS ranges', () => {
    expect(ringBands(cluster(32, 16)).exact).toBe(MAX_EXACT_ARCS >= 512);
    expect(ringBands(cluster(64, 16)).exact).toBe(false);
  });
});

describe('arcsByOwner', () => {
  it('groups arcs per owner, keeping their order', () => {
    const arcs: TokenArc[] = [
      { owner: 'A', start: 0, end: 0.1 },
      { owner: 'B', start: 0.1, end: 0.2 },
      { owner: 'A', start: 0.2, end: 0.3 },
    ];
    const byOwner = arcsByOwner(arcs);
    expect([...byOwner.keys()]).toEqual(['A', 'B']);
    expect(byOwner.get('A')!.map((a) => a.start)).toEqual([0, 0.2]);
  });
});
