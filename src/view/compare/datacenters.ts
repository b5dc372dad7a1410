// pure: the "one datacenter vs two" comparison. B is A's cluster split into two datacenters (the
// nodes in file order, the first half in dc1; replicationFactor per datacenter, capped at each
// one's size), or two merged back into one (the largest per-datacenter RF; what named a
// datacenter — an operation's dc, a partition group, a hint switch — is turned into its nodes or
// dropped). Everything else of A is kept.
import type { Command, LoggedCommand } from '../../protocol';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The scenario's node names (a count names them n1..nN, as the format does). */
function nodeNames(cluster: Obj): string[] {
  const n = cluster.nodes;
  if (Array.isArray(n)) return n.map(String);
  return typeof n === 'number' ? Array.from({ length: n }, (_, i) => `n${i + 1}`) : [];
}

/** Datacenter → its nodes, from either form of cluster.datacenters. */
export function membersOf(cluster: Obj): Map<string, string[]> {
  const dcs = cluster.datacenters;
  const out = new Map<string, string[]>();
  if (!isObj(dcs)) return out;
  const names = nodeNames(cluster);
  let next = 0;
  for (const [dc, v] of Object.entries(dcs)) {
    if (Array.isArray(v)) out.set(dc, v.map(String));
    else if (typeof v === 'number') out.set(dc, names.slice(next, (next += v)));
  }
  return out;
}

function split(cluster: Obj): Obj {
  const names = nodeNames(cluster);
  const half = Math.ceil(names.length / 2);
  const sizes = { dc1: half, dc2: names.length - half };
  const rf = typeof cluster.replicationFactor === 'number' ? cluster.replicationFactor : 3;
  const fits = rf <= sizes.dc2;
  return { ...cluster, datacenters: sizes, replicationFactor: fits ? rf : { dc1: Math.min(rf, sizes.dc1), dc2: Math.min(rf, sizes.dc2) } };
}

function merge(cluster: Obj): Obj {
  const { datacenters: _, ...rest } = cluster;
  const rf = cluster.replicationFactor;
  return { ...rest, replicationFactor: isObj(rf) ? Math.max(...Object.values(rf).map(Number)) : rf };
}

const withoutDc = (e: unknown): unknown => {
  if (!isObj(e)) return e;
  const out: Obj = {};
  for (const [k, v] of Object.entries(e)) if (k !== 'dc') out[k] = isObj(v) ? withoutDc(v) : v;
  return out;
};

/** A partition group naming datacenters, as the nodes they stand for. */
function expandGroups(f: unknown, members: Map<string, string[]>): unknown {
  if (!isObj(f) || !Array.isArray(f.partition)) return f;
  return { ...f, partition: (f.partition as unknown[]).map((g) => (Array.isArray(g) ? g.flatMap((m) => members.get(String(m)) ?? [m]) : g)) };
}

const DC_VERBS = new Set(['disablehintsfordc', 'enablehintsfordc']);

/** B's scenario and log with `count` datacenters; `dropped` counts the commands that named one. */
export function withDatacenters(scenario: Obj, log: readonly LoggedCommand[], count: '1' | '2'): { scenario: Obj; log: LoggedCommand[]; dropped: number } {
  const cluster = isObj(scenario.cluster) ? scenario.cluster : {};
  if (count === '2') return { scenario: { ...scenario, cluster: split(isObj(cluster.datacenters) ? merge(cluster) : cluster) }, log: [...log], dropped: 0 };
  const members = membersOf(cluster);
  const settings = isObj(scenario.settings) ? { ...scenario.settings } : undefined;
  if (settings) {
    delete settings.hintedHandoffDisabledDatacenters;
    if (Array.isArray(settings.hintedHandoffEnabled)) settings.hintedHandoffEnabled = true;
  }
  const faults = Array.isArray(scenario.faults) ? scenario.faults.filter((f) => !(isObj(f) && DC_VERBS.has(String(f.nodetool)))).map((f) => expandGroups(f, members)) : scenario.faults;
  const kept = log.filter((c) => !(c.command.type === 'nodetool' && DC_VERBS.has(c.command.verb)));
  return {
    scenario: { ...scenario, cluster: merge(cluster), ...(settings ? { settings } : {}), workload: Array.isArray(scenario.workload) ? scenario.workload.map(withoutDc) : scenario.workload, faults },
    log: kept.map((c) => ({ at: c.at, command: withoutDc(c.command) as Command })),
    dropped: log.length - kept.length,
  };
}
