// The state the engine keeps, per node and per message. Plain data; behaviour lives in the subsystems.
import type { MessageKind } from '../api';
import type { SimEvent } from '../core/events';
import type { ArrivalWindow } from '../gossip/arrivalWindow';
import type { Version, VersionSlot } from './versions';
import type { ReadHandler, WriteHandler } from '../coordinator/types';
import type { KeyInfo } from '../keys/keys';
import type { RangeSnapshot } from '../repair/merkle';
import type { RepairSession } from '../repair/session';
import type { OperatorState } from './operator';

export interface Hint {
  id: number;
  /** Node index the mutation is meant for. */
  target: number;
  key: string;
  /** Where the key's versions live (its replicas' copies): replay applies without a key lookup. */
  slot: VersionSlot;
  v: Version;
  /** µs. The hint sits in the holder's memory buffer until createdAt + hintFlushPeriod (hints.ts isBuffered). */
  createdAt: number;
  /** Written out ahead of its flush instant (drain flushes the buffer); absent for every other hint. */
  flushed?: true;
}

/** One holder's hints for one target, oldest first. */
export interface HintQueue {
  target: number;
  hints: Hint[];
  delivered: number;
  /** The page on the wire, if a dispatch is running. */
  page: { id: number; count: number; sentAt: number } | null;
  dispatching: boolean;
  /** Earliest µs the next page may go (the throttle). */
  nextPageAt: number;
  /**
   * Why the last hint offered was refused (null: stored), so a run of refusals is logged once.
   * Kept here rather than in a side table: the queue is the simulation's state, and copies with it.
   */
  lastRefusal: string | null;
  /** Hints refused by the hint policy for this target (metadata: the hint queues panel shows it). */
  refused: number;
  /**
   * hints/s of the running dispatch when its holder's throttle was set by nodetool (a dispatch keeps
   * the rate it started with, as Cassandra's RateLimiter is built in the task's constructor).
   */
  rate?: number;
}

/** What one node believes about one peer (its own failure-detector view). */
export interface PeerView {
  /** Heartbeat generation and version last seen; gen -1 = nothing heard since (re)start. */
  gen: number;
  ver: number;
  alive: boolean;
  /** µs when this node convicted the peer (for the hint window); valid while !alive. */
  downSince: number;
  window: ArrivalWindow;
  /** Heard any gossip about it since this node (re)started. */
  heard: boolean;
  /** Part of this node's known membership (saved state, or learned from gossip after a wipe). */
  known: boolean;
  /** µs the last unanswered echo went out (-Infinity if none). */
  echoSentAt: number;
  /**
   * The peer's generation it announced shutdown in (disablegossip, drain), -1 if none: it stays down
   * until a heartbeat of a newer generation (Cassandra markAsShutdown forces the highest version).
   */
  shutdown: number;
}

export interface NodeState {
  idx: number;
  id: string;
  up: boolean;
  serving: boolean;
  /** Bumped on every crash so stale timers and replies are ignored. */
  epoch: number;
  gen: number;
  ver: number;
  /** Own data: key → versions (one under LWW; siblings under vector clocks). Arrays are owned, mutated in place. */
  data: Map<string, Version[]>;
  hints: Map<number, HintQueue>;
  peers: PeerView[];
  slowUs: number;
  /** What nodetool changed on it (node/operator.ts); fresh at every restart. */
  op: OperatorState;
}

// The bodies, one shape per body kind `k` (all bodies of a kind share one shape). The write and
// read bodies carry their coordinator's handler itself (the coordinator's own memory, which a reply
// finds without a lookup); a handler no longer live ignores late replies.
export interface MutationBody {
  k: 'mut'; h: WriteHandler | null; key: string; v: Version; owner: number; repairOf: ReadHandler | null; more: readonly Version[] | null; slot: VersionSlot;
  /**
   * Cross-DC forwarding: the relay sends `body` to `to` (the others of its DC) on arrival
   * (net/forward.ts). Always present (null when none) so every mutation body has one shape.
   */
  fwd: { to: readonly number[]; body: MutationBody } | null;
}
export interface ReadBody { k: 'read'; h: ReadHandler; slot: KeyInfo }
export interface ReadResponseBody { k: 'readResp'; h: ReadHandler; versions: readonly Version[] }
export interface HintPageBody { k: 'hintPage'; page: number; hints: { id: number; key: string; slot: VersionSlot; v: Version; createdAt: number }[] }
export interface HintAckBody { k: 'hintAck'; page: number; expired: number }
export interface DigestBody { k: 'syn' | 'gack'; gens: number[]; vers: number[] }
/** Gossiper.stop's GOSSIP_SHUTDOWN: the sender's generation, which its peers then hold down. */
export interface ShutdownBody { k: 'shutdown'; gen: number }
export interface EchoBody { k: 'echo' | 'echoReply' }
// A repair session's ranges as they stood at its start, the initiator's (`mine`) and the peer's
// (`theirs`; repair/antiEntropy.ts): carried along its messages with the session's own record
// (`s`) and when the initiator sent the request being answered (`askedAt`, µs: its timeout runs
// from there), so a session keeps no state outside them.
interface RepairLeg { sid: number; s: RepairSession; askedAt: number }
export type RepairBody =
  | RepairLeg & { k: 'treeReq'; mine: Map<number, RangeSnapshot>; theirs: Map<number, RangeSnapshot> }
  | RepairLeg & { k: 'treeResp'; mine: Map<number, RangeSnapshot>; theirs: Map<number, RangeSnapshot> }
  | RepairLeg & { k: 'stream'; leaves: Map<number, number[]>; items: [string, readonly Version[]][]; reply: boolean; theirs: Map<number, RangeSnapshot> | null };

/**
 * What each kind of message on the wire carries. A mutation's ack carries the mutation's own body
 * back (SimEvent.e says whether it was stored); an echo and its reply share the kind 'echo'.
 */
export interface Messages {
  mutation: MutationBody;
  'mutation-ack': MutationBody;
  read: ReadBody;
  'read-response': ReadResponseBody;
  hint: HintPageBody;
  'hint-ack': HintAckBody;
  gossip: DigestBody | ShutdownBody;
  echo: EchoBody;
  repair: RepairBody;
}

export type Body = Messages[MessageKind];

/** A message in flight: the delivery event itself (see core/events.ts). */
export interface Msg<K extends MessageKind = MessageKind> extends SimEvent<Messages[K]> {
  readonly kind: K;
  readonly body: Messages[K];
}

// Every kind the views know (api.ts) has a body, and no other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const KINDS_MATCH: Same<keyof Messages, MessageKind> = true;
void KINDS_MATCH;
