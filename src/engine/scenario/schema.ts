// The scenario format (shared/scenario-format.md), validated with zod. Every failure names its field
// on one line (`settings.maxHintWindow: expected a duration like "3h"…`). Where the format leaves
// room (defaults of unmarked fields, workload order, a generator with to <= from, a level above RF)
// the reading is the README's "Where scenario-format.md leaves room" and test/scenario/format.test.ts.
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

/** What a number field got, when it is no number a JSON reader can hold (`1e400` reads as Infinity). */
const tooLarge = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? '; this number is too large' : '');
/** zod's message for a field's wrong type: "missing" when it is absent, else what was expected. */
const expecting = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? `missing; expected ${what}` : `expected ${what}${tooLarge(iss.input)}`);

/** The engine's clock ticks in microseconds: durations are rounded to it here, once. */
const roundUs = (ms: number) => Math.round(ms * 1000) / 1000;

/** Milliseconds (rounded to the µs clock), or null after adding the issue. */
function durationOf(v: unknown, ctx: z.RefinementCtx): number | null {
  if (v === undefined) {
    ctx.addIssue({ code: 'custom', message: 'missing; expected a duration like "3h", "1.5s", "11m20s" or a number of ms' });
    return null;
  }
  const ms = typeof v === 'number' && !Number.isFinite(v) ? Infinity : parseDuration(v);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration like "3h", "1.5s", "11m20s" or a number of ms' });
    return null;
  }
  if (!(ms >= 0 && ms <= MAX_DURATION_MS)) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration between 0 and 30d' });
    return null;
  }
  return roundUs(ms);
}
const duration = z.unknown().transform((v, ctx) => durationOf(v, ctx) ?? z.NEVER);
const nullableDuration = z.unknown().transform((v, ctx) => (v === null ? null : (durationOf(v, ctx) ?? z.NEVER)));
/** A duration that must be > 0 on the engine's µs clock (`until`; a gossip interval of 0 would never let time move). */
const positiveDuration = z.unknown().transform((v, ctx) => {
  const ms = durationOf(v, ctx);
  if (ms === null) return z.NEVER;
  if (ms > 0) return ms;
  ctx.addIssue({ code: 'custom', message: parseDuration(v) === 0 ? 'expected a duration > 0' : 'expected a duration > 0 (at least 0.001ms: the clock ticks in µs)' });
  return z.NEVER;
});
const NAME_MSG = 'expected a node name of 1..16 characters [A-Za-z0-9_-]';
const name = z.string({ error: expecting('a node name (1..16 characters [A-Za-z0-9_-])') }).regex(/^[A-Za-z0-9_-]{1,16}$/, NAME_MSG);
const level = z.enum(LEVELS, { error: expecting('one of ANY, ONE, TWO, THREE, QUORUM, ALL') });
const key = z.string({ error: expecting('a key (a string of 1..256 characters)') }).min(1, 'expected a non-empty key').max(256, 'expected a key of at most 256 characters');
/** A write's value: a string (a number is taken as its text). */
const value = z.unknown().transform((v, ctx) => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') {
    ctx.addIssue({ code: 'custom', message: v === undefined ? 'missing; expected a value (a string)' : `expected a value (a string)${tooLarge(v)}` });
    return z.NEVER;
  }
  if (v.length > 4096) {
    ctx.addIssue({ code: 'custom', message: 'expected a value of at most 4096 characters' });
    return z.NEVER;
  }
  return v;
});
const bool = z.boolean({ error: expecting('true or false') });
const num = (min: number, max: number, what = 'a number') =>
  z.number({ error: expecting(what) }).min(min, `expected ${what} >= ${min}`).max(max, `expected ${what} <= ${max}`);
/** A number > 0 (and at most `max`). */
const positive = (what: string, max = Number.MAX_VALUE) =>
  z.number({ error: expecting(what) }).gt(0, `expected ${what} > 0`).max(max, `expected ${what} <= ${max}`);
const int = (min: number, max: number) =>
  z
    .number({ error: expecting('an integer') })
    // .int() also refuses integers beyond ±2^53, which JSON can write but a double cannot hold exactly.
    .int({ error: (iss) => (iss.code === 'too_big' ? `expected an integer <= ${max}` : iss.code === 'too_small' ? `expected an integer >= ${min}` : 'expected an integer') })
    .min(min, `expected an integer >= ${min}`)
    .max(max, `expected an integer <= ${max}`);
const object = (what: string) => ({ error: expecting(what) });
const list = (what: string) => ({ error: expecting(what) });

const settingsSchema = z.strictObject({
  preset: z.enum(['cassandra', 'scylla', 'dynamo', 'riak'], { error: expecting('"cassandra", "scylla", "dynamo" or "riak"') }).optional(),
  hintMode: z.enum(['coordinator', 'sloppy-quorum'], { error: expecting('"coordinator" or "sloppy-quorum"') }).optional(),
  strictQuorum: bool.optional(),
  hintedHandoffEnabled: bool.optional(),
  maxHintWindow: nullableDuration.optional(),
  persistentHintWindow: bool.optional(),
  hintTtl: nullableDuration.optional(),
  hintFlushPeriod: duration.optional(),
  hintOnTimeout: z.enum(['always', 'if-level-met'], { error: expecting('"always" or "if-level-met"') }).optional(),
  maxHintsPerHost: int(0, Number.MAX_SAFE_INTEGER).optional(),
  hintReplayRate: positive('a rate').optional(),
  writeTimeout: duration.optional(),
  readTimeout: duration.optional(),
  gossipInterval: positiveDuration.optional(),
  phiConvictThreshold: positive('a number', 100).optional(),
  latency: z.strictObject({ median: duration.optional(), p99: duration.optional() }, object('an object like { "median": "5ms", "p99": "40ms" }')).optional(),
  dropRate: num(0, 1, 'a probability').optional(),
  readRepair: bool.optional(),
  antiEntropyInterval: nullableDuration.optional(),
  merkleDepth: int(1, 16).optional(),
  conflictResolution: z.enum(['lww', 'vector-clock'], { error: expecting('"lww" or "vector-clock"') }).optional(),
}, object('an object of settings'));

const writeOp = z.strictObject({ key, value, consistency: level.optional(), coordinator: name.optional() }, object('an object like { "key": "k", "value": "v" }'));
const readOp = z.strictObject({
  key,
  consistency: level.refine((l) => l !== 'ANY', 'ANY is for writes only').optional(),
  coordinator: name.optional(),
}, object('an object like { "key": "k" }'));
const workloadBranches = {
  write: z.strictObject({ at: duration.optional(), write: writeOp }),
  read: z.strictObject({ at: duration.optional(), read: readOp }),
  generator: z.strictObject({
    from: duration.optional(),
    to: duration.optional(),
    rate: positive('a rate (operations per second)', 100_000),
    keys: int(1, 10_000_000).optional(),
    writeRatio: num(0, 1, 'a ratio').optional(),
    consistency: level.optional(),
    coordinator: name.optional(),
  }),
};
const faultBranches = {
  kill: z.strictObject({ at: duration.optional(), kill: name, wipe: bool.optional() }),
  restart: z.strictObject({ at: duration.optional(), restart: name }),
  partition: z.strictObject({
    at: duration.optional(),
    partition: z
      .array(z.array(name, list('a group: a list of node names')).max(256, 'expected a group of at most 256 nodes'), list('a list of groups of node names, like [["A", "B"], ["C"]]'))
      .min(1, 'expected at least one group of node names')
      .max(256, 'expected at most 256 groups'),
  }),
  heal: z.strictObject({ at: duration.optional(), heal: z.literal(true, { error: 'expected true' }) }),
  repair: z.strictObject({ at: duration.optional(), repair: name }),
  slow: z.strictObject({ at: duration.optional(), slow: name, extraLatency: duration }),
};

const NODES_MSG = 'a list of node names or a count 1..256';
const nodeList = z.array(name).min(1, 'expected at least one node').max(256, 'expected at most 256 nodes');
const nodeCount = int(1, 256);
/** A count or a list of names: checked as the one the value is, so the message fits it. */
const nodes = z.unknown().transform((v, ctx): number | string[] => {
  const schema = typeof v === 'number' ? nodeCount : Array.isArray(v) ? nodeList : null;
  if (!schema) {
    ctx.addIssue({ code: 'custom', message: v === undefined ? `missing; expected ${NODES_MSG}` : `expected ${NODES_MSG}` });
    return z.NEVER;
  }
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  for (const iss of r.error.issues) ctx.addIssue({ code: 'custom', message: iss.message, path: [...iss.path] });
  return z.NEVER;
});

/** The cluster when a scenario names none: the app's starting point (and the format's example), six nodes. */
export const DEFAULT_NODES = ['A', 'B', 'C', 'D', 'E', 'F'];

const scenarioSchema = z.strictObject({
  format: z.literal('hintscope/scenario@1', { error: (iss) => (iss.input === undefined ? 'missing; expected "hintscope/scenario@1"' : 'expected "hintscope/scenario@1"') }),
  name: z.string({ error: expecting('a name (1..120 characters)') }).min(1, 'expected 1..120 characters').max(120, 'expected 1..120 characters'),
  description: z.string({ error: expecting('a string') }).max(20_000, 'expected at most 20000 characters').optional(),
  seed: int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).optional(),
  cluster: z.strictObject({
    nodes: nodes.optional(),
    vnodes: int(1, 256).optional(),
    replicationFactor: int(1, 256).optional(),
  }, object('an object like { "nodes": ["A", "B", "C"] }')).optional(),
  settings: settingsSchema.optional(),
  workload: z.array(z.unknown(), list('a list of workload entries')).max(10_000, 'expected at most 10000 entries').optional(),
  faults: z.array(z.unknown(), list('a list of faults')).max(10_000, 'expected at most 10000 entries').optional(),
  until: positiveDuration,
}, object('a JSON object'));

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

/** A path segment as text: a plain key as `.key`, anything else quoted (`["a b"]`), so the line stays one line. */
function segment(p: PropertyKey, first: boolean): string {
  if (typeof p === 'number') return `[${p}]`;
  const k = String(p);
  if (/^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/.test(k)) return first ? k : `.${k}`;
  return `[${JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)}]`;
}

function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += segment(p, out === '');
  return out;
}

function check<T>(schema: z.ZodType<T>, input: unknown, prefix: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = [...issue.path];
  // An unknown key is named as the field itself: `settings.hintTTL: unknown key`.
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]!);
  const field = fieldOf(path);
  const message = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
  throw new ScenarioError(prefix + (field && prefix ? (field.startsWith('[') ? field : `.${field}`) : field), message);
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const GENERATOR_KEYS = ['rate', 'from', 'to'];
const FAULT_KINDS = ['kill', 'restart', 'partition', 'heal', 'repair', 'slow'] as const;

function entryObject(entry: unknown, field: string): object {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ScenarioError(field, 'expected an object');
  return entry;
}

/** A workload entry is exactly one of a write, a read or a generator (the one with "rate", "from", "to"). */
function workloadKind(entry: unknown, field: string): keyof typeof workloadBranches {
  const e = entryObject(entry, field);
  const found: [kind: keyof typeof workloadBranches, key: string][] = [];
  if (has(e, 'write')) found.push(['write', 'write']);
  if (has(e, 'read')) found.push(['read', 'read']);
  const gen = GENERATOR_KEYS.find((k) => has(e, k));
  if (gen) found.push(['generator', gen]);
  const ONE_OF = '"write", "read" or a generator ("from", "to", "rate")';
  if (found.length === 0) throw new ScenarioError(field, `expected one of ${ONE_OF}`);
  if (found.length > 1) throw new ScenarioError(`${field}.${found[1]![1]}`, `an entry is exactly one of ${ONE_OF}, not several`);
  const kind = found[0]![0];
  if (kind === 'generator' && has(e, 'at')) throw new ScenarioError(`${field}.at`, 'a generator runs from "from" to "to"; "at" is for a write or a read');
  return kind;
}

/** A fault is exactly one kind; "wipe" goes only with "kill", "extraLatency" only with "slow". */
function faultKind(entry: unknown, field: string): (typeof FAULT_KINDS)[number] {
  const e = entryObject(entry, field);
  const found = FAULT_KINDS.filter((k) => has(e, k));
  if (found.length > 1) throw new ScenarioError(`${field}.${found[1]}`, `a fault is exactly one of ${FAULT_KINDS.map((k) => `"${k}"`).join(', ')}, not several`);
  const kind = found[0];
  if (has(e, 'wipe') && kind !== 'kill') throw new ScenarioError(`${field}.wipe`, '"wipe" goes only with "kill"');
  if (has(e, 'extraLatency') && kind !== 'slow') throw new ScenarioError(`${field}.extraLatency`, '"extraLatency" goes only with "slow"');
  if (!kind) throw new ScenarioError(field, `expected one of ${FAULT_KINDS.map((k) => `"${k}"`).join(', ')}`);
  return kind;
}

function utf8Bytes(s: string): number {
  // Cheap bound first: UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (s.length * 3 <= MAX_SCENARIO_BYTES) return s.length;
  return new TextEncoder().encode(s).length;
}

/** JSON.parse's message on one short line (V8 quotes the text around the error, newlines and all). */
function jsonError(e: unknown): string {
  const m = (e as Error).message.replace(/\s+/g, ' ').trim();
  return m.length > 160 ? `${m.slice(0, 160)}…` : m;
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
    // A byte-order mark (editors on Windows write one) is not part of the JSON.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.trim() === '') throw new ScenarioError('', 'empty; expected a JSON object');
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new ScenarioError('', `not valid JSON (${jsonError(e)})`);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ScenarioError('', 'expected a JSON object');
  const raw = check(scenarioSchema, input, '');
  const cluster = raw.cluster ?? {};
  const nodes = cluster.nodes === undefined ? DEFAULT_NODES : typeof cluster.nodes === 'number' ? Array.from({ length: cluster.nodes }, (_, i) => `n${i + 1}`) : cluster.nodes;
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    if (seen.has(n)) throw new ScenarioError(`cluster.nodes[${i}]`, `duplicate node name "${n}"`);
    seen.add(n);
  });
  // Default 3, the usual production choice; a smaller cluster replicates to every node.
  const rf = cluster.replicationFactor ?? Math.min(3, nodes.length);
  if (rf > nodes.length) throw new ScenarioError('cluster.replicationFactor', `expected at most the number of nodes (${nodes.length}), got ${rf}`);
  const s = raw.settings ?? {};
  const base = PRESETS[(s.preset ?? 'cassandra') as PresetName];
  const settings: Settings = {
    ...base,
    ...Object.fromEntries(Object.entries(s).filter(([k, v]) => v !== undefined && k !== 'latency')),
    latency: { median: s.latency?.median ?? base.latency.median, p99: s.latency?.p99 ?? base.latency.p99 },
  } as Settings;
  if (settings.latency.p99 < settings.latency.median) throw new ScenarioError('settings.latency.p99', `expected p99 >= median (${settings.latency.median} ms)`);
  const until = raw.until;
  const known = (n: string | undefined, field: string): void => {
    if (n !== undefined && !seen.has(n)) throw new ScenarioError(field, `unknown node "${n}"`);
  };

  const workload: WorkloadEntry[] = (raw.workload ?? []).map((entry, i) => {
    const field = `workload[${i}]`;
    const kind = workloadKind(entry, field);
    if (kind === 'write') {
      const e = check(workloadBranches.write, entry, field);
      known(e.write.coordinator, `${field}.write.coordinator`);
      return { kind: 'write', at: e.at ?? 0, key: e.write.key, value: e.write.value, consistency: e.write.consistency ?? 'QUORUM', coordinator: e.write.coordinator };
    }
    if (kind === 'read') {
      const e = check(workloadBranches.read, entry, field);
      known(e.read.coordinator, `${field}.read.coordinator`);
      return { kind: 'read', at: e.at ?? 0, key: e.read.key, consistency: e.read.consistency ?? 'QUORUM', coordinator: e.read.coordinator };
    }
    const e = check(workloadBranches.generator, entry, field);
    known(e.coordinator, `${field}.coordinator`);
    const writeRatio = e.writeRatio ?? 1;
    if (writeRatio < 1 && e.consistency === 'ANY') throw new ScenarioError(`${field}.consistency`, 'ANY is for writes only; use writeRatio 1');
    // Neither bound given: the generator runs the whole scenario. `to` <= `from` is valid and issues nothing.
    return { kind: 'generator', from: e.from ?? 0, to: e.to ?? until, rate: e.rate, keys: e.keys ?? 1000, writeRatio, consistency: e.consistency ?? 'QUORUM', coordinator: e.coordinator };
  });
  const faults: FaultEntry[] = (raw.faults ?? []).map((entry, i) => {
    const field = `faults[${i}]`;
    switch (faultKind(entry, field)) {
      case 'kill': {
        const f = check(faultBranches.kill, entry, field);
        known(f.kill, `${field}.kill`);
        return { kind: 'kill', at: f.at ?? 0, node: f.kill, wipe: f.wipe ?? false };
      }
      case 'restart': {
        const f = check(faultBranches.restart, entry, field);
        known(f.restart, `${field}.restart`);
        return { kind: 'restart', at: f.at ?? 0, node: f.restart };
      }
      case 'repair': {
        const f = check(faultBranches.repair, entry, field);
        known(f.repair, `${field}.repair`);
        return { kind: 'repair', at: f.at ?? 0, node: f.repair };
      }
      case 'slow': {
        const f = check(faultBranches.slow, entry, field);
        known(f.slow, `${field}.slow`);
        return { kind: 'slow', at: f.at ?? 0, node: f.slow, extraLatency: f.extraLatency };
      }
      case 'partition': {
        const f = check(faultBranches.partition, entry, field);
        const group = new Map<string, number>();
        f.partition.forEach((g, gi) => g.forEach((n, ni) => {
          const at = `${field}.partition[${gi}][${ni}]`;
          known(n, at);
          const before = group.get(n);
          if (before === gi) throw new ScenarioError(at, `node "${n}" is listed twice in this group`);
          if (before !== undefined) throw new ScenarioError(at, `node "${n}" is in more than one group`);
          group.set(n, gi);
        }));
        return { kind: 'partition', at: f.at ?? 0, groups: f.partition };
      }
      case 'heal': {
        const f = check(faultBranches.heal, entry, field);
        return { kind: 'heal', at: f.at ?? 0 };
      }
    }
  });
  return {
    format: raw.format,
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed ?? 1,
    nodes,
    vnodes: cluster.vnodes ?? 16, // Cassandra 4.0 default num_tokens
    replicationFactor: rf,
    settings,
    workload,
    faults,
    until,
  };
}
