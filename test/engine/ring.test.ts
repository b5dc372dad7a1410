import { describe, expect, it } from 'vitest';
import { Ring } from '../../src/engine/ring/ring';
import { murmur3Token } from '../../src/engine/core/murmur3';
import { blockFor } from '../../src/engine/coordinator/levels';
import { parseDuration, formatDuration } from '../../src/engine';

describe('ring and placement', () => {
  it('hashes keys with Cassandra Murmur3Partitioner tokens', () => {
    // MurmurHash3_x64_128("hello", seed 0), first half as a signed long (mmh3.hash64 gives the same).
    expect(murmur3Token('hello')).toBe(-3758069500696749310n);
    expect(murmur3Token('')).toBe(0n);
  });

  it('gives every node `vnodes` tokens, sorted', () => {
    const ring = new Ring(['A', 'B', 'C', 'D'], 16);
    expect(ring.positions).toHaveLength(64);
    for (let i = 1; i < ring.positions.length; i++) expect(ring.positions[i]!).toBeGreaterThan(ring.positions[i - 1]!);
    for (let n = 0; n < 4; n++) expect(ring.owners.filter((o) => o === n)).toHaveLength(16);
  });

  it('builds the preference list from distinct physical nodes clockwise from the key token', () => {
    const ring = new Ring(['A', 'B', 'C', 'D', 'E'], 8);
    for (const key of ['user:1', 'k42', 'cart:abc', 'x']) {
      const p = ring.place(key);
      expect(new Set(p.pref).size).toBe(5);
      // The first replica owns the first token at or after the key's token.
      const first = ring.positions.findIndex((t) => t >= p.pos);
      expect(p.pref[0]).toBe(ring.owners[first === -1 ? 0 : first]);
      // Walking clockwise, each next distinct owner appears in order.
      const walk: number[] = [];
      for (let j = 0; j < ring.positions.length; j++) {
        const o = ring.owners[((first === -1 ? 0 : first) + j) % ring.positions.length]!;
        if (!walk.includes(o)) walk.push(o);
      }
      expect(p.pref).toEqual(walk);
    }
  });

  it('spreads ownership reasonably with a mixing hash', () => {
    const ring = new Ring(['A', 'B', 'C', 'D', 'E', 'F'], 16);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[ring.place(`k${i}`).pref[0]!]++;
    for (const c of counts) expect(c).toBeGreaterThan(500);
  });
});

describe('consistency levels', () => {
  it('blockFor matches Cassandra', () => {
    expect([blockFor('ANY', 3), blockFor('ONE', 3), blockFor('TWO', 3), blockFor('THREE', 3), blockFor('QUORUM', 3), blockFor('ALL', 3)]).toEqual([1, 1, 2, 3, 2, 3]);
    expect(blockFor('QUORUM', 5)).toBe(3);
    expect(blockFor('QUORUM', 4)).toBe(3);
    expect(blockFor('QUORUM', 1)).toBe(1);
  });
});

describe('durations', () => {
  it('parses the format and rejects others', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('3h')).toBe(10_800_000);
    expect(parseDuration('11m20s')).toBe(680_000);
    expect(parseDuration('10d')).toBe(864_000_000);
    expect(parseDuration(250)).toBe(250);
    for (const bad of ['3 hours', '20s1m', '1h30', '', 'h', '1.s', '-1s', '1x']) expect(parseDuration(bad)).toBeNull();
    expect(formatDuration(680_000)).toBe('11m20s');
  });
});
