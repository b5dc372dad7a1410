// The scenario format (docs/scenario-format.md), validated with zod. Every failure names its field
// on one line (`settings.maxHintWindow: expected a duration like "3h"…`). Where the format leaves
// room (defaults of unmarked fields, workload order, a generator with to <= from, a level above RF)
// the reading is docs/scenario-format.md "Where the format leaves room" and test/scenario/format.test.ts.
import * as z from 'zod/mini';
import { parseDuration } from '../core/duration';
import { utf8Length } from '../core/utf8';
import { PRESETS, type PresetName, type Settings } from './presets';

// No code generation: zod's JIT probes `new Function`, which the page's CSP (script-src 'self')
// reports as a violation now that files and links are validated on the page itself. zod/mini's
// objects have no JIT path today; the flag keeps any that a later zod adds off.
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

/** Adds a one-line issue to a transform's payload (zod/mini's transforms have no `ctx.addIssue`). */
function addIssue(ctx: z.core.ParsePayload, message: string, path?: PropertyKey[]): void {
  ctx.issues.push({ code: 'custom', message, input: ctx.value, ...(path ? { path } : {}) });
}

/** Milliseconds (rounded to the µs clock), or null after adding the issue. */
function durationOf(v: unknown, ctx: z.core.ParsePayload): number | null {
  if (v === undefined) {
    addIssue(ctx, 'missing; expected a duration like "3h", "1.5s", "11m20s" or a number of ms');
    return null;
  }
  const ms = typeof v === 'number' && !Number.isFinite(v) ? Infinity : parseDuration(v);
  if (ms === null) {
    addIssue(ctx, 'expected a duration like "3h", "1.5s", "11m20s" or a number of ms');
    return null;
  }
  if (!(ms >= 0 && ms <= MAX_DURATION_MS)) {
    addIssue(ctx, 'expected a duration between 0 and 30d');
    return null;
  }
  return roundUs(ms);
}
/** `schema.transform(fn)` of zod's classic API: the value, then `fn` on it. */
const transformed = <O>(fn: (v: unknown, ctx: z.core.ParsePayload) => O) => z.pipe(z.unknown(), z.transform(fn));
const duration = transformed((v, ctx) => durationOf(v, ctx) ?? z.NEVER);
const nullableDuration = transformed((v, ctx) => (v === null ? null : (durationOf(v, ctx) ?? z.NEVER)));
/** A duration that must be > 0 on the engine's µs clock (`until`; a gossip interval of 0 would never let time move). */
const positiveDuration = transformed((v, ctx) => {
  const ms = durationOf(v, ctx);
  if (ms === null) return z.NEVER;
  if (ms > 0) return ms;
  addIssue(ctx, parseDuration(v) === 0 ? 'expected a duration > 0' : 'expected a duration > 0 (at least 0.001ms: the clock ticks in µs)');
  return z.NEVER;
});
const NAME_MSG = 'expected a node name of 1..16 characters [A-Za-z0-9_-]';
const name = z.string({ error: expecting('a node name (1..16 characters [A-Za-z0-9_-])') }).check(z.regex(/^[A-Za-z0-9_-]{1,16}$/, NAME_MSG));
const level = z.enum(LEVELS, { error: expecting('one of ANY, ONE, TWO, THREE, QUORUM, ALL') });
const key = z.string({ error: expecting('a key (a string of 1..256 characters)') }).check(z.minLength(1, 'expected a non-empty key'), z.maxLength(256, 'expected a key of at most 256 characters'));
/** A write's value: a string (a number is taken as its text). */
const value = transformed((v, ctx) => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') {
    addIssue(ctx, v === undefined ? 'missing; expected a value (a string)' : `expected a value (a string)${tooLarge(v)}`);
    return z.NEVER;
  }
  if (v.length > 4096) {
    addIssue(ctx, 'expected a value of at most 4096 characters');
    return z.NEVER;
  }
  return v;
});
const bool = z.boolean({ error: expecting('true or false') });
const num = (min: number, max: number, what = 'a number') =>
  z.number({ error: expecting(what) }).check(z.gte(min, `expected ${what} >= ${min}`), z.lte(max, `expected ${what} <= ${max}`));
/** A number > 0 (and at most `max`). */
const positive = (what: string, max = Number.MAX_VALUE) =>
  z.number({ error: expecting(what) }).check(z.gt(0, `expected ${what} > 0`), z.lte(max, `expected ${what} <= ${max}`));
const int = (min: number, max: number) =>
  z.number({ error: expecting('an integer') }).check(
    // z.int() also refuses integers beyond ±2^53, which JSON can write but a double cannot hold exactly.
    z.int({ error: (iss) => (iss.code === 'too_big' ? `expected an integer <= ${max}` : iss.code === 'too_small' ? `expected an integer >= ${min}` : 'expected an integer') }),
    z.gte(min, `expected an integer >= ${min}`),
    z.lte(max, `expected an integer <= ${max}`),
  );
const object = (what: string) => ({ error: expecting(what) });
const list = (what: string) => ({ error: expecting(what) });
const opt = z.optional;

const settingsSchema = z.strictObject({
  preset: opt(z.enum(['cassandra', 'scylla', 'dynamo', 'riak'], { error: expecting('"cassandra", "scylla", "dynamo" or "riak"') })),
  hintMode: opt(z.enum(['coordinator', 'sloppy-quorum'], { error: expecting('"coordinator" or "sloppy-quorum"') })),
  strictQuorum: opt(bool),
  hintedHandoffEnabled: opt(bool),
  maxHintWindow: opt(nullableDuration),
  persistentHintWindow: opt(bool),
  hintTtl: opt(nullableDuration),
  hintFlushPeriod: opt(duration),
  hintOnTimeout: opt(z.enum(['always', 'if-level-met'], { error: expecting('"always" or "if-level-met"') })),
  maxHintsPerHost: opt(int(0, Number.MAX_SAFE_INTEGER)),
  hintReplayRate: opt(positive('a rate')),
  writeTimeout: opt(duration),
  readTimeout: opt(duration),
  gossipInterval: opt(positiveDuration),
  phiConvictThreshold: opt(positive('a number', 100)),
  latency: opt(z.strictObject({ median: opt(duration), p99: opt(duration) }, object('an object like { "median": "5ms", "p99": "40ms" }'))),
  dropRate: opt(num(0, 1, 'a probability')),
  readRepair: opt(bool),
  antiEntropyInterval: opt(nullableDuration),
  merkleDepth: opt(int(1, 16)),
  conflictResolution: opt(z.enum(['lww', 'vector-clock'], { error: expecting('"lww" or "vector-clock"') })),
}, object('an object of settings'));

const writeOp = z.strictObject({ key, value, consistency: opt(level), coordinator: opt(name) }, object('an object like { "key": "k", "value": "v" }'));
const readOp = z.strictObject({
  key,
  consistency: opt(level.check(z.refine((l) => l !== 'ANY', 'ANY is for writes only'))),
  coordinator: opt(name),
}, object('an object like { "key": "k" }'));
const workloadBranches = {
  write: z.strictObject({ at: opt(duration), write: writeOp }),
  read: z.strictObject({ at: opt(duration), read: readOp }),
  generator: z.strictObject({
    from: opt(duration),
    to: opt(duration),
    rate: positive('a rate (operations per second)', 100_000),
    keys: opt(int(1, 10_000_000)),
    writeRatio: opt(num(0, 1, 'a ratio')),
    consistency: opt(level),
    coordinator: opt(name),
  }),
};
const faultBranches = {
  kill: z.strictObject({ at: opt(duration), kill: name, wipe: opt(bool) }),
  restart: z.strictObject({ at: opt(duration), restart: name }),
  partition: z.strictObject({
    at: opt(duration),
    partition: z
      .array(z.array(name, list('a group: a list of node names')).check(z.maxLength(256, 'expected a group of at most 256 nodes')), list('a list of groups of node names, like [["A", "B"], ["C"]]'))
      .check(z.minLength(1, 'expected at least one group of node names'), z.maxLength(256, 'expected at most 256 groups')),
  }),
  heal: z.strictObject({ at: opt(duration), heal: z.literal(true, { error: 'expected true' }) }),
  repair: z.strictObject({ at: opt(duration), repair: name }),
  slow: z.strictObject({ at: opt(duration), slow: name, extraLatency: duration }),
};

const NODES_MSG = 'a list of node names or a count 1..256';
const nodeList = z.array(name).check(z.minLength(1, 'expected at least one node'), z.maxLength(256, 'expected at most 256 nodes'));
const nodeCount = int(1, 256);
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
  name: z.string({ error: expecting('a name (1..120 characters)') }).check(z.minLength(1, 'expected 1..120 characters'), z.maxLength(120, 'expected 1..120 characters')),
  description: opt(z.string({ error: expecting('a string') }).check(z.maxLength(20_000, 'expected at most 20000 characters'))),
  seed: opt(int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
  cluster: opt(z.strictObject({
    nodes: opt(nodes),
    vnodes: opt(int(1, 256)),
    replicationFactor: opt(int(1, 256)),
  }, object('an object like { "nodes": ["A", "B", "C"] }'))),
  settings: opt(settingsSchema),
  workload: opt(z.array(z.unknown(), list('a list of workload entries')).check(z.maxLength(10_000, 'expected at most 10000 entries'))),
  faults: opt(z.array(z.unknown(), list('a list of faults')).check(z.maxLength(10_000, 'expected at most 10000 entries'))),
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

function check<T>(schema: z.ZodMiniType<T>, input: unknown, prefix: string): T {
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
    const text = withoutBom(input);
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
