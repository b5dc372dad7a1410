// The engine's values the page may use before the worker hears of anything: the scenario schema
// (to refuse bad input on the page), presets, the settings registry, the format's limits and
// durations. The UI reaches the engine only through the protocol, so this is the one door; it
// carries no simulation.
export { parseScenario, ScenarioError, defaultScenario, utf8Bytes, withoutBom, checkLog, checkSessionWork, MAX_WORK, PRESETS, parseDuration, formatDuration } from '../engine';
export { SETTINGS, SETTING_PATHS, PRESET_NAMES, SYSTEM_TITLES, CLUSTER_FIELDS, settingSpec, realNamesText, SET_OPS, writeOpsOf } from '../engine';
export { VERBS, VERB_NAMES, DEFAULT_DC, DC_NAME_PATTERN } from '../engine';
export type { Verb, VerbSpec } from '../engine';
export {
  MAX_SCENARIO_BYTES, MAX_KEY_LENGTH, MAX_VALUE_LENGTH, MAX_NODES, MAX_VNODES, NODE_NAME_PATTERN, NODE_NAME_RULE,
  MAX_GENERATOR_RATE, MAX_GENERATOR_KEYS, DEFAULT_GENERATOR_KEYS, DEFAULT_LEVEL, READ_LEVELS,
} from '../engine';
export type { Scenario, Settings, PresetName, HintMode, SettingPath, SettingSpec, SettingType, RealNames, ClusterSpec, SetOp } from '../engine';
