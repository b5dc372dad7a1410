// pure: the simulation's event queue, ordered by (t, p, s) as core/heap.ts orders it. The soonest
// events sit in a short sorted run (latest first, soonest last): a pop takes the last entry and a
// push shifts only the entries due before it, which for a message (due in a millisecond or so)
// are a few. The run holds slot numbers and times in typed arrays, so a shift moves plain numbers
// (no write barrier per moved object). What does not fit the run goes to a 4-ary heap: a queue of
// any size stays O(log n) per event; a pop takes the earlier of the two heads. Measured on the
// two-datacenter bench run (about 50 events queued): ~12 % faster than the heap alone, same order.
import { EventHeap, tieLess, type Ordered } from './heap';

/** The sorted run's capacity: room for the messages in flight of a busy cluster and its timers. */
export const RUN_CAP = 128;

export class EventQueue<E extends Ordered> {
  /** The sorted run, latest first: each entry's slot in `slots`, and its time. */
  private readonly run = new Int32Array(RUN_CAP);
  private readonly runTimes = new Float64Array(RUN_CAP);
  private runLen = 0;
  /** The events in the run, by slot; the free slots form a stack. */
  private readonly slots: (E | undefined)[] = new Array<E | undefined>(RUN_CAP).fill(undefined);
  private readonly free = Int32Array.from({ length: RUN_CAP }, (_, i) => RUN_CAP - 1 - i);
  private freeTop = RUN_CAP;
  private readonly rest = new EventHeap<E>();

  get size(): number {
    return this.runLen + this.rest.size;
  }

  /** The earliest event, left on the queue. */
  peek(): E | undefined {
    if (this.restFirst()) return this.rest.peek();
    return this.runLen === 0 ? undefined : this.slots[this.run[this.runLen - 1]!];
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    const n = this.runLen;
    const runT = n === 0 ? Infinity : this.runTimes[n - 1]!;
    if (this.rest.size === 0) return runT;
    const restT = this.rest.peekTime();
    return restT < runT ? restT : runT;
  }

  /** Read-only view for snapshots; in no particular order. */
  all(): readonly E[] {
    const out: E[] = [];
    for (let i = 0; i < this.runLen; i++) out.push(this.slots[this.run[i]!]!);
    return this.rest.size === 0 ? out : out.concat(this.rest.all());
  }

  push(e: E): void {
    if (this.runLen === RUN_CAP) {
      // Later than the whole run: the heap keeps it. Earlier: the run's later half makes room.
      const latest = this.runTimes[0]!;
      if (latest < e.t || (latest === e.t && tieLess(this.slots[this.run[0]!]!, e))) {
        this.rest.push(e);
        return;
      }
      this.spill();
    }
    this.insert(e);
  }

  pop(): E | undefined {
    if (this.restFirst()) return this.rest.pop();
    return this.runLen === 0 ? undefined : this.takeSoonest();
  }

  /** The earliest event if it is due at or before `t` (taken off the queue); else undefined. */
  popDue(t: number): E | undefined {
    const n = this.runLen;
    if (this.rest.size === 0) return n > 0 && this.runTimes[n - 1]! <= t ? this.takeSoonest() : undefined;
    return this.peekTime() <= t ? this.pop() : undefined;
  }

  /** Whether the heap's head comes before the run's. */
  private restFirst(): boolean {
    if (this.rest.size === 0) return false;
    const n = this.runLen;
    if (n === 0) return true;
    const rt = this.rest.peekTime();
    const nt = this.runTimes[n - 1]!;
    return rt < nt || (rt === nt && tieLess(this.rest.peek()!, this.slots[this.run[n - 1]!]!));
  }

  private takeSoonest(): E {
    const slot = this.run[--this.runLen]!;
    const e = this.slots[slot]!;
    this.slots[slot] = undefined;
    this.free[this.freeTop++] = slot;
    return e;
  }

  /** Into the sorted run, after every event due before it. */
  private insert(e: E): void {
    const run = this.run;
    const times = this.runTimes;
    const slot = this.free[--this.freeTop]!;
    this.slots[slot] = e;
    const t = e.t;
    let i = this.runLen++;
    while (i > 0) {
      const pt = times[i - 1]!;
      if (pt > t || (pt === t && tieLess(e, this.slots[run[i - 1]!]!))) break;
      run[i] = run[i - 1]!;
      times[i] = pt;
      i--;
    }
    run[i] = slot;
    times[i] = t;
  }

  /** The run's later half moves to the heap. */
  private spill(): void {
    const half = RUN_CAP >> 1;
    for (let i = 0; i < half; i++) {
      const slot = this.run[i]!;
      this.rest.push(this.slots[slot]!);
      this.slots[slot] = undefined;
      this.free[this.freeTop++] = slot;
    }
    this.run.copyWithin(0, half);
    this.runTimes.copyWithin(0, half);
    this.runLen -= half;
  }
}
