// Write deadlines. writeTimeout is one constant, so deadlines come due in the order they were set:
// a FIFO holds them (core/deadlines.ts) and one timer event stands for the earliest.
import type { EngineContext } from '../context';
import { DeadlineFifo } from '../core/deadlines';
import { EV, P_OTHER, type SimEvent } from '../core/events';
import type { WriteHandler } from './types';
import { onWriteTimeout } from './write';

/** Plain data (part of the simulation's state, which a checkpoint copies). */
export class WriteDeadlines {
  readonly fifo = new DeadlineFifo<WriteHandler>();
  /** A writeTimeout event is queued for the earliest deadline. */
  armed = false;
}

export function armDeadline(ctx: EngineContext, d: WriteDeadlines, h: WriteHandler): void {
  const t = ctx.nowUs + ctx.us(ctx.settings.writeTimeout);
  h.deadline = d.fifo.push(t, h);
  if (!d.armed) {
    d.armed = true;
    ctx.schedule(t, EV.writeTimeout, -1, 0, 0);
  }
}

/** The writeTimeout event: every deadline due times out; the event carries on to the next. */
export function sweepDeadlines(ctx: EngineContext, d: WriteDeadlines, ev: SimEvent): void {
  const fifo = d.fifo;
  while (fifo.nextTime() <= ctx.nowUs) {
    const h = fifo.shift();
    if (h) onWriteTimeout(ctx, h);
  }
  d.armed = fifo.size > 0;
  if (d.armed) ctx.schedule(fifo.nextTime(), EV.writeTimeout, -1, 0, 0, P_OTHER, null, ev);
}

/** A write finished: its deadline no longer needs it. */
export function releaseWrite(d: WriteDeadlines, h: WriteHandler): void {
  h.live = false;
  d.fifo.withdraw(h.deadline);
}
