// Session and scenario files (and share links) as untrusted input: bounded, parsed and validated
// completely on the main thread before anything reaches the worker, so a bad file never touches
// the running simulation. Every error names its field. Pure: no DOM.
import { checkLog, checkReplayWork, MAX_SCENARIO_BYTES, parseScenario, ScenarioError, utf8Bytes, withoutBom, type LoggedCommand } from '../engine';
import { jsonDepth, MAX_DEPTH } from './jsonDepth';
import { decodeSession } from './share';

export { jsonDepth, MAX_DEPTH };

export const SESSION_FORMAT = 'hintscope/session@1';
export const SCENARIO_FORMAT = 'hintscope/scenario@1';
/** A file or a paste: at most this many bytes (UTF-8). */
export const MAX_FILE_BYTES = MAX_SCENARIO_BYTES;
const MAX_AT_MS = 30 * 86_400_000;
/** Keys that could reach an object's prototype if a consumer ever merged them carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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

export type ImportSource = 'file' | 'paste' | 'link';

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

export class ImportError extends Error {
  constructor(readonly field: string, readonly detail: string) {
    super(field ? `${field}: ${detail}` : detail);
    this.name = 'ImportError';
  }
}

const SOURCE_NAME: Record<ImportSource, string> = { file: 'file', paste: 'pasted text', link: 'share link' };

export function toSessionFile(session: { scenario: unknown; commandLog: readonly LoggedCommand[]; now: number; traceHash: string }): SessionFile {
  return { format: SESSION_FORMAT, scenario: session.scenario, log: [...session.commandLog], at: session.now, traceHash: session.traceHash };
}

function fieldOf(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** Refuses prototype keys and non-finite numbers (JSON's 1e999 parses as Infinity) anywhere. */
function walk(v: unknown, path: (string | number)[]): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ImportError(fieldOf(path) || '(top)', `expected a finite number, got ${v}`);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, [...path, i]));
    return;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) throw new ImportError(fieldOf([...path, k]), 'this key is not allowed');
    walk((v as Record<string, unknown>)[k], [...path, k]);
  }
}

function rethrow(e: unknown, prefix: string): never {
  if (e instanceof ScenarioError) {
    const field = prefix ? (e.field ? (e.field.startsWith('[') ? prefix + e.field : `${prefix}.${e.field}`) : prefix) : e.field;
    const detail = e.field ? e.message.slice(e.field.length + 2) : e.message;
    throw new ImportError(field, detail);
  }
  throw e;
}

/** Validates a scenario + log + moment completely (nothing is simulated). */
export function validateSession(scenario: unknown, log: unknown, at: unknown, prefix: { scenario: string; log: string; at: string }): Omit<ImportedSession, 'kind' | 'traceHash'> {
  let parsed;
  try {
    parsed = parseScenario(scenario);
  } catch (e) {
    rethrow(e, prefix.scenario);
  }
  let commands: LoggedCommand[];
  try {
    commands = checkLog(parsed, log, prefix.log);
    checkReplayWork(parsed, commands, prefix.log);
  } catch (e) {
    rethrow(e, '');
  }
  let moment: number | null = null;
  if (at !== undefined && at !== null) {
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > Math.min(MAX_AT_MS, parsed.until)) {
      throw new ImportError(prefix.at, `expected a time in ms from 0 to the scenario's until (${parsed.until}), got ${typeof at === 'number' ? at : typeof at}`);
    }
    const last = commands[commands.length - 1]?.at ?? 0;
    if (at < last) throw new ImportError(prefix.at, `expected a time at or after the last command (${last}), got ${at}`);
    moment = at;
  }
  return { scenario, log: commands, at: moment, name: parsed.name };
}

/** The object inside a file or a paste: a session file or a plain scenario file. */
export function parseImportValue(value: unknown): ImportedSession {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError('(top)', `expected a JSON object with "format", got ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value}`);
  }
  walk(value, []);
  const obj = value as Record<string, unknown>;
  const format = obj.format;
  if (format === SCENARIO_FORMAT) {
    const s = validateSession(obj, undefined, undefined, { scenario: '', log: 'log', at: 'at' });
    return { kind: 'scenario', ...s, traceHash: null };
  }
  if (format !== SESSION_FORMAT) {
    const got = format === undefined ? 'missing' : `got ${JSON.stringify(format).slice(0, 60)}`;
    throw new ImportError('format', `expected "${SESSION_FORMAT}" (a session) or "${SCENARIO_FORMAT}" (a scenario), ${got}`);
  }
  for (const k of Object.keys(obj)) {
    if (!['format', 'scenario', 'log', 'at', 'traceHash'].includes(k)) throw new ImportError(k, 'unknown key (a session file has format, scenario, log, at, traceHash)');
  }
  if (obj.scenario === undefined) throw new ImportError('scenario', 'missing');
  if (typeof obj.scenario !== 'object' || obj.scenario === null || Array.isArray(obj.scenario)) throw new ImportError('scenario', 'expected a scenario object');
  if (obj.log !== undefined && !Array.isArray(obj.log)) throw new ImportError('log', 'expected a list of commands');
  const traceHash = obj.traceHash;
  if (traceHash !== undefined && (typeof traceHash !== 'string' || !/^[0-9a-f]{1,64}$/.test(traceHash))) throw new ImportError('traceHash', 'expected a hexadecimal hash');
  const s = validateSession(obj.scenario, obj.log ?? [], obj.at, { scenario: 'scenario', log: 'log', at: 'at' });
  return { kind: 'session', ...s, traceHash: (traceHash as string | undefined) ?? null };
}

/** True when the text is a share link (a URL or a bare fragment with `#s=`), not JSON. */
export function looksLikeLink(text: string): boolean {
  const t = text.trim();
  return !t.startsWith('{') && !t.startsWith('[') && /#s=/.test(t);
}

/** A share link's fragment (`#s=…`), validated like a file. */
export function parseLink(hashOrUrl: string): ImportedSession | null {
  const t = hashOrUrl.trim();
  const i = t.indexOf('#s=');
  if (i < 0) return null;
  let shared;
  try {
    shared = decodeSession(t.slice(i));
  } catch (e) {
    const msg = (e as Error).message.replace(/^share link: /, '');
    const m = /^([A-Za-z]+): (.*)$/.exec(msg);
    throw m ? new ImportError(`share link ${m[1]}`, m[2]!) : new ImportError('share link', msg);
  }
  if (!shared) return null;
  try {
    walk(shared.scenario, ['scenario']);
    walk(shared.log, ['log']);
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(`share link ${e.field}`, e.detail);
    throw e;
  }
  const s = validateSession(shared.scenario, shared.log ?? [], shared.at, { scenario: 'scenario', log: 'log', at: 'at' });
  return { kind: 'session', ...s, traceHash: null };
}

/**
 * Text from a file, a paste or a link: size and nesting bounded before parsing, then the whole
 * session validated. Throws an ImportError naming the field; nothing is simulated.
 */
export function parseImport(text: string, source: ImportSource = 'file'): ImportedSession {
  const what = SOURCE_NAME[source];
  if (typeof text !== 'string') throw new ImportError(what, 'expected text');
  const bytes = utf8Bytes(text);
  if (bytes > MAX_FILE_BYTES) throw new ImportError(what, `larger than 1 MB (${bytes.toLocaleString('en-US')} bytes); at most ${MAX_FILE_BYTES.toLocaleString('en-US')}`);
  if (text.trim() === '') throw new ImportError(what, 'empty');
  if (source !== 'file' && looksLikeLink(text)) {
    const linked = parseLink(text);
    if (linked) return linked;
  }
  const depth = jsonDepth(text);
  if (depth > MAX_DEPTH) throw new ImportError(what, `nested deeper than ${MAX_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (e) {
    throw new ImportError(what, `not JSON (${(e as Error).message.slice(0, 120)})`);
  }
  return parseImportValue(value);
}
