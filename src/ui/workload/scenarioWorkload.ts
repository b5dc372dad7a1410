// pure: the scenario's own workload in words, for the Workload panel — its generators (rate, keys,
// level, mix, span, and whether one runs at this moment) and how many single writes and reads it
// lists — so a scenario that brings its own load does not read "Off".
import { parseScenario } from '../../protocol';
import { formatClock, formatDuration } from '../../view/format';

type Entry = ReturnType<typeof parseScenario>['workload'][number];

export interface ScenarioWorkload {
  /** One line per generator. */
  generators: string[];
  /** "3 writes and 1 read at set times", or ''. */
  singles: string;
  /** A generator runs at `now`. */
  runningNow: boolean;
}

/** The scenario's workload entries, or [] when it has none (or cannot be read: the worker said why). */
export function workloadOf(scenario: unknown): Entry[] {
  if (scenario === null || scenario === undefined) return [];
  try {
    return parseScenario(scenario).workload;
  } catch {
    return [];
  }
}

const mix = (r: number) => (r >= 1 ? 'writes only' : r <= 0 ? 'reads only' : `${Math.round(r * 100)}% writes`);
const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export function describeWorkload(entries: readonly Entry[], now: number, until: number): ScenarioWorkload {
  const generators: string[] = [];
  let writes = 0;
  let reads = 0;
  let runningNow = false;
  for (const e of entries) {
    if (e.kind === 'write') writes++;
    else if (e.kind === 'read') reads++;
    else {
      const span = e.from <= 0 && e.to >= until ? 'for the whole run' : `from ${formatClock(e.from)} for ${formatDuration(Math.max(0, e.to - e.from))}`;
      const via = e.coordinator ? ` via ${e.coordinator}` : '';
      generators.push(`${e.rate.toLocaleString('en-US')} ops/s over ${e.keys.toLocaleString('en-US')} keys at ${e.consistency}, ${mix(e.writeRatio)}${via}, ${span}`);
      if (now >= e.from && now < e.to) runningNow = true;
    }
  }
  const parts = [writes ? plural(writes, 'write') : '', reads ? plural(reads, 'read') : ''].filter(Boolean);
  return { generators, singles: parts.length ? `${parts.join(' and ')} at set times` : '', runningNow };
}
