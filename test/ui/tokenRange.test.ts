// The token range under a point of the ring and its words: owner, tokens, share.
import { describe, expect, it } from 'vitest';
import { tokenArcs } from '../../src/view/geometry';
import { arcAt, describeArc, formatTokenShort, tokenAt } from '../../src/view/tokenRange';

const arcs = tokenArcs([
  { id: 'A', tokens: [0.1, 0.6] },
  { id: 'B', tokens: [0.3, 0.9] },
]);

describe('token ranges', () => {
  it('finds the range (previous token, token] under a fraction, wrapping past the last token', () => {
    expect(arcs.map((a) => a.owner)).toEqual(['A', 'B', 'A', 'B']);
    expect(arcs[arcAt(arcs, 0.2)]!.owner).toBe('B');
    expect(arcAt(arcs, 0.3)).toBe(1);
    expect(arcAt(arcs, 0.31)).toBe(2);
    expect(arcAt(arcs, 0.95)).toBe(0);
    expect(arcAt(arcs, 0.05)).toBe(0);
    expect(arcAt([], 0.5)).toBe(-1);
  });

  it('says the owner, the tokens as Murmur3 longs and the share of the ring', () => {
    expect(tokenAt(0)).toBe(-(2 ** 63));
    expect(tokenAt(0.5)).toBe(0);
    expect(formatTokenShort(-4.07e18)).toBe('−4.07 × 10¹⁸');
    expect(formatTokenShort(0)).toBe('0');
    expect(describeArc(arcs[1]!)).toBe('B owns tokens (−7.38 × 10¹⁸, −3.69 × 10¹⁸]: 20.0 % of the ring');
    // The wrapping range starts at the last token, counted from the top.
    expect(describeArc(arcs[0]!)).toMatch(/^A owns tokens \(7\.38 × 10¹⁸, −7\.38 × 10¹⁸\]: 20\.0 % of the ring$/);
  });
});
