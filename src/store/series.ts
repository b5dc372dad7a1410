// pure: the bounded buffers behind the charts — metric samples over simulated time and the
// fault events that mark the time axis. Reads nothing but its arguments.
import type { LogEvent, MetricsSample } from '../protocol';

/** Samples kept for the charts. */
export const SERIES_LIMIT = 2000;
/** Fault events kept for the chart markers (a lecture makes a few dozen). */
export const FAULT_LIMIT = 500;

/**
 * Halves the resolution of the older half: keeps the first sample and every second one
 * after it, leaves the newer half as it was. Repeated, older stretches get evenly coarser
 * while the recent past keeps full detail, and the first sample (the run's start) stays.
 */
export function thinOlderHalf<T>(points: readonly T[]): T[] {
  const half = Math.floor(points.length / 2);
  const out: T[] = [];
  for (let i = 0; i < half; i += 2) out.push(points[i]!);
  for (let i = half; i < points.length; i++) out.push(points[i]!);
  return out;
}

/** Appends new samples (oldest first) and thins the older ones until at most `limit` remain. */
export function appendSamples(current: readonly MetricsSample[], incoming: readonly MetricsSample[], limit = SERIES_LIMIT): readonly MetricsSample[] {
  if (incoming.length === 0) return current;
  const last = current[current.length - 1];
  // A sample at the same simulated time replaces the previous one (it is the more recent reading).
  let next = last && incoming[0]!.now === last.now ? current.slice(0, -1).concat(incoming) : current.concat(incoming);
  if (limit < 2) return next.slice(-Math.max(1, limit));
  while (next.length > limit) next = thinOlderHalf(next);
  return next;
}

/** Keeps the fault events of a frame's log (oldest first), bounded. */
export function appendFaults(current: readonly LogEvent[], log: readonly LogEvent[], limit = FAULT_LIMIT): readonly LogEvent[] {
  const faults = log.filter((e) => e.kind === 'fault');
  if (faults.length === 0) return current;
  const next = current.concat(faults);
  return next.length <= limit ? next : next.slice(next.length - limit);
}

/** After a seek back: the samples at or before `atMs` (the same array when none is later). */
export function samplesUpTo(current: readonly MetricsSample[], atMs: number): readonly MetricsSample[] {
  let n = current.length;
  while (n > 0 && current[n - 1]!.now > atMs) n--;
  return n === current.length ? current : current.slice(0, n);
}

/** After a seek back: the events at or before `atMs`, in their order (the same array when none is later). */
export function eventsUpTo<T extends LogEvent>(events: readonly T[], atMs: number): readonly T[] {
  return events.some((e) => e.at > atMs) ? events.filter((e) => e.at <= atMs) : events;
}
