// pure: the scenario's own workload in words, for the Workload panel — its generators (rate, keys,
// level, mix, span, and whether one runs at this moment) and how many single writes and reads it
// lists — so a scenario that brings its own load does not read "Off". Read from the scenario as
// the worker accepted it, without parsing it again on the page (a link may list 10,000 writes).
import { DEFAULT_GENERATOR_KEYS, DEFAULT_LEVEL, parseDuration } from '../../protocol';
import { formatClock, formatDuration } from '../../view/format';

export interface Generator {
  from: number;
  /** null: to the scenario's end. */
  to: number | null;
  rate: number;
  keys: number;
  writeRatio: number;
  consistency: string;
  coordinator: string | null;
}

export interface WorkloadEntries {
  generators: Generator[];
  writes: number;
  reads: number;
}

const EMPTY: WorkloadEntries = { generators: [], writes: 0, reads: 0 };
/** Generators described one by one; more are counted. */
const MAX_LISTED = 8;

const num = (v: unknown, dflt: number) => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);
const str = (v: unknown, dflt: string) => (typeof v === 'string' ? v : dflt);

function generatorOf(e: Record<string, unknown>): Generator {
  return {
    from: parseDuration(e.from) ?? 0,
    to: e.to === undefined ? null : parseDuration(e.to),
    rate: num(e.rate, 0),
    keys: num(e.keys, DEFAULT_GENERATOR_KEYS),
    writeRatio: num(e.writeRatio, 1),
    consistency: str(e.consistency, DEFAULT_LEVEL),
    coordinator: typeof e.coordinator === 'string' ? e.coordinator : null,
  };
}

/** The scenario's workload entries by kind (a generator is the entry with a rate). */
export function workloadOf(scenario: unknown): WorkloadEntries {
  const list = typeof scenario === 'object' && scenario !== null ? (scenario as { workload?: unknown }).workload : undefined;
  if (!Array.isArray(list) || list.length === 0) return EMPTY;
  const out: WorkloadEntries = { generators: [], writes: 0, reads: 0 };
  for (const e of list as unknown[]) {
    if (typeof e !== 'object' || e === null) continue;
    const o = e as Record<string, unknown>;
    if ('rate' in o) out.generators.push(generatorOf(o));
    else if ('write' in o) out.writes++;
    else if ('read' in o) out.reads++;
  }
  return out;
}

export const hasWorkload = (w: WorkloadEntries) => w.generators.length + w.writes + w.reads > 0;

export interface ScenarioWorkload {
  /** One line per generator (the first few; `more` counts the rest). */
  generators: string[];
  more: number;
  /** "3 writes and 1 read at set times", or ''. */
  singles: string;
  /** A generator runs at `now`. */
  runningNow: boolean;
}

const mix = (r: number) => (r >= 1 ? 'writes only' : r <= 0 ? 'reads only' : `${Math.round(r * 100)}% writes`);
const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

function describeGenerator(g: Generator, until: number): string {
  const to = g.to ?? until;
  const span = g.from <= 0 && to >= until ? 'for the whole run' : `from ${formatClock(g.from)} for ${formatDuration(Math.max(0, to - g.from))}`;
  const via = g.coordinator ? ` via ${g.coordinator}` : '';
  return `${g.rate.toLocaleString('en-US')} ops/s over ${g.keys.toLocaleString('en-US')} keys at ${g.consistency}, ${mix(g.writeRatio)}${via}, ${span}`;
}

export function describeWorkload(w: WorkloadEntries, now: number, until: number): ScenarioWorkload {
  const parts = [w.writes ? plural(w.writes, 'write') : '', w.reads ? plural(w.reads, 'read') : ''].filter(Boolean);
  return {
    generators: w.generators.slice(0, MAX_LISTED).map((g) => describeGenerator(g, until)),
    more: Math.max(0, w.generators.length - MAX_LISTED),
    singles: parts.length ? `${parts.join(' and ')} at set times` : '',
    runningNow: w.generators.some((g) => now >= g.from && now < (g.to ?? until)),
  };
}
