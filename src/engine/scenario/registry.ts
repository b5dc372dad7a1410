// pure: every scenario setting once — its type and unit, bounds, default per preset (fidelity.md's
// preset table), its name in the real systems and why it matters. The schema, the presets, the
// settings form, the readout, Compare and the lessons read it here; nothing else spells them.
import { DEFAULT_REPLICATION_FACTOR, DEFAULT_VNODES, MAX_DURATION_MS, MAX_NODES, MAX_VNODES } from './limits';
import { DEFAULT_DC, MAX_DATACENTERS } from '../ring/topology';

export const PRESET_NAMES = ['cassandra', 'scylla', 'dynamo', 'riak'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
export type HintMode = 'coordinator' | 'sloppy-quorum';

/** The systems a preset stands for, as their own documentation writes them. */
export const SYSTEM_TITLES: Record<PresetName, string> = { cassandra: 'Cassandra', scylla: 'ScyllaDB', dynamo: 'Dynamo', riak: 'Riak' };

export interface Settings {
  preset: PresetName;
  hintMode: HintMode;
  strictQuorum: boolean;
  /** true, false, or the DCs whose nodes may be hinted (ScyllaDB's list form). */
  hintedHandoffEnabled: boolean | readonly string[];
  /** DCs whose nodes are never hinted (Cassandra's hinted_handoff_disabled_datacenters). */
  hintedHandoffDisabledDatacenters: readonly string[];
  /** Whether a node replays stored hints for a target it may not hint now (handoff disabled at run time). */
  replayWhenDisabled: boolean;
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
  /** Between datacenters; `latency` stays within one. */
  interDcLatency: { median: number; p99: number };
  dropRate: number;
  readRepair: boolean;
  antiEntropyInterval: number | null;
  merkleDepth: number;
  conflictResolution: ConflictResolution;
  /** ms: how old a tombstone must be before compaction may purge it (tombstoneGc "timeout"). */
  gcGrace: number;
  tombstoneGc: TombstoneGc;
  /** ms: under tombstoneGc "repair", how long after a delete a repair must start to make it purgeable. */
  propagationDelay: number;
  /** ms: every node that is up compacts at each multiple of it (only in runs with deletes). */
  compactionInterval: number;
}

/** When compaction may purge a tombstone: ScyllaDB's tombstone_gc modes (Cassandra has only "timeout"). */
export type TombstoneGc = 'timeout' | 'repair' | 'immediate' | 'disabled';
export const TOMBSTONE_GC_MODES: readonly TombstoneGc[] = ['timeout', 'repair', 'immediate', 'disabled'];

/** How replicas merge concurrent writes of one key. */
export type ConflictResolution = 'lww' | 'vector-clock' | 'or-set';
export const CONFLICT_RESOLUTIONS: readonly ConflictResolution[] = ['lww', 'vector-clock', 'or-set'];

/** An OR-set write's operation: add or remove its value as an element. */
export const SET_OPS = ['add', 'remove'] as const;
export type SetOp = (typeof SET_OPS)[number];

/** The operations a write takes under a conflict resolution: add / remove under the OR-set, none (a plain value) elsewhere. */
export function writeOpsOf(conflictResolution: unknown): readonly SetOp[] {
  return conflictResolution === 'or-set' ? SET_OPS : [];
}

/** The settings that nest two durations: `latency.median` and `latency.p99`, and the same between DCs. */
export type NestedSetting = 'latency' | 'interDcLatency';
/** A setting's place under `settings`: the nested latency is two settings, `latency.median` and `latency.p99`. */
export type SettingPath = Exclude<keyof Settings, NestedSetting> | `${NestedSetting}.${keyof Settings['latency']}`;
export type SettingValue<P extends SettingPath> = P extends `${NestedSetting}.${infer K extends keyof Settings['latency']}`
  ? Settings['latency'][K]
  : P extends keyof Settings ? Settings[P] : never;

/** Durations are ms in the engine and typed as "3h" in files and forms. */
export type SettingType = 'choice' | 'bool' | 'duration' | 'optionalDuration' | 'number' | 'integer' | 'dcList';

/** The real systems' own name for a setting, one per system, where the system has one. */
export type RealNames = Partial<Record<PresetName, string>>;

export interface SettingSpec<T> {
  type: SettingType;
  /** The unit of the engine's value ("ms" for every duration). */
  unit?: string;
  /** Inclusive bounds, unless `aboveMin` (then the value must be > min). */
  min?: number;
  max?: number;
  aboveMin?: boolean;
  /** Why a duration has a floor above 0: the end of its error message. */
  floorWhy?: string;
  /** What a number is called in an error: "expected a rate > 0". */
  noun?: string;
  options?: readonly string[];
  /** A choice setting's options in words: what each is called in real systems and why pick it. */
  optionNotes?: Readonly<Record<string, string>>;
  /** What null (an empty field) means, for the settings that may be null. */
  nullMeans?: string;
  defaults: Readonly<Record<PresetName, T>>;
  real: RealNames;
  /** One line: what it changes. */
  why: string;
  /** Used only in this hint mode (the other ignores it). */
  mode?: HintMode;
  /** A bool that may also be a list of datacenter names (ScyllaDB's hinted_handoff_enabled). */
  orDcList?: boolean;
  /** Only means something with cluster.datacenters (forms may leave it out). */
  datacenters?: boolean;
}

const H = 3_600_000;
const D = 86_400_000;
const every = <T>(v: T): Record<PresetName, T> => ({ cassandra: v, scylla: v, dynamo: v, riak: v });
/** Cassandra and ScyllaDB (coordinator hints) share one default, Dynamo and Riak (sloppy quorum) another. */
const byFamily = <T>(coordinator: T, sloppy: T): Record<PresetName, T> => ({ cassandra: coordinator, scylla: coordinator, dynamo: sloppy, riak: sloppy });
const DURATION = { type: 'duration', unit: 'ms', min: 0, max: MAX_DURATION_MS } as const;
const OPTIONAL_DURATION = { type: 'optionalDuration', unit: 'ms', min: 0, max: MAX_DURATION_MS } as const;
/** The floors of periodic work (scenario-format.md, Bounds): finer is no teaching case, and would let a 200-byte link run for hours. */
const PERIODIC = 'periodic work at a finer grain is no teaching case and would let a 200-byte link run for hours';

/** In schema order: zod reports the first bad setting in this order. */
export const SETTINGS: { readonly [P in SettingPath]: SettingSpec<SettingValue<P>> } = {
  preset: {
    type: 'choice', options: PRESET_NAMES, defaults: { cassandra: 'cassandra', scylla: 'scylla', dynamo: 'dynamo', riak: 'riak' }, real: {},
    why: 'Fills every other setting with that system’s defaults.',
  },
  hintMode: {
    type: 'choice', options: ['coordinator', 'sloppy-quorum'], defaults: byFamily<HintMode>('coordinator', 'sloppy-quorum'), real: {},
    why: 'Who keeps the missed write: the coordinator (a hint) or the next healthy node (a real stand-in copy).',
  },
  strictQuorum: {
    type: 'bool', mode: 'sloppy-quorum', defaults: every(false), real: { riak: 'pw' },
    why: 'On: only the key’s own replicas count toward the level; a stand-in’s ack does not.',
  },
  hintedHandoffEnabled: {
    type: 'bool', orDcList: true, defaults: every<boolean | readonly string[]>(true), real: { cassandra: 'hinted_handoff_enabled', scylla: 'hinted_handoff_enabled' },
    why: 'Off: a missed replica gets nothing until repair. A list of datacenters (ScyllaDB): hint only replicas in those.',
  },
  hintedHandoffDisabledDatacenters: {
    type: 'dcList', datacenters: true, defaults: every<readonly string[]>([]), real: { cassandra: 'hinted_handoff_disabled_datacenters' },
    why: 'Replicas in these datacenters are never hinted (nodetool disablehintsfordc adds one at run time).',
  },
  replayWhenDisabled: {
    type: 'bool', defaults: { cassandra: true, scylla: false, dynamo: true, riak: true }, real: {},
    why: 'On: hints already stored are still replayed after nodetool disablehandoff (Cassandra); off: they wait until hinting is enabled again (ScyllaDB).',
  },
  maxHintWindow: {
    ...OPTIONAL_DURATION, nullMeans: 'none', defaults: byFamily<number | null>(3 * H, null),
    real: { cassandra: 'max_hint_window', scylla: 'max_hint_window_in_ms' },
    why: 'Stop hinting a node that has been down longer than this; empty = no window.',
  },
  persistentHintWindow: {
    type: 'bool', mode: 'coordinator', defaults: { cassandra: true, scylla: false, dynamo: false, riak: false },
    real: { cassandra: 'hint_window_persistent_enabled' },
    why: 'Also refuse when the oldest pending hint is older than the window, so restarts do not reset it.',
  },
  hintTtl: {
    // Cassandra and ScyllaDB: gcGrace unless the scenario sets it (scenario/schema.ts settingsOf).
    ...OPTIONAL_DURATION, nullMeans: 'none', defaults: byFamily<number | null>(10 * D, null),
    real: { cassandra: 'gc_grace_seconds', scylla: 'gc_grace_seconds' },
    why: 'A hint older than this is thrown away, never replayed; empty = never expires.',
  },
  hintFlushPeriod: {
    ...DURATION, defaults: byFamily(10_000, 0), real: { cassandra: 'hints_flush_period' },
    why: 'New hints wait in memory this long before reaching disk; a crash loses them. 0 = write-through.',
  },
  hintOnTimeout: {
    type: 'choice', options: ['always', 'if-level-met'], mode: 'coordinator',
    defaults: { cassandra: 'always', scylla: 'if-level-met', dynamo: 'always', riak: 'always' }, real: {},
    why: 'Hint a replica that timed out always (Cassandra), or only when the write still met its level (ScyllaDB).',
  },
  maxHintsPerHost: {
    type: 'integer', unit: 'hints', min: 0, max: Number.MAX_SAFE_INTEGER, defaults: every(1_000_000),
    real: { cassandra: 'max_hints_size_per_host' },
    why: 'Drop new hints once a holder keeps this many for one target (Cassandra bounds bytes, off by default).',
  },
  hintReplayRate: {
    type: 'number', unit: 'hints/s', min: 0, aboveMin: true, max: Number.MAX_VALUE, noun: 'a rate', defaults: every(1000),
    real: { cassandra: 'hinted_handoff_throttle' },
    why: 'How fast one holder replays to one target once it sees it up (the throttle; Cassandra’s is KiB/s ÷ (nodes − 1)).',
  },
  writeTimeout: {
    ...DURATION, defaults: every(2000), real: { cassandra: 'write_request_timeout', scylla: 'write_request_timeout_in_ms' },
    why: 'How long a coordinator waits for a replica’s ack before it gives up (and hints it).',
  },
  readTimeout: {
    ...DURATION, defaults: every(5000), real: { cassandra: 'read_request_timeout', scylla: 'read_request_timeout_in_ms' },
    why: 'How long a read waits for replicas before it fails.',
  },
  gossipInterval: {
    ...DURATION, min: 100, floorWhy: PERIODIC, defaults: every(1000), real: {},
    why: 'How often each node sends its heartbeat gossip (fixed at 1 s in Cassandra’s Gossiper).',
  },
  phiConvictThreshold: {
    type: 'number', min: 0, aboveMin: true, max: 100, noun: 'a number', defaults: every(8),
    real: { cassandra: 'phi_convict_threshold', scylla: 'phi_convict_threshold' },
    why: 'Suspicion level at which a node decides a silent peer is down: higher = slower, surer.',
  },
  'latency.median': { ...DURATION, defaults: every(5), real: {}, why: 'Typical one-way delay of a message.' },
  'latency.p99': { ...DURATION, defaults: every(40), real: {}, why: 'The slow tail: 1 message in 100 takes at least this long.' },
  // No source gives a default: 50 / 150 ms is a typical cross-region link (an open choice).
  'interDcLatency.median': { ...DURATION, datacenters: true, defaults: every(50), real: {}, why: 'Typical one-way delay of a message between datacenters.' },
  'interDcLatency.p99': { ...DURATION, datacenters: true, defaults: every(150), real: {}, why: 'The slow tail between datacenters.' },
  dropRate: {
    type: 'number', min: 0, max: 1, noun: 'a probability', defaults: every(0), real: {},
    why: 'Probability (0..1) that any one message is lost.',
  },
  readRepair: {
    type: 'bool', defaults: every(true), real: { cassandra: 'read_repair', scylla: 'read_repair_chance' },
    why: 'A read that finds a stale replica writes the newest value back to it.',
  },
  antiEntropyInterval: {
    ...OPTIONAL_DURATION, min: 60_000, floorWhy: PERIODIC, nullMeans: 'on demand', defaults: every<number | null>(null),
    real: { cassandra: 'nodetool repair', scylla: 'nodetool repair', riak: 'anti_entropy' },
    why: 'Every node repairs its ranges this often; empty = only when you ask.',
  },
  merkleDepth: {
    type: 'integer', min: 1, max: 16, defaults: every(10), real: {},
    why: 'Leaves per range = 2^depth: deeper trees stream fewer needless keys.',
  },
  conflictResolution: {
    type: 'choice', options: CONFLICT_RESOLUTIONS, defaults: byFamily<ConflictResolution>('lww', 'vector-clock'),
    real: { riak: 'allow_mult' },
    why: 'Last write wins by timestamp, keep concurrent versions as siblings, or merge a set CRDT (add/remove writes).',
    optionNotes: {
      lww: 'Cassandra and ScyllaDB cells; Riak allow_mult = false. The newest timestamp wins: a concurrent write is silently lost.',
      'vector-clock': 'Dynamo, Riak allow_mult = true. Concurrent versions are kept as siblings for the client to reconcile.',
      'or-set': 'Riak’s set data type (riak_dt orswot), Redis Enterprise CRDB sets, Akka Distributed Data ORSet. Writes add or remove an element; replicas merge by the CRDT join, so a removed element stays removed and concurrent adds are all kept.',
    },
  },
  gcGrace: {
    ...DURATION, defaults: every(10 * D), real: { cassandra: 'gc_grace_seconds', scylla: 'gc_grace_seconds' },
    why: 'A tombstone younger than this is kept by compaction; a replica that misses a delete for longer can bring the value back. Also the default hint TTL.',
  },
  tombstoneGc: {
    type: 'choice', options: TOMBSTONE_GC_MODES, defaults: every<TombstoneGc>('timeout'), real: { scylla: 'tombstone_gc' },
    why: 'When compaction may purge a tombstone: after gcGrace, after a repair of its range, at once, or never.',
    optionNotes: {
      timeout: 'Cassandra, and ScyllaDB’s tombstone_gc = {\'mode\': \'timeout\'}: purgeable once older than gc_grace_seconds.',
      repair: 'ScyllaDB’s repair mode: purgeable once a repair in which every replica of its range took part started at least propagationDelay after the delete.',
      immediate: 'ScyllaDB’s immediate mode: purged at the next compaction (safe only with RF 1, or data never deleted twice).',
      disabled: 'ScyllaDB’s disabled mode: never purged.',
    },
  },
  propagationDelay: {
    ...DURATION, defaults: every(H), real: { scylla: 'propagation_delay_in_seconds' },
    why: 'Under tombstoneGc "repair": how long a delete may take to reach every replica; only a repair started that long after it makes it purgeable.',
  },
  compactionInterval: {
    ...DURATION, aboveMin: true, defaults: every(H), real: {},
    why: 'Every node that is up compacts this often, purging the tombstones it may (real compaction is driven by data size; runs without deletes have none).',
  },
};

export const SETTING_PATHS = Object.keys(SETTINGS) as SettingPath[];

/** One setting's entry; undefined for a path that is no setting. */
export function settingSpec(path: string): SettingSpec<unknown> | undefined {
  return Object.prototype.hasOwnProperty.call(SETTINGS, path) ? (SETTINGS[path as SettingPath] as SettingSpec<unknown>) : undefined;
}

/** A preset's settings: every registry default of that system, in registry order. */
export function presetSettings(preset: PresetName): Settings {
  const out: Record<string, unknown> = {};
  for (const path of SETTING_PATHS) {
    const value = SETTINGS[path].defaults[preset];
    const [head, leaf] = path.split('.') as [string, string | undefined];
    if (leaf === undefined) out[head] = value;
    else out[head] = { ...(out[head] as object | undefined), [leaf]: value };
  }
  return out as unknown as Settings;
}

/** "Cassandra max_hint_window · ScyllaDB max_hint_window_in_ms"; "" when no system has one. */
export function realNamesText(real: RealNames): string {
  return PRESET_NAMES.filter((p) => real[p] !== undefined).map((p) => `${SYSTEM_TITLES[p]} ${real[p]!}`).join(' · ');
}

/** The scenario's cluster fields (not per preset): their real names and bounds. */
export interface ClusterSpec {
  type: 'integer' | 'nodes' | 'datacenters';
  min: number;
  max: number;
  /** The default when a scenario names none. */
  byDefault: string;
  real: RealNames;
  why: string;
}

export const CLUSTER_FIELDS: Readonly<Record<'nodes' | 'vnodes' | 'replicationFactor' | 'datacenters', ClusterSpec>> = {
  nodes: {
    type: 'nodes', min: 1, max: MAX_NODES, byDefault: 'A..F', real: {},
    why: 'A count (named n1..nN) or names separated by commas: A, B, C.',
  },
  vnodes: {
    type: 'integer', min: 1, max: MAX_VNODES, byDefault: String(DEFAULT_VNODES), real: { cassandra: 'num_tokens', scylla: 'num_tokens' },
    why: 'Tokens per node: more tokens spread each node’s ranges more evenly.',
  },
  replicationFactor: {
    type: 'integer', min: 1, max: MAX_NODES, byDefault: `${DEFAULT_REPLICATION_FACTOR}, or every node of a smaller cluster`,
    real: { cassandra: 'replication_factor', scylla: 'replication_factor', dynamo: 'N', riak: 'n_val' },
    why: 'How many nodes keep a copy of each key.',
  },
  datacenters: {
    type: 'datacenters', min: 1, max: MAX_DATACENTERS, byDefault: `one, ${DEFAULT_DC}`,
    real: { cassandra: 'NetworkTopologyStrategy', scylla: 'NetworkTopologyStrategy' },
    why: 'Which nodes share a datacenter, and the replication factor in each: replicas are placed per datacenter, and LOCAL_ levels count only the coordinator’s own.',
  },
};
