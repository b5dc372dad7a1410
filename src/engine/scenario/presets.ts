// The per-system defaults of fidelity.md's preset table. Explicit settings override them.

export type PresetName = 'cassandra' | 'scylla' | 'dynamo' | 'riak';
export type HintMode = 'coordinator' | 'sloppy-quorum';

export interface Settings {
  preset: PresetName;
  hintMode: HintMode;
  strictQuorum: boolean;
  hintedHandoffEnabled: boolean;
  /** ms, or null = no window. */
  maxHintWindow: number | null;
  persistentHintWindow: boolean;
  /** ms, or null = no TTL. */
  hintTtl: number | null;
  hintFlushPeriod: number;
  hintOnTimeout: 'always' | 'if-level-met';
  maxHintsPerHost: number;
  hintReplayRate: number;
  writeTimeout: number;
  readTimeout: number;
  gossipInterval: number;
  phiConvictThreshold: number;
  latency: { median: number; p99: number };
  dropRate: number;
  readRepair: boolean;
  antiEntropyInterval: number | null;
  merkleDepth: number;
  conflictResolution: 'lww' | 'vector-clock';
}

const H = 3_600_000;
const D = 86_400_000;

const COMMON: Omit<Settings, 'preset' | 'hintMode' | 'maxHintWindow' | 'persistentHintWindow' | 'hintTtl' | 'hintFlushPeriod' | 'hintOnTimeout' | 'conflictResolution'> = {
  strictQuorum: false,
  hintedHandoffEnabled: true,
  maxHintsPerHost: 1_000_000,
  hintReplayRate: 1000,
  writeTimeout: 2000,
  readTimeout: 5000,
  gossipInterval: 1000,
  phiConvictThreshold: 8,
  latency: { median: 5, p99: 40 },
  dropRate: 0,
  readRepair: true,
  antiEntropyInterval: null,
  merkleDepth: 10,
};

export const PRESETS: Record<PresetName, Settings> = {
  cassandra: {
    ...COMMON, preset: 'cassandra', hintMode: 'coordinator', maxHintWindow: 3 * H, persistentHintWindow: true,
    hintTtl: 10 * D, hintFlushPeriod: 10_000, hintOnTimeout: 'always', conflictResolution: 'lww',
  },
  scylla: {
    ...COMMON, preset: 'scylla', hintMode: 'coordinator', maxHintWindow: 3 * H, persistentHintWindow: false,
    hintTtl: 10 * D, hintFlushPeriod: 10_000, hintOnTimeout: 'if-level-met', conflictResolution: 'lww',
  },
  dynamo: {
    ...COMMON, preset: 'dynamo', hintMode: 'sloppy-quorum', maxHintWindow: null, persistentHintWindow: false,
    hintTtl: null, hintFlushPeriod: 0, hintOnTimeout: 'always', conflictResolution: 'vector-clock',
  },
  riak: {
    ...COMMON, preset: 'riak', hintMode: 'sloppy-quorum', maxHintWindow: null, persistentHintWindow: false,
    hintTtl: null, hintFlushPeriod: 0, hintOnTimeout: 'always', conflictResolution: 'vector-clock',
  },
};

/** Where our names meet the real systems' (shown beside each other in the UI). */
export const REAL_NAMES: Partial<Record<keyof Settings, string>> = {
  hintedHandoffEnabled: 'hinted_handoff_enabled',
  maxHintWindow: 'max_hint_window (max_hint_window_in_ms)',
  persistentHintWindow: 'hint_window_persistent_enabled',
  hintTtl: 'gc_grace_seconds (min of the table)',
  hintFlushPeriod: 'hints_flush_period',
  maxHintsPerHost: 'max_hints_size_per_host',
  hintReplayRate: 'hinted_handoff_throttle',
  writeTimeout: 'write_request_timeout',
  readTimeout: 'read_request_timeout',
  gossipInterval: 'Gossiper interval (1 s)',
  phiConvictThreshold: 'phi_convict_threshold',
  readRepair: 'read_repair (BLOCKING)',
  antiEntropyInterval: 'nodetool repair schedule',
  merkleDepth: 'repair Merkle tree depth',
  strictQuorum: "Riak PW (primary write quorum)",
  conflictResolution: 'LWW timestamps / vector clocks',
};
