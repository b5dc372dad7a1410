// pure: the engine's event log: append-only, numbered, bounded (oldest dropped and counted).
import type { LogEvent, LogKind } from '../api';

export class EventLog {
  private buf: LogEvent[] = [];
  private seq = 0;
  private skipped = 0;

  constructor(private readonly cap = 5000) {}

  add(at: number, kind: LogKind, text: string, node?: string, key?: string): void {
    this.buf.push(key === undefined ? { seq: ++this.seq, at, kind, text, node } : { seq: ++this.seq, at, kind, text, node, key });
    if (this.buf.length > this.cap) {
      const drop = this.buf.length - this.cap;
      this.buf.splice(0, drop);
      this.skipped += drop;
    }
  }

  drain(max: number): { events: LogEvent[]; skipped: number } {
    let events = this.buf;
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
