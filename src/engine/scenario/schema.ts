// The scenario format (docs/scenario-format.md), validated with zod. Every failure names its field
// on one line (`settings.maxHintWindow: expected a duration like "3h"…`). Where the format leaves
// room (defaults of unmarked fields, workload order, a generator with to <= from, a level above RF)
// the reading is docs/scenario-format.md "Where the format leaves room" and test/scenario/format.test.ts.
import * as z from 'zod/mini';
import { utf8Length } from '../core/utf8';
import { DEFAULT_REPLICATION_FACTOR, DEFAULT_VNODES, MAX_DESCRIPTION_LENGTH, MAX_ENTRIES, MAX_NAME_LENGTH, MAX_NODES, MAX_SCENARIO_BYTES, MAX_VNODES, type ConsistencyLevel } from './limits';
import { faultEntry, workloadEntry, type FaultEntry, type Known, type WorkloadEntry } from './entries';
import { above, bool, check, duration, expecting, flooredDuration, int, name, nullableDuration, num, object, opt, positiveDuration, ScenarioError, addIssue, transformed, list } from './fields';
import { PRESETS, type PresetName, type Settings } from './presets';
import { SETTING_PATHS, SETTINGS, type NestedSetting, type SettingSpec } from './registry';
import { boolOrDcList, checkDatacenterUse, clusterTopology, dcList } from './datacenters';
import type { Topology } from '../ring/topology';

export { ScenarioError } from './fields';
export type { FaultEntry, SetOp, WorkloadEntry } from './entries';
export { MAX_DURATION_MS, MAX_SCENARIO_BYTES } from './limits';
export type Level = ConsistencyLevel;

/** '"a", "b" or "c"': the choices of a setting, as its error lists them. */
function choices(options: readonly string[]): string {
  const quoted = options.map((o) => `"${o}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]!}` : quoted.join('');
}

/** One setting's schema, from its registry entry (type and bounds). */
function settingSchema(spec: SettingSpec<unknown>): z.ZodMiniType {
  switch (spec.type) {
    case 'choice': return z.enum(spec.options as [string, ...string[]], { error: expecting(choices(spec.options!)) });
    case 'bool': return spec.orDcList ? boolOrDcList : bool;
    case 'dcList': return dcList;
    case 'duration': return spec.min! > 0 ? flooredDuration(spec.min!, spec.floorWhy!, false) : spec.aboveMin ? positiveDuration : duration;
    case 'optionalDuration': return spec.min! > 0 ? flooredDuration(spec.min!, spec.floorWhy!, true) : nullableDuration;
    case 'integer': return int(spec.min!, spec.max!);
    case 'number': return spec.aboveMin ? above(spec.min!, spec.noun!, spec.max) : num(spec.min!, spec.max!, spec.noun);
  }
}

/** How the error for a nested group of settings shows what it expects. */
const NESTED_EXAMPLE: Record<string, string> = {
  latency: 'an object like { "median": "5ms", "p99": "40ms" }',
  interDcLatency: 'an object like { "median": "50ms", "p99": "150ms" }',
};

/** Every setting of the registry, optional, in registry order; `latency.median` nests under `latency`. */
function settingsShape(): Record<string, z.ZodMiniType> {
  const shape: Record<string, z.ZodMiniType> = {};
  const nested: Record<string, Record<string, z.ZodMiniType>> = {};
  for (const path of SETTING_PATHS) {
    const [head, leaf] = path.split('.') as [string, string | undefined];
    const schema = opt(settingSchema(SETTINGS[path] as SettingSpec<unknown>));
    if (leaf === undefined) shape[head] = schema;
    else (nested[head] ??= {})[leaf] = schema;
    // The group takes the place of its first leaf (its schema is set below, once all leaves are in).
    if (leaf !== undefined && !(head in shape)) shape[head] = z.never();
  }
  for (const [head, leaves] of Object.entries(nested)) shape[head] = opt(z.strictObject(leaves, object(NESTED_EXAMPLE[head]!)));
  return shape;
}

/** A scenario's `settings` as given: any subset, durations already in ms. */
type SettingsInput = Partial<Omit<Settings, NestedSetting>> & { latency?: Partial<Settings['latency']>; interDcLatency?: Partial<Settings['interDcLatency']> };
const settingsSchema = z.strictObject(settingsShape(), object('an object of settings')) as unknown as z.ZodMiniType<SettingsInput>;

const NODES_MSG = `a list of node names or a count 1..${MAX_NODES}`;
const nodeList = z.array(name).check(z.minLength(1, 'expected at least one node'), z.maxLength(MAX_NODES, `expected at most ${MAX_NODES} nodes`));
const nodeCount = int(1, MAX_NODES);
/** A count or a list of names: checked as the one the value is, so the message fits it. */
const nodes = transformed((v, ctx): number | string[] => {
  const schema = typeof v === 'number' ? nodeCount : Array.isArray(v) ? nodeList : null;
  if (!schema) {
    addIssue(ctx, v === undefined ? `missing; expected ${NODES_MSG}` : `expected ${NODES_MSG}`);
    return z.NEVER;
  }
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  for (const iss of r.error.issues) addIssue(ctx, iss.message, [...iss.path]);
  return z.NEVER;
});

/** The cluster when a scenario names none: the app's starting point (and the format's example), six nodes. */
export const DEFAULT_NODES = ['A', 'B', 'C', 'D', 'E', 'F'];

const scenarioSchema = z.strictObject({
  format: z.literal('hintscope/scenario@1', { error: (iss) => (iss.input === undefined ? 'missing; expected "hintscope/scenario@1"' : 'expected "hintscope/scenario@1"') }),
  name: z.string({ error: expecting(`a name (1..${MAX_NAME_LENGTH} characters)`) }).check(
    z.minLength(1, `expected 1..${MAX_NAME_LENGTH} characters`),
    z.maxLength(MAX_NAME_LENGTH, `expected 1..${MAX_NAME_LENGTH} characters`),
  ),
  description: opt(z.string({ error: expecting('a string') }).check(z.maxLength(MAX_DESCRIPTION_LENGTH, `expected at most ${MAX_DESCRIPTION_LENGTH} characters`))),
  seed: opt(int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
  cluster: opt(z.strictObject({
    nodes: opt(nodes),
    vnodes: opt(int(1, MAX_VNODES)),
    // Checked in datacenters.ts: a number, or a map per datacenter.
    replicationFactor: opt(z.unknown()),
    datacenters: opt(z.unknown()),
  }, object('an object like { "nodes": ["A", "B", "C"] }'))),
  settings: opt(settingsSchema),
  workload: opt(z.array(z.unknown(), list('a list of workload entries')).check(z.maxLength(MAX_ENTRIES, `expected at most ${MAX_ENTRIES} entries`))),
  faults: opt(z.array(z.unknown(), list('a list of faults')).check(z.maxLength(MAX_ENTRIES, `expected at most ${MAX_ENTRIES} entries`))),
  until: positiveDuration,
}, object('a JSON object'));

/** A validated scenario with every default filled in; durations in ms. */
export interface Scenario {
  format: 'hintscope/scenario@1';
  name: string;
  description: string;
  seed: number;
  nodes: string[];
  vnodes: number;
  /** The total over every datacenter. */
  replicationFactor: number;
  /** Present only when the scenario names `cluster.datacenters` (else one DC, datacenter1). */
  datacenters?: Topology;
  settings: Settings;
  workload: WorkloadEntry[];
  faults: FaultEntry[];
  until: number;
}

/**
 * A text's size for the 1 MB bound: its UTF-8 byte count whenever that could exceed the bound
 * (a shorter text cannot: UTF-8 takes at most 3 bytes per UTF-16 unit, so it is not encoded).
 */
export function utf8Bytes(s: string): number {
  if (s.length * 3 <= MAX_SCENARIO_BYTES) return s.length;
  return utf8Length(s);
}

/** The text without a leading byte-order mark (editors on Windows write one; it is not JSON). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse's message on one short line (V8 quotes the text around the error, newlines and all). */
function jsonError(e: unknown): string {
  const m = (e as Error).message.replace(/\s+/g, ' ').trim();
  return m.length > 160 ? `${m.slice(0, 160)}…` : m;
}

/** Text (a file) or an object (a paste, a drop, a link), bounded by size, read as JSON. */
function readInput(input: unknown): unknown {
  if (typeof input !== 'string') {
    // Objects (a paste, a drop, a link) are bounded like files: by their JSON size.
    let text: string | undefined;
    try {
      text = JSON.stringify(input);
    } catch {
      throw new ScenarioError('', 'expected a JSON object');
    }
    if (text !== undefined && utf8Bytes(text) > MAX_SCENARIO_BYTES) throw new ScenarioError('', 'scenario is larger than 1 MB');
    return input;
  }
  if (utf8Bytes(input) > MAX_SCENARIO_BYTES) throw new ScenarioError('', 'scenario file is larger than 1 MB');
  const text = withoutBom(input);
  if (text.trim() === '') throw new ScenarioError('', 'empty; expected a JSON object');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioError('', `not valid JSON (${jsonError(e)})`);
  }
}

type RawScenario = z.infer<typeof scenarioSchema>;

/** The cluster's node names (distinct), tokens per node, replication factor and datacenters. */
function clusterOf(raw: RawScenario): { nodes: string[]; vnodes: number; rf: number; datacenters?: Topology } {
  const cluster = raw.cluster ?? {};
  const nodes = cluster.nodes === undefined ? DEFAULT_NODES : typeof cluster.nodes === 'number' ? Array.from({ length: cluster.nodes }, (_, i) => `n${i + 1}`) : cluster.nodes;
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    if (seen.has(n)) throw new ScenarioError(`cluster.nodes[${i}]`, `duplicate node name "${n}"`);
    seen.add(n);
  });
  const vnodes = cluster.vnodes ?? DEFAULT_VNODES;
  if (cluster.datacenters !== undefined) {
    const datacenters = clusterTopology(cluster.datacenters, cluster.replicationFactor, nodes);
    return { nodes, vnodes, rf: datacenters.rf.reduce((a, b) => a + b, 0), datacenters };
  }
  if (cluster.replicationFactor !== null && typeof cluster.replicationFactor === 'object' && !Array.isArray(cluster.replicationFactor)) {
    throw new ScenarioError('cluster.replicationFactor', 'a map of replication factors per datacenter needs cluster.datacenters');
  }
  // Default 3, the usual production choice; a smaller cluster replicates to every node.
  const rf = cluster.replicationFactor === undefined ? Math.min(DEFAULT_REPLICATION_FACTOR, nodes.length) : check(int(1, MAX_NODES), cluster.replicationFactor, 'cluster.replicationFactor');
  if (rf > nodes.length) throw new ScenarioError('cluster.replicationFactor', `expected at most the number of nodes (${nodes.length}), got ${rf}`);
  return { nodes, vnodes, rf };
}

/** The given settings over their preset's defaults. */
function settingsOf(s: SettingsInput): Settings {
  const base = PRESETS[(s.preset ?? 'cassandra') as PresetName];
  const settings: Settings = {
    ...base,
    ...Object.fromEntries(Object.entries(s).filter(([k, v]) => v !== undefined && k !== 'latency' && k !== 'interDcLatency')),
    latency: { median: s.latency?.median ?? base.latency.median, p99: s.latency?.p99 ?? base.latency.p99 },
    interDcLatency: { median: s.interDcLatency?.median ?? base.interDcLatency.median, p99: s.interDcLatency?.p99 ?? base.interDcLatency.p99 },
  } as Settings;
  // Cassandra's and ScyllaDB's hints live no longer than gc_grace_seconds (docs/behaviour.md "Deletes"): an unset
  // hintTtl follows gcGrace. Both default to 10d, so a scenario that sets neither keeps its TTL.
  if (s.hintTtl === undefined && base.hintTtl !== null) settings.hintTtl = settings.gcGrace;
  for (const g of ['latency', 'interDcLatency'] as const) {
    if (settings[g].p99 < settings[g].median) throw new ScenarioError(`settings.${g}.p99`, `expected p99 >= median (${settings[g].median} ms)`);
  }
  return settings;
}

export function parseScenario(input: unknown): Scenario {
  input = readInput(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ScenarioError('', 'expected a JSON object');
  const raw = check(scenarioSchema, input, '');
  const { nodes, vnodes, rf, datacenters } = clusterOf(raw);
  const settings = settingsOf(raw.settings ?? {});
  const until = raw.until;
  const names = new Set(nodes);
  const known: Known = (n, field) => {
    if (n !== undefined && !names.has(n)) throw new ScenarioError(field, `unknown node "${n}"`);
  };
  const workload = (raw.workload ?? []).map((entry, i) => workloadEntry(entry, `workload[${i}]`, until, known, settings.conflictResolution));
  const dcMembers = datacenters ? new Map(datacenters.names.map((dc, d) => [dc, nodes.filter((_, i) => datacenters.dcOf[i] === d)])) : undefined;
  const faults = (raw.faults ?? []).map((entry, i) => faultEntry(entry, `faults[${i}]`, known, nodes, dcMembers));
  checkDatacenterUse({ nodes, datacenters, settings, workload, faults });
  return {
    format: raw.format,
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed ?? 1,
    nodes,
    vnodes,
    replicationFactor: rf,
    ...(datacenters ? { datacenters } : {}),
    settings,
    workload,
    faults,
    until,
  };
}
