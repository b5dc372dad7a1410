// The OR-set's join is a semilattice join: commutative, associative, idempotent — so replicas that
// have seen the same writes hold the same state whatever order hints, read repair and
// anti-entropy delivered them in. Also: a state built by any sequence of writes reads back as the
// add-wins set (an element is present iff one of its adds has not been observed by a remove).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDelta, elements, showSet, includes, join, observedTags, removeDelta, EMPTY_SET, type OrSet } from '../../src/engine/node/orset';
import { mergeAll, type Version } from '../../src/engine/node/versions';

const ELEMENTS = ['apples', 'pears', 'milk'];

/** A state reached by a random history of adds and removes on one replica (tags unique, increasing). */
const stateArb: fc.Arbitrary<OrSet> = fc
  .array(fc.record({ remove: fc.boolean(), element: fc.constantFrom(...ELEMENTS), tag: fc.integer({ min: 1, max: 60 }) }), { maxLength: 12 })
  .map((ops) => {
    let s = EMPTY_SET;
    for (const op of ops) s = join(s, op.remove ? removeDelta(observedTags(s, op.element)) : addDelta(op.tag * 1000 + ELEMENTS.indexOf(op.element), op.element));
    return s;
  });

function same(a: OrSet, b: OrSet): void {
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
}

describe('OR-set join', () => {
  it('is commutative', () => fc.assert(fc.property(stateArb, stateArb, (a, b) => same(join(a, b), join(b, a)))));
  it('is associative', () => fc.assert(fc.property(stateArb, stateArb, stateArb, (a, b, c) => same(join(join(a, b), c), join(a, join(b, c))))));
  it('is idempotent', () => fc.assert(fc.property(stateArb, (a) => same(join(a, a), a))));
  it('is an upper bound: the join includes both sides', () => fc.assert(fc.property(stateArb, stateArb, (a, b) => {
    const j = join(a, b);
    expect(includes(j, a) && includes(j, b)).toBe(true);
  })));

  it('through the engine’s merge of versions, in any delivery order, replicas converge', () => fc.assert(fc.property(
    fc.array(stateArb, { minLength: 1, maxLength: 6 }), fc.integer(), (states, seed) => {
      const versions: Version[] = states.map((set, i) => ({ ts: i + 1, value: showSet(set), set }));
      const shuffled = fc.sample(fc.shuffledSubarray(versions, { minLength: versions.length, maxLength: versions.length }), { seed, numRuns: 1 })[0]!;
      const a = mergeAll(undefined, versions);
      const b = mergeAll(undefined, shuffled);
      const twice = mergeAll(a, versions);
      same(a[0]!.set!, b[0]!.set!);
      same(a[0]!.set!, twice[0]!.set!);
      expect(a[0]!.value).toBe(`{${elements(a[0]!.set!).join(', ')}}`);
    },
  )));

  it('add wins: a remove takes out only the adds it observed', () => fc.assert(fc.property(stateArb, fc.constantFrom(...ELEMENTS), (s, e) => {
    const removed = join(s, removeDelta(observedTags(s, e)));
    expect(elements(removed)).not.toContain(e);
    const concurrent = join(removed, addDelta(1_000_000, e));
    expect(elements(concurrent)).toContain(e);
  })));
});
