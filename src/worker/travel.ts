// Time travel: a seek goes to any moment of the run. Back in time, the host restores its latest
// checkpoint at or before the moment (or starts over) and re-runs deterministically, keeping the
// later commands queued: they replay as time reaches them, until a new command forks the run.
import type { Command, Simulation } from '../protocol';
import { changed, collectLog, endFloor, refreshInspection } from './frames';
import { adopt } from './install';
import { startPacing } from './pacing';
import { fail, post, requireSim, type HostState } from './state';

/** Goes to `atMs` (clamped to the scenario's end); `id` comes back in frames as seekId. */
export function seek(s: HostState, atMs: number, id: number | undefined): void {
  const sim = requireSim(s);
  if (!sim) return;
  // Acknowledged whatever comes of it, so the UI's next drag target is never held back.
  if (id !== undefined) s.seekId = id;
  const at = Math.min(sim.until, atMs);
  if (at < sim.now) rewind(s, sim, at);
  const now = s.sim!.now;
  if (at > now) {
    s.jump = { from: now, to: at };
    startPacing(s);
  }
  changed(s);
}

/** A seek the protocol refused (its target): still acknowledged, with the refusal. */
export function seekRefused(s: HostState, error: string, id: number | undefined): void {
  if (!s.sim) return post(s, { type: 'error', message: error });
  if (id !== undefined) s.seekId = id;
  post(s, { type: 'error', message: error });
  changed(s);
}

/** Installs the simulation a seek back re-runs from; the jump to `at` follows. */
function rewind(s: HostState, sim: Simulation, at: number): void {
  const all = [...sim.commandLog, ...s.future];
  const past = all.filter((c) => c.at <= at).length;
  const cp = s.config.useCheckpoints ? s.checkpoints.before(at, past) : null;
  if (cp) {
    adopt(s, s.checkpoints.restore(cp), s.scenarioInput, at);
    s.future = all.slice(cp.commands);
    return;
  }
  // From the start, as a jump in slices (with progress, taking checkpoints on the way) rather
  // than one blocking replay: every command is queued and applied at its moment.
  let start: Simulation;
  try {
    start = s.config.create(s.scenarioInput, []);
  } catch (err) {
    fail(s, err);
    return;
  }
  adopt(s, start, s.scenarioInput, at);
  s.future = all;
}

/**
 * A user's command (or a lesson step's). A new command after a seek back forks the run: the
 * queued future is discarded, and so are the checkpoints taken beyond this moment.
 */
export function applyCommand(s: HostState, command: Command): void {
  const sim = requireSim(s);
  if (!sim) return;
  // A command before a seek's re-run reached its moment forks there: the UI's history beyond goes.
  endFloor(s);
  try {
    sim.apply(command);
    if (s.future.length > 0) {
      s.future = [];
      s.horizon = sim.now;
    }
    s.checkpoints.forkedAt(sim.now, sim.commandLog.length - 1);
    // The engine queues a command just after now; while paused, run up to it so the
    // lecturer sees its effect at once (while playing the next tick does it).
    const at = sim.commandLog[sim.commandLog.length - 1]?.at;
    if (!s.playing && !s.jump && at !== undefined && at > sim.now) sim.advanceTo(at);
  } catch (err) {
    fail(s, err);
    return;
  }
  collectLog(s);
  refreshInspection(s, true);
  changed(s);
}
