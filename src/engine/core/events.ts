// The kinds of event on the queue, and their priority classes (scenario-format.md: at one instant,
// faults in file order, then workload in file order, then messages and timers).

export const EV = {
  deliver: 1, gossip: 2, flush: 3, hintTrigger: 4, writeTimeout: 5, readTimeout: 6, fault: 7, op: 8, gen: 9,
  pageTimeout: 10, pageNext: 11, antiEntropy: 12, repairWriteTimeout: 13,
} as const;

export const P_FAULT = 0;
export const P_WORKLOAD = 1_000_000;
export const P_OTHER = 1_000_000_000;

/**
 * One entry of the event queue. A message in flight is itself the event of its delivery (one
 * allocation per message, one object shape in the heap), so timers carry empty message fields.
 */
export class SimEvent<B = unknown> {
  constructor(
    readonly t: number,
    readonly p: number,
    readonly s: number,
    readonly k: number,
    /** node index */
    readonly n: number,
    /** node epoch the event belongs to */
    readonly e: number,
    /** id (write, read, page, entry index); the message id for a delivery */
    readonly x: number,
    readonly kind: string,
    readonly from: number,
    readonly sentAt: number,
    /** Lost on arrival; set at send, or later by a user dropping the message by hand. */
    public doomed: boolean,
    readonly body: B | null,
  ) {}

  /** Superseded (a delayed message is re-queued as a new event). */
  cancelled = false;

  get id(): number {
    return this.x;
  }

  get to(): number {
    return this.n;
  }

  get deliverAt(): number {
    return this.t;
  }
}
