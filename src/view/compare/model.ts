// pure: what the Compare view can change, and run B = run A with exactly that one setting
// changed. Values are checked with zod as typed; every error names its field. Reads nothing
// but its arguments.
import { z } from '../forms/zod';
import {
  CLUSTER_FIELDS, DEFAULT_LEVEL, formatDuration, parseDuration, parseScenario, READ_LEVELS, ScenarioError, type Command, type ConsistencyLevel, type LoggedCommand,
} from '../../protocol';
import { FIELD_GROUPS, realText } from '../settings/settingsModel';
import { withDatacenters } from './datacenters';

export type ChangeKind = 'bool' | 'duration' | 'optionalDuration' | 'number' | 'choice';

/** One setting the view can change. */
export interface ChangeDef {
  /** Where it lives: `settings.maxHintWindow`, `settings.latency.p99`, or `workload.consistency`. */
  path: string;
  /** Our name, as in the scenario format. */
  name: string;
  kind: ChangeKind;
  /** The real systems' parameter names (the settings registry's), as one line. */
  real: string;
  options?: readonly string[];
  /** Empty text means this (a duration field that may be "none"). */
  emptyMeans?: string;
}

/** The workload's consistency level: not a setting, but the comparison most asked for. */
const LEVEL_CHANGE: ChangeDef = {
  path: 'workload.consistency',
  name: 'consistency',
  kind: 'choice',
  real: realText({ cassandra: 'CONSISTENCY', scylla: 'CONSISTENCY', dynamo: 'R and W', riak: 'r and w' }),
  // B's level applies to reads too, so ANY (writes only) is no choice here.
  options: READ_LEVELS,
};

/** How many datacenters the cluster spans (compare/datacenters.ts makes B's cluster). */
const DC_CHANGE: ChangeDef = {
  path: 'cluster.datacenters',
  name: 'datacenters',
  kind: 'choice',
  real: realText(CLUSTER_FIELDS.datacenters.real),
  options: ['1', '2'],
};

/** Every setting the view can change: the settings form's, without the preset (it changes many at once). */
export const CHANGES: readonly ChangeDef[] = [
  ...FIELD_GROUPS.flatMap((g) => g.fields)
    .filter((f) => f.path.startsWith('settings.') && f.key !== 'preset' && f.kind !== 'list')
    .map((f): ChangeDef => ({
      path: f.path,
      name: f.key,
      // Compare turns hintedHandoffEnabled on or off; a datacenter list is the form's to edit.
      kind: (f.kind === 'boolOrList' ? 'bool' : f.kind) as ChangeKind,
      real: f.real,
      options: f.options?.map((o) => o.value),
      emptyMeans: f.kind === 'optionalDuration' ? (f.placeholder ?? 'none') : undefined,
    })),
  LEVEL_CHANGE,
  DC_CHANGE,
];

const BY_PATH = new Map(CHANGES.map((c) => [c.path, c]));

export function changeDef(path: string): ChangeDef | undefined {
  return BY_PATH.get(path);
}

/** A one-click comparison: B gets `values[1]`, or `values[0]` when A already has `values[1]`. */
export interface ComparePreset {
  id: string;
  label: string;
  path: string;
  values: readonly [string | boolean, string | boolean];
  /** What to look for in the charts. */
  why: string;
}

export const COMPARE_PRESETS: readonly ComparePreset[] = [
  { id: 'handoff', label: 'Handoff on/off', path: 'settings.hintedHandoffEnabled', values: [true, false], why: 'Off: a replica that missed writes gets nothing until read repair or anti-entropy — under-replicated keys stay.' },
  { id: 'window', label: 'Window 3h/10m', path: 'settings.maxHintWindow', values: ['3h', '10m'], why: 'A short window stops hinting a long-dead node: hints dropped, keys left under-replicated.' },
  { id: 'ttl', label: 'TTL 10d/2m', path: 'settings.hintTtl', values: ['10d', '2m'], why: 'Hints older than the TTL expire unreplayed.' },
  { id: 'mode', label: 'Coordinator/sloppy', path: 'settings.hintMode', values: ['coordinator', 'sloppy-quorum'], why: 'Cassandra’s coordinator keeps an opaque hint; Dynamo’s next healthy node keeps a real, readable copy.' },
  { id: 'level', label: 'QUORUM/ONE', path: 'workload.consistency', values: ['QUORUM', 'ONE'], why: 'ONE acknowledges on one replica: reads at ONE see stale values more often.' },
  { id: 'localQuorum', label: 'LOCAL_QUORUM/QUORUM', path: 'workload.consistency', values: ['LOCAL_QUORUM', 'QUORUM'], why: 'Across datacenters QUORUM needs a majority of all replicas: with a region cut off it is unavailable where LOCAL_QUORUM keeps writing (one datacenter: the same).' },
  { id: 'datacenters', label: '1 DC/2 DCs', path: 'cluster.datacenters', values: ['1', '2'], why: 'Two datacenters, replication_factor in each: every write crosses the WAN once per remote datacenter (a relay fans it out there).' },
  { id: 'readRepair', label: 'Read repair on/off', path: 'settings.readRepair', values: [true, false], why: 'Without read repair a stale replica stays stale after a read finds it.' },
  { id: 'antiEntropy', label: 'Anti-entropy off/5m', path: 'settings.antiEntropyInterval', values: ['', '5m'], why: 'Periodic Merkle-tree repair fixes what hints missed.' },
  { id: 'throttle', label: 'Throttle 1000/5 per s', path: 'settings.hintReplayRate', values: ['1000', '5'], why: 'A tight throttle drains the hint backlog slowly after the node returns.' },
];

export type FieldValue = string | boolean;

/** A scenario as sent to the worker: an object (a text scenario is parsed). */
export function scenarioObject(input: unknown): Record<string, unknown> {
  const v = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ScenarioError('', 'expected a JSON object');
  return structuredClone(v) as Record<string, unknown>;
}

/** A's value of a change, as the form shows it (effective: the preset's default where unset). */
export function currentValue(scenario: unknown, def: ChangeDef): FieldValue {
  const sc = parseScenario(scenario);
  if (def.path === LEVEL_CHANGE.path) {
    const levels = sc.workload.map((w) => w.consistency);
    return levels[0] ?? DEFAULT_LEVEL;
  }
  if (def === DC_CHANGE) return String(sc.datacenters?.names.length ?? 1);
  const parts = def.path.split('.').slice(1);
  let v: unknown = sc.settings;
  for (const p of parts) v = (v as Record<string, unknown>)[p];
  if (def.kind === 'bool') return Boolean(v);
  if (def.kind === 'duration' || def.kind === 'optionalDuration') return v === null ? '' : formatDuration(v as number);
  return String(v);
}

/** Whether two texts of a change mean the same ("180m" and "3h" do). */
export function sameValue(def: ChangeDef, a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (def.kind === 'duration' || def.kind === 'optionalDuration') {
    const ms = (t: string) => (t.trim() === '' || /^(none|null|off)$/i.test(t.trim()) ? null : parseDuration(/^\d+(\.\d+)?$/.test(t.trim()) ? Number(t) : t.trim()));
    return ms(a) === ms(b);
  }
  if (def.kind === 'number') return Number(a) === Number(b);
  return a.trim() === b.trim();
}

/** The value a preset gives B, seen from A's value. */
export function presetValue(preset: ComparePreset, def: ChangeDef, a: FieldValue): FieldValue {
  return sameValue(def, a, preset.values[1]) ? preset.values[0] : preset.values[1];
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** The zod schema of one change's typed value; messages start with the field's path. */
export function valueSchema(def: ChangeDef): z.ZodMiniType<unknown> {
  const f = def.path;
  switch (def.kind) {
    case 'bool':
      return z.boolean({ error: `${f}: expected on or off` });
    case 'choice':
      return z.enum(def.options as [string, ...string[]], { error: `${f}: expected one of ${def.options!.join(', ')}` });
    case 'number':
      return z.pipe(
        z.pipe(z.string().check(z.trim(), z.regex(NUMBER, `${f}: expected a number`)), z.transform(Number)),
        z.number().check(z.refine(Number.isFinite, `${f}: expected a finite number`)),
      );
    case 'duration':
    case 'optionalDuration':
      return z.pipe(z.string(), z.transform((text: string, ctx) => {
        const t = text.trim();
        if (def.kind === 'optionalDuration' && (t === '' || /^(none|null|off)$/i.test(t))) return null;
        const ms = parseDuration(NUMBER.test(t) ? Number(t) : t);
        if (ms === null) {
          ctx.issues.push({ code: 'custom', message: `${f}: expected a duration like "3h", "10m" or "1.5s"${def.kind === 'optionalDuration' ? ', or empty for none' : ''}`, input: text });
          return z.NEVER;
        }
        return t === '' ? null : NUMBER.test(t) ? Number(t) : t;
      }));
  }
}

export type ChangeResult =
  | { ok: true; scenario: Record<string, unknown>; log: LoggedCommand[]; value: unknown; omitted: number }
  | { ok: false; field: string; error: string };

function setLevel(entry: unknown, level: string): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const e = entry as Record<string, unknown>;
  if ('write' in e && typeof e.write === 'object' && e.write) return { ...e, write: { ...e.write, consistency: level } };
  if ('read' in e && typeof e.read === 'object' && e.read) return { ...e, read: { ...e.read, consistency: level } };
  if ('delete' in e && typeof e.delete === 'object' && e.delete) return { ...e, delete: { ...e.delete, consistency: level } };
  if ('rate' in e) return { ...e, consistency: level };
  return e;
}

function commandWithLevel(c: Command, level: string): Command {
  if (c.type === 'workload' || c.type === 'write' || c.type === 'read' || c.type === 'delete') return { ...c, consistency: level as ConsistencyLevel };
  return c;
}

/**
 * Run B: A's scenario and command log with exactly one thing changed — the setting at `path`,
 * or (workload.consistency) the level of every workload operation and every command. Commands
 * that act on one message in flight are left out of B: they name messages of A's run.
 * Invalid values come back naming the field; the result always parses as a scenario.
 */
export function deriveB(scenarioA: unknown, logA: readonly LoggedCommand[], path: string, typed: FieldValue): ChangeResult {
  const def = changeDef(path);
  if (!def) return { ok: false, field: 'setting', error: `setting: unknown setting "${path}"` };
  const parsed = valueSchema(def).safeParse(typed);
  if (!parsed.success) return { ok: false, field: path, error: parsed.error.issues[0]?.message ?? `${path}: invalid value` };
  const value = parsed.data;
  let scenario: Record<string, unknown>;
  try {
    scenario = scenarioObject(scenarioA);
  } catch (e) {
    return { ok: false, field: 'scenario', error: (e as Error).message };
  }
  let log = logA.filter((c) => c.command.type !== 'dropMessage' && c.command.type !== 'delayMessage');
  let omitted = logA.length - log.length;
  if (def === LEVEL_CHANGE) {
    scenario.workload = Array.isArray(scenario.workload) ? scenario.workload.map((w) => setLevel(w, value as string)) : scenario.workload;
    log = log.map((c) => ({ at: c.at, command: commandWithLevel(c.command, value as string) }));
  } else if (def === DC_CHANGE) {
    const b = withDatacenters(scenario, log, value === '2' ? '2' : '1');
    ({ scenario, log } = b);
    omitted += b.dropped;
  } else {
    const parts = path.split('.');
    const settings = { ...((scenario.settings as Record<string, unknown> | undefined) ?? {}) };
    if (parts.length === 3) settings[parts[1]!] = { ...((settings[parts[1]!] as object | undefined) ?? {}), [parts[2]!]: value };
    else settings[parts[1]!] = value;
    scenario.settings = settings;
  }
  try {
    parseScenario(scenario);
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, field: e.field || path, error: e.message };
    return { ok: false, field: path, error: `${path}: ${(e as Error).message}` };
  }
  return { ok: true, scenario, log, value, omitted };
}

/** "hintedHandoffEnabled = off", "maxHintWindow = 10m", "consistency = ONE". */
export function describeValue(def: ChangeDef, v: FieldValue): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (v.trim() === '' && def.emptyMeans) return def.emptyMeans;
  return v.trim();
}
