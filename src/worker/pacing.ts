// Pacing: wall time turned into simulated time. A tick every few wall ms runs the simulation for
// at most one slice budget (play at a speed, or a jump flat out), so commands stay responsive; a
// staged import takes its slice on the same tick. The user's time controls live here too.
import { runUpTo } from '../engine';
import type { Simulation } from '../protocol';
import { SPEEDS } from '../protocol';
import { changed, collectLog, sample, settleFloor } from './frames';
import { stageSlice } from './staging';
import type { JumpPace } from './jumpPace';
import { fail, post, requireSim, type HostState } from './state';

const MIN_SPEED = Math.min(...SPEEDS);
const MAX_SPEED = Math.max(...SPEEDS);

export function ensureTick(s: HostState): void {
  if (s.tickScheduled || (!s.staging && (!s.sim || (!s.playing && !s.jump)))) return;
  s.tickScheduled = true;
  // A jump runs flat out: its next slice goes as soon as the messages that came meanwhile are handled.
  if (s.jump && !s.staging && s.clock.soon) s.clock.soon(() => tick(s));
  else s.clock.schedule(() => tick(s), s.config.tickMs);
}

export function startPacing(s: HostState): void {
  s.lastWall = s.clock.now();
  if (s.sim) s.target = s.sim.now;
  ensureTick(s);
}

/** A checkpoint if one is due; looked for between chunks, so a long slice still leaves them at their spacing. */
function checkpoint(s: HostState, sim: Simulation): void {
  if (!s.config.useCheckpoints) return;
  try {
    s.checkpoints.maybeTake(sim, () => s.clock.now(), s.jump !== null);
  } catch (err) {
    fail(s, err);
  }
}

/**
 * Runs events up to `to` for at most one slice budget, applying queued future commands (after a
 * seek back) at their moments on the way. Returns true when `to` was reached.
 */
function runSlice(s: HostState, sim: Simulation, to: number): boolean {
  const { clock, config } = s;
  const start = clock.now();
  for (;;) {
    const next = s.future[0];
    const cmdAt = next ? runUpTo(next.at) : Infinity;
    const done = sim.advanceTo(Math.min(to, cmdAt), config.eventsPerChunk);
    checkpoint(s, sim);
    if (done) {
      if (!next || cmdAt > to) return true;
      s.future.shift();
      sim.apply(next.command);
      continue;
    }
    if (clock.now() - start >= config.sliceBudgetMs) return false;
  }
}

/**
 * Event by event up to `target`, asking the pace again after each: the moment a message that
 * matters goes out the rate drops, and the tick stops there so slow motion starts with it.
 */
function runFine(s: HostState, sim: Simulation, target: number, rate: number, pace: JumpPace): void {
  const start = s.clock.now();
  while (!sim.advanceTo(target, 1)) {
    if (pace.rate(sim, 0) < rate || s.clock.now() - start >= s.config.sliceBudgetMs) return;
  }
}

/** One tick of a paced jump (a lesson step's beat); true when it has reached its end (and dwelt there). */
function runPaced(s: HostState, sim: Simulation, to: number, pace: JumpPace, wallDelta: number): boolean {
  if (pace.held) return false;
  // The clock counts whole µs: a target in ms may sit a rounding below `to`.
  const end = to - 0.0005;
  if (sim.now >= end) {
    pace.dwellMs -= wallDelta;
    return pace.dwellMs <= 0;
  }
  const rate = pace.rate(sim, wallDelta);
  const target = rate === Infinity ? to : Math.min(to, sim.now + wallDelta * rate);
  if (!pace.fine || rate === Infinity || s.future.length > 0) runSlice(s, sim, target);
  else runFine(s, sim, target, rate, pace);
  return sim.now >= end && pace.dwellMs <= 0;
}

/** One slice of the running jump, or of play at the current speed. */
function advance(s: HostState, sim: Simulation, wallDelta: number): void {
  if (s.jump) {
    const { to, pace } = s.jump;
    if (pace ? runPaced(s, sim, to, pace, wallDelta) : runSlice(s, sim, to)) {
      s.jump = null;
      s.target = sim.now;
      s.lessons.jumpDone();
    }
  } else if (s.playing) {
    s.target = Math.min(sim.until, Math.max(s.target, sim.now) + wallDelta * s.speed);
    // Too much to do in one slice: let simulated time lag instead of blocking.
    if (!runSlice(s, sim, s.target)) s.target = sim.now;
    if (sim.now >= sim.until) s.playing = false;
  }
}

function tick(s: HostState): void {
  s.tickScheduled = false;
  if (s.staging) {
    stageSlice(s);
    if (!s.sim || (!s.playing && !s.jump)) {
      ensureTick(s);
      return;
    }
  }
  const sim = s.sim;
  if (!sim) return;
  const { clock, config } = s;
  const wall = clock.now();
  const wallDelta = Math.min(config.maxWallDeltaMs, Math.max(0, wall - s.lastWall));
  s.lastWall = wall;
  const jumping = s.jump !== null;
  try {
    advance(s, sim, wallDelta);
  } catch (err) {
    s.playing = false;
    s.jump = null;
    fail(s, err);
  }
  collectLog(s);
  sample(s);
  changed(s);
  // The moment a jump ended at: a checkpoint now that its last frame is out.
  if (jumping && !s.jump && s.sim === sim) checkpoint(s, sim);
  ensureTick(s);
}

export function play(s: HostState): void {
  if (!requireSim(s)) return;
  if (!s.playing) {
    s.playing = true;
    startPacing(s);
  }
  changed(s);
}

/** Pausing also stops a jump where it is. */
export function pause(s: HostState): void {
  if (!requireSim(s)) return;
  s.playing = false;
  s.jump = null;
  changed(s);
}

export function setSpeed(s: HostState, speed: number): void {
  s.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
  if (s.sim) changed(s);
}

/** Runs the next event, paused. */
export function step(s: HostState): void {
  const sim = requireSim(s);
  if (!sim) return;
  s.playing = false;
  s.jump = null;
  settleFloor(s);
  try {
    sim.step();
  } catch (err) {
    fail(s, err);
  }
  s.target = sim.now;
  changed(s);
}

/** A jump by `byMs` (added to a running jump's target) or to the moment `atMs`, run flat out. */
export function jump(s: HostState, by: { byMs: number } | { atMs: number }): void {
  const sim = requireSim(s);
  if (!sim) return;
  const running = s.jump;
  const from = running ? running.from : sim.now;
  const to = Math.min(sim.until, 'byMs' in by ? (running ? running.to : sim.now) + by.byMs : by.atMs);
  if (to <= sim.now) {
    post(s, { type: 'error', message: 'byMs' in by || sim.now >= sim.until ? 'jump: the scenario has reached its end time' : 'jumpTo.atMs: that time has passed (seek goes back in time)' });
    return;
  }
  s.jump = { from, to };
  startPacing(s);
  changed(s);
}

/** A lesson's `advanceMs`: a jump from now, with the progress bar, that stops play; paced when the step plays its beats. */
export function jumpFromNow(s: HostState, ms: number, pace?: JumpPace): void {
  const sim = s.sim;
  if (!sim) return;
  s.playing = false;
  s.jump = { from: sim.now, to: Math.min(sim.until, sim.now + ms), ...(pace ? { pace } : {}) };
  startPacing(s);
  changed(s);
}

export function cancelJump(s: HostState): void {
  const sim = requireSim(s);
  if (!sim) return;
  s.jump = null;
  s.target = sim.now;
  changed(s);
}
