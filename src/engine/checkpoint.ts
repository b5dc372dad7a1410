// Checkpoints of a running simulation: a deep copy of the Sim's whole object graph (core/clone.ts)
// that restores into an independent Sim continuing exactly as the original would — same events,
// same trace hash, same log. Works on the object graph generically: the engine keeps its state as
// plain data and class instances (the PRNG streams and the latency sampler included), so nothing
// needs rebuilding by name. A function stored in the state makes the copy throw a CloneError
// naming its path — a closure would silently keep pointing at the original.
import type { Simulation } from './api';
import { CLONE_REFUSE, cloneGraph } from './core/clone';
import { Sim } from './sim';

export interface Checkpoint {
  /** Simulated ms the checkpoint was taken at. */
  readonly at: number;
  /** Commands in the simulation's log at that moment. */
  readonly commands: number;
  /** Rough size (objects and entries copied), for a memory budget. */
  readonly cells: number;
  /** The frozen-in-time copy; never run, only copied again by restore. */
  readonly state: Sim;
}

/** Whether a simulation can be checkpointed (one built by this engine). */
export function canCheckpoint(sim: Simulation): sim is Sim {
  return sim instanceof Sim;
}

/**
 * The one kind of function the state may hold: a log sentence or a failure's reason written only
 * when read (core/log.ts LazyText, coordinator/why.ts). Pure over what it captured, so the copy
 * holds the sentence it would write; any other function is refused.
 */
function lazyText(path: readonly (string | number)[], fn: Function): unknown { // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  const lazy = (path[0] === 'log' && path[1] === 'ring' && path[3] === 'text') || (path[0] === 'why' && path[1] === 'last' && path.length === 3);
  return lazy ? (fn as () => string)() : CLONE_REFUSE;
}

function copySim(sim: Sim): { sim: Sim; cells: number } {
  const { value, cells } = cloneGraph(sim, { rootName: 'sim', onFunction: lazyText });
  return { sim: value, cells };
}

/** Snapshots the simulation's complete state; the simulation itself is not touched. */
export function takeCheckpoint(sim: Simulation): Checkpoint {
  if (!canCheckpoint(sim)) throw new Error('cannot checkpoint a simulation not built by this engine');
  const { sim: state, cells } = copySim(sim);
  return { at: sim.now, commands: sim.commandLog.length, cells, state };
}

/** A new, independent simulation in the checkpoint's state; the checkpoint stays reusable. */
export function restoreCheckpoint(cp: Checkpoint): Sim {
  return copySim(cp.state).sim;
}
