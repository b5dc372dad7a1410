// What the app store's slices share besides the state itself: the worker's inbox, the clocks, the
// paced feed, and two intentions waiting for the worker's answer.
import type { StoreApi } from 'zustand/vanilla';
import type { ToWorker } from '../protocol';
import type { Feed } from './feed';
import type { AppState } from './state';

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
}
