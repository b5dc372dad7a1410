// The scenario format (shared/scenario-format.md), validated with zod. Every failure names its field.
import { z } from 'zod';
import { parseDuration } from '../core/duration';
import { PRESETS, type PresetName, type Settings } from './presets';

// No code generation: zod's JIT probes `new Function`, which the page's CSP (script-src 'self')
// reports as a violation now that files and links are validated on the page itself.
z.config({ jitless: true });

export class ScenarioError extends Error {
  constructor(readonly field: string, detail: string) {
    super(field ? `${field}: ${detail}` : detail);
    this.name = 'ScenarioError';
  }
}

export const MAX_DURATION_MS = 30 * 86_400_000;
export const MAX_SCENARIO_BYTES = 1_000_000;
const LEVELS = ['ANY', 'ONE', 'TWO', 'THREE', 'QUORUM', 'ALL'] as const;
export type Level = (typeof LEVELS)[number];

function toDuration(v: unknown, ctx: z.RefinementCtx): number {
  const ms = parseDuration(v);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration like "3h", "1.5s", "11m20s" or a number of ms' });
    return z.NEVER;
  }
  if (ms < 0 || ms > MAX_DURATION_MS) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration between 0 and 30d' });
    return z.NEVER;
  }
  return ms;
}
const duration = z.unknown().transform((v, ctx) => toDuration(v, ctx));
const nullableDuration = z.unknown().transform((v, ctx) => (v === null ? null : toDuration(v, ctx)));
const name = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'expected a node name of 1..16 characters [A-Za-z0-9_-]');
const level = z.enum(LEVELS, { error: 'expected one of ANY, ONE, TWO, THREE, QUORUM, ALL' });
const key = z.string().min(1, 'expected a non-empty key').max(256, 'expected a key of at most 256 characters');
const value = z.union([z.string().max(4096), z.number()], { error: 'expected a string' }).transform(String);
const num = (min: number, max: number, what = 'a number') =>
  z.number({ error: `expected ${what}` }).min(min, `expected ${what} >= ${min}`).max(max, `expected ${what} <= ${max}`);
const int = (min: number, max: number) =>
  z.number({ error: 'expected an integer' }).int('expected an integer').min(min, `expected an integer >= ${min}`).max(max, `expected an integer <= ${max}`);

const settingsSchema = z.strictObject({
  preset: z.enum(['cassandra', 'scylla', 'dynamo', 'riak'], { error: 'expected "cassandra", "scylla", "dynamo" or "riak"' }).optional(),
  hintMode: z.enum(['coordinator', 'sloppy-quorum'], { error: 'expected "coordinator" or "sloppy-quorum"' }).optional(),
  strictQuorum: z.boolean({ error: 'expected true or false' }).optional(),
  hintedHandoffEnabled: z.boolean({ error: 'expected true or false' }).optional(),
  maxHintWindow: nullableDuration.optional(),
  persistentHintWindow: z.boolean({ error: 'expected true or false' }).optional(),
  hintTtl: nullableDuration.optional(),
  hintFlushPeriod: duration.optional(),
  hintOnTimeout: z.enum(['always', 'if-level-met'], { error: 'expected "always" or "if-level-met"' }).optional(),
  maxHintsPerHost: int(0, 1e9).optional(),
  hintReplayRate: z.number({ error: 'expected a number' }).gt(0, 'expected a rate > 0').max(1e6, 'expected a rate <= 1000000').optional(),
  writeTimeout: duration.optional(),
  readTimeout: duration.optional(),
  gossipInterval: duration.optional(),
  phiConvictThreshold: z.number({ error: 'expected a number' }).gt(0, 'expected a number > 0').max(100, 'expected a number <= 100').optional(),
  latency: z.strictObject({ median: duration.optional(), p99: duration.optional() }).optional(),
  dropRate: num(0, 1, 'a probability').optional(),
  readRepair: z.boolean({ error: 'expected true or false' }).optional(),
  antiEntropyInterval: nullableDuration.optional(),
  merkleDepth: int(1, 16).optional(),
  conflictResolution: z.enum(['lww', 'vector-clock'], { error: 'expected "lww" or "vector-clock"' }).optional(),
});

const writeOp = z.strictObject({ key, value, consistency: level.optional(), coordinator: name.optional() });
const readOp = z.strictObject({
  key,
  consistency: level.refine((l) => l !== 'ANY', 'ANY is for writes only').optional(),
  coordinator: name.optional(),
});
const workloadBranches = {
  write: z.strictObject({ at: duration, write: writeOp }),
  read: z.strictObject({ at: duration, read: readOp }),
  rate: z.strictObject({
    from: duration, to: duration,
    rate: z.number({ error: 'expected a rate (operations per second)' }).gt(0, 'expected a rate > 0').max(100_000, 'expected a rate <= 100000'),
    keys: int(1, 10_000_000).optional(),
    writeRatio: num(0, 1, 'a ratio').optional(),
    consistency: level.optional(),
    coordinator: name.optional(),
  }),
};
const faultBranches = {
  kill: z.strictObject({ at: duration, kill: name, wipe: z.boolean({ error: 'expected true or false' }).optional() }),
  restart: z.strictObject({ at: duration, restart: name }),
  partition: z.strictObject({ at: duration, partition: z.array(z.array(name).max(256)).min(1).max(256) }),
  heal: z.strictObject({ at: duration, heal: z.literal(true, { error: 'expected true' }) }),
  repair: z.strictObject({ at: duration, repair: name }),
  slow: z.strictObject({ at: duration, slow: name, extraLatency: duration }),
};

const scenarioSchema = z.strictObject({
  format: z.literal('hintscope/scenario@1', { error: 'expected "hintscope/scenario@1"' }),
  name: z.string({ error: 'expected a name' }).min(1, 'expected 1..120 characters').max(120, 'expected 1..120 characters'),
  description: z.string().max(20_000).optional(),
  seed: int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).optional(),
  cluster: z.strictObject({
    nodes: z.union([int(1, 256), z.array(name).min(1, 'expected at least one node').max(256, 'expected at most 256 nodes')], { error: 'expected a list of node names or a count 1..256' }),
    vnodes: int(1, 256).optional(),
    replicationFactor: int(1, 256).optional(),
  }),
  settings: settingsSchema.optional(),
  workload: z.array(z.unknown()).max(10_000, 'expected at most 10000 entries').optional(),
  faults: z.array(z.unknown()).max(10_000, 'expected at most 10000 entries').optional(),
  until: duration,
});

export type WorkloadEntry =
  | { kind: 'write'; at: number; key: string; value: string; consistency: Level; coordinator?: string }
  | { kind: 'read'; at: number; key: string; consistency: Level; coordinator?: string }
  | { kind: 'generator'; from: number; to: number; rate: number; keys: number; writeRatio: number; consistency: Level; coordinator?: string };

export type FaultEntry =
  | { kind: 'kill'; at: number; node: string; wipe: boolean }
  | { kind: 'restart'; at: number; node: string }
  | { kind: 'partition'; at: number; groups: string[][] }
  | { kind: 'heal'; at: number }
  | { kind: 'repair'; at: number; node: string }
  | { kind: 'slow'; at: number; node: string; extraLatency: number };

/** A validated scenario with every default filled in; durations in ms. */
export interface Scenario {
  format: 'hintscope/scenario@1';
  name: string;
  description: string;
  seed: number;
  nodes: string[];
  vnodes: number;
  replicationFactor: number;
  settings: Settings;
  workload: WorkloadEntry[];
  faults: FaultEntry[];
  until: number;
}

function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function check<T>(schema: z.ZodType<T>, input: unknown, prefix: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  // Prefer the deepest issue: for unions zod reports each branch; the one that got furthest names the field best.
  const issue = r.error.issues[0]!;
  const nested = issue.code === 'invalid_union' ? pickUnionIssue(issue) : null;
  const chosen = nested ?? issue;
  const path = [...(nested ? issue.path : []), ...chosen.path];
  // An unknown key is named as the field itself: `settings.hintTTL: unknown key`.
  if (chosen.code === 'unrecognized_keys') path.push(chosen.keys[0]!);
  const field = fieldOf(path);
  const message = chosen.code === 'unrecognized_keys' ? 'unknown key' : chosen.message;
  throw new ScenarioError(prefix + (field && prefix ? (field.startsWith('[') ? field : `.${field}`) : field), message);
}

type AnyIssue = z.core.$ZodIssue;
function pickUnionIssue(issue: AnyIssue): AnyIssue | null {
  if (issue.code !== 'invalid_union') return null;
  let best: AnyIssue | null = null;
  let bestDepth = -1;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    // A branch that failed only on unknown keys at the top did not match the entry's shape.
    const depth = first.code === 'unrecognized_keys' ? 0 : first.path.length + 1;
    if (depth > bestDepth) { best = first; bestDepth = depth; }
  }
  return best;
}

const WORKLOAD_KINDS = ['write', 'read', 'rate'] as const;
const FAULT_KINDS = ['kill', 'restart', 'partition', 'heal', 'repair', 'slow'] as const;

/** Which kind of entry this is, by its distinguishing key; the entry is then checked against that shape only. */
function shapeOf<K extends string>(entry: unknown, kinds: readonly K[], field: string): K {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ScenarioError(field, 'expected an object');
  const found = kinds.filter((k) => k in entry);
  if (found.length === 0) throw new ScenarioError(field, `expected one of ${kinds.map((k) => `"${k}"`).join(', ')}`);
  if (found.length > 1) throw new ScenarioError(`${field}.${found[1]}`, `an entry has one of ${kinds.map((k) => `"${k}"`).join(', ')}, not several`);
  return found[0]!;
}

function utf8Bytes(s: string): number {
  // Cheap bound first: UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (s.length * 3 <= MAX_SCENARIO_BYTES) return s.length;
  return new TextEncoder().encode(s).length;
}

export function parseScenario(input: unknown): Scenario {
  if (typeof input !== 'string') {
    // Objects (a paste, a drop, a link) are bounded like files: by their JSON size.
    let text: string | undefined;
    try {
      text = JSON.stringify(input);
    } catch {
      throw new ScenarioError('', 'expected a JSON object');
    }
    if (text !== undefined && utf8Bytes(text) > MAX_SCENARIO_BYTES) throw new ScenarioError('', 'scenario is larger than 1 MB');
  }
  if (typeof input === 'string') {
    if (utf8Bytes(input) > MAX_SCENARIO_BYTES) throw new ScenarioError('', 'scenario file is larger than 1 MB');
    try {
      input = JSON.parse(input);
    } catch (e) {
      throw new ScenarioError('', `not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ScenarioError('', 'expected a JSON object');
  const raw = check(scenarioSchema, input, '');
  const nodes = typeof raw.cluster.nodes === 'number' ? Array.from({ length: raw.cluster.nodes }, (_, i) => `n${i + 1}`) : raw.cluster.nodes;
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    if (seen.has(n)) throw new ScenarioError(`cluster.nodes[${i}]`, `duplicate node name "${n}"`);
    seen.add(n);
  });
  const rf = raw.cluster.replicationFactor ?? 3;
  if (rf > nodes.length) throw new ScenarioError('cluster.replicationFactor', `expected at most the number of nodes (${nodes.length}), got ${rf}`);
  const s = raw.settings ?? {};
  const base = PRESETS[(s.preset ?? 'cassandra') as PresetName];
  const settings: Settings = {
    ...base,
    ...Object.fromEntries(Object.entries(s).filter(([k, v]) => v !== undefined && k !== 'latency')),
    latency: { median: s.latency?.median ?? base.latency.median, p99: s.latency?.p99 ?? base.latency.p99 },
  } as Settings;
  if (settings.latency.p99 < settings.latency.median) throw new ScenarioError('settings.latency.p99', 'expected p99 >= median');
  const until = raw.until;
  if (until <= 0) throw new ScenarioError('until', 'expected a duration > 0');
  const known = (n: string | undefined, field: string): void => {
    if (n !== undefined && !seen.has(n)) throw new ScenarioError(field, `unknown node "${n}"`);
  };

  const workload: WorkloadEntry[] = (raw.workload ?? []).map((entry, i) => {
    const field = `workload[${i}]`;
    const e = check<z.infer<(typeof workloadBranches)[keyof typeof workloadBranches]>>(workloadBranches[shapeOf(entry, WORKLOAD_KINDS, field)], entry, field);
    if ('write' in e) {
      known(e.write.coordinator, `${field}.write.coordinator`);
      return { kind: 'write', at: e.at, key: e.write.key, value: e.write.value, consistency: e.write.consistency ?? 'QUORUM', coordinator: e.write.coordinator };
    }
    if ('read' in e) {
      known(e.read.coordinator, `${field}.read.coordinator`);
      return { kind: 'read', at: e.at, key: e.read.key, consistency: e.read.consistency ?? 'QUORUM', coordinator: e.read.coordinator };
    }
    known(e.coordinator, `${field}.coordinator`);
    const writeRatio = e.writeRatio ?? 1;
    if (writeRatio < 1 && e.consistency === 'ANY') throw new ScenarioError(`${field}.consistency`, 'ANY is for writes only; use writeRatio 1');
    return { kind: 'generator', from: e.from, to: e.to, rate: e.rate, keys: e.keys ?? 1000, writeRatio, consistency: e.consistency ?? 'QUORUM', coordinator: e.coordinator };
  });
  const faults: FaultEntry[] = (raw.faults ?? []).map((entry, i) => {
    const field = `faults[${i}]`;
    const f = check<z.infer<(typeof faultBranches)[keyof typeof faultBranches]>>(faultBranches[shapeOf(entry, FAULT_KINDS, field)], entry, field);
    if ('kill' in f) { known(f.kill, `${field}.kill`); return { kind: 'kill', at: f.at, node: f.kill, wipe: f.wipe ?? false }; }
    if ('restart' in f) { known(f.restart, `${field}.restart`); return { kind: 'restart', at: f.at, node: f.restart }; }
    if ('repair' in f) { known(f.repair, `${field}.repair`); return { kind: 'repair', at: f.at, node: f.repair }; }
    if ('slow' in f) { known(f.slow, `${field}.slow`); return { kind: 'slow', at: f.at, node: f.slow, extraLatency: f.extraLatency }; }
    if ('partition' in f) {
      const inGroup = new Set<string>();
      f.partition.forEach((g, gi) => g.forEach((n, ni) => {
        known(n, `${field}.partition[${gi}][${ni}]`);
        if (inGroup.has(n)) throw new ScenarioError(`${field}.partition[${gi}][${ni}]`, `node "${n}" is in more than one group`);
        inGroup.add(n);
      }));
      return { kind: 'partition', at: f.at, groups: f.partition };
    }
    return { kind: 'heal', at: f.at };
  });
  return {
    format: raw.format,
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed ?? 1,
    nodes,
    vnodes: raw.cluster.vnodes ?? 16, // Cassandra 4.0 default num_tokens
    replicationFactor: rf,
    settings,
    workload,
    faults,
    until,
  };
}
