// The engine's values the page may use before the worker hears of anything: the scenario schema
// (to refuse bad input on the page), presets and durations. The UI reaches the engine only
// through the protocol, so this is the one door; it carries no simulation.
export { parseScenario, ScenarioError, defaultScenario, MAX_SCENARIO_BYTES, utf8Bytes, withoutBom, checkLog, checkReplayWork, PRESETS, REAL_NAMES, parseDuration, formatDuration } from '../engine';
export type { Scenario, Settings, PresetName } from '../engine';
