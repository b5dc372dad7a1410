// pure: checks a session's command log against its scenario without simulating anything (for a
// file or a link, before the running simulation is touched), and holds its replay to the work budget.
import type { Command, LoggedCommand } from '../api';
import { commandToEntry } from './commands';
import { formatDuration } from '../core/duration';
import { checkWork, type WorkEstimate } from './cost';
import { ScenarioError, type Scenario } from './schema';

export const MAX_LOG_ENTRIES = 10_000;

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

function checkCommand(ctx: Parameters<typeof commandToEntry>[0], c: unknown, at: number, field: string): Command {
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
  const ctx = { byName: new Map(scenario.nodes.map((n, i) => [n, i])), until: scenario.until, settings: scenario.settings, topology: scenario.datacenters };
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

/** Where a session's parts are named in its errors (a session file nests its scenario under `scenario`). */
export interface WorkFields {
  scenario: string;
  log: string;
  at: string;
}

/**
 * Throws a ScenarioError naming the field that drives the cost when running the session up to its
 * moment (`at`, else its last command) — the flat-out replay that opens it — is more work than
 * the budget (cost.ts). A plain scenario (no log, no moment) plays at the pace of the page and is
 * not held to it. Returns the estimate, or null when there is nothing to run.
 */
export function checkSessionWork(
  scenario: Scenario, log: readonly LoggedCommand[], at: number | null,
  fields: WorkFields = { scenario: '', log: 'log', at: 'at' }, budget?: number, override?: string,
): WorkEstimate | null {
  const last = log.length > 0 ? log[log.length - 1]!.at : 0;
  const to = Math.max(at ?? 0, last);
  if (to <= 0) return null;
  const toMoment = at !== null && at > last;
  const span = toMoment ? fields.at : `${fields.log}[${log.length - 1}].at`;
  const what = `running the session to ${toMoment ? 'its moment' : 'its last command'} (${formatDuration(to)})`;
  return checkWork(scenario, log, to, { span, what, scenarioPrefix: fields.scenario, budget, override });
}
