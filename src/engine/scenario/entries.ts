// pure: a scenario's workload and fault entries: which kind each is, and its checked form.
import * as z from 'zod/mini';
import { DEFAULT_GENERATOR_KEYS, DEFAULT_LEVEL, MAX_GENERATOR_KEYS, MAX_GENERATOR_RATE, MAX_NODES, type ConsistencyLevel as Level } from './limits';
import { SET_OPS, type ConflictResolution, type SetOp } from './registry';
import { above, bool, check, duration, expecting, int, key, level, list, name, num, object, opt, ScenarioError, value } from './fields';
import { nodetoolEntry, type NodetoolEntry } from './nodetool';

export { SET_OPS, type SetOp } from './registry';
const setOp = z.enum(SET_OPS, { error: 'expected "add" or "remove"' });
/** A client's local datacenter (checked against the cluster in datacenters.ts). */
const dc = z.string({ error: expecting('a datacenter name') });
const writeOp = z.strictObject({ key, value, consistency: opt(level), coordinator: opt(name), op: opt(setOp), dc: opt(dc) }, object('an object like { "key": "k", "value": "v" }'));
const readOp = z.strictObject({
  key,
  consistency: opt(level.check(z.refine((l) => l !== 'ANY', 'ANY is for writes only'))),
  coordinator: opt(name),
  dc: opt(dc),
}, object('an object like { "key": "k" }'));
/** A delete names its key; a tombstone has no value (docs/scenario-format.md "Deletes"). */
const deleteOp = z.strictObject({ key, consistency: opt(level), coordinator: opt(name), dc: opt(dc) }, object('an object like { "key": "k" }'));
const workloadBranches = {
  write: z.strictObject({ at: opt(duration), write: writeOp }),
  delete: z.strictObject({ at: opt(duration), delete: deleteOp }),
  read: z.strictObject({ at: opt(duration), read: readOp }),
  generator: z.strictObject({
    from: opt(duration),
    to: opt(duration),
    rate: above(0, 'a rate (operations per second)', MAX_GENERATOR_RATE),
    keys: opt(int(1, MAX_GENERATOR_KEYS)),
    writeRatio: opt(num(0, 1, 'a ratio')),
    removeRatio: opt(num(0, 1, 'a ratio')),
    deleteRatio: opt(num(0, 1, 'a ratio')),
    consistency: opt(level),
    coordinator: opt(name),
    dc: opt(dc),
  }),
};
/** A partition group's member: a node, or (with datacenters) a datacenter standing for its nodes. */
const member = z.string({ error: expecting('a node or datacenter name') }).check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected a node or datacenter name'));
const faultBranches = {
  kill: z.strictObject({ at: opt(duration), kill: name, wipe: opt(bool) }),
  restart: z.strictObject({ at: opt(duration), restart: name }),
  partition: z.strictObject({
    at: opt(duration),
    partition: z
      .array(
        z.array(member, list('a group: a list of node names')).check(z.maxLength(MAX_NODES, `expected a group of at most ${MAX_NODES} nodes`)),
        list('a list of groups of node names, like [["A", "B"], ["C"]]'),
      )
      .check(z.minLength(1, 'expected at least one group of node names'), z.maxLength(MAX_NODES, `expected at most ${MAX_NODES} groups`)),
  }),
  heal: z.strictObject({ at: opt(duration), heal: z.literal(true, { error: 'expected true' }) }),
  repair: z.strictObject({ at: opt(duration), repair: name }),
  slow: z.strictObject({ at: opt(duration), slow: name, extraLatency: duration }),
};

export type WorkloadEntry =
  | { kind: 'write'; at: number; key: string; value: string; consistency: Level; coordinator?: string; op?: SetOp; dc?: string }
  | { kind: 'read'; at: number; key: string; consistency: Level; coordinator?: string; dc?: string }
  | { kind: 'delete'; at: number; key: string; consistency: Level; coordinator?: string; dc?: string }
  | {
    kind: 'generator'; from: number; to: number; rate: number; keys: number; writeRatio: number; consistency: Level; coordinator?: string;
    /** The clients' local datacenter: coordinators are drawn from it. */
    dc?: string;
    /** OR-set only: the share of writes that remove an element (absent: DEFAULT_REMOVE_RATIO). */
    removeRatio?: number;
    /** Last-write-wins only: the share of operations that delete their key (absent: none, and no draw changes). */
    deleteRatio?: number;
  };

/** Under the OR-set, the share of a generator's writes that remove an element the coordinator holds. */
export const DEFAULT_REMOVE_RATIO = 0.25;

/** Throws unless the cluster merges by last-write-wins: tombstones are modelled only there (docs/behaviour.md "Deletes"). */
export function needsLww(resolution: string, field: string, what: string): void {
  if (resolution !== 'lww') throw new ScenarioError(field, `${what} needs settings.conflictResolution "lww" (tombstones under ${resolution === 'or-set' ? 'the OR-set' : 'vector clocks'} are not modelled)`);
}

/** Throws unless the cluster merges by the OR-set: `op` and `removeRatio` mean nothing under the others. */
export function needsOrSet(orSet: boolean, field: string, what: string): void {
  if (!orSet) throw new ScenarioError(field, `${what} needs settings.conflictResolution "or-set"`);
}

export type FaultEntry =
  | { kind: 'kill'; at: number; node: string; wipe: boolean }
  | { kind: 'restart'; at: number; node: string }
  | { kind: 'partition'; at: number; groups: string[][] }
  | { kind: 'heal'; at: number }
  | { kind: 'repair'; at: number; node: string }
  | { kind: 'slow'; at: number; node: string; extraLatency: number }
  | NodetoolEntry;

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const GENERATOR_KEYS = ['rate', 'from', 'to'];
const FAULT_KINDS = ['kill', 'restart', 'partition', 'heal', 'repair', 'slow'] as const;
/** How an entry that is no fault at all is told what it may be. */
const ONE_OF_FAULTS = `${FAULT_KINDS.map((k) => `"${k}"`).join(', ')} or "nodetool"`;

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
  if (has(e, 'delete')) found.push(['delete', 'delete']);
  const gen = GENERATOR_KEYS.find((k) => has(e, k));
  if (gen) found.push(['generator', gen]);
  const ONE_OF = '"write", "read", "delete" or a generator ("from", "to", "rate")';
  if (found.length === 0) throw new ScenarioError(field, `expected one of ${ONE_OF}`);
  if (found.length > 1) throw new ScenarioError(`${field}.${found[1]![1]}`, `an entry is exactly one of ${ONE_OF}, not several`);
  const kind = found[0]![0];
  if (kind === 'generator' && has(e, 'at')) throw new ScenarioError(`${field}.at`, 'a generator runs from "from" to "to"; "at" is for a write, a read or a delete');
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
  if (!kind) throw new ScenarioError(field, `expected one of ${ONE_OF_FAULTS}`);
  return kind;
}

/** Throws unless `name` (when given) is a node of the cluster. */
export type Known = (name: string | undefined, field: string) => void;

/** A delete: its key, level and coordinator; a value is refused by name. */
function deleteEntry(entry: unknown, field: string, known: Known, resolution: string): WorkloadEntry {
  const d = (entry as { delete?: unknown }).delete;
  if (typeof d === 'object' && d !== null && has(d, 'value')) throw new ScenarioError(`${field}.delete.value`, 'a delete has no value (it writes a tombstone)');
  const e = check(workloadBranches.delete, entry, field);
  needsLww(resolution, `${field}.delete`, 'a delete');
  known(e.delete.coordinator, `${field}.delete.coordinator`);
  return { kind: 'delete', at: e.at ?? 0, key: e.delete.key, consistency: e.delete.consistency ?? DEFAULT_LEVEL, coordinator: e.delete.coordinator, ...(e.delete.dc !== undefined ? { dc: e.delete.dc } : {}) };
}

/** A generator's writeRatio and deleteRatio: writeRatio defaults to 1 − deleteRatio; the two sum to ≤ 1. */
function ratiosOf(e: { writeRatio?: number; deleteRatio?: number }, field: string, resolution: string): { writeRatio: number; deleteRatio?: number } {
  if (e.deleteRatio === undefined) return { writeRatio: e.writeRatio ?? 1 };
  if (e.deleteRatio > 0) needsLww(resolution, `${field}.deleteRatio`, 'a deleteRatio above 0');
  const writeRatio = e.writeRatio ?? 1 - e.deleteRatio;
  // (1 − d) + d may round a hair above 1.
  if (writeRatio + e.deleteRatio > 1 + 1e-12) throw new ScenarioError(`${field}.deleteRatio`, `expected writeRatio + deleteRatio <= 1, got ${writeRatio} + ${e.deleteRatio}`);
  return { writeRatio, deleteRatio: e.deleteRatio };
}

/** A workload entry; `resolution` is the cluster's conflictResolution (an OR-set write may carry an op; deletes need lww). */
export function workloadEntry(entry: unknown, field: string, until: number, known: Known, resolution: ConflictResolution = 'lww'): WorkloadEntry {
  const orSet = resolution === 'or-set';
  const kind = workloadKind(entry, field);
  if (kind === 'delete') return deleteEntry(entry, field, known, resolution);
  if (kind === 'write') {
    const e = check(workloadBranches.write, entry, field);
    known(e.write.coordinator, `${field}.write.coordinator`);
    const w: WorkloadEntry = {
      kind: 'write', at: e.at ?? 0, key: e.write.key, value: e.write.value, consistency: e.write.consistency ?? DEFAULT_LEVEL, coordinator: e.write.coordinator,
      ...(e.write.dc !== undefined ? { dc: e.write.dc } : {}),
    };
    if (e.write.op === undefined) return w;
    needsOrSet(orSet, `${field}.write.op`, '"op"');
    return { ...w, op: e.write.op };
  }
  if (kind === 'read') {
    const e = check(workloadBranches.read, entry, field);
    known(e.read.coordinator, `${field}.read.coordinator`);
    return { kind: 'read', at: e.at ?? 0, key: e.read.key, consistency: e.read.consistency ?? DEFAULT_LEVEL, coordinator: e.read.coordinator, ...(e.read.dc !== undefined ? { dc: e.read.dc } : {}) };
  }
  const e = check(workloadBranches.generator, entry, field);
  known(e.coordinator, `${field}.coordinator`);
  const { writeRatio, deleteRatio } = ratiosOf(e, field, resolution);
  if (writeRatio + (deleteRatio ?? 0) < 1 && e.consistency === 'ANY') throw new ScenarioError(`${field}.consistency`, 'ANY is for writes only; use writeRatio 1');
  if (e.removeRatio !== undefined) needsOrSet(orSet, `${field}.removeRatio`, '"removeRatio"');
  // Neither bound given: the generator runs the whole scenario. `to` <= `from` is valid and issues nothing.
  return {
    kind: 'generator', from: e.from ?? 0, to: e.to ?? until, rate: e.rate, keys: e.keys ?? DEFAULT_GENERATOR_KEYS, writeRatio,
    consistency: e.consistency ?? DEFAULT_LEVEL, coordinator: e.coordinator, ...(e.removeRatio !== undefined ? { removeRatio: e.removeRatio } : {}),
    ...(deleteRatio !== undefined ? { deleteRatio } : {}),
    ...(e.dc !== undefined ? { dc: e.dc } : {}),
  };
}

/** Each datacenter's nodes, by name (absent: the scenario names no datacenters). */
export type DcMembers = ReadonlyMap<string, readonly string[]>;

/** A partition's groups: every node known, none listed twice; a datacenter's name stands for its nodes. */
function partitionGroups(groups: string[][], field: string, known: Known, dcs?: DcMembers): string[][] {
  const group = new Map<string, number>();
  const byDc = new Map<string, string>();
  const add = (n: string, gi: number, at: string, viaDc?: string) => {
    const before = group.get(n);
    const dc = viaDc ?? byDc.get(n);
    if (before !== undefined && (viaDc !== undefined || byDc.has(n))) throw new ScenarioError(at, `datacenter "${dc!}" and its node "${n}" are both named`);
    if (before === gi) throw new ScenarioError(at, `node "${n}" is listed twice in this group`);
    if (before !== undefined) throw new ScenarioError(at, `node "${n}" is in more than one group`);
    group.set(n, gi);
    if (viaDc !== undefined) byDc.set(n, viaDc);
  };
  const out = groups.map((g, gi) => g.flatMap((n, ni) => {
    const at = `${field}.partition[${gi}][${ni}]`;
    const members = dcs?.get(n);
    if (members) {
      members.forEach((m) => add(m, gi, at, n));
      return [...members];
    }
    known(n, at);
    add(n, gi, at);
    return [n];
  }));
  return out;
}

/** An operator's command: "nodetool" and no other fault kind in the same entry. */
function nodetoolFault(e: object, field: string, cluster: readonly string[], dcs?: DcMembers): FaultEntry {
  const other = FAULT_KINDS.find((k) => has(e, k));
  if (other) throw new ScenarioError(field, `"nodetool" and "${other}" in one entry; a fault is exactly one kind`);
  const at = has(e, 'at') ? check(duration, (e as { at: unknown }).at, `${field}.at`) : 0;
  return nodetoolEntry(e as Record<string, unknown>, field, at, cluster, dcs ? [...dcs.keys()] : undefined);
}

export function faultEntry(entry: unknown, field: string, known: Known, cluster: readonly string[] = [], dcs?: DcMembers): FaultEntry {
  if (has(entryObject(entry, field), 'nodetool')) return nodetoolFault(entry as object, field, cluster, dcs);
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
      return { kind: 'partition', at: f.at ?? 0, groups: partitionGroups(f.partition, field, known, dcs) };
    }
    case 'heal': {
      const f = check(faultBranches.heal, entry, field);
      return { kind: 'heal', at: f.at ?? 0 };
    }
  }
}
