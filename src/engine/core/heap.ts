// pure: a 4-ary min-heap of events ordered by (t, p, s): time, then priority class
// (faults before workload before everything else, each in file order), then insertion seq.
// Times are mirrored in a Float64Array beside the events: nearly every comparison is decided by
// time alone, and reading it from one contiguous array spares a load from each event object.
// Four children per node, not two: half the levels, and a node's children are adjacent in memory
// (measured: the busy bench scenario runs ~15 % faster than with a binary heap, same pop order).

export interface Ordered {
  t: number;
  p: number;
  s: number;
}

/** Same time: priority class, then insertion order. */
export function tieLess(a: Ordered, b: Ordered): boolean {
  return a.p < b.p || (a.p === b.p && a.s < b.s);
}

export class EventHeap<E extends Ordered> {
  private items: E[] = [];
  private times = new Float64Array(1024);

  get size(): number {
    return this.items.length;
  }

  peek(): E | undefined {
    return this.items[0];
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.items.length === 0 ? Infinity : this.times[0]!;
  }

  /** Read-only view for snapshots; order is heap order, not time order. */
  all(): readonly E[] {
    return this.items;
  }

  push(e: E): void {
    const items = this.items;
    let i = items.length;
    if (i === this.times.length) {
      const grown = new Float64Array(i * 2);
      grown.set(this.times);
      this.times = grown;
    }
    const times = this.times;
    const t = e.t;
    items.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent]!;
      if (t > pt || (t === pt && !tieLess(e, items[parent]!))) break;
      items[i] = items[parent]!;
      times[i] = pt;
      i = parent;
    }
    items[i] = e;
    times[i] = t;
  }

  pop(): E | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    const n = items.length;
    if (n === 0 || last === undefined) return top;
    const times = this.times;
    const lt = times[n]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // The earliest of up to four children (their times sit side by side in one cache line).
      let c = first;
      let ct = times[first]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let j = first + 1; j < end; j++) {
        const jt = times[j]!;
        if (jt < ct || (jt === ct && tieLess(items[j]!, items[c]!))) {
          c = j;
          ct = jt;
        }
      }
      if (ct > lt || (ct === lt && !tieLess(items[c]!, last))) break;
      items[i] = items[c]!;
      times[i] = ct;
      i = c;
    }
    items[i] = last;
    times[i] = lt;
    return top;
  }
}
