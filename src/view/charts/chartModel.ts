// pure: what the charts draw, computed from the sample series — time ticks, per-target
// lines, rates, fault markers and label placement. Reads nothing but its arguments.
import { area, curveStepAfter, line } from 'd3';
import { formatDuration as compactDuration } from '../../protocol';
import type { LogEvent, MetricsSample, Timeline, TimelineMark } from '../../protocol';

export type Point = readonly [t: number, v: number];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick steps a person reads without arithmetic. */
const STEPS = [
  100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 5 * DAY, 7 * DAY, 14 * DAY, 30 * DAY,
];

/** The smallest readable step giving at most `maxTicks` ticks over the domain. */
export function tickStep(span: number, maxTicks: number): number {
  const want = span / Math.max(1, maxTicks);
  return STEPS.find((s) => s >= want) ?? STEPS[STEPS.length - 1]!;
}

/** Ticks on multiples of a readable step inside [t0, t1]. */
export function timeTicks(t0: number, t1: number, maxTicks: number): number[] {
  const step = tickStep(Math.max(1, t1 - t0), maxTicks);
  const out: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1 + 1e-6; t += step) out.push(t);
  return out;
}

/** A tick label in the jump box's own vocabulary: 0, 30s, 1m30s, 2h, 1d6h. */
export function formatTick(ms: number): string {
  if (ms <= 0) return '0';
  return compactDuration(ms);
}

/** The time span the charts show: from the first sample to the last (or a running jump's end). */
export function timeDomain(series: readonly MetricsSample[], jumpTarget: number | null, minSpan = 10 * SECOND): [number, number] {
  const t0 = series[0]?.now ?? 0;
  const last = series[series.length - 1]?.now ?? t0;
  const t1 = Math.max(last, jumpTarget ?? last);
  return [t0, Math.max(t1, t0 + minSpan)];
}

/** Targets that had pending hints at any sample, in cluster order (unknown names last, sorted). */
export function targetsOf(series: readonly MetricsSample[], order: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const s of series) addTargets(seen, s);
  return rankTargets(seen, order);
}

function addTargets(seen: Set<string>, s: MetricsSample): void {
  const by = s.pendingByTarget;
  for (const id in by) if ((by[id] ?? 0) > 0) seen.add(id);
}

function rankTargets(seen: ReadonlySet<string>, order: readonly string[]): string[] {
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...seen].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function pendingLine(series: readonly MetricsSample[], target: string): Point[] {
  return series.map((s) => [s.now, s.pendingByTarget[target] ?? 0] as const);
}

/** The pending-hints lines of a series, and what it takes to extend them when the series grows. */
export interface PendingLines {
  series: readonly MetricsSample[];
  order: readonly string[];
  seen: ReadonlySet<string>;
  targets: readonly string[];
  lines: ReadonlyMap<string, readonly Point[]>;
}

/**
 * pendingLine for every target of targetsOf, reusing `prev` when `series` only added samples
 * at its end (the common case: a sample or two ten times a second on 64 lines of 2,000): then
 * only the new samples become points. Anything else (thinning, a new run) starts over.
 */
export function pendingLines(series: readonly MetricsSample[], order: readonly string[], prev: PendingLines | null = null): PendingLines {
  const n = prev?.series.length ?? 0;
  const extends_ = !!prev && prev.order === order && n > 0 && series.length >= n && series[0] === prev.series[0] && series[n - 1] === prev.series[n - 1];
  const from = extends_ ? n : 0;
  const seen = new Set(extends_ ? prev.seen : []);
  for (let i = from; i < series.length; i++) addTargets(seen, series[i]!);
  const targets = extends_ && seen.size === prev.seen.size ? prev.targets : rankTargets(seen, order);
  const lines = new Map<string, readonly Point[]>();
  const added = series.slice(from);
  for (const t of targets) {
    const old = extends_ ? prev.lines.get(t) : undefined;
    const tail = added.map((s) => [s.now, s.pendingByTarget[t] ?? 0] as const);
    // A target first seen now gets its zeros before, as pendingLine would.
    lines.set(t, old ? (tail.length ? old.concat(tail) : old) : pendingLine(series, t));
  }
  return { series, order, seen, targets, lines };
}

export function metricLine(series: readonly MetricsSample[], pick: (s: MetricsSample) => number): Point[] {
  return series.map((s) => [s.now, pick(s)] as const);
}

/**
 * Under-replicated keys per datacenter (the samples' underReplicatedByDc), one line per DC of
 * `dcs` in that order; [] when there is nothing to split (fewer than two DCs, or no sample has it).
 */
export function dcUnderLines(series: readonly MetricsSample[], dcs: readonly string[]): { dc: string; points: Point[] }[] {
  if (dcs.length < 2 || !series.some((s) => s.underReplicatedByDc)) return [];
  return dcs.map((dc) => ({ dc, points: metricLine(series, (s) => s.underReplicatedByDc?.[dc] ?? 0) }));
}

/** A cumulative counter at time t, interpolated between samples (held flat past the ends). */
function valueAt(series: readonly MetricsSample[], pick: (s: MetricsSample) => number, t: number, from: number): { v: number; i: number } {
  let i = from;
  while (i + 1 < series.length && series[i + 1]!.now <= t) i++;
  const a = series[i]!;
  const b = series[i + 1];
  if (!b || t <= a.now) return { v: pick(a), i };
  const f = (t - a.now) / Math.max(1e-9, b.now - a.now);
  return { v: pick(a) + f * (pick(b) - pick(a)), i };
}

/**
 * The rate of a cumulative counter per simulated second, averaged over `bins` equal
 * stretches of [t0, t1] (only where samples exist). Drawn as steps: one point at each bin's
 * start holding its average, and a last point at the last bin's end, so each bin's rate covers
 * exactly its own stretch and never leans into its neighbours.
 */
export function rateLine(series: readonly MetricsSample[], pick: (s: MetricsSample) => number, t0: number, t1: number, bins: number): Point[] {
  if (series.length < 2 || t1 <= t0 || bins < 1) return [];
  const first = series[0]!.now;
  const last = series[series.length - 1]!.now;
  const width = (t1 - t0) / bins;
  const out: Point[] = [];
  let cursor = 0;
  let end = -Infinity;
  let lastRate = 0;
  for (let b = 0; b < bins; b++) {
    const a = Math.max(first, t0 + b * width);
    const e = Math.min(last, t0 + (b + 1) * width);
    if (e - a < width * 0.25) continue; // no samples (or too few) in this stretch
    const start = valueAt(series, pick, a, cursor);
    const stop = valueAt(series, pick, e, start.i);
    cursor = start.i;
    lastRate = Math.max(0, (stop.v - start.v) / ((e - a) / SECOND));
    out.push([a, lastRate]);
    end = e;
  }
  if (out.length > 0) out.push([end, lastRate]);
  return out;
}

/** A fault event's short label for the time axis: "kill D", "restart D", "partition". */
export function faultLabel(e: LogEvent): string {
  const t = e.text;
  const who = e.node ?? /^(\S+)/.exec(t)?.[1] ?? '';
  if (/crashed/.test(t)) return /wiped/.test(t) ? `kill ${who} (wipe)` : `kill ${who}`;
  if (/restarted/.test(t)) return `restart ${who}`;
  if (/^Network partitioned/.test(t)) return 'partition';
  if (/^Partition healed/.test(t)) return 'heal';
  if (/no longer slow/.test(t)) return `${who} normal`;
  if (/is slow/.test(t)) return `slow ${who}`;
  if (/dropped by hand/.test(t)) return 'drop msg';
  if (/delayed by/.test(t)) return 'delay msg';
  return t.length > 14 ? `${t.slice(0, 13)}…` : t;
}

/** Spreads end-of-line labels apart vertically: input and output are pixel ys (same order). */
export function dodge(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  // Pushed past the bottom: shift the stack up, then keep the top edge.
  const over = (placed[placed.length - 1] ?? bottom) - bottom;
  if (over > 0) for (let k = 0; k < placed.length; k++) placed[k] = placed[k]! - over;
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k]!, top + k * gap);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

/** A moment marked on the time axis: a fault (kill, restart, partition…) or a hand-made message fault. */
export interface ChartMark {
  /** Stable across updates (React key). */
  key: string;
  at: number;
  /** Short, on the axis: "kill D", "partition". */
  label: string;
  /** Long, in the tooltip. */
  text: string;
}

/** Timeline mark kinds that are drawn on the charts (the workload's writes and reads are not). */
const MARK_KINDS = new Set(['kill', 'restart', 'partition', 'heal', 'slow', 'repair', 'dropMessage', 'delayMessage']);

/** A timeline mark's short label, in faultLabel's vocabulary (so the two sources agree). */
export function markLabel(m: TimelineMark): string {
  const who = /(\S+)$/.exec(m.label)?.[1] ?? '';
  switch (m.kind) {
    case 'kill': return m.label.startsWith('kill + wipe') ? `kill ${who} (wipe)` : `kill ${who}`;
    case 'slow': return m.label.startsWith('not slow') ? `${who} normal` : `slow ${who}`;
    case 'partition': return 'partition';
    case 'dropMessage': return 'drop msg';
    case 'delayMessage': return 'delay msg';
    default: return m.label;
  }
}

/**
 * Every fault up to `now`, from two sources: the fault events the page kept from the log, and the
 * frame's timeline (the scenario's faults and the session's commands), which holds them however
 * the run got here — watched, jumped, rewound or rebuilt from a link — even when the log's bounded
 * buffer skipped the event. One mark per moment and label; oldest first.
 */
export function chartMarks(faults: readonly LogEvent[], timeline: Timeline | null, now: number): ChartMark[] {
  const out: ChartMark[] = [];
  const seen = new Set<string>();
  const add = (at: number, label: string, text: string) => {
    const key = `${Math.round(at * 1000)}|${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, at, label, text });
  };
  // The log holds only what happened; the timeline also lists the scenario's faults still ahead.
  for (const e of faults) add(e.at, faultLabel(e), e.text);
  for (const m of timeline?.marks ?? []) if (!m.queued && m.at <= now && MARK_KINDS.has(m.kind)) add(m.at, markLabel(m), m.label);
  return out.sort((a, b) => a.at - b.at);
}

/** Log fault events as marks (Compare's runs, which keep no timeline). */
export function marksOfLog(faults: readonly LogEvent[]): ChartMark[] {
  return chartMarks(faults, null, Infinity);
}

export interface PlacedMarker {
  key: string;
  at: number;
  x: number;
  label: string;
  text: string;
  /** Label row: 0 at the top, 1 just under it (alternates when labels would collide). */
  row: number;
}

/** Marks inside the domain, with label rows chosen so neighbouring labels do not overlap. */
export function placeMarkers(marks: readonly ChartMark[], x: (t: number) => number, t0: number, t1: number, charWidth = 6.2): PlacedMarker[] {
  const lastEnd = [-Infinity, -Infinity];
  const out: PlacedMarker[] = [];
  for (const m of marks) {
    if (m.at < t0 || m.at > t1) continue;
    const px = x(m.at);
    const w = m.label.length * charWidth + 8;
    const row = px >= lastEnd[0]! ? 0 : px >= lastEnd[1]! ? 1 : lastEnd[0]! <= lastEnd[1]! ? 0 : 1;
    lastEnd[row] = px + w;
    out.push({ key: m.key, at: m.at, x: px, label: m.label, text: m.text, row });
  }
  return out;
}

/** Sample indexes where a line's markers go: about every `spacing` px, offset per line. */
export function markerIndexes(points: readonly Point[], x: (t: number) => number, spacing: number, offset: number): number[] {
  const out: number[] = [];
  if (points.length === 0) return out;
  let next = x(points[0]![0]) + offset;
  points.forEach((p, i) => {
    const px = x(p[0]);
    if (px >= next) {
      out.push(i);
      next = px + spacing;
    }
  });
  const last = points.length - 1;
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

/**
 * The points that draw the same polyline at one-pixel resolution (M4): in each pixel column the
 * first, lowest, highest and last point, in time order. Two thousand samples across a chart a
 * few hundred pixels wide become a few hundred points, and the picture does not change.
 */
export function decimate(points: readonly Point[], x: (t: number) => number): readonly Point[] {
  const n = points.length;
  if (n <= 8) return points;
  const span = Math.abs(x(points[n - 1]![0]) - x(points[0]![0]));
  if (n <= 2 * (span + 1)) return points;
  const out: Point[] = [];
  let col = Math.floor(x(points[0]![0]));
  let first = 0;
  let lo = 0;
  let hi = 0;
  let last = 0;
  const emit = () => {
    // The four indexes in time order, each once.
    const idx = [first, lo, hi, last].sort((a, b) => a - b);
    let prev = -1;
    for (const i of idx) {
      if (i !== prev) out.push(points[i]!);
      prev = i;
    }
  };
  for (let i = 1; i < n; i++) {
    const p = points[i]!;
    const c = Math.floor(x(p[0]));
    if (c !== col) {
      emit();
      col = c;
      first = lo = hi = last = i;
      continue;
    }
    if (p[1] < points[lo]![1]) lo = i;
    if (p[1] > points[hi]![1]) hi = i;
    last = i;
  }
  emit();
  return out;
}

/** A coordinate to a tenth of a pixel, as path data writes it (no trailing ".0"). */
const coord = (v: number) => String(Math.round(v * 10) / 10);

/**
 * SVG path data of the polyline through the points (what d3.line() makes, to a tenth of a
 * pixel): "M x,y L x,y …". Written by hand: charts redraw tens of thousands of points a second.
 */
export function polylinePath(points: readonly Point[], x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    d += (i === 0 ? 'M' : 'L') + coord(x(p[0])) + ',' + coord(y(p[1]));
  }
  return d;
}

/** The area between the polyline and the baseline y = base (closed), as path data. */
export function areaPath(points: readonly Point[], x: (t: number) => number, y: (v: number) => number, base: number): string {
  if (points.length === 0) return '';
  const b = coord(base);
  return `${polylinePath(points, x, y)}L${coord(x(points[points.length - 1]![0]))},${b}L${coord(x(points[0]![0]))},${b}Z`;
}

/**
 * SVG path data of the samples as steps (d3.curveStepAfter): each sample's value holds until the
 * next sample, so a change shows at the first sample that saw it and never earlier — a straight
 * line between two sparse samples would draw values the engine never had.
 */
export function stepPath(points: readonly Point[], x: (t: number) => number, y: (v: number) => number): string {
  if (points.length === 0) return '';
  return line<Point>((p) => x(p[0]), (p) => y(p[1])).curve(curveStepAfter).digits(1)(points) ?? '';
}

/** The area under the steps down to the baseline y = base, as path data. */
export function stepAreaPath(points: readonly Point[], x: (t: number) => number, y: (v: number) => number, base: number): string {
  if (points.length === 0) return '';
  return area<Point>((p) => x(p[0]), base, (p) => y(p[1])).curve(curveStepAfter).digits(1)(points) ?? '';
}
