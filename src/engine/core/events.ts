// The kinds of event on the queue, and their priority classes (scenario-format.md: at one instant,
// faults in file order, then workload in file order, then messages and timers).

export const EV = {
  // 3 was a per-node flush timer: a hint now leaves the buffer at its own createdAt + hintFlushPeriod.
  deliver: 1, gossip: 2, hintTrigger: 4, writeTimeout: 5, readTimeout: 6, fault: 7, op: 8, gen: 9,
  pageTimeout: 10, pageNext: 11, antiEntropy: 12, repairWriteTimeout: 13, repairTimeout: 14, compaction: 15,
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
    public t: number,
    public p: number,
    public s: number,
    public k: number,
    /** node index */
    public n: number,
    /** node epoch the event belongs to */
    public e: number,
    /** id (write, read, page, entry index); the message id for a delivery */
    public x: number,
    public kind: string,
    public from: number,
    public sentAt: number,
    /** Lost on arrival; set at send, or later by a user dropping the message by hand. */
    public doomed: boolean,
    public body: B | null,
  ) {}

  /**
   * Makes this event, already taken off the queue and done with, a new one (the caller queues it):
   * a reply travels in its request's object and a periodic timer in its last firing's, which
   * spares an allocation per message and per tick.
   */
  reuse(t: number, p: number, s: number, k: number, n: number, e: number, x: number, kind: string, from: number, sentAt: number, doomed: boolean, body: B | null): this {
    this.t = t;
    this.p = p;
    this.s = s;
    this.k = k;
    this.n = n;
    this.e = e;
    this.x = x;
    this.kind = kind;
    this.from = from;
    this.sentAt = sentAt;
    this.doomed = doomed;
    this.body = body;
    this.cancelled = false;
    return this;
  }

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
