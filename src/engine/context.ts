// What the protocol subsystems (gossip/, coordinator/, hints/, repair/) see of the simulation: the
// clock, the event queue, the network, the log and counters, the settings and the random streams,
// and the few pieces of cluster state they act on. The Sim implements it; a subsystem never
// imports the Sim. SimState adds what the simulation's own parts (run/, check/) read besides.
import type { LogKind, ProbeRecord } from './api';
import type { AckLog } from './check/ackLog';
import type { WriteHandler } from './coordinator/types';
import type { Why } from './coordinator/why';
import type { SimEvent } from './core/events';
import type { LazyText } from './core/log';
import type { Prng } from './core/prng';
import type { KeyInfo } from './keys/keys';
import type { Network } from './net/network';
import type { Messages, NodeState } from './node/types';
import type { Version } from './node/versions';
import type { TombstoneState } from './node/tombstones';
import type { Ring } from './ring/ring';
import type { Topology } from './ring/topology';
import type { Settings } from './scenario/presets';
import type { Level, Scenario } from './scenario/schema';

export interface Stats {
  writesAttempted: number; writesAcknowledged: number; writesFailed: number; writesUnavailable: number;
  readsAttempted: number; readsSucceeded: number; readsFailed: number; readsStale: number; readRepairs: number;
  hintsCreated: number; hintsDelivered: number; hintsExpired: number; hintsDropped: number; hintsLost: number; hintsTruncated: number;
  /** Deletes, also counted in writes* (the report's writes exclude them). */
  deletesAttempted: number; deletesAcknowledged: number; deletesFailed: number;
  repairSessions: number; leavesCompared: number; leavesDiffering: number; keysStreamed: number; repairsFailed: number;
  messagesSent: number; messagesLost: number;
  /** Messages carrying a mutation (each hint of a page counted) sent between datacenters. */
  interDcMutations: number;
}

/** One stream per concern, so a change in one (more gossip) leaves the others' draws unchanged. */
export interface Streams {
  readonly net: Prng;
  readonly workload: Prng;
  readonly gossip: Prng;
}

/** A hint page on the wire: who sent it, for whom. */
export interface PageRef {
  holder: number;
  target: number;
}

export interface EngineContext {
  /** Simulated time, µs. */
  readonly nowUs: number;
  readonly settings: Settings;
  readonly stats: Stats;
  readonly rng: Streams;
  /** The replication factor. */
  readonly rf: number;
  readonly nodes: readonly NodeState[];
  readonly ring: Ring;
  /** Each node's datacenter and each DC's RF (one DC, datacenter1, unless the scenario names them). */
  readonly topology: Topology;
  /** Gossip seeds (node indexes). */
  readonly seeds: ReadonlySet<number>;
  /** Hint pages on the wire, by page id. */
  readonly pages: Map<number, PageRef>;
  /** The last write timestamp given out (µs × 1000): timestamps strictly increase. */
  lastWriteTs: number;
  /** Purged tombstones and repaired ranges (node/tombstones.ts; run/compaction.ts). */
  readonly tombstones: TombstoneState;

  /** ms → µs. */
  us(ms: number): number;
  /** A fresh id (writes, reads, pages, hints, repair sessions and messages share one counter). */
  newId(): number;
  /**
   * Queues an event. `ref`: the object the event acts on, where it has one (a read's handler for
   * its timeouts). `recycle`: an event just processed and referenced nowhere else, to carry this one.
   */
  schedule(t: number, k: number, n: number, e: number, x: number, p?: number, ref?: unknown, recycle?: SimEvent | null): SimEvent;
  /** Every event still queued (heap order). */
  pendingEvents(): readonly SimEvent[];
  /** Sends a message (net/network.ts): `inReplyTo` lends its object, `flag` rides on the event. */
  send<K extends keyof Messages>(from: number, to: number, kind: K, body: Messages[K], inReplyTo?: SimEvent | null, flag?: number): void;
  /** Logs an event; `workload`: an operation of the automatic workload. */
  note(kind: LogKind, text: LazyText, node?: number, key?: string, workload?: boolean): void;
  /** Why requests failed and hints went (coordinator/why.ts): metadata, read by nothing that decides. */
  readonly why: Why;

  /** A node went down, came up or began serving. */
  servingChanged(): void;
  keyInfo(key: string): KeyInfo;
  recordAck(info: KeyInfo, v: Version): void;

  /** A write's deadline (writeTimeout from now; coordinator/deadlines.ts). */
  armDeadline(h: WriteHandler): void;
  /** A write finished: its deadline no longer needs it. */
  releaseWrite(h: WriteHandler): void;
  /** Every live write, in deadline order. */
  liveWrites(): WriteHandler[];
}

/** The whole simulation as its own parts (faults, workload, the views of check/) read it. */
export interface SimState extends EngineContext {
  readonly sc: Scenario;
  readonly byName: ReadonlyMap<string, number>;
  readonly nodes: NodeState[];
  readonly keys: ReadonlyMap<string, KeyInfo>;
  readonly ackLog: AckLog;
  readonly net: Network<Messages, NodeState>;
  /** Events processed. */
  readonly events: number;
  /** Simulated time, ms. */
  readonly now: number;
  /** Per node: its disk was wiped by the last crash (restart then knows only its seeds). */
  readonly wiped: boolean[];
  /** What the scenario's probes printed so far (run/probes.ts): not in the trace or the report. */
  readonly probeLog: readonly ProbeRecord[];
  /** A random node up and serving (in datacenter `dc` when given), or the named one; -1 if none. */
  pickCoordinator(named: string | undefined, dc?: string): number;
  /** Starts a node's gossip and hint timers (`initial`: phases drawn at random at time 0). */
  startTimers(node: NodeState, initial: boolean): void;
  traceHash(): string;
  /** The user's running workload generator, as the UI shows it; null if none. */
  userWorkload(): { rate: number; keys: number; writeRatio: number; consistency: Level } | null;
}
