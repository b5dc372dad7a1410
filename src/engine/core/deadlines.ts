// pure: deadlines that all share one duration come due in the order they were set, so a FIFO
// replaces a heap entry per deadline (one timer event stands for the earliest).

export class DeadlineFifo<T> {
  private readonly times: number[] = [];
  /** null once shifted or withdrawn, so a finished item is not kept alive until its deadline. */
  private readonly items: (T | null)[] = [];
  private head = 0;
  /** Entries dropped from the front of the arrays so far: tickets stay valid across compactions. */
  private base = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  /** Adds a deadline; returns its ticket (for withdraw). */
  push(t: number, item: T): number {
    this.times.push(t);
    this.items.push(item);
    return this.base + this.items.length - 1;
  }

  /** Forgets the item of a pending deadline; the deadline itself stays, so timing is unchanged. */
  withdraw(ticket: number): void {
    const i = ticket - this.base;
    if (i >= this.head && i < this.items.length) this.items[i] = null;
  }

  /** The earliest pending deadline; Infinity when none. */
  nextTime(): number {
    return this.head < this.times.length ? this.times[this.head]! : Infinity;
  }

  /** Removes the earliest deadline; returns its item, null if withdrawn (the caller checks one is pending). */
  shift(): T | null {
    const item = this.items[this.head]!;
    this.items[this.head] = null;
    this.head++;
    // Drop the consumed prefix now and then, not on every shift (splice is linear).
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.items.splice(0, this.head);
      this.base += this.head;
      this.head = 0;
    }
    return item;
  }

  /** The items still pending, earliest deadline first (a copy). */
  pending(): T[] {
    const out: T[] = [];
    for (let i = this.head; i < this.items.length; i++) if (this.items[i] !== null) out.push(this.items[i]!);
    return out;
  }
}
