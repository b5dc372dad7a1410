// Checkpoints of a running simulation: a deep copy of the Sim's whole object graph (core/clone.ts)
// that restores into an independent Sim continuing exactly as the original would — same events,
// same trace hash, same log. Works on the object graph generically; the few things the walk cannot
// see are handled here by name:
//  - `latency`: a closure over a table derived from the settings and the `rng.net` stream; it is
//    rebuilt over the copy's own `rng.net` (the PRNG streams are plain-field objects, core/prng.ts).
//  - hints.ts's `lastRefusal` memo (a WeakMap keyed by hint queue) is carried over queue by queue.
// Any other function stored in the state makes the copy throw a CloneError naming its path.
import type { Simulation } from './api';
import { CLONE_REFUSE, cloneGraph } from './core/clone';
import { lastRefusal } from './hints/hints';
import { createLatency } from './net/latency';
import type { HintQueue } from './node/types';
import { Sim } from './sim';

/** Fields of Sim holding a function by design, rebuilt after the copy. */
const REBUILT = new Set(['latency']);

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

function copySim(sim: Sim): { sim: Sim; cells: number } {
  const { value, copies, cells } = cloneGraph(sim, {
    rootName: 'sim',
    onFunction: (path) => (path.length === 1 && REBUILT.has(String(path[0])) ? undefined : CLONE_REFUSE),
  });
  const internals = value as unknown as { latency: () => number; S: Sim['S']; rng: Sim['rng'] };
  internals.latency = createLatency(internals.S.latency.median, internals.S.latency.p99, internals.rng.net);
  for (const node of sim.nodes) {
    for (const q of node.hints.values()) {
      if (lastRefusal.has(q)) lastRefusal.set(copies.get(q) as HintQueue, lastRefusal.get(q)!);
    }
  }
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
