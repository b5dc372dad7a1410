// pure: a scenario's read-only nodetool entries (statushandoff, listpendinghints, getmaxhintwindow)
// as the app prints them at their `at`. A probe changes nothing and leaves no event in the trace:
// the clock stops at its time (between events, as a jump would) and the node's operator view is
// copied into a side log that the snapshot carries, never the report or the trace hash.
import type { ProbeRecord } from '../api';
import type { SimState } from '../context';
import { operatorViews } from '../check/operator';
import { beliefsOf } from '../check/snapshot';
import { VERBS } from '../scenario/nodetool';
import type { Scenario } from '../scenario/schema';

/** The scenario's probes in time order (file order at a tie), as indexes into its faults. */
export function probePlan(sc: Scenario): number[] {
  const out: number[] = [];
  sc.faults.forEach((f, i) => {
    if (f.kind === 'nodetool' && VERBS[f.verb].readOnly) out.push(i);
  });
  return out.sort((a, b) => sc.faults[a]!.at - sc.faults[b]!.at || a - b);
}

/** Records what the probe at faults[i] prints on each of its nodes, now. */
export function captureProbe(sim: SimState, i: number): ProbeRecord[] {
  const f = sim.sc.faults[i]!;
  if (f.kind !== 'nodetool') return [];
  const views = operatorViews(sim);
  return f.nodes.map((name) => {
    const idx = sim.byName.get(name)!;
    const up = sim.nodes[idx]!.up;
    return { at: f.at, node: name, verb: f.verb, up, view: up ? views[idx]! : null, beliefs: up ? beliefsOf(sim, idx) : [] };
  });
}
