// pure: the scenario format's datacenter parts checked against the cluster (docs/scenario-format.md
// "Datacenters"): cluster.datacenters and a per-DC replicationFactor, the DC switches of the hint
// settings, a client's `dc`, and the levels sloppy-quorum mode does not know.
import * as z from 'zod/mini';
import { datacentersOf, dcReplication, DEFAULT_DC, type Topology } from '../ring/topology';
import { addIssue, ScenarioError, transformed } from './fields';
import type { FaultEntry, WorkloadEntry } from './entries';
import type { ConsistencyLevel } from './limits';
import type { Settings } from './presets';

/** The levels that name datacenters (Cassandra's ConsistencyLevel): coordinator mode only. */
export const DC_LEVELS: readonly ConsistencyLevel[] = ['LOCAL_ONE', 'LOCAL_QUORUM', 'EACH_QUORUM'];

const LIST_MSG = 'a list of datacenter names like ["dc1"]';
/** A list of strings; which names are known is checked once the cluster is (checkDatacenterUse). */
function stringList(v: unknown, ctx: z.core.ParsePayload): string[] | null {
  if (!Array.isArray(v)) return null;
  const bad = v.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) {
    addIssue(ctx, 'expected a datacenter name (a string)', [bad]);
    return null;
  }
  return v as string[];
}

/** hinted_handoff_enabled: true, false, or the DCs to hint (ScyllaDB's form). */
export const boolOrDcList = transformed((v, ctx) => {
  if (typeof v === 'boolean') return v;
  const list = Array.isArray(v) ? stringList(v, ctx) : null;
  if (list) return list;
  if (!Array.isArray(v)) addIssue(ctx, v === undefined ? `missing; expected true, false or ${LIST_MSG}` : `expected true, false or ${LIST_MSG}`);
  return z.NEVER;
});

export const dcList = transformed((v, ctx) => {
  const list = stringList(v, ctx);
  if (list) return list;
  if (!Array.isArray(v)) addIssue(ctx, `expected ${LIST_MSG}`);
  return z.NEVER;
});

/** `cluster.datacenters` and `cluster.replicationFactor` together. */
export function clusterTopology(datacenters: unknown, replicationFactor: unknown, nodes: readonly string[]): Topology {
  const dcs = datacentersOf(datacenters, nodes);
  return { ...dcs, rf: dcReplication(replicationFactor, dcs) };
}

interface Parsed {
  nodes: readonly string[];
  datacenters?: Topology;
  settings: Settings;
  workload: readonly WorkloadEntry[];
  faults: readonly FaultEntry[];
}

/** A list of DC names: each known, none twice. */
function knownDcs(list: readonly string[], field: string, names: readonly string[], repeatOk: boolean): void {
  const seen = new Set<string>();
  list.forEach((dc, i) => {
    if (!names.includes(dc)) throw new ScenarioError(`${field}[${i}]`, `unknown datacenter "${dc}"`);
    if (!repeatOk && seen.has(dc)) throw new ScenarioError(`${field}[${i}]`, `datacenter "${dc}" is listed twice`);
    seen.add(dc);
  });
}

function checkSettings(p: Parsed, names: readonly string[]): void {
  const on = p.settings.hintedHandoffEnabled;
  if (Array.isArray(on)) {
    if (on.length === 0) throw new ScenarioError('settings.hintedHandoffEnabled', 'expected at least one datacenter (or false to hint none)');
    knownDcs(on, 'settings.hintedHandoffEnabled', names, false);
  }
  knownDcs(p.settings.hintedHandoffDisabledDatacenters, 'settings.hintedHandoffDisabledDatacenters', names, false);
}

/** Where an entry's `dc`, `coordinator` and `consistency` are named. */
function fieldsOf(w: WorkloadEntry, i: number): string {
  return w.kind === 'generator' ? `workload[${i}]` : `workload[${i}].${w.kind}`;
}

function checkWorkload(p: Parsed, names: readonly string[], sloppy: boolean): void {
  p.workload.forEach((w, i) => {
    const at = fieldsOf(w, i);
    if (sloppy && DC_LEVELS.includes(w.consistency)) throw new ScenarioError(`${at}.consistency`, `${w.consistency} needs settings.hintMode "coordinator"; sloppy quorum (Dynamo, Riak) has no datacenter levels`);
    if (w.dc === undefined) return;
    const d = names.indexOf(w.dc);
    if (d < 0) throw new ScenarioError(`${at}.dc`, `unknown datacenter "${w.dc}"`);
    if (w.coordinator === undefined) return;
    const c = p.nodes.indexOf(w.coordinator);
    const dcOfCoord = p.datacenters ? p.datacenters.dcOf[c]! : 0;
    if (dcOfCoord !== d) throw new ScenarioError(`${at}.dc`, `coordinator "${w.coordinator}" is in datacenter "${names[dcOfCoord]!}", not "${w.dc}"`);
  });
}

/** Throws a ScenarioError naming the first datacenter part that does not fit the cluster. */
export function checkDatacenterUse(p: Parsed): void {
  const names = p.datacenters?.names ?? [DEFAULT_DC];
  const sloppy = p.settings.hintMode === 'sloppy-quorum';
  if (sloppy && names.length > 1) throw new ScenarioError('cluster.datacenters', 'sloppy-quorum mode (Dynamo, Riak) takes one datacenter; use settings.hintMode "coordinator"');
  checkSettings(p, names);
  checkWorkload(p, names, sloppy);
}
