// What the panels see while time runs, paced: every frame is kept (`frame`, for the canvas), but
// the panels' three channels — the frame they show (`view`), the event log and the chart series —
// each go out at most every `viewEveryMs`, one channel per frame, so a table of hundreds of rows
// gets no 60 updates a second and the DOM work spreads over the frames.
import type { StoreApi } from 'zustand/vanilla';
import type { Frame, LogEvent, MetricsSample } from '../protocol';
import { appendFaults, appendSamples, eventsUpTo, samplesUpTo } from './series';
import { LOG_LIMIT, type AppState } from './state';

/** Two channels go out at least this far apart (about a frame), and a timer waits at least this long. */
const MIN_SPACING_MS = 16;

/**
 * What the panels see, in three parts published on different frames while time runs: the frame
 * (`view`), the event log, and the chart series — each at most every VIEW_EVERY_MS.
 */
type Channel = 'view' | 'log' | 'series';
const CHANNELS: readonly Channel[] = ['view', 'log', 'series'];

const running = (f: Frame) => f.playing || f.jumpProgress !== null;

/** The new frame must be shown at once: time stands still, or the run changed state. */
function urgent(next: Frame, shown: Frame | null): boolean {
  if (!shown || !running(next)) return true;
  return (
    next.playing !== shown.playing ||
    next.speed !== shown.speed ||
    (next.jumpProgress === null) !== (shown.jumpProgress === null) ||
    next.jumpTarget !== shown.jumpTarget ||
    next.future !== shown.future ||
    (next.inspection?.key ?? null) !== (shown.inspection?.key ?? null)
  );
}

/** Merges newly arrived events (oldest first) into the newest-first bounded buffer. */
export function mergeLog(current: LogEvent[], incoming: LogEvent[], limit = LOG_LIMIT): LogEvent[] {
  if (incoming.length === 0) return current;
  const merged = incoming.slice().reverse().concat(current);
  if (merged.length <= limit) return merged;
  // Over the bound, the oldest workload operations go first: faults and convictions stay longer.
  let over = merged.length - limit;
  const out: LogEvent[] = [];
  for (let i = merged.length - 1; i >= 0; i--) {
    const e = merged[i]!;
    if (over > 0 && e.workload) {
      over--;
      continue;
    }
    out.push(e);
  }
  out.reverse();
  return out.length <= limit ? out : out.slice(0, limit);
}

type History = Pick<AppState, 'log' | 'logSkipped' | 'series' | 'faults'>;

/** The log, samples and faults of every frame, published with their channel. */
export class Feed {
  private log: LogEvent[] = [];
  private logSkipped = 0;
  private series: readonly MetricsSample[] = [];
  private faults: readonly LogEvent[] = [];
  private readonly publishedAt: Record<Channel, number> = { view: -Infinity, log: -Infinity, series: -Infinity };
  private readonly pending: Record<Channel, boolean> = { view: false, log: false, series: false };
  /** When any channel last went out: two never go out within one frame's time. */
  private lastPublish = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly set: StoreApi<AppState>['setState'],
    private readonly get: () => AppState,
    private readonly now: () => number,
    private readonly viewEveryMs: number,
  ) {}

  /** A new simulation: its history starts over (the caller publishes it with the rest of `ready`). */
  reset(): History {
    this.log = [];
    this.logSkipped = 0;
    this.series = [];
    this.faults = [];
    this.pending.log = this.pending.series = false;
    return { log: this.log, logSkipped: this.logSkipped, series: this.series, faults: this.faults };
  }

  /** The same run, earlier: its history up to `at` stays, the discarded future goes; published at once. */
  rewind(at: number): void {
    this.log = eventsUpTo(this.log, at) as LogEvent[];
    this.series = samplesUpTo(this.series, at);
    this.faults = eventsUpTo(this.faults, at);
    this.pending.log = this.pending.series = false;
    this.set({ log: this.log, series: this.series, faults: this.faults });
  }

  /** Keeps the frame (for the canvas) and its events and samples; publishes what is due. */
  take(frame: Frame): void {
    if (frame.log.length > 0 || frame.logSkipped > 0) {
      this.log = mergeLog(this.log, frame.log);
      this.logSkipped += frame.logSkipped;
      this.pending.log = true;
    }
    const nextSeries = appendSamples(this.series, frame.samples ?? []);
    const nextFaults = appendFaults(this.faults, frame.log);
    if (nextSeries !== this.series || nextFaults !== this.faults) {
      this.series = nextSeries;
      this.faults = nextFaults;
      this.pending.series = true;
    }
    this.pending.view = true;
    this.set({ frame, frameReceivedAt: this.now() });
    if (this.viewEveryMs <= 0 || urgent(frame, this.get().view)) {
      this.publish(CHANNELS.filter((c) => this.pending[c]));
    } else {
      // At most one channel a frame: the panels' DOM work spreads over the frames.
      this.publishDue();
      this.schedule();
    }
  }

  private patch(c: Channel): Partial<AppState> {
    if (c === 'view') return { view: this.get().frame };
    return c === 'log' ? { log: this.log, logSkipped: this.logSkipped } : { series: this.series, faults: this.faults };
  }

  private publish(channels: readonly Channel[]): void {
    const out: Partial<AppState> = {};
    const t = this.now();
    for (const c of channels) {
      Object.assign(out, this.patch(c));
      this.pending[c] = false;
      this.publishedAt[c] = t;
    }
    if (channels.length === 0) return;
    this.lastPublish = t;
    this.set(out);
  }

  /** Publishes the pending channel that waited longest, if its time has come (and no other just went out). */
  private publishDue(): void {
    if (this.now() - this.lastPublish < MIN_SPACING_MS) return;
    let pick: Channel | null = null;
    for (const c of CHANNELS) {
      if (!this.pending[c] || this.now() - this.publishedAt[c] < this.viewEveryMs) continue;
      if (pick === null || this.publishedAt[c] < this.publishedAt[pick]) pick = c;
    }
    if (pick) this.publish([pick]);
  }

  /** Held-back channels go out later even if no frame comes: one per timer, like one per frame. */
  private schedule(): void {
    if (this.timer !== null || typeof setTimeout !== 'function') return;
    let wait = Infinity;
    for (const c of CHANNELS) if (this.pending[c]) wait = Math.min(wait, this.viewEveryMs - (this.now() - this.publishedAt[c]));
    if (wait === Infinity) return;
    wait = Math.max(wait, MIN_SPACING_MS - (this.now() - this.lastPublish));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.publishDue();
      this.schedule();
    }, Math.max(MIN_SPACING_MS, wait));
  }
}
