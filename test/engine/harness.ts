// A small harness for engine tests: build a scenario in a few lines, run it to a time, inspect.
import { Sim } from '../../src/engine/sim';
import { parseScenario } from '../../src/engine/scenario/schema';
import type { Report } from '../../src/engine/check/report';

export interface ClusterSpec {
  nodes?: string[] | number;
  rf?: number;
  vnodes?: number;
  seed?: number;
  settings?: Record<string, unknown>;
  workload?: unknown[];
  faults?: unknown[];
  until?: string;
}

export function scenario(spec: ClusterSpec): Record<string, unknown> {
  return {
    format: 'hintscope/scenario@1',
    name: 'test',
    seed: spec.seed ?? 7,
    cluster: { nodes: spec.nodes ?? ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: spec.vnodes ?? 8, replicationFactor: spec.rf ?? 3 },
    settings: spec.settings ?? {},
    workload: spec.workload ?? [],
    faults: spec.faults ?? [],
    until: spec.until ?? '10m',
  };
}

export function cluster(spec: ClusterSpec = {}): Sim {
  return new Sim(parseScenario(scenario(spec)));
}

export function run(spec: ClusterSpec): { sim: Sim; report: Report } {
  const sim = cluster(spec);
  sim.advanceTo(sim.until);
  return { sim, report: sim.report() };
}

export const idx = (sim: Sim, name: string): number => sim.byName.get(name)!;

/** The key's replicas by name, and a coordinator that is not one of them. */
export function placement(sim: Sim, key: string): { replicas: string[]; outsider: string } {
  const pref = sim.ring.place(key).pref;
  const replicas = pref.slice(0, sim.rf).map((i) => sim.nodes[i]!.id);
  const outsider = sim.nodes.find((n) => !replicas.includes(n.id))!.id;
  return { replicas, outsider };
}

/** Every message the simulation sends from now on, recorded (wraps Sim.send). */
export function recordMessages(sim: Sim): { kind: string; from: string; to: string; at: number; body: string }[] {
  const seen: { kind: string; from: string; to: string; at: number; body: string }[] = [];
  const send = sim.send.bind(sim);
  sim.send = (from, to, kind, body, ...rest) => {
    seen.push({ kind, from: sim.nodes[from]!.id, to: sim.nodes[to]!.id, at: sim.now, body: body.k });
    send(from, to, kind, body, ...rest);
  };
  return seen;
}

export function pendingHints(sim: Sim, holder: string, target?: string): number {
  const node = sim.nodes[idx(sim, holder)]!;
  let n = 0;
  for (const q of node.hints.values()) if (target === undefined || q.target === idx(sim, target)) n += q.hints.length;
  return n;
}

export function totalPending(sim: Sim): number {
  return sim.nodes.reduce((a, n) => a + [...n.hints.values()].reduce((b, q) => b + q.hints.length, 0), 0);
}
