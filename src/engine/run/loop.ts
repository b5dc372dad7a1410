// The event loop and the clock: events leave the queue in (time, priority class, seq) order; the
// clock jumps to each; each one processed is folded into the trace hash. What an event does is the
// simulation's to decide (Loop.process).
import { SimEvent, P_OTHER } from '../core/events';
import type { EventQueue } from '../core/queue';
import type { TraceHash } from '../core/trace';

export interface Loop {
  readonly heap: EventQueue<SimEvent>;
  /** Simulated time, µs. */
  nowUs: number;
  /** Insertion sequence: the last tie-break of the queue's order. */
  seq: number;
  events: number;
  readonly trace: TraceHash;
  process(ev: SimEvent): void;
}

/** Queues an event (see EngineContext.schedule). */
export function schedule(l: Loop, t: number, k: number, n: number, e: number, x: number, p = P_OTHER, ref: unknown = null, recycle: SimEvent | null = null): SimEvent {
  const s = l.seq++;
  const ev = recycle ? recycle.reuse(t, p, s, k, n, e, x, '', -1, 0, false, ref) : new SimEvent(t, p, s, k, n, e, x, '', -1, 0, false, ref);
  l.heap.push(ev);
  return ev;
}

/**
 * Processes the events due at or before `targetUs`, then sets the clock there; stops early after
 * `maxEvents`. True when the clock reached the target.
 */
export function advance(l: Loop, targetUs: number, maxEvents: number): boolean {
  let budget = maxEvents;
  const heap = l.heap;
  while (budget > 0) {
    const ev = heap.popDue(targetUs);
    if (ev === undefined) break;
    budget--;
    l.process(ev);
  }
  // Out of budget with an event still due: the clock stays at the last one processed.
  if (heap.peekTime() <= targetUs) return false;
  if (targetUs > l.nowUs) l.nowUs = targetUs;
  return true;
}

/** The clock moves to an event about to be processed, which the trace hash records. */
export function enter(l: Loop, ev: SimEvent): void {
  l.nowUs = ev.t;
  l.events++;
  const tr = l.trace;
  tr.add(ev.t);
  tr.add(ev.k * 65536 + (ev.n + 1));
  tr.add(ev.x);
}
