// pure: the time bar's arithmetic — where a moment sits on the track, which moment a pointer
// position or a key means, keyboard step sizes, and the texts. Reads nothing but its arguments.
import type { Timeline, TimelineMark } from '../../protocol';
import { formatClock, formatDuration } from '../format';

/** Whole seconds: the bar's ends and marks need no milliseconds. */
export const shortClock = (ms: number) => formatClock(ms).replace(/\.\d{3}$/, '');

/** 0..1 along the track (0 when the run has not started). */
export function fraction(at: number, horizon: number): number {
  if (!(horizon > 0)) return 0;
  return Math.min(1, Math.max(0, at / horizon));
}

/** The moment under a pointer at clientX on a track spanning [left, left + width]. */
export function momentAt(clientX: number, left: number, width: number, horizon: number): number {
  if (!(width > 0) || !(horizon > 0)) return 0;
  return Math.round(fraction(((clientX - left) / width) * horizon, horizon) * horizon);
}

const NICE = [1000, 5000, 10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 86_400_000];

/** An arrow key's step: a round duration near 1/100 of the run (at least a second). */
export function stepFor(horizon: number): number {
  const want = horizon / 100;
  return NICE.find((n) => n >= want) ?? NICE[NICE.length - 1]!;
}

/** The target a key press asks for, from `from`, or null for keys the bar leaves alone. */
export function keyTarget(key: string, shift: boolean, from: number, horizon: number): number | null {
  const step = stepFor(horizon) * (shift ? 10 : 1);
  const clamp = (t: number) => Math.min(horizon, Math.max(0, t));
  switch (key) {
    case 'ArrowLeft': case 'ArrowDown': return clamp(from - step);
    case 'ArrowRight': case 'ArrowUp': return clamp(from + step);
    case 'PageDown': return clamp(from - horizon / 10);
    case 'PageUp': return clamp(from + horizon / 10);
    case 'Home': return 0;
    case 'End': return horizon;
    default: return null;
  }
}

/** The slider's spoken value: the moment, and what lies ahead when the user has gone back. */
export function valueText(now: number, horizon: number, queued: number): string {
  const at = shortClock(now);
  if (queued > 0) return `${at}, ${formatDuration(horizon - now)} before the furthest moment reached; ${queued} later command${queued === 1 ? '' : 's'} queued`;
  return horizon - now >= 1000 ? `${at}, ${formatDuration(horizon - now)} before the furthest moment reached` : `${at}, the furthest moment reached`;
}

/** The line under the bar: live, or the what-if warning before a fork. */
export function forkNote(queued: number): string {
  if (queued <= 0) return 'Live. Drag the timeline or use the arrow keys to go back to any moment.';
  return `What-if: a new command now forks the run from here and discards ${queued} later command${queued === 1 ? '' : 's'}. Move forward instead to replay ${queued === 1 ? 'it' : 'them'}.`;
}

/** The marks the bar draws: faults, and the queued commands (plain writes and reads only when queued). */
export function visibleMarks(tl: Timeline | null | undefined): TimelineMark[] {
  return (tl?.marks ?? []).filter((m) => m.fault || m.queued);
}

/** A mark's shape class: kills and restarts, network faults, other faults, commands. */
export function markShape(m: TimelineMark): 'kill' | 'restart' | 'net' | 'other' | 'command' {
  if (m.kind === 'kill') return 'kill';
  if (m.kind === 'restart') return 'restart';
  if (m.kind === 'partition' || m.kind === 'heal') return 'net';
  return m.fault ? 'other' : 'command';
}
