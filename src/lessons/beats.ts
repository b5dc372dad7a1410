// pure: a step's beats — how fast its simulated time passes — derived from its actions. Each
// `advanceMs` is one beat; its pace comes from its length (or the author's override), and inside a
// beat time drops to slow motion while a message that matters is in flight. The pace decides only
// how much simulated time each wall tick covers: the events, the commands and the check are the
// same as flat out, so the trace hash does not depend on it.
import type { MessageKind } from '../engine/api';
import type { LessonAction, Pace } from './types';

export interface Beat {
  /** Simulated ms the beat covers. */
  ms: number;
  pace: Pace;
}

/** Simulated ms per wall ms in slow motion: a 5 ms message takes a second to cross the ring. */
export const SLOW_RATE = 0.005;
/** A wait of at least this many ms is fast-forwarded as a visible jump. */
export const JUMP_FROM_MS = 5 * 60_000;
/** A wait of at least this many ms plays fast (conviction, a restart's settling). */
export const FAST_FROM_MS = 10_000;
/** Wall ms a fast beat takes at most (outside slow motion), and a jump beat. */
export const FAST_WALL_MS = 4_000;
export const JUMP_WALL_MS = 1_500;
/** Slow motion inside one beat stops after this much wall time (a busy workload would never end it). */
export const SLOW_CAP_WALL_MS = 8_000;

/** The pace of a wait of `ms`, unless the author chose one. */
export function paceOf(ms: number, override?: Pace): Pace {
  if (override) return override;
  if (ms >= JUMP_FROM_MS) return 'jump';
  if (ms >= FAST_FROM_MS) return 'fast';
  return 'normal';
}

/** The beats of a step: one per positive wait, in order. */
export function beatsOf(actions: readonly LessonAction[]): Beat[] {
  return actions.flatMap((a) => ('advanceMs' in a && a.advanceMs > 0 ? [{ ms: a.advanceMs, pace: paceOf(a.advanceMs, a.pace) }] : []));
}

/** A beat's own rate, simulated ms per wall ms. */
export function baseRate(beat: Beat): number {
  switch (beat.pace) {
    case 'slow':
      return SLOW_RATE;
    case 'normal':
      return 1;
    case 'fast':
      return Math.max(5, beat.ms / FAST_WALL_MS);
    case 'jump':
      return Math.max(10, beat.ms / JUMP_WALL_MS);
  }
}

/** Gossip and echoes are the cluster's background: every other message is worth watching. */
export const matters = (kind: MessageKind): boolean => kind !== 'gossip' && kind !== 'echo';

/**
 * The rate right now: slow motion while a message that matters is in flight (until the beat has
 * spent its slow-motion allowance), else the beat's own. A jump never slows down: it is the
 * visible fast-forward over minutes or days.
 */
export function rateNow(beat: Beat, watching: boolean, slowWallSpent: number): number {
  if (beat.pace === 'jump') return baseRate(beat);
  if (watching && slowWallSpent < SLOW_CAP_WALL_MS) return Math.min(SLOW_RATE, baseRate(beat));
  return baseRate(beat);
}
