// The per-system defaults of fidelity.md's preset table, read from the settings registry (one entry
// per setting, its default for each system). Explicit settings override them.
import { PRESET_NAMES, presetSettings, type PresetName, type Settings } from './registry';

export type { HintMode, PresetName, Settings } from './registry';

export const PRESETS: Readonly<Record<PresetName, Settings>> = Object.fromEntries(PRESET_NAMES.map((p) => [p, presetSettings(p)])) as Record<PresetName, Settings>;
