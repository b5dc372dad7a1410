// pure: number and time formatting for the UI.

const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');

/** Simulated clock: 0:03:21.450 below a day, 1d 02:03:04 from a day on. */
export function formatClock(ms: number): string {
  const total = Math.max(0, ms);
  const days = Math.floor(total / 86_400_000);
  const h = Math.floor(total / 3_600_000) % 24;
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  if (days > 0) return `${days}d ${pad(h)}:${pad(m)}:${pad(s)}`;
  const millis = Math.floor(total % 1000);
  return `${h}:${pad(m)}:${pad(s)}.${pad(millis, 3)}`;
}

/** A duration the way an operator writes it: 500ms, 2s, 1m 05s, 3h, 10d. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const v = Math.max(0, ms);
  if (v < 1000) return `${Math.round(v)}ms`;
  if (v < 60_000) {
    const s = v / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
  }
  // The largest unit and, when not zero, the next one down: 1m 05s, 3h, 2d 04h.
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];
  const i = units.findIndex(([size]) => v >= size);
  const [big, bigUnit] = units[i] ?? [1000, 's'];
  const [small, smallUnit] = units[i + 1] ?? [1, 'ms'];
  const n = Math.floor(v / big);
  const rest = Math.floor((v - n * big) / small);
  const parts = [`${n}${bigUnit}`];
  if (rest > 0 && smallUnit !== 'ms') parts.push(`${pad(rest)}${smallUnit}`);
  return parts.join(' ');
}

// One formatter for every count: toLocaleString builds a new one per call (~20 µs), which
// hundreds of table cells a frame turn into milliseconds.
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** An integer with thousands separators: 12,345. */
export function formatCount(n: number): string {
  return COUNT.format(Math.round(n));
}

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 4 });

/** Counts up to this are written out in full on a counter; larger ones are compact. */
export const COUNTER_EXACT_MAX = 99_999;

/**
 * A counter's number in at most six characters, so it fits its cell at any value up to 10⁹ and
 * beyond: 68,591 in full, then 172.8K, 1.235M, 1B (the exact number goes in a tooltip).
 */
export function formatCounter(n: number): string {
  const v = Math.round(n);
  return Math.abs(v) <= COUNTER_EXACT_MAX ? formatCount(v) : COMPACT.format(v);
}
