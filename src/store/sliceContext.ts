// What the app store's slices share besides the state itself: the worker's inbox, the clocks, the
// paced feed, and two intentions waiting for the worker's answer.
import type { StoreApi } from 'zustand/vanilla';
import type { ToWorker } from '../protocol';
import type { Feed } from './feed';
import type { AppState } from './state';
import type { WorkerControl } from './workerLink';

export type SetState = StoreApi<AppState>['setState'];
export type GetState = () => AppState;

export interface StoreContext {
  send: (msg: ToWorker) => void;
  now: () => number;
  /** When to acknowledge a frame. */
  scheduleAck: (fn: () => void) => void;
  feed: Feed;
  /** applyScenario plays once the worker accepted the scenario (ready), not before. */
  playAfterReady: boolean;
  /** A lesson link asks for steps 1 … n to run once the lesson is ready. */
  autoRun: { id: string; through: number } | null;
  /** Ends and spawns workers; null: the store cannot restart one (tests, Compare). */
  worker: WorkerControl | null;
  /** The store's own session requests and what it knows of the worker's liveness (./recovery). */
  watch: Watch;
  /** A restart in progress: the session's moment to run to (`session`), or a fresh cluster. */
  restoring: { kind: 'session'; to: number | null; speed: number } | { kind: 'fresh' } | null;
}

export interface Watch {
  checkpointEveryMs: number;
  unresponsiveMs: number;
  /** The current worker has a simulation (it sent ready): it can be asked for its session. */
  live: boolean;
  /** Session requests in flight that the store sent itself (their answers only update lastGood). */
  silent: number;
  /** Session requests in flight that the user sent (their answers are `session`). */
  asked: number;
  /** Wall ms of the oldest request still unanswered, or null. */
  askedAt: number | null;
  /** Wall ms of the worker's last message (or its spawn). */
  heardAt: number;
  /** Wall ms of the last session request. */
  lastAt: number;
  /** Something changed since the last session request (a command, a seek, a pause, a new run). */
  dirty: boolean;
  /** The simulated moment of the frame that prompted the last session request. */
  askedFor: number | null;
  /** A health check found the worker silent too long once; a second one fails it. */
  suspect: boolean;
}
