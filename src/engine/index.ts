// The engine's public surface: createSimulation(scenario) and the types the protocol re-exports.
import type { LoggedCommand, Simulation } from './api';
import { parseScenario, ScenarioError, type Scenario } from './scenario/schema';
import { Sim } from './sim';
import { runUpTo } from './core/commandTime';
import { MAX_LOG_ENTRIES } from './scenario/session';

export type * from './api';
export { ScenarioError, parseScenario, utf8Bytes, withoutBom } from './scenario/schema';
export * from './scenario/limits';
export type { Scenario } from './scenario/schema';
export type { Report } from './check/report';
export { PRESETS } from './scenario/presets';
export { SETTINGS, SETTING_PATHS, PRESET_NAMES, SYSTEM_TITLES, CLUSTER_FIELDS, settingSpec, realNamesText, SET_OPS, writeOpsOf } from './scenario/registry';
export type { Settings, PresetName, HintMode, SettingPath, SettingSpec, SettingType, RealNames, ClusterSpec, SetOp, ConflictResolution } from './scenario/registry';
export { parseDuration, formatDuration } from './core/duration';
export { DEFAULT_DC, DC_NAME_PATTERN } from './ring/topology';
export { VERBS, VERB_NAMES } from './scenario/nodetool';
export type { Verb, VerbSpec } from './scenario/nodetool';
export { commandAt, runUpTo } from './core/commandTime';

/**
 * Validates a scenario (object or JSON text) and builds its simulation. Throws ScenarioError. `events`: the events processed so far (the CLI's --max-events).
 */
export function createSimulation(scenario: unknown): Simulation & { exportScenario(): Scenario; readonly events: number } {
  return new Sim(parseScenario(scenario));
}

/** Runs a scenario to its `until` and returns the report. */
export function runScenario(scenario: unknown): ReturnType<Sim['report']> {
  const sim = new Sim(parseScenario(scenario));
  sim.advanceTo(sim.until);
  return sim.report();
}

/** The app's starting point: six nodes, Cassandra's defaults, no workload yet. */
export function defaultScenario(): Record<string, unknown> {
  return {
    format: 'hintscope/scenario@1',
    name: 'Six nodes, Cassandra defaults',
    description: 'A fresh cluster: turn on the workload, kill a replica, watch hints pile up and replay.',
    seed: 1,
    cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 8, replicationFactor: 3 },
    settings: { preset: 'cassandra' },
    workload: [],
    faults: [],
    until: '30d',
  };
}

/**
 * Rebuilds a session from its scenario and command log: every command is applied at the point it
 * was given, so the trace hash matches the original session's.
 */
export function replaySession(scenario: unknown, log: readonly LoggedCommand[], untilMs?: number): Simulation & { exportScenario(): Scenario } {
  const sim = new Sim(parseScenario(scenario));
  for (const { at, command } of log) {
    sim.advanceTo(runUpTo(at));
    sim.apply(command);
  }
  if (untilMs !== undefined) sim.advanceTo(untilMs);
  return sim;
}


/**
 * A simulation from a scenario and, optionally, a session's command log (untrusted: a file or a
 * link). The log is validated entry by entry; a bad entry throws a ScenarioError naming it.
 */
export function createSession(scenario: unknown, log?: unknown): Simulation & { exportScenario(): Scenario } {
  const parsed = parseScenario(scenario);
  if (log === undefined || log === null) return new Sim(parsed);
  if (!Array.isArray(log)) throw new ScenarioError('log', 'expected a list of commands');
  if (log.length > MAX_LOG_ENTRIES) throw new ScenarioError('log', `expected at most ${MAX_LOG_ENTRIES} commands`);
  const sim = new Sim(parsed);
  let last = 0;
  log.forEach((entry: unknown, i) => {
    const field = `log[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new ScenarioError(field, 'expected { at, command }');
    const { at, command } = entry as { at?: unknown; command?: unknown };
    if (typeof at !== 'number' || !Number.isFinite(at) || at < last || at > parsed.until) throw new ScenarioError(`${field}.at`, 'expected a time in ms, in order, within the scenario');
    if (typeof command !== 'object' || command === null || typeof (command as { type?: unknown }).type !== 'string') throw new ScenarioError(`${field}.command`, 'expected a command object');
    last = at;
    sim.advanceTo(runUpTo(at));
    try {
      sim.apply(command as LoggedCommand['command']);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(`${field}.command${e.field ? `.${e.field}` : ''}`, e.field ? e.message.slice(e.field.length + 2) : e.message);
      throw e;
    }
  });
  return sim;
}

export { checkLog, checkSessionWork, MAX_LOG_ENTRIES } from './scenario/session';
export type { WorkFields } from './scenario/session';
export { checkWork, estimateWork, MAX_WORK } from './scenario/cost';
export type { WorkCheck, WorkEstimate, WorkKind, WorkPart } from './scenario/cost';
export { startReplay } from './replay';
export type { Replay } from './replay';
export { takeCheckpoint, restoreCheckpoint, canCheckpoint, type Checkpoint } from './checkpoint';
export { CloneError } from './core/clone';
