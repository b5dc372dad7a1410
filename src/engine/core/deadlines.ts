// pure: deadlines that all share one duration come due in the order they were set, so a FIFO
// replaces a heap entry per deadline (one timer event stands for the earliest).

export class DeadlineFifo<T> {
  private readonly times: number[] = [];
  /** null once shifted, so a consumed item is not kept alive until the next compaction. */
  private readonly items: (T | null)[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  push(t: number, item: T): void {
    this.times.push(t);
    this.items.push(item);
  }

  /** The earliest pending deadline; Infinity when none. */
  nextTime(): number {
    return this.head < this.times.length ? this.times[this.head]! : Infinity;
  }

  /** Removes and returns the item of the earliest deadline (the caller checks one is pending). */
  shift(): T {
    const item = this.items[this.head]!;
    this.items[this.head] = null;
    this.head++;
    // Drop the consumed prefix now and then, not on every shift (splice is linear).
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.items.splice(0, this.head);
      this.head = 0;
    }
    return item;
  }

  /** The pending items, earliest deadline first (a copy). */
  pending(): T[] {
    return this.items.slice(this.head) as T[];
  }
}
