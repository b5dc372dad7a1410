// The worker host's one state object: what the host knows between two messages. Each section is
// owned by one module (named on it); the others read it. Knows nothing of Workers: the host talks
// through an endpoint and reads time through a clock, so tests drive it by hand.
import { createSession, startReplay } from '../engine';
import type { FromWorker, KeyInspection, LoggedCommand, LogEvent, MetricsSample, Simulation, Timeline } from '../protocol';
import { createCheckpoints, type CheckpointOptions, type Checkpoints } from './checkpoints';
import type { JumpPace } from './jumpPace';
import type { LessonRunner } from './lessonRunner';
import type { FaultLike } from './timeline';

export interface Endpoint {
  /** `transfer`: buffers handed over with the message (a frame's packed columns). */
  postMessage(msg: FromWorker, transfer?: ArrayBuffer[]): void;
  /** The handler gets what the UI posted, as it came: the host checks it (protocol/validate) before use. */
  setHandler(fn: (msg: unknown) => void): void;
}

export interface WallClock {
  /** Wall time, ms (performance.now() in the worker). */
  now(): number;
  /** Runs fn once after about ms wall milliseconds. */
  schedule(fn: () => void, ms: number): void;
  /**
   * Runs fn once as soon as the messages already queued are handled (the worker: a message to
   * itself, since a nested setTimeout(0) waits 4 ms). A jump's slices follow each other this way;
   * without it they wait a tick like play's.
   */
  soon?(fn: () => void): void;
}

/** Rebuilds a session from a command log a slice at a time (engine startReplay). */
export type StartReplay = (scenario: unknown, log: unknown) => StagedReplay;
export interface StagedReplay {
  readonly sim: Simulation;
  readonly progress: number;
  run(maxEvents: number): boolean;
}

export interface HostOptions {
  /** Wall ms between pacing ticks. */
  tickMs?: number;
  /** Wall ms one slice may spend simulating before yielding (keeps commands responsive). */
  sliceBudgetMs?: number;
  /** Events processed between two looks at the wall clock. */
  eventsPerChunk?: number;
  /** Wall ms of one tick never counted beyond this (a throttled background tab, a debugger stop). */
  maxWallDeltaMs?: number;
  /** Log events carried by one frame; older ones are counted in logSkipped. */
  maxLogPerFrame?: number;
  /** Messages in flight carried by one frame. */
  maxMessages?: number;
  /** Wall ms between two frames during a jump: the page shows its progress, not every slice. */
  jumpFrameEveryMs?: number;
  /** Wall ms between two chart samples (a sample costs a pass over the keys). */
  sampleEveryMs?: number;
  /**
   * At most this share of wall time goes to chart samples: with 100,000 keys a sample takes
   * ~30 ms, and ten a second would take a third of a core from the engine and the page.
   */
  maxSampleShare?: number;
  /** Wall ms between two refreshes of the inspected key. */
  inspectEveryMs?: number;
  createSimulation?: (scenario: unknown, log?: unknown) => Simulation;
  /**
   * Rebuilds a session from a command log a slice at a time (an imported file, a share link):
   * the running simulation goes on until the new one is complete, then they swap. Without it
   * (or with a custom createSimulation) init replays the log at once.
   */
  startReplay?: StartReplay;
  /** Checkpoints kept while running, so seeking back re-runs from the nearest (./checkpoints); false: none. */
  checkpoints?: CheckpointOptions | false;
}

/** HostOptions with every default filled in. */
export interface HostConfig {
  readonly tickMs: number;
  readonly sliceBudgetMs: number;
  readonly eventsPerChunk: number;
  readonly maxWallDeltaMs: number;
  readonly maxLog: number;
  readonly maxMessages: number;
  readonly jumpFrameEveryMs: number;
  readonly sampleEveryMs: number;
  readonly maxSampleShare: number;
  readonly inspectEveryMs: number;
  readonly create: (scenario: unknown, log?: unknown) => Simulation;
  readonly startReplay: StartReplay | null;
  readonly useCheckpoints: boolean;
}

/** ./pacing: wall time turned into simulated time. */
export interface PacingState {
  playing: boolean;
  speed: number;
  /** Simulated time the pacing loop aims at while playing. */
  target: number;
  lastWall: number;
  /** A jump running flat out (jumpTo, a seek forward, a lesson's advance) or paced (a lesson step's beat). */
  jump: { from: number; to: number; pace?: JumpPace } | null;
  tickScheduled: boolean;
}

/** ./frames: one frame in flight, the latest state wins; what the next frame carries. */
export interface FrameState {
  frameInFlight: boolean;
  /** Wall ms the last frame went, and the target of the jump it showed (null: none). */
  lastFrameWall: number;
  lastFrameJumpTo: number | null;
  /** Something changed since the frame in flight: the ack sends a new one. */
  dirty: boolean;
  log: LogEvent[];
  logSkipped: number;
  samples: MetricsSample[];
  lastSampleWall: number;
  lastSampleSim: number;
  /** Wall ms the last sample took. */
  sampleCost: number;
  inspectKey: string | null;
  inspection: KeyInspection | null;
  lastInspectWall: number;
}

/** ./travel: time travel. */
export interface TravelState {
  /** After a seek back: the commands that came later, replayed as time reaches them. */
  future: LoggedCommand[];
  /** The furthest moment the current run reached. */
  horizon: number;
  scenarioFaults: FaultLike[];
  /** The last seek handled, echoed in frames. */
  seekId: number | undefined;
  /**
   * After a seek back: the moment the UI's history (samples, log) is kept up to. The re-run up to
   * it repeats what the UI already holds, so its samples and events are not sent again; once the
   * run reaches it (or stops short of it, or forks before it) the host is live again.
   */
  replayFloor: number | null;
  timeline: { key: string; value: Timeline } | null;
}

/** ./staging: a session being rebuilt from its log, in slices, before it replaces the running one. */
export interface StagingState {
  staging: { replay: StagedReplay; scenario: unknown; lastPostWall: number } | null;
}

export interface HostState extends PacingState, FrameState, TravelState, StagingState {
  readonly config: HostConfig;
  readonly endpoint: Endpoint;
  readonly clock: WallClock;
  readonly checkpoints: Checkpoints;
  /** ./lessons: the lesson runner, acting through the host's own paths. */
  readonly lessons: LessonRunner;
  /** The hosted simulation (./install), and the scenario as the UI gave it. */
  sim: Simulation | null;
  scenarioInput: unknown;
}

function configOf(options: HostOptions): HostConfig {
  return {
    tickMs: options.tickMs ?? 16,
    sliceBudgetMs: options.sliceBudgetMs ?? 8,
    eventsPerChunk: options.eventsPerChunk ?? 500,
    maxWallDeltaMs: options.maxWallDeltaMs ?? 250,
    maxLog: options.maxLogPerFrame ?? 200,
    maxMessages: options.maxMessages ?? 3000,
    jumpFrameEveryMs: options.jumpFrameEveryMs ?? 100,
    sampleEveryMs: options.sampleEveryMs ?? 100,
    maxSampleShare: options.maxSampleShare ?? 0.1,
    inspectEveryMs: options.inspectEveryMs ?? 200,
    create: options.createSimulation ?? createSession,
    startReplay: options.startReplay ?? (options.createSimulation ? null : startReplay),
    useCheckpoints: options.checkpoints !== false,
  };
}

/** A host with no simulation yet; `lessons` is built on the state it will act on. */
export function createState(endpoint: Endpoint, clock: WallClock, options: HostOptions, lessons: (s: HostState) => LessonRunner): HostState {
  const s: Omit<HostState, 'lessons'> & { lessons: LessonRunner | null } = {
    config: configOf(options),
    endpoint,
    clock,
    checkpoints: createCheckpoints(options.checkpoints === false ? { max: 2, maxCells: 0 } : options.checkpoints),
    lessons: null,
    sim: null,
    scenarioInput: null,
    playing: false, speed: 1, target: 0, lastWall: 0, jump: null, tickScheduled: false,
    frameInFlight: false, lastFrameWall: -Infinity, lastFrameJumpTo: null, dirty: false, log: [], logSkipped: 0, samples: [],
    lastSampleWall: -Infinity, lastSampleSim: -1, sampleCost: 0,
    inspectKey: null, inspection: null, lastInspectWall: -Infinity,
    future: [], horizon: 0, scenarioFaults: [], seekId: undefined, replayFloor: null, timeline: null,
    staging: null,
  };
  s.lessons = lessons(s as HostState);
  return s as HostState;
}

export const post = (s: HostState, msg: FromWorker): void => s.endpoint.postMessage(msg);

export const fail = (s: HostState, err: unknown): void => post(s, { type: 'error', message: err instanceof Error ? err.message : String(err) });

/** The hosted simulation, or null after telling the UI there is none yet. */
export function requireSim(s: HostState): Simulation | null {
  if (!s.sim) post(s, { type: 'error', message: 'No simulation yet: the app sends init first.' });
  return s.sim;
}
