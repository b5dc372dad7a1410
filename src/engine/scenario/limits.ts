// pure: the bounds of scenario-format.md ("Bounds") and the consistency levels, written once. The
// schema, the command checks, the worker and the page's forms all read them here, so a form never
// allows what the engine refuses (or refuses what it allows).

/**
 * The consistency levels of the format, weakest first; then the datacenter levels (Cassandra's
 * LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM), which with one datacenter mean ONE, QUORUM, QUORUM.
 */
export const CONSISTENCY_LEVELS = ['ANY', 'ONE', 'TWO', 'THREE', 'QUORUM', 'ALL', 'LOCAL_ONE', 'LOCAL_QUORUM', 'EACH_QUORUM'] as const;
export type ConsistencyLevel = (typeof CONSISTENCY_LEVELS)[number];
/** A read needs a replica's answer, so ANY (a stored hint alone) is for writes only. */
export const READ_LEVELS: readonly Exclude<ConsistencyLevel, 'ANY'>[] = CONSISTENCY_LEVELS.filter((l): l is Exclude<ConsistencyLevel, 'ANY'> => l !== 'ANY');
/** An operation that names no level (the format's default). */
export const DEFAULT_LEVEL: ConsistencyLevel = 'QUORUM';

/** A key, in UTF-16 code units (JavaScript's `length`). */
export const MAX_KEY_LENGTH = 256;
/** A written value, in UTF-16 code units. */
export const MAX_VALUE_LENGTH = 4096;

/** A node name: 1..16 of these characters (case-sensitive). */
export const NODE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
export const MAX_NODE_NAME_LENGTH = 16;
/** The node name rule in words, as error messages show it. */
export const NODE_NAME_RULE = `1..${MAX_NODE_NAME_LENGTH} characters [A-Za-z0-9_-]`;

/** Nodes in a cluster; also the most tokens per node, the largest RF and partition groups. */
export const MAX_NODES = 256;
export const MAX_VNODES = 256;
/** Tokens per node when a scenario names none (Cassandra 4.0's default num_tokens). */
export const DEFAULT_VNODES = 16;
/** Replication factor when a scenario names none (capped at the cluster's size). */
export const DEFAULT_REPLICATION_FACTOR = 3;

/** Every duration, and `until`: 30 days. */
export const MAX_DURATION_MS = 30 * 86_400_000;
/** A scenario file or object, in UTF-8 bytes. */
export const MAX_SCENARIO_BYTES = 1_000_000;
/** Workload entries, and faults, per scenario. */
export const MAX_ENTRIES = 10_000;
export const MAX_NAME_LENGTH = 120;
export const MAX_DESCRIPTION_LENGTH = 20_000;

/** A workload generator's operations per simulated second (> 0). */
export const MAX_GENERATOR_RATE = 100_000;
/** A generator's distinct keys (k0..k<keys-1>). */
export const MAX_GENERATOR_KEYS = 10_000_000;
/** A generator's keys when it names none. */
export const DEFAULT_GENERATOR_KEYS = 1000;
