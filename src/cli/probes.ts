// The scenario's nodetool probes in the CLI: run up to each one's instant and keep what nodetool
// would print there (the console's own formatting, view/console/nodetool.ts).
import { formatDuration, type Scenario, type Simulation } from '../engine';
import { probeOutput } from '../view/console/nodetool';
import type { Verb } from '../engine';

export interface Probe { at: number; verb: Verb; nodes: string[] }
export interface ProbeOutput { at: string; node: string; verb: Verb; lines: string[] }

/** The read-only nodetool entries of a scenario, in time order (file order at one instant). */
export function probesOf(sc: Scenario): Probe[] {
  const out: Probe[] = [];
  for (const f of sc.faults) if (f.kind === 'nodetool' && ['statushandoff', 'listpendinghints', 'getmaxhintwindow'].includes(f.verb)) out.push({ at: f.at, verb: f.verb, nodes: f.nodes });
  return out.sort((a, b) => a.at - b.at);
}

/** Prints (into `printed`) every probe due at or before `ms`, advancing to each first; consumes them. */
export function runProbes(sim: Simulation, probes: Probe[], ms: number, advance: (t: number) => void, printed: ProbeOutput[]): void {
  while (probes.length > 0 && probes[0]!.at <= ms) {
    const p = probes.shift()!;
    advance(p.at);
    const snap = sim.snapshot(0);
    for (const node of p.nodes) {
      const view = snap.operator?.find((o) => o.node === node);
      const nv = snap.nodes.find((n) => n.id === node);
      const lines = !nv?.up || !view ? [`nodetool: Failed to connect to '${node}:7199' - ConnectException: 'Connection refused'.`] : probeOutput(p.verb, view, nv.beliefs);
      printed.push({ at: formatDuration(p.at), node, verb: p.verb, lines });
    }
  }
}
