// applyVersion's shortcut (a last-write-wins version known newer than a replica's copy without
// reading it) against the plain rule: newer timestamp, then a tombstone over a value, then the
// greater value. Random writes, duplicates, ties and wipes at random ranks, past the tracked 30.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyVersion, copyAt, setCopyAt, type Version, type VersionSlot } from '../../src/engine/node/versions';

const RANKS = 33;

function slotOf(): VersionSlot {
  return {
    key: 'k', replicas: Array.from({ length: RANKS }, (_, i) => i),
    copy0: undefined, copy1: undefined, copy2: undefined, copy3: undefined, copy4: undefined, copy5: undefined,
    copiesFrom6: new Array<Version[] | undefined>(RANKS - 6).fill(undefined), newestTs: -Infinity, atNewest: 0,
  };
}

const newer = (a: Version, b: Version) => (a.ts !== b.ts ? a.ts > b.ts : (a.tomb === true) !== (b.tomb === true) ? a.tomb === true : a.value > b.value);

type Op = { wipe: false; rank: number; ts: number; value: string; tomb: boolean } | { wipe: true; rank: number };

describe('applyVersion under last-write-wins', () => {
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ wipe: fc.constant(false as const), rank: fc.integer({ min: 0, max: RANKS - 1 }), ts: fc.integer({ min: 0, max: 12 }), value: fc.constantFrom('a', 'b', 'c'), tomb: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ wipe: fc.constant(true as const), rank: fc.integer({ min: 0, max: RANKS - 1 }) }) },
  );

  it('keeps at every rank what the plain rule keeps', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const slot = slotOf();
        const data = Array.from({ length: RANKS }, () => new Map<string, Version[]>());
        const model: (Version | undefined)[] = new Array(RANKS).fill(undefined);
        // Earlier versions, to apply again (a hint replayed, a repair): the same objects and copies.
        const seen: Version[] = [];
        for (const o of ops) {
          if (o.wipe) {
            data[o.rank]!.delete('k');
            setCopyAt(slot, o.rank, undefined);
            model[o.rank] = undefined;
            continue;
          }
          const again = seen.length > 0 && o.ts % 3 === 0 ? seen[o.ts % seen.length]! : undefined;
          const v: Version = again ? (o.value === 'a' ? again : { ...again }) : o.tomb ? { ts: o.ts, value: '', tomb: true } : { ts: o.ts, value: o.value };
          seen.push(v);
          applyVersion(data[o.rank]!, o.rank, slot, v);
          const cur = model[o.rank];
          if (!cur || newer(v, cur)) model[o.rank] = v;
          for (let r = 0; r < RANKS; r++) expect(copyAt(slot, r)?.[0]).toBe(model[r]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
