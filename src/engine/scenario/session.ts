// pure: checks a session's command log against its scenario without simulating anything (for a
// file or a link, before the running simulation is touched), and bounds the work its replay takes.
import type { Command, LoggedCommand } from '../api';
import { commandToEntry } from './commands';
import { ScenarioError, type Scenario } from './schema';

export const MAX_LOG_ENTRIES = 10_000;

/**
 * Replaying a log runs the simulation flat out up to its last command before the session opens
 * (in the worker, in slices, with progress and Cancel; the running session goes on meanwhile).
 * Its cost is estimated in "work units" (about one simulated event, weighted by the size of a
 * gossip digest; a rough guide: ~1-2 million a second here, less under a heavy workload). Beyond
 * the bound a file or link is refused up front rather than replaying for hours (256 nodes for
 * 30 days would be many hours).
 */
export const MAX_REPLAY_WORK = 100_000_000;

const MAX_DELAY_MS = 86_400_000;

function num(v: unknown, field: string, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new ScenarioError(field, `expected ${what}, got ${describe(v)}`);
  return v;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v);
  if (typeof v === 'number') return String(v);
  if (v === null) return 'null';
  return Array.isArray(v) ? 'a list' : typeof v;
}

function checkCommand(ctx: { byName: ReadonlyMap<string, number>; until: number }, c: unknown, at: number, field: string): Command {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new ScenarioError(field, 'expected a command object');
  const type = (c as { type?: unknown }).type;
  if (typeof type !== 'string') throw new ScenarioError(`${field}.type`, 'expected a command type such as "kill"');
  if (type === 'dropMessage' || type === 'delayMessage') {
    const m = c as { id?: unknown; byMs?: unknown };
    num(m.id, `${field}.id`, 0, Number.MAX_SAFE_INTEGER, 'a message id');
    if (!Number.isInteger(m.id)) throw new ScenarioError(`${field}.id`, 'expected an integer message id');
    if (type === 'delayMessage') num(m.byMs, `${field}.byMs`, Number.MIN_VALUE, MAX_DELAY_MS, 'a delay from 0 to 1d in ms');
    return c as Command;
  }
  try {
    commandToEntry(ctx, c as Command, at);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(e.field ? `${field}.${e.field}` : field, e.field ? e.message.slice(e.field.length + 2) : e.message);
    throw e;
  }
  return c as Command;
}

/**
 * Checks an untrusted command log entry by entry against a parsed scenario: times finite, in
 * order, within the scenario; every command well-formed with known nodes. Throws a ScenarioError
 * naming the field (`log[3].command.node: unknown node "z"`). Message commands (drop / delay one
 * message in flight) can only be checked by replaying: the id must then be in flight.
 */
export function checkLog(scenario: Scenario, log: unknown, prefix = 'log'): LoggedCommand[] {
  if (log === undefined || log === null) return [];
  if (!Array.isArray(log)) throw new ScenarioError(prefix, 'expected a list of commands');
  if (log.length > MAX_LOG_ENTRIES) throw new ScenarioError(prefix, `expected at most ${MAX_LOG_ENTRIES.toLocaleString('en-US')} commands, got ${log.length.toLocaleString('en-US')}`);
  const ctx = { byName: new Map(scenario.nodes.map((n, i) => [n, i])), until: scenario.until };
  let last = 0;
  return log.map((entry: unknown, i): LoggedCommand => {
    const field = `${prefix}[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ScenarioError(field, 'expected { at, command }');
    for (const k of Object.keys(entry)) if (k !== 'at' && k !== 'command') throw new ScenarioError(`${field}.${k}`, 'unknown key');
    const { at, command } = entry as { at?: unknown; command?: unknown };
    num(at, `${field}.at`, 0, scenario.until, `a time in ms from 0 to the scenario's until (${scenario.until})`);
    if ((at as number) < last) throw new ScenarioError(`${field}.at`, `expected commands in time order (${at as number} comes after ${last})`);
    last = at as number;
    return { at: at as number, command: checkCommand(ctx, command, at as number, `${field}.command`) };
  });
}

/** Estimated work to replay a session up to `toMs` (see MAX_REPLAY_WORK). */
export function replayWork(scenario: Scenario, log: readonly LoggedCommand[], toMs: number): number {
  const n = scenario.nodes.length;
  const weight = 1 + n / 16; // a gossip round carries a digest of every node
  const seconds = toMs / 1000;
  const gossip = seconds * n * 3.5 * (1000 / Math.max(1, scenario.settings.gossipInterval));
  let ops = 0;
  for (const w of scenario.workload) {
    if (w.kind !== 'generator') {
      if (w.at <= toMs) ops++;
      continue;
    }
    ops += (w.rate * Math.max(0, Math.min(w.to, toMs) - w.from)) / 1000;
  }
  // The log's own workload: each `workload` command runs until the next one or a stop.
  let rate = 0;
  let since = 0;
  for (const { at, command } of log) {
    if (at > toMs) break;
    if (command.type === 'workload' || command.type === 'workloadStop') {
      ops += (rate * (at - since)) / 1000;
      rate = command.type === 'workload' ? command.rate : 0;
      since = at;
    } else if (command.type === 'write' || command.type === 'read') ops++;
  }
  ops += (rate * Math.max(0, toMs - since)) / 1000;
  const perOp = 2 + 2 * scenario.replicationFactor;
  return (gossip + ops * perOp) * weight;
}

/** Throws when replaying the log (up to its last command) is more work than MAX_REPLAY_WORK. */
export function checkReplayWork(scenario: Scenario, log: readonly LoggedCommand[], prefix = 'log'): void {
  if (log.length === 0) return;
  const last = log[log.length - 1]!.at;
  const work = replayWork(scenario, log, last);
  if (work > MAX_REPLAY_WORK) {
    throw new ScenarioError(
      `${prefix}[${log.length - 1}].at`,
      `replaying the session up to this command is too much work (about ${Math.round(work / 1e6).toLocaleString('en-US')} million simulated events; at most ${MAX_REPLAY_WORK / 1e6} million), so it would take too long to open`,
    );
  }
}
