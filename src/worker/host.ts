// Hosts one Simulation and paces it against wall-clock time. Knows nothing of Workers: it talks
// through an endpoint and reads time through a clock, so tests drive it by hand. The parts:
// ./state (the one state object), ./handlers (one per message type), ./pacing, ./frames,
// ./travel, ./staging, ./open, ./install, ./lessonHost; messages are checked by protocol/validate.
import type { Simulation } from '../protocol';
import { parseToWorker } from '../protocol/validate';
import type { CheckpointStats } from './checkpoints';
import { dispatch } from './handlers';
import { hostLessons } from './lessonHost';
import { createState, fail, type Endpoint, type HostOptions, type WallClock } from './state';

export type { Endpoint, HostOptions, WallClock } from './state';

export interface Host {
  /** For tests and debugging: the hosted simulation, if any. */
  readonly simulation: Simulation | null;
  readonly playing: boolean;
  readonly speed: number;
  readonly frameInFlight: boolean;
  /** For tests and the benchmark: the checkpoints held. */
  checkpointStats(): CheckpointStats;
}

export function createHost(endpoint: Endpoint, clock: WallClock, options: HostOptions = {}): Host {
  const s = createState(endpoint, clock, options, hostLessons);
  endpoint.setHandler((raw) => {
    try {
      dispatch(s, parseToWorker(raw));
    } catch (err) {
      fail(s, err);
    }
  });
  return {
    get simulation() {
      return s.sim;
    },
    get playing() {
      return s.playing;
    },
    get speed() {
      return s.speed;
    },
    get frameInFlight() {
      return s.frameInFlight;
    },
    checkpointStats: () => s.checkpoints.stats(),
  };
}
