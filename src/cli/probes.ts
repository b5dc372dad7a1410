// The scenario's nodetool probes in the CLI: what the engine captured at each one's instant
// (run/probes.ts), printed with the console's own formatting (view/console/nodetool.ts).
import { formatDuration, type Simulation, type Verb } from '../engine';
import { probeRecordLines } from '../view/console/nodetool';

export interface ProbeOutput { at: string; node: string; verb: Verb; lines: string[] }

/** Every probe printed so far, in time order. */
export function probesPrinted(sim: Simulation): ProbeOutput[] {
  return (sim.snapshot(0).probes ?? []).map((p) => ({ at: formatDuration(p.at), node: p.node, verb: p.verb as Verb, lines: probeRecordLines(p) }));
}
