import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, RUN_CAP } from '../../src/engine/core/queue';
import type { Ordered } from '../../src/engine/core/heap';

const order = (a: Ordered, b: Ordered) => a.t - b.t || a.p - b.p || a.s - b.s;

type Op = { push: true; t: number; p: number; n: number } | { push: false; due: number | null };

/** Runs the ops against the queue and a sorted model; every pop must match. */
function check(ops: Op[]): void {
  const q = new EventQueue<Ordered>();
  const model: Ordered[] = [];
  let s = 0;
  let now = 0;
  for (const o of ops) {
    if (o.push) {
      // A batch of pushes, each at or after the clock (as the simulation schedules).
      for (let k = 0; k < o.n; k++) {
        const e = { t: now + ((o.t * (k + 1)) % 997), p: o.p, s: s++ };
        q.push(e);
        model.push(e);
      }
      continue;
    }
    model.sort(order);
    expect(q.size).toBe(model.length);
    expect(q.peekTime()).toBe(model.length ? model[0]!.t : Infinity);
    expect(q.peek()).toBe(model[0]);
    if (o.due === null) {
      const e = q.pop();
      expect(e).toBe(model.shift());
      if (e) now = e.t;
      continue;
    }
    const due = now + o.due;
    const e = q.popDue(due);
    expect(e).toBe(model.length && model[0]!.t <= due ? model.shift() : undefined);
    if (e) now = e.t;
  }
  model.sort(order);
  expect([...q.all()].sort(order)).toEqual(model);
  const rest: Ordered[] = [];
  for (let e = q.pop(); e; e = q.pop()) rest.push(e);
  expect(rest).toEqual(model);
  expect(q.size).toBe(0);
}

describe('EventQueue', () => {
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ push: fc.constant(true as const), t: fc.integer({ min: 0, max: 40 }), p: fc.constantFrom(0, 3, 1_000_000, 1_000_000_000), n: fc.integer({ min: 1, max: 3 * RUN_CAP }) }),
    fc.record({ push: fc.constant(false as const), due: fc.option(fc.integer({ min: 0, max: 60 })) }),
  );

  it('pops in (time, priority, seq) order, in its sorted run and past it, under any interleaving', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 400 }), check), { numRuns: 150 });
  });

  it('keeps the order when many more events than its run holds tie on time', () => {
    const ops: Op[] = [{ push: true, t: 0, p: 1_000_000_000, n: 5 * RUN_CAP }, { push: true, t: 0, p: 0, n: 2 * RUN_CAP }];
    for (let i = 0; i < 3 * RUN_CAP; i++) ops.push({ push: false, due: null }, ...(i % 3 === 0 ? [{ push: true as const, t: 0, p: 3, n: 2 }] : []));
    check(ops);
  });

  it('stays a heap when the queue is large: a push past the run goes to the heap', () => {
    const q = new EventQueue<Ordered>();
    for (let i = 0; i < 20 * RUN_CAP; i++) q.push({ t: (i * 7919) % 5000, p: 0, s: i });
    let prev = -1;
    for (let i = 0; i < 20 * RUN_CAP; i++) {
      const e = q.pop()!;
      expect(e.t).toBeGreaterThanOrEqual(prev);
      prev = e.t;
    }
    expect(q.pop()).toBeUndefined();
    expect(q.peekTime()).toBe(Infinity);
  });
});
