// The Compare view's state and options (see ./compare): two runs, A and B, on one shared clock.
import type { StoreApi } from 'zustand/vanilla';
import type { Report, ToWorker, UiMessage } from '../protocol';
import type { AppStore, StoreOptions } from './state';

export type RunId = 'a' | 'b';
export const RUN_IDS: readonly RunId[] = ['a', 'b'];

/** A run's worker, as the controller sees it. */
export interface RunPort {
  send(msg: ToWorker): void;
  terminate(): void;
}

/** Starts a worker; its messages (unpacked) go to onMessage. */
export type SpawnRun = (onMessage: (msg: UiMessage) => void) => RunPort;

export interface RunInput {
  scenario: unknown;
  log: readonly unknown[];
}

export interface CompareInput {
  a: RunInput;
  b: RunInput;
  /** Run both to this simulated time first (the lab's moment), then pause. */
  startAt: number;
  /** The lab's trace hash at startAt: run A must reproduce it. */
  labTraceHash?: string | null;
}

export interface CompareClock {
  /** The shared simulated time both runs have reached (or are stepping towards, while busy). */
  time: number;
  until: number | null;
  playing: boolean;
  speed: number;
  jump: { from: number; to: number } | null;
}

export interface ReportPair {
  a: Report;
  b: Report;
  /** Simulated ms both reports are at. */
  at: number;
}

export type CompareStatus = 'idle' | 'starting' | 'running' | 'error';

export interface CompareActions {
  start(input: CompareInput): void;
  /** Terminates both workers. */
  stop(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  jumpBy(ms: number): void;
  /** Forward only: both runs flat out (in lockstep steps) to atMs. */
  jumpTo(atMs: number): void;
  cancelJump(): void;
}

export interface CompareState {
  status: CompareStatus;
  runs: Record<RunId, AppStore> | null;
  clock: CompareClock;
  /** The latest pair of reports taken at the same moment. */
  reports: ReportPair | null;
  /** Run A's trace hash at the lab's moment vs the lab's: equal when A reproduces the lab. */
  labCheck: { at: number; lab: string; a: string } | null;
  error: string | null;
  actions: CompareActions;
}

export type CompareStore = StoreApi<CompareState>;

export interface CompareOptions {
  spawn: SpawnRun;
  /** Wall clock, ms. */
  now?: () => number;
  /** Runs fn on the next animation frame (the play loop's pace). */
  nextFrame?: (fn: () => void) => void;
  /** Options of each run's app store (tests ack frames at once). */
  runStore?: StoreOptions;
  /** Wall ms between report requests while time runs. */
  reportEveryMs?: number;
  /** Wall ms one jump step aims to take. */
  stepWallMs?: number;
  /** A jump goes in at least this many steps (default MIN_JUMP_STEPS). */
  minJumpSteps?: number;
}
