import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventHeap, type Ordered } from '../../src/engine/core/heap';

const order = (a: Ordered, b: Ordered) => a.t - b.t || a.p - b.p || a.s - b.s;

describe('EventHeap', () => {
  it('pops in (time, priority, seq) order under any interleaving of pushes and pops', () => {
    const op = fc.oneof(
      fc.record({ push: fc.constant(true as const), t: fc.integer({ min: 0, max: 40 }), p: fc.constantFrom(0, 3, 1_000_000, 1_000_000_000) }),
      fc.record({ push: fc.constant(false as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const heap = new EventHeap<Ordered>();
        const model: Ordered[] = [];
        let s = 0;
        for (const o of ops) {
          if (o.push) {
            const e = { t: o.t, p: o.p, s: s++ };
            heap.push(e);
            model.push(e);
            continue;
          }
          model.sort(order);
          expect(heap.peekTime()).toBe(model.length ? model[0]!.t : Infinity);
          expect(heap.pop()).toBe(model.shift());
        }
        model.sort(order);
        const rest: Ordered[] = [];
        for (let e = heap.pop(); e; e = heap.pop()) rest.push(e);
        expect(rest).toEqual(model);
        expect(heap.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('grows past its initial capacity', () => {
    const heap = new EventHeap<Ordered>();
    for (let i = 0; i < 5000; i++) heap.push({ t: (i * 7919) % 5000, p: 0, s: i });
    let prev = -1;
    for (let i = 0; i < 5000; i++) {
      const e = heap.pop()!;
      expect(e.t).toBeGreaterThanOrEqual(prev);
      prev = e.t;
    }
    expect(heap.pop()).toBeUndefined();
  });
});
