// Tombstones at the unit level: last-write-wins with the tombstone winning a tie, the purge rule of
// each tombstone_gc mode, and Merkle leaves that tell a tombstone from absence and from a value.
import { describe, expect, it } from 'vitest';
import { mergeVersion, type Version } from '../../src/engine/node/versions';
import { holdsLive, purgeable, tombstone, type GcRule } from '../../src/engine/node/tombstones';
import { buildTree, diffTrees } from '../../src/engine/repair/merkle';

describe('last-write-wins with tombstones', () => {
  const v = (ts: number, value = 'x'): Version => ({ ts, value });
  it('the newer timestamp wins either way', () => {
    expect(mergeVersion([v(1000)], tombstone(2000))).toEqual([tombstone(2000)]);
    expect(mergeVersion([tombstone(2000)], v(3000))).toEqual([v(3000)]);
    expect(mergeVersion([tombstone(2000)], v(1000))).toEqual([tombstone(2000)]);
  });
  it('at a tie the tombstone wins, whichever arrives first (Cells.resolveRegular)', () => {
    expect(mergeVersion([v(5000, 'zzz')], tombstone(5000))).toEqual([tombstone(5000)]);
    expect(mergeVersion([tombstone(5000)], v(5000, 'zzz'))).toEqual([tombstone(5000)]);
  });
  it('a tombstone is not a live value', () => {
    expect(holdsLive([tombstone(1)])).toBe(false);
    expect(holdsLive(undefined)).toBe(false);
    expect(holdsLive([v(1)])).toBe(true);
  });
});

describe('purgeable', () => {
  const H = 3_600_000_000; // µs
  const rule = (mode: GcRule['mode'], nowUs: number, rf = 3): GcRule => ({ mode, nowUs, gcGraceUs: H, propagationDelayUs: H / 2, rf });
  const t = tombstone(10_000_000 * 1000); // deleted at 10 s
  it('timeout: strictly older than gcGrace', () => {
    expect(purgeable(t, rule('timeout', 10_000_000 + H), -Infinity)).toBe(false);
    expect(purgeable(t, rule('timeout', 10_000_000 + H + 1), -Infinity)).toBe(true);
  });
  it('repair: a full repair started at least propagationDelay after the delete; RF 1 at once', () => {
    expect(purgeable(t, rule('repair', 100 * H), -Infinity)).toBe(false);
    expect(purgeable(t, rule('repair', 100 * H), 10_000_000 + H / 2 - 1)).toBe(false);
    expect(purgeable(t, rule('repair', 100 * H), 10_000_000 + H / 2)).toBe(true);
    expect(purgeable(t, rule('repair', 0, 1), -Infinity)).toBe(true);
  });
  it('immediate always; disabled never', () => {
    expect(purgeable(t, rule('immediate', 0), -Infinity)).toBe(true);
    expect(purgeable(t, rule('disabled', 1e15), 1e15)).toBe(false);
  });
});

describe('Merkle leaves hash tombstones', () => {
  const range = (vs: readonly Version[] | null) => ({ start: 0, width: 2 ** 64, keys: vs ? [['k', 12345, vs] as [string, number, readonly Version[]]] : [] });
  const differ = (a: readonly Version[] | null, b: readonly Version[] | null) => diffTrees(buildTree(range(a), 4), buildTree(range(b), 4)).differing.length > 0;
  it('a tombstone differs from absence, and from a value of the same timestamp', () => {
    expect(differ([tombstone(7000)], null)).toBe(true);
    expect(differ([tombstone(7000)], [{ ts: 7000, value: '' }])).toBe(true);
    expect(differ([tombstone(7000)], [tombstone(7000)])).toBe(false);
  });
});
