// pure: a binary min-heap of events ordered by (t, p, s): time, then priority class
// (faults before workload before everything else, each in file order), then insertion seq.

export interface Ordered {
  t: number;
  p: number;
  s: number;
}

function less(a: Ordered, b: Ordered): boolean {
  return a.t < b.t || (a.t === b.t && (a.p < b.p || (a.p === b.p && a.s < b.s)));
}

export class EventHeap<E extends Ordered> {
  private items: E[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): E | undefined {
    return this.items[0];
  }

  /** Read-only view for snapshots; order is heap order, not time order. */
  all(): readonly E[] {
    return this.items;
  }

  push(e: E): void {
    const items = this.items;
    let i = items.length;
    items.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pe = items[parent]!;
      if (!less(e, pe)) break;
      items[i] = pe;
      i = parent;
    }
    items[i] = e;
  }

  pop(): E | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    const n = items.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(items[r]!, items[l]!) ? r : l;
      if (!less(items[c]!, last)) break;
      items[i] = items[c]!;
      i = c;
    }
    items[i] = last;
    return top;
  }
}
