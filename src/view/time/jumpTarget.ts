// pure: reads the "jump to" box — a simulated time written like the scenario format's
// durations (1h30m, 90s, 2d) — against the clock and the scenario's end. A time already passed
// is a seek back (time travel) unless `back` is false (the comparison lab runs forward only).
import { parseDuration } from '../../protocol';
import { formatClock, formatDuration } from '../format';

export const JUMP_FIELD = 'Jump to';
export const JUMP_EXAMPLES = '1h30m, 90s or 2d';

export type JumpTargetResult = { ok: true; atMs: number } | { ok: false; error: string };

/** The time to go to, or an error that names the field and says how to fix it. */
export function readJumpTarget(text: string, now: number, until: number | null, back = true): JumpTargetResult {
  // "1h 30m" reads as "1h30m"; a space inside a group ("3 hours") stays an error.
  const compact = text.trim().replace(/([a-z])\s+(?=\d)/gi, '$1');
  if (compact === '') return { ok: false, error: `${JUMP_FIELD}: enter a simulated time, such as ${JUMP_EXAMPLES}.` };
  const atMs = parseDuration(compact);
  if (atMs === null) return { ok: false, error: `${JUMP_FIELD}: "${text.trim()}" is not a time — write it like ${JUMP_EXAMPLES}.` };
  if (until !== null && atMs > until) return { ok: false, error: `${JUMP_FIELD}: the scenario ends at ${formatDuration(until)}.` };
  if (atMs === now) return { ok: false, error: `${JUMP_FIELD}: the clock already shows ${formatClock(now)}.` };
  if (atMs < now && !back) return { ok: false, error: `${JUMP_FIELD}: ${formatDuration(atMs)} has passed (the clock shows ${formatClock(now)}); this clock only runs forward.` };
  return { ok: true, atMs };
}
