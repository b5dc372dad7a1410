// The one typed protocol between the UI and the worker that owns the engine.
// Imported by both sides and by nothing in the engine.
import type { ClusterInfo, Command, LogEvent, Snapshot } from '../engine/api';

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
}

/** UI → worker. */
export type ToWorker =
  | { type: 'init'; scenario: unknown }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'step' }
  | { type: 'jump'; byMs: number }
  | { type: 'command'; command: Command }
  | { type: 'frameAck' };

/** Worker → UI. */
export type FromWorker =
  | { type: 'ready'; cluster: ClusterInfo }
  | { type: 'frame'; frame: Frame }
  | { type: 'error'; message: string };

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
