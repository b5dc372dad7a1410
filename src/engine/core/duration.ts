// pure: the scenario format's durations: ms as a number, or "<number><unit>" groups, largest unit first.

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
const ORDER = ['d', 'h', 'm', 's', 'ms'];
const GROUP = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/y;

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.length === 0 || v.length > 64) return null;
  let total = 0;
  let last = -1;
  GROUP.lastIndex = 0;
  while (GROUP.lastIndex < v.length) {
    const start = GROUP.lastIndex;
    const m = GROUP.exec(v);
    if (!m || m.index !== start) return null;
    const rank = ORDER.indexOf(m[2]!);
    if (rank <= last) return null;
    last = rank;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
  }
  return total;
}

/**
 * The shortest text parseDuration reads back as the same value, to the µs (the engine's clock):
 * 680000 → "11m20s", 1.5 → "1.5ms".
 */
export function formatDuration(ms: number): string {
  let restUs = Math.round(ms * 1000);
  if (restUs <= 0) return '0s';
  const parts: string[] = [];
  for (const u of ORDER) {
    const sizeUs = UNIT_MS[u]! * 1000;
    const n = u === 'ms' ? restUs / sizeUs : Math.floor(restUs / sizeUs);
    if (n > 0) {
      parts.push(`${u === 'ms' ? Number(n.toFixed(3)) : n}${u}`);
      restUs -= Math.round(n * sizeUs);
    }
  }
  return parts.join('');
}

/** Simulated ms → the engine's µs clock. */
export function msToUs(ms: number): number {
  return Math.round(ms * 1000);
}
