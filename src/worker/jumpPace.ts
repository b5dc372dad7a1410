// How a paced jump (a lesson step's beat) moves: the pacing loop asks it each tick how much
// simulated time to cover. Without one a jump runs flat out.
import type { Simulation } from '../protocol';

export interface JumpPace {
  /** Held by the student: no simulated time passes until it is let go. */
  readonly held: boolean;
  /** Simulated ms per wall ms from now (Infinity: flat out); `wallDelta` is the tick's wall ms (0 when asked again inside a tick). */
  rate(sim: Simulation, wallDelta: number): number;
  /** Run event by event, asking the rate again after each, so slow motion starts at the event that sends the message. */
  readonly fine: boolean;
  /** Wall ms to stay at the target before the jump ends (a still beat's time to read its captions). */
  dwellMs: number;
  /** Shown as a jump (the time bar's fast-forward and progress): a long wait's beat, a still beat, a skip. */
  readonly visible: boolean;
}
