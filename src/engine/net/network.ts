// The network: carries a message from one endpoint to another after a sampled latency, loses some
// (dropRate, a partition between the two, a receiver that is down) and hands each delivery to the
// handler registered for its kind. It knows nothing of the protocol: it is generic over the map of
// message kinds to bodies, as TigerBeetle's packet simulator is generic over its packet type.
import type { EventQueue } from '../core/queue';
import { EV, P_OTHER, SimEvent } from '../core/events';
import type { Prng } from '../core/prng';
import type { Latency } from './latency';

/** What the network needs of a node: whether its process runs, and its extra latency. */
export interface Endpoint {
  readonly up: boolean;
  readonly slowUs: number;
}

/** Where deliveries go: the simulation's event queue, its clock and its id counters. */
export interface Carrier {
  readonly nowUs: number;
  readonly heap: EventQueue<SimEvent>;
  /** Insertion sequence of the event queue (the network's deliveries take theirs from it too). */
  seq: number;
  nextId: number;
}

export interface NetStats {
  messagesSent: number;
  messagesLost: number;
}

/** A message in flight of kind K: the delivery event itself (core/events.ts). */
export interface Delivery<M, K extends keyof M> extends SimEvent<M[K]> {
  readonly kind: K & string;
  readonly body: M[K];
}

/** One handler per kind of message: the receiving endpoint acts on the delivery. */
export type Handlers<C, E, M> = { readonly [K in keyof M]: (ctx: C, to: E, m: Delivery<M, K>) => void };

/** Spare delivery events kept at most (a burst's worth; beyond it they go to the collector). */
const SPARE_CAP = 256;

type AnyHandler<C, E> = (ctx: C, to: E, m: SimEvent) => void;

/** What a sender's protocol does when a message of its kind is lost on arrival (most do nothing). */
export type LossHandlers<C, M> = { readonly [K in keyof M]?: (ctx: C, m: Delivery<M, K>) => void };

type AnyLossHandler<C> = (ctx: C, m: SimEvent) => void;

/**
 * A class of plain fields, no closures: it is part of the simulation's state, which a checkpoint
 * deep-copies. The handler table is not kept here but passed to `deliver` (a module constant).
 */
export class Network<M, E extends Endpoint> {
  /** Partition group per endpoint (all 0 when the network is whole). */
  group: number[];
  /** Delivery events done with, for the next messages sent (fewer young collections). */
  private spare: SimEvent[] = [];

  constructor(
    private readonly q: Carrier,
    private readonly endpoints: readonly E[],
    private readonly stats: NetStats,
    private readonly latency: Latency,
    private readonly rng: Prng,
    private readonly dropRate: number,
    /** Between datacenters (`zone`: each endpoint's DC) the delay is drawn from `latency` instead. */
    private readonly remote: { zone: readonly number[]; latency: Latency } | null = null,
  ) {
    this.group = new Array<number>(endpoints.length).fill(0);
  }

  reachable(a: number, b: number): boolean {
    return this.group[a] === this.group[b];
  }

  /** Splits the endpoints into groups (an index per endpoint); messages between groups are lost. */
  partition(group: number[]): void {
    this.group = group;
  }

  heal(): void {
    this.group = this.group.map(() => 0);
  }

  /**
   * `inReplyTo`: the message being answered, delivered and done with: the reply reuses its object.
   * `flag`: a small per-message value kept on the event (SimEvent.e, which messages do not otherwise use).
   */
  send<K extends keyof M & string>(from: number, to: number, kind: K, body: M[K], inReplyTo: SimEvent | null, flag: number): void {
    const q = this.q;
    const r = this.remote;
    const latency = r && r.zone[from] !== r.zone[to] ? r.latency : this.latency;
    const delay = latency.sample() + this.endpoints[from]!.slowUs + this.endpoints[to]!.slowUs;
    const dropped = this.dropRate > 0 && this.rng.next() < this.dropRate;
    const doomed = dropped || !this.reachable(from, to);
    this.stats.messagesSent++;
    const now = q.nowUs;
    const t = now + delay;
    const s = q.seq++;
    const id = q.nextId++;
    const ev = inReplyTo ?? this.spare.pop();
    q.heap.push(ev
      ? ev.reuse(t, P_OTHER, s, EV.deliver, to, flag, id, kind, from, now, doomed, body)
      : new SimEvent(t, P_OTHER, s, EV.deliver, to, flag, id, kind, from, now, doomed, body));
  }

  /** A delivery processed and not reused for a reply: its object carries a later message. */
  recycle(m: SimEvent): void {
    if (this.spare.length < SPARE_CAP) {
      m.body = null;
      this.spare.push(m);
    }
  }

  /** A message arrives: lost (and its kind's loss handler told), or handed to the handler of its kind. */
  deliver<C>(m: SimEvent, ctx: C, handlers: Handlers<C, E, M>, onLost: LossHandlers<C, M>): void {
    const to = this.endpoints[m.n]!;
    if (m.doomed || !to.up || !this.reachable(m.from, m.n)) {
      (onLost[m.kind as keyof M] as AnyLossHandler<C> | undefined)?.(ctx, m);
      this.stats.messagesLost++;
      return;
    }
    (handlers[m.kind as keyof M] as AnyHandler<C, E>)(ctx, to, m);
  }

  /** Whether a message in flight will be lost on arrival (as `deliver` would decide now). */
  doomed(m: SimEvent): boolean {
    return m.doomed || !this.endpoints[m.n]!.up || !this.reachable(m.from, m.n);
  }

  /** A message in flight by id (a linear scan: only for a user's click). */
  inFlight(id: number): SimEvent | undefined {
    for (const ev of this.q.heap.all()) if (ev.k === EV.deliver && ev.x === id && !ev.cancelled) return ev;
    return undefined;
  }

  /** Holds a message in flight `byUs` longer: it is re-queued as a new event. */
  delay(m: SimEvent, byUs: number): void {
    m.cancelled = true;
    this.q.heap.push(new SimEvent(m.t + byUs, m.p, this.q.seq++, m.k, m.n, m.e, m.x, m.kind, m.from, m.sentAt, m.doomed, m.body));
  }
}
