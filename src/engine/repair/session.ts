// pure: a repair session as its initiator tracks it, and how long the initiator waits for an answer.
import type { SimEvent } from '../core/events';

/**
 * How long an initiator waits for the answer to a repair request (a tree, a stream) before the
 * session fails: Cassandra's `repair_request_timeout` (Config.java, 120000 ms since 4.1).
 */
export const REPAIR_REQUEST_TIMEOUT_MS = 120_000;

/**
 * Shared by every message of one session and by its timeout (a checkpoint copies it once). Only
 * the initiator's bookkeeping: what the session compares and streams lives in its messages.
 */
export interface RepairSession {
  readonly sid: number;
  readonly initiator: number;
  /** The initiator has given up on it (repair.failed counts it once). */
  failed: boolean;
  /** The timeout that will fail it, once one of its answers is known lost. */
  timer: SimEvent | null;
  /** What was lost first, for the log. */
  reason: string;
  /** Under tombstoneGc "repair": trees received per range (node/tombstones.ts repairedAt). */
  trees?: Map<number, number>;
}
