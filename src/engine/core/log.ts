// pure: the engine's event log: append-only, numbered, bounded (oldest dropped and counted).
// The automatic workload's operations go to a ring of their own, their sentences written only
// when drained: a run logs hundreds of thousands of them, and only the newest are ever read.
import type { LogEvent, LogKind } from '../api';

/** A sentence, or what writes it when someone reads it. */
export type LazyText = string | (() => string);

interface Pending {
  seq: number;
  at: number;
  kind: LogKind;
  node: string | undefined;
  key: string | undefined;
  text: LazyText;
}

/** Workload operations kept between two drains (the newest; older ones count as skipped). */
const WORKLOAD_RING = 256;

export const textOf = (t: LazyText): string => (typeof t === 'string' ? t : t());

export class EventLog {
  private buf: LogEvent[] = [];
  private seq = 0;
  private skipped = 0;
  private ring: (Pending | undefined)[] = [];
  /** Workload operations recorded since the last drain (those beyond the ring were overwritten). */
  private ringCount = 0;

  constructor(private readonly cap = 5000) {}

  add(at: number, kind: LogKind, text: LazyText, node?: string, key?: string, workload = false): void {
    if (workload) return this.addWorkload(at, kind, text, node, key);
    const t = textOf(text);
    this.buf.push(key === undefined ? { seq: ++this.seq, at, kind, text: t, node } : { seq: ++this.seq, at, kind, text: t, node, key });
    // Trimmed to the cap once it holds twice as many (a splice per event past the cap would
    // cost the whole buffer each time).
    if (this.buf.length >= 2 * this.cap) this.trim();
  }

  private addWorkload(at: number, kind: LogKind, text: LazyText, node: string | undefined, key: string | undefined): void {
    const i = this.ringCount % WORKLOAD_RING;
    const slot = this.ring[i];
    if (slot) {
      slot.seq = ++this.seq;
      slot.at = at;
      slot.kind = kind;
      slot.node = node;
      slot.key = key;
      slot.text = text;
    } else this.ring[i] = { seq: ++this.seq, at, kind, node, key, text };
    this.ringCount++;
  }

  private trim(): void {
    if (this.buf.length <= this.cap) return;
    const drop = this.buf.length - this.cap;
    this.buf.splice(0, drop);
    this.skipped += drop;
  }

  /** The workload operations still in the ring, oldest first, as events. */
  private takeWorkload(): LogEvent[] {
    const n = Math.min(this.ringCount, WORKLOAD_RING);
    this.skipped += this.ringCount - n;
    const out: LogEvent[] = [];
    for (let k = this.ringCount - n; k < this.ringCount; k++) {
      const p = this.ring[k % WORKLOAD_RING]!;
      const e: LogEvent = p.key === undefined ? { seq: p.seq, at: p.at, kind: p.kind, text: textOf(p.text), node: p.node } : { seq: p.seq, at: p.at, kind: p.kind, text: textOf(p.text), node: p.node, key: p.key };
      e.workload = true;
      out.push(e);
    }
    this.ringCount = 0;
    // The slots stay for reuse; what they hold (closures over requests) is let go.
    for (const p of this.ring) if (p) p.text = '';
    return out;
  }

  drain(max: number): { events: LogEvent[]; skipped: number } {
    this.trim();
    let events = this.buf;
    if (this.ringCount > 0) events = mergeBySeq(events, this.takeWorkload());
    let skipped = this.skipped;
    if (events.length > max) {
      skipped += events.length - max;
      events = events.slice(events.length - max);
    }
    this.buf = [];
    this.skipped = 0;
    return { events, skipped };
  }
}

/** Two runs of events in seq order, as one. */
function mergeBySeq(a: readonly LogEvent[], b: readonly LogEvent[]): LogEvent[] {
  const out: LogEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.seq < b[j]!.seq)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
