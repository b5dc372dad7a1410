// The one typed protocol between the UI and the worker that owns the engine.
// Imported by both sides and by nothing in the engine.
import type { ClusterInfo, Command, KeyInspection, LoggedCommand, LogEvent, MetricsSample, Snapshot } from '../engine/api';

export type * from '../engine/api';
export { CONSISTENCY_LEVELS } from '../engine/api';

export interface Frame extends Snapshot {
  playing: boolean;
  speed: number;
  /** New log events since the previous frame (bounded). */
  log: LogEvent[];
  /** Log events dropped because the frame's buffer was full. */
  logSkipped: number;
  /** Set while a jump runs flat out: 0..1. */
  jumpProgress: number | null;
  /** Where the running jump ends (simulated ms), while one runs. */
  jumpTarget: number | null;
  /** Chart samples taken since the previous frame (at most ~10 per wall second). */
  samples: MetricsSample[];
  /** The key the UI asked to inspect, as it stands now (refreshed a few times a second). */
  inspection: KeyInspection | null;
  /** The scenario's end time, ms. */
  until: number;
  /** Commands from before a seek back that will replay as time moves on (0 when live). */
  future: number;
}

/** UI → worker. */
export type ToWorker =
  /** A new simulation; with `log`, the session's commands are replayed (a share link, an imported file). */
  | { type: 'init'; scenario: unknown; log?: unknown }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'step' }
  | { type: 'jump'; byMs: number }
  | { type: 'jumpTo'; atMs: number }
  | { type: 'cancelJump' }
  /**
   * Time travel: go to any simulated moment. Back in time, the worker re-runs the session
   * deterministically from its start up to that moment; the commands given after it stay queued
   * and replay as time moves on, until a new command forks the run (the rest is discarded).
   */
  | { type: 'seek'; atMs: number }
  /** Key to inspect in every frame, or null to stop. */
  | { type: 'inspect'; key: string | null }
  /** Asks for the session (scenario as given + command log): answered by 'session'. */
  | { type: 'exportSession' }
  | { type: 'command'; command: Command }
  | { type: 'frameAck' };

/** Worker → UI. */
export type FromWorker =
  | { type: 'ready'; cluster: ClusterInfo }
  | { type: 'frame'; frame: Frame }
  | { type: 'error'; message: string }
  | { type: 'session'; scenario: unknown; commandLog: LoggedCommand[]; traceHash: string; now: number };

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 2500, 10000] as const;
