// pure: the session file (`hintscope/session@1`) HintScope writes and reads: the scenario as
// given, the command log, the moment it was saved. Reading one validates every field completely
// (nothing is simulated) and names the field in any error.
import { checkLog, checkSessionWork, parseScenario, type LoggedCommand } from '../engine';
import { MAX_AT_MS } from './bounds';
import { fieldOf, ImportError, rethrowScenarioError } from './errors';

export const SESSION_FORMAT = 'hintscope/session@1';
export const SCENARIO_FORMAT = 'hintscope/scenario@1';
/** Keys that could reach an object's prototype if a consumer ever merged them carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const SESSION_KEYS = ['format', 'scenario', 'log', 'at', 'traceHash'];

/** The file HintScope writes: the scenario as given, the command log, the moment it was saved. */
export interface SessionFile {
  format: typeof SESSION_FORMAT;
  scenario: unknown;
  log: LoggedCommand[];
  /** Simulated ms the session had reached; opening the file runs to it and pauses. */
  at: number;
  /** The trace hash at `at`: opening the file reproduces it. Informative; not trusted. */
  traceHash?: string;
}

/** A validated import, ready for the worker. */
export interface ImportedSession {
  kind: 'session' | 'scenario';
  /** As given (the worker parses it again). */
  scenario: unknown;
  log: LoggedCommand[];
  /** Where to run to and pause, or null (a plain scenario plays from 0). */
  at: number | null;
  /** The scenario's name. */
  name: string;
  traceHash: string | null;
}

export function toSessionFile(session: { scenario: unknown; commandLog: readonly LoggedCommand[]; now: number; traceHash: string }): SessionFile {
  return { format: SESSION_FORMAT, scenario: session.scenario, log: [...session.commandLog], at: session.now, traceHash: session.traceHash };
}

/** Refuses prototype keys and non-finite numbers (JSON's 1e999 parses as Infinity) anywhere. */
export function refuseUnsafe(v: unknown, path: (string | number)[]): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ImportError(fieldOf(path) || '(top)', `expected a finite number, got ${v}`);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    v.forEach((x, i) => refuseUnsafe(x, [...path, i]));
    return;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) throw new ImportError(fieldOf([...path, k]), 'this key is not allowed');
    refuseUnsafe((v as Record<string, unknown>)[k], [...path, k]);
  }
}

/** Where the fields of a session are named in its errors. */
export interface SessionFields {
  scenario: string;
  log: string;
  at: string;
}

const SESSION_FIELDS: SessionFields = { scenario: 'scenario', log: 'log', at: 'at' };

/** The moment a session had reached: from 0 to the scenario's until, at or after its last command. */
function checkAt(at: unknown, until: number, commands: readonly LoggedCommand[], field: string): number | null {
  if (at === undefined || at === null) return null;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > Math.min(MAX_AT_MS, until)) {
    throw new ImportError(field, `expected a time in ms from 0 to the scenario's until (${until}), got ${typeof at === 'number' ? at : typeof at}`);
  }
  const last = commands[commands.length - 1]?.at ?? 0;
  if (at < last) throw new ImportError(field, `expected a time at or after the last command (${last}), got ${at}`);
  return at;
}

/** The work budget a session is held to, and how the message says to go past it (the CLI's --max-events). */
export interface WorkLimit {
  budget?: number;
  override?: string;
}

/**
 * Validates a scenario + log + moment completely (nothing is simulated), and holds the replay up
 * to the moment to the engine's work budget (the field that drives the cost is named).
 */
export function validateSession(scenario: unknown, log: unknown, at: unknown, fields: SessionFields = SESSION_FIELDS, limit: WorkLimit = {}): Omit<ImportedSession, 'kind' | 'traceHash'> {
  let parsed;
  try {
    parsed = parseScenario(scenario);
  } catch (e) {
    rethrowScenarioError(e, fields.scenario);
  }
  let commands: LoggedCommand[];
  try {
    commands = checkLog(parsed, log, fields.log);
  } catch (e) {
    rethrowScenarioError(e, '');
  }
  const moment = checkAt(at, parsed.until, commands, fields.at);
  try {
    checkSessionWork(parsed, commands, moment, fields, limit.budget, limit.override);
  } catch (e) {
    rethrowScenarioError(e, '');
  }
  return { scenario, log: commands, at: moment, name: parsed.name };
}

/** True for a parsed value that says it is a session file (and so must be read as one). */
export function isSessionFile(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SESSION_FORMAT;
}

/** A session file's own keys, before its scenario and log are validated. */
function checkSessionKeys(obj: Record<string, unknown>): string | null {
  for (const k of Object.keys(obj)) {
    if (!SESSION_KEYS.includes(k)) throw new ImportError(k, 'unknown key (a session file has format, scenario, log, at, traceHash)');
  }
  if (obj.scenario === undefined) throw new ImportError('scenario', 'missing');
  if (typeof obj.scenario !== 'object' || obj.scenario === null || Array.isArray(obj.scenario)) throw new ImportError('scenario', 'expected a scenario object');
  if (obj.log !== undefined && !Array.isArray(obj.log)) throw new ImportError('log', 'expected a list of commands');
  const traceHash = obj.traceHash;
  if (traceHash !== undefined && (typeof traceHash !== 'string' || !/^[0-9a-f]{1,64}$/.test(traceHash))) throw new ImportError('traceHash', 'expected a hexadecimal hash');
  return (traceHash as string | undefined) ?? null;
}

/** The object inside a file or a paste: a session file or a plain scenario file. */
export function parseImportValue(value: unknown, limit: WorkLimit = {}): ImportedSession {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError('(top)', `expected a JSON object with "format", got ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value}`);
  }
  refuseUnsafe(value, []);
  const obj = value as Record<string, unknown>;
  const format = obj.format;
  if (format === SCENARIO_FORMAT) {
    const s = validateSession(obj, undefined, undefined, { scenario: '', log: 'log', at: 'at' }, limit);
    return { kind: 'scenario', ...s, traceHash: null };
  }
  if (format !== SESSION_FORMAT) {
    const got = format === undefined ? 'missing' : `got ${JSON.stringify(format).slice(0, 60)}`;
    throw new ImportError('format', `expected "${SESSION_FORMAT}" (a session) or "${SCENARIO_FORMAT}" (a scenario), ${got}`);
  }
  const traceHash = checkSessionKeys(obj);
  const s = validateSession(obj.scenario, obj.log ?? [], obj.at, SESSION_FIELDS, limit);
  return { kind: 'session', ...s, traceHash };
}
