// A user's command becomes a scenario entry (a fault or a workload entry) at the time it was given,
// so the exported scenario replays the session exactly.
import type { Command } from '../api';
import { CONSISTENCY_LEVELS, MAX_DURATION_MS, MAX_GENERATOR_KEYS, MAX_GENERATOR_RATE, MAX_KEY_LENGTH, MAX_VALUE_LENGTH } from './limits';
import { ScenarioError, type FaultEntry, type Level, type WorkloadEntry } from './schema';
import { needsLww, needsOrSet, SET_OPS, type SetOp } from './entries';
import { nodetoolEntry, VERBS } from './nodetool';
import { DC_LEVELS } from './datacenters';

export type CommandEntry = { kind: 'fault'; entry: FaultEntry } | { kind: 'workload'; entry: WorkloadEntry } | { kind: 'stop' };

interface Ctx {
  byName: ReadonlyMap<string, number>;
  until: number;
  /** The cluster's settings: a write's `op` needs the OR-set. */
  settings: { conflictResolution: string; hintMode?: string };
  /** The cluster's datacenters (absent: one, datacenter1): the DC verbs name one. */
  topology?: { names: readonly string[] };
}

/** A write's `op`: absent, or "add" / "remove" on an OR-set cluster. */
function setOp(ctx: Ctx, op: unknown): { op?: SetOp } {
  if (op === undefined) return {};
  if (!SET_OPS.includes(op as SetOp)) throw new ScenarioError('op', `expected "add" or "remove", got ${JSON.stringify(op) ?? String(op)}`);
  needsOrSet(ctx.settings.conflictResolution === 'or-set', 'op', '"op"');
  return { op: op as SetOp };
}

function node(ctx: Ctx, name: unknown, field = 'node'): string {
  if (typeof name !== 'string' || !ctx.byName.has(name)) throw new ScenarioError(field, `unknown node "${String(name)}"`);
  return name;
}

function level(ctx: Ctx, l: unknown, forRead: boolean): Level {
  if (!CONSISTENCY_LEVELS.includes(l as Level)) throw new ScenarioError('consistency', `expected one of ${CONSISTENCY_LEVELS.join(', ')}`);
  if (ctx.settings.hintMode === 'sloppy-quorum' && DC_LEVELS.includes(l as Level)) throw new ScenarioError('consistency', `${l as string} needs settings.hintMode "coordinator"; sloppy quorum has no datacenter levels`);
  if (forRead && l === 'ANY') throw new ScenarioError('consistency', 'ANY is for writes only');
  return l as Level;
}

function key(k: unknown): string {
  if (typeof k !== 'string' || k.length === 0 || k.length > MAX_KEY_LENGTH) throw new ScenarioError('key', `expected a key of 1..${MAX_KEY_LENGTH} characters`);
  return k;
}

function finite(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new ScenarioError(field, min === Number.MIN_VALUE ? `expected a number > 0 and <= ${max}` : `expected a number from ${min} to ${max}`);
  }
  return v;
}

/** A console's nodetool command: the entry a scenario would write, its keys named as the command's. */
function nodetoolCommand(ctx: Ctx, c: Extract<Command, { type: 'nodetool' }>, at: number): FaultEntry {
  const e: Record<string, unknown> = { nodetool: c.verb, node: c.node };
  for (const k of ['target', 'hintReplayRate', 'maxHintWindow', 'dc'] as const) if (c[k] !== undefined) e[k] = c[k];
  let entry;
  try {
    entry = nodetoolEntry(e, '', at, [...ctx.byName.keys()], ctx.topology?.names);
  } catch (err) {
    // The command calls the verb `verb`; the format calls it `nodetool`.
    if (err instanceof ScenarioError && err.field === 'nodetool') throw new ScenarioError('verb', err.message.slice('nodetool: '.length));
    throw err;
  }
  if (VERBS[entry.verb].readOnly) throw new ScenarioError('verb', `${entry.verb} changes nothing: the console prints it without a command`);
  return entry;
}

export function commandToEntry(ctx: Ctx, c: Command, at: number): CommandEntry {
  switch (c.type) {
    case 'kill': return { kind: 'fault', entry: { kind: 'kill', at, node: node(ctx, c.node), wipe: c.wipe === true } };
    case 'restart': return { kind: 'fault', entry: { kind: 'restart', at, node: node(ctx, c.node) } };
    case 'repair': return { kind: 'fault', entry: { kind: 'repair', at, node: node(ctx, c.node) } };
    case 'heal': return { kind: 'fault', entry: { kind: 'heal', at } };
    case 'slow':
      return { kind: 'fault', entry: { kind: 'slow', at, node: node(ctx, c.node), extraLatency: finite(c.extraLatencyMs, 'extraLatency', 0, MAX_DURATION_MS) } };
    case 'partition': {
      if (!Array.isArray(c.groups) || c.groups.length === 0) throw new ScenarioError('groups', 'expected a list of node groups');
      const seen = new Set<string>();
      const groups = c.groups.map((g, gi) => {
        if (!Array.isArray(g)) throw new ScenarioError(`groups[${gi}]`, 'expected a list of node names');
        return g.map((n, ni) => {
          const name = node(ctx, n, `groups[${gi}][${ni}]`);
          if (seen.has(name)) throw new ScenarioError(`groups[${gi}][${ni}]`, `node "${name}" is in more than one group`);
          seen.add(name);
          return name;
        });
      });
      return { kind: 'fault', entry: { kind: 'partition', at, groups } };
    }
    case 'write': {
      const value = typeof c.value === 'string' && c.value.length <= MAX_VALUE_LENGTH ? c.value : null;
      if (value === null) throw new ScenarioError('value', `expected a value of at most ${MAX_VALUE_LENGTH} characters`);
      return {
        kind: 'workload',
        entry: {
          kind: 'write', at, key: key(c.key), value, consistency: level(ctx, c.consistency, false),
          coordinator: c.coordinator ? node(ctx, c.coordinator, 'coordinator') : undefined, ...setOp(ctx, c.op),
        },
      };
    }
    case 'delete':
      needsLww(ctx.settings.conflictResolution, 'type', 'a delete');
      return {
        kind: 'workload',
        entry: { kind: 'delete', at, key: key(c.key), consistency: level(ctx, c.consistency, false), coordinator: c.coordinator ? node(ctx, c.coordinator, 'coordinator') : undefined },
      };
    case 'read':
      return {
        kind: 'workload',
        entry: { kind: 'read', at, key: key(c.key), consistency: level(ctx, c.consistency, true), coordinator: c.coordinator ? node(ctx, c.coordinator, 'coordinator') : undefined },
      };
    case 'workload': {
      const writeRatio = finite(c.writeRatio, 'writeRatio', 0, 1);
      return {
        kind: 'workload',
        entry: {
          kind: 'generator', from: at, to: ctx.until, rate: finite(c.rate, 'rate', Number.MIN_VALUE, MAX_GENERATOR_RATE),
          keys: Math.floor(finite(c.keys, 'keys', 1, MAX_GENERATOR_KEYS)), writeRatio, consistency: level(ctx, c.consistency, writeRatio < 1),
        },
      };
    }
    case 'workloadStop': return { kind: 'stop' };
    case 'nodetool': return { kind: 'fault', entry: nodetoolCommand(ctx, c, at) };
    case 'dropMessage': case 'delayMessage': throw new ScenarioError('type', 'a message command is not a scenario entry');
    default: throw new ScenarioError('type', `unknown command "${(c as { type: unknown }).type as string}"`);
  }
}
