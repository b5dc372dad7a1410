// Public types of the engine: what a simulation reports about itself.
// Pure data; the protocol re-exports them so the UI never reaches into engine internals.

import type { ConsistencyLevel } from './scenario/limits';

// The levels are written once, with the format's other bounds.
export type { ConsistencyLevel } from './scenario/limits';
export { CONSISTENCY_LEVELS } from './scenario/limits';

/**
 * A user action. Every command becomes a timestamped entry in the session's command log
 * (it maps 1:1 onto a scenario `faults` / `workload` entry), so (seed, scenario, log)
 * replays the session exactly.
 */
export type Command =
  | { type: 'kill'; node: string; wipe?: boolean }
  | { type: 'restart'; node: string }
  | { type: 'partition'; groups: string[][] }
  | { type: 'heal' }
  | { type: 'repair'; node: string }
  | { type: 'slow'; node: string; extraLatencyMs: number }
  /**
   * A write. On an OR-set cluster (`conflictResolution: "or-set"`) `op` says whether the value is
   * added to the key's set or removed from it (absent: add); elsewhere `op` is refused.
   */
  | { type: 'write'; key: string; value: string; consistency: ConsistencyLevel; coordinator?: string; op?: 'add' | 'remove' }
  | { type: 'read'; key: string; consistency: ConsistencyLevel; coordinator?: string }
  /** A delete: writes a tombstone (last-write-wins clusters only). */
  | { type: 'delete'; key: string; consistency: ConsistencyLevel; coordinator?: string }
  /** Starts (or retunes) the automatic workload; rate in operations per simulated second. */
  | { type: 'workload'; rate: number; keys: number; writeRatio: number; consistency: ConsistencyLevel }
  | { type: 'workloadStop' }
  /** Lose one message in flight (by MessageView.id). */
  | { type: 'dropMessage'; id: number }
  /** Hold one message in flight longer. */
  | { type: 'delayMessage'; id: number; byMs: number }
  /**
   * An operator's nodetool verb on one node, several or "*" (a state-changing verb; the console
   * prints the probes from the snapshot's `operator` view without a command).
   */
  | { type: 'nodetool'; verb: string; node: string | string[]; target?: string; hintReplayRate?: number; maxHintWindow?: string | number | null; dc?: string };

export type MessageKind =
  | 'mutation' | 'mutation-ack'
  | 'read' | 'read-response'
  | 'hint' | 'hint-ack'
  | 'gossip' | 'echo'
  | 'repair';

/** One message in flight, as drawn. Times are simulated milliseconds. */
export interface MessageView {
  id: number;
  kind: MessageKind;
  from: string;
  to: string;
  sentAt: number;
  deliverAt: number;
  /** Will be lost on arrival (drop, partition or dead target): drawn dying. */
  doomed: boolean;
  /**
   * Cross-DC forwarding: this copy of a write goes to a relay, which sends it on to these others
   * of its datacenter on arrival (absent on every other message).
   */
  forwardTo?: string[];
  /** A relay's onward copy of a write: its sender is the relay, not the coordinator. */
  relayed?: true;
}

export interface HintQueueView {
  holder: string;
  target: string;
  /** Pending hints (buffered + flushed), including ones in a page on the wire. */
  pending: number;
  /** Of which still in the memory buffer (lost if the holder crashes). */
  buffered: number;
  bytes: number;
  /** Creation time of the oldest pending hint, simulated ms, or null. */
  oldestCreatedAt: number | null;
  /** True while a dispatch (replay) to this target is running. */
  replaying: boolean;
  delivered: number;
  /** Hints the holder refused for this target (window, cap, disabled), and why the last one was. */
  refused?: number;
  lastRefusal?: string | null;
  /** Since when (simulated ms) the holder has believed the target down; null while it believes it up. */
  targetDownSince?: number | null;
}

export interface PeerBelief {
  peer: string;
  alive: boolean;
  phi: number;
  /** Simulated ms since the last newer heartbeat from this peer arrived (or null if never). */
  heartbeatAgeMs: number | null;
}

export interface NodeView {
  id: string;
  /** Ground truth: process running. */
  up: boolean;
  /** Accepting client requests (a restarted node waits for gossip to settle). */
  serving: boolean;
  /** Token positions on the ring as fractions 0..1 (clockwise from the top). */
  tokens: number[];
  keys: number;
  slowMs: number;
  /** This node's own view of its peers. */
  beliefs: PeerBelief[];
  /** Peers this node believes down (shortcut of beliefs). */
  believesDown: string[];
  /** Partition group index (0 when the network is whole). */
  group: number;
  /** Its datacenter, when the scenario names datacenters. */
  dc?: string;
}

export interface Counters {
  writesAttempted: number;
  writesAcknowledged: number;
  writesFailed: number;
  writesPending: number;
  readsAttempted: number;
  readsSucceeded: number;
  readsFailed: number;
  readsStale: number;
  readRepairs: number;
  hintsCreated: number;
  hintsDelivered: number;
  hintsExpired: number;
  hintsDropped: number;
  hintsLost: number;
  hintsPending: number;
  /** Anti-entropy sessions started, and those that failed (a message lost; repair.failed). */
  repairSessions: number;
  repairsFailed: number;
  messagesSent: number;
  messagesLost: number;
  events: number;
}

export type LogKind = 'fault' | 'write' | 'read' | 'hint' | 'gossip' | 'repair';

export interface LogEvent {
  /** Monotonic sequence number; gaps mean the UI's bounded buffer skipped some. */
  seq: number;
  at: number;
  kind: LogKind;
  node?: string;
  /** The key a write or read event is about. */
  key?: string;
  text: string;
  /** An operation of the automatic workload (the event log can hide them). */
  workload?: true;
}

/** Why a request failed or a hint went: coordinator/why.ts records them, Counters shows them. */
export type FailureCode =
  | 'write-coordinator' | 'write-unavailable' | 'write-timeout' | 'write-remove-unobserved'
  | 'read-coordinator' | 'read-unavailable' | 'read-timeout' | 'read-repair-timeout'
  | 'hint-disabled' | 'hint-window' | 'hint-persistent-window' | 'hint-cap'
  | 'hint-expired' | 'hint-lost' | 'hint-page-timeout';

export interface Failures {
  /** How many, per reason, since the run began. */
  counts: Partial<Record<FailureCode, number>>;
  /** The latest sentence of each reason: "Read k17 at QUORUM failed: D did not answer within read_request_timeout…". */
  last: Partial<Record<FailureCode, string>>;
}

/** What one probe printed: the node's state at that moment, for the console to format as nodetool. */
export interface ProbeRecord {
  /** Simulated ms. */
  at: number;
  node: string;
  verb: string;
  /** Down nodes refuse the connection: no view then. */
  up: boolean;
  view: OperatorView | null;
  beliefs: PeerBelief[];
}

/** One node's state as nodetool's probes print it (statushandoff, getmaxhintwindow, listpendinghints). */
export interface OperatorView {
  node: string;
  /** The storing switch (statushandoff prints it). */
  handoffEnabled: boolean;
  /** pausehandoff (statushandoff does not print it; the console shows it beside). */
  dispatchPaused: boolean;
  /** Stored hints wait unreplayed: handoff disabled where replayWhenDisabled is off. */
  replayHeld: boolean;
  /** disablegossip: out of gossip, believed down by those it told. */
  gossipOff: boolean;
  /** ms, or null = no window. */
  maxHintWindow: number | null;
  /** hints/s per target. */
  hintReplayRate: number;
  /** Targets with pending hints (the report's nodes.X.hintsPending), oldest and newest creation in simulated ms. */
  pending: { target: string; hints: number; oldest: number; newest: number; dc?: string }[];
  /** hinted_handoff_disabled_datacenters (statushandoff: "Data center X is disabled"); absent when none. */
  disabledDatacenters?: string[];
}

export interface Snapshot {
  /** Simulated time, ms. */
  now: number;
  nodes: NodeView[];
  messages: MessageView[];
  /** Messages in flight that were not included in `messages` (the view is capped). */
  messagesOmitted: number;
  hintQueues: HintQueueView[];
  counters: Counters;
  traceHash: string;
  /** Why requests failed and hints went (absent from frames made by hand in tests). */
  failures?: Failures;
  workload: { rate: number; keys: number; writeRatio: number; consistency: ConsistencyLevel } | null;
  /** Per node, what nodetool's probes would print now (absent from frames made before the console). */
  operator?: OperatorView[];
  /** What the scenario's read-only nodetool entries printed so far, at their times (run/probes.ts). */
  probes?: ProbeRecord[];
}

export interface ClusterInfo {
  name: string;
  seed: number;
  nodes: string[];
  replicationFactor: number;
  vnodes: number;
  hintMode: 'coordinator' | 'sloppy-quorum';
  preset: string;
  /** The effective settings, as the scenario format spells them (durations in ms). */
  settings: Record<string, unknown>;
  /** With cluster.datacenters only: each datacenter's name, replication factor and nodes (in `nodes` order), in file order. */
  datacenters?: { name: string; rf: number; nodes: string[] }[];
}


/** One entry of a session's command log: what a user did, and when (simulated ms). */
export interface LoggedCommand {
  at: number;
  command: Command;
}

/**
 * A running simulation. Created by `createSimulation(scenario)` from `src/engine/index.ts`.
 * Everything it does is a function of (scenario, seed, command log).
 */
export interface Simulation {
  /** Simulated time, ms (may be fractional: the clock counts microseconds). */
  readonly now: number;
  /** The scenario's `until`, ms. */
  readonly until: number;
  readonly info: ClusterInfo;
  /**
   * Processes events due at or before `ms` (then sets the clock to `ms`), stopping early
   * after `maxEvents`. Returns true when the clock reached `ms`.
   */
  advanceTo(ms: number, maxEvents?: number): boolean;
  /** Processes the next event (whatever its time). Returns false if the queue is empty. */
  step(): boolean;
  /** Applies a user command at the current time and records it in the command log. Throws on bad input. */
  apply(command: Command): void;
  snapshot(maxMessages?: number): Snapshot;
  /** Log events since the last call, at most `max`; `skipped` counts the ones dropped. */
  drainLog(max?: number): { events: LogEvent[]; skipped: number };
  readonly commandLog: readonly LoggedCommand[];
  /** The report of scenario-format.md, computed now. */
  report(): unknown;
  traceHash(): string;
  /** Everything about one key: its preference list, each replica's versions, the hints that carry it. */
  inspectKey(key: string): KeyInspection;
  /** A cheap-enough sample for charts over simulated time. */
  metrics(): MetricsSample;
}

export interface VersionView {
  value: string;
  /** Write timestamp, µs (Cassandra's writetime). */
  writetime: number;
  /** Vector clock, under vector-clock conflict resolution. */
  clock?: Record<string, number>;
  /**
   * Under the OR-set: what a read of this state returns (`value` shows it as "{a, b}"), the tags
   * of every add it has seen and the tags tombstoned by removes (ascending). A write's delta is a
   * state too: an add has one tag, a remove only tombstones.
   */
  set?: { elements: string[]; addTags: number[]; removedTags: number[] };
  /** A tombstone (a delete under last-write-wins): `value` is '' and means nothing. */
  tombstone?: true;
}

export interface KeyInspection {
  key: string;
  /** Cassandra Murmur3Partitioner token, as a decimal string. */
  token: string;
  /** Position on the ring as a fraction 0..1 (same as NodeView.tokens). */
  position: number;
  /** Every node in preference order; the first replicationFactor are the replicas. */
  preferenceList: { node: string; replica: boolean; up: boolean; versions: VersionView[] }[];
  hints: { holder: string; target: string; value: string; writetime: number; createdAt: number; flushed: boolean; tombstone?: true }[];
  /** The newest acknowledged write's value(s), or [] if none was acknowledged. */
  acknowledged: VersionView[];
  /**
   * The last read of this key that a user (or a lesson) made and that succeeded: who answered and
   * with what, so a check can see that a stand-in served it. Absent until there is one.
   */
  lastRead?: LastReadView;
  /** How the cluster merges concurrent writes (settings.conflictResolution); the engine always sets it. */
  conflictResolution?: 'lww' | 'vector-clock' | 'or-set';
}

/** Who answered a read, each node with the values it returned (a stand-in's include its hinted copies). */
export interface LastReadView {
  /** When the read returned, simulated ms. */
  at: number;
  level: ConsistencyLevel;
  coordinator: string;
  answers: { node: string; values: string[] }[];
}

export interface MetricsSample {
  now: number;
  writesAcknowledged: number;
  writesFailed: number;
  readsStale: number;
  hintsPending: number;
  pendingByTarget: Record<string, number>;
  /** Keys with an acknowledged write that some replica does not hold. */
  underReplicated: number;
  /** Acknowledged writes no replica and no live hint holds any more (the report's lostAcknowledgedWrites). */
  lostAcknowledgedWrites: number;
  /** With cluster.datacenters only: per DC, the report's replication.byDc underReplicated (the same rule over that DC's replicas). */
  underReplicatedByDc?: Record<string, number>;
  /** In a run with deletes only: the report's deletes.acknowledged, tombstones.purged and replication.resurrected. */
  deletesAcknowledged?: number;
  tombstonesPurged?: number;
  resurrected?: number;
}
