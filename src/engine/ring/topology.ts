// pure: datacenters — which DC each node is in, each DC's replication factor — and
// NetworkTopologyStrategy's placement over the ring's preference list (docs/behaviour.md "Datacenters").
import { ScenarioError } from '../scenario/fields';

/** A cluster without `cluster.datacenters` is one DC of this name (Cassandra's SimpleSnitch). */
export const DEFAULT_DC = 'datacenter1';
export const MAX_DATACENTERS = 32;
/** A DC name: 1..32 characters, a letter first (so JSON key order is file order in every parser). */
export const DC_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
export const DC_NAME_RULE = '1..32 characters [A-Za-z0-9_-], a letter first';

export interface Topology {
  /** DC names in file order. */
  readonly names: readonly string[];
  /** Per node index: the index of its DC. */
  readonly dcOf: readonly number[];
  /** Per DC: its replication factor (0: the keyspace holds no replica there). */
  readonly rf: readonly number[];
}

/** One DC holding every node, with the cluster's RF: what every scenario without datacenters means. */
export function singleDc(nodeCount: number, rf: number): Topology {
  return { names: [DEFAULT_DC], dcOf: new Array<number>(nodeCount).fill(0), rf: [rf] };
}

/** Each DC's name, replication factor and nodes (in `nodes` order), as the cluster info shows them. */
export function dcInfo(nodes: readonly string[], t: Topology): { name: string; rf: number; nodes: string[] }[] {
  return t.names.map((name, d) => ({ name, rf: t.rf[d]!, nodes: nodes.filter((_, i) => t.dcOf[i] === d) }));
}

/** The DC index of each name, or undefined. */
export function dcIndex(t: Topology, name: string): number | undefined {
  const i = t.names.indexOf(name);
  return i < 0 ? undefined : i;
}

/** How many nodes each DC holds. */
export function dcSizes(t: Topology): number[] {
  const sizes = new Array<number>(t.names.length).fill(0);
  for (const d of t.dcOf) sizes[d]!++;
  return sizes;
}

/**
 * NetworkTopologyStrategy.calculateNaturalReplicas: walk the ring clockwise (the preference list
 * is that walk's distinct nodes) and take a node while its DC still needs replicas. With one rack
 * (every node in rack1) NTS's rack rule reduces to distinct nodes in ring order, so with one DC
 * this is the first rf of the preference list.
 */
export function ntsReplicas(pref: readonly number[], t: Topology): number[] {
  const need = t.rf.slice();
  let left = need.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  for (let i = 0; i < pref.length && left > 0; i++) {
    const d = t.dcOf[pref[i]!]!;
    if (need[d]! > 0) { need[d]!--; left--; out.push(pref[i]!); }
  }
  return out;
}

function dcName(v: unknown, field: string, nodes: ReadonlySet<string>): string {
  if (typeof v !== 'string' || !DC_NAME_PATTERN.test(v)) throw new ScenarioError(field, `expected a datacenter name of ${DC_NAME_RULE}`);
  if (nodes.has(v)) throw new ScenarioError(field, `datacenter "${v}" has the name of a node; names must differ`);
  return v;
}

/** The list form: every node in exactly one DC, no DC empty. */
function fromLists(raw: Record<string, unknown>, names: string[], nodes: readonly string[]): number[] {
  const dcOf = new Array<number>(nodes.length).fill(-1);
  const index = new Map(nodes.map((n, i) => [n, i]));
  names.forEach((dc, d) => {
    const list = raw[dc];
    const field = `cluster.datacenters.${dc}`;
    if (!Array.isArray(list)) throw new ScenarioError(field, 'expected a list of node names (or, in every DC, a count)');
    if (list.length === 0) throw new ScenarioError(field, 'expected at least one node; a datacenter cannot be empty');
    list.forEach((n: unknown, i) => {
      const at = `${field}[${i}]`;
      const idx = typeof n === 'string' ? index.get(n) : undefined;
      if (idx === undefined) throw new ScenarioError(at, `unknown node "${String(n)}"`);
      if (dcOf[idx] !== -1) throw new ScenarioError(at, `node "${n as string}" is in more than one datacenter`);
      dcOf[idx] = d;
    });
  });
  const missing = dcOf.indexOf(-1);
  if (missing >= 0) throw new ScenarioError('cluster.datacenters', `node "${nodes[missing]!}" is in no datacenter; list every node in exactly one`);
  return dcOf;
}

/** The count form: nodes fill DCs in `nodes` order, DCs in file order. */
function fromCounts(raw: Record<string, unknown>, names: string[], nodeCount: number): number[] {
  const dcOf: number[] = [];
  names.forEach((dc, d) => {
    const c = raw[dc];
    const field = `cluster.datacenters.${dc}`;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) throw new ScenarioError(field, 'expected a count of nodes, an integer >= 1');
    for (let i = 0; i < c; i++) dcOf.push(d);
  });
  if (dcOf.length !== nodeCount) throw new ScenarioError('cluster.datacenters', `the counts sum to ${dcOf.length}; expected the number of nodes (${nodeCount})`);
  return dcOf;
}

/** `cluster.datacenters` checked: DC names in file order and each node's DC. */
export function datacentersOf(raw: unknown, nodes: readonly string[]): { names: string[]; dcOf: number[] } {
  const field = 'cluster.datacenters';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ScenarioError(field, 'expected an object like { "dc1": ["A", "B"], "dc2": ["C"] } or { "dc1": 2, "dc2": 1 }');
  const r = raw as Record<string, unknown>;
  const names = Object.keys(r);
  if (names.length === 0) throw new ScenarioError(field, 'expected at least one datacenter');
  if (names.length > MAX_DATACENTERS) throw new ScenarioError(field, `expected at most ${MAX_DATACENTERS} datacenters, got ${names.length}`);
  const nodeSet = new Set(nodes);
  for (const n of names) dcName(n, `${field}.${n}`, nodeSet);
  const counts = names.filter((n) => typeof r[n] === 'number').length;
  if (counts > 0 && counts < names.length) throw new ScenarioError(field, 'expected either node lists or counts in every datacenter, not both');
  const dcOf = counts > 0 ? fromCounts(r, names, nodes.length) : fromLists(r, names, nodes);
  return { names, dcOf };
}

function rfInt(v: unknown, field: string, max: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ScenarioError(field, 'expected an integer');
  if (v < 1) throw new ScenarioError(field, 'expected an integer >= 1');
  if (v > max) throw new ScenarioError(field, `expected at most ${what} (${max}), got ${v}`);
  return v;
}

/**
 * `cluster.replicationFactor` with datacenters: a number is that RF in every DC (NTS's
 * replication_factor auto-expansion), at most the smallest DC's size; a map gives 1..size per
 * listed DC, an unlisted DC holds no replicas.
 */
export function dcReplication(raw: unknown, dcs: { names: string[]; dcOf: number[] }): number[] {
  const field = 'cluster.replicationFactor';
  const t = { names: dcs.names, dcOf: dcs.dcOf, rf: [] };
  const sizes = dcSizes(t);
  if (raw === undefined) return sizes.map((s) => Math.min(3, s));
  if (typeof raw === 'number') {
    const smallest = Math.min(...sizes);
    const v = rfInt(raw, field, Number.MAX_SAFE_INTEGER, '');
    if (v > smallest) throw new ScenarioError(field, `expected at most the smallest datacenter's size (${smallest}), got ${v}`);
    return sizes.map(() => v);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ScenarioError(field, 'expected an integer, or an object of integers per datacenter like { "dc1": 3, "dc2": 2 }');
  const rf = new Array<number>(dcs.names.length).fill(0);
  for (const [dc, v] of Object.entries(raw)) {
    const d = dcs.names.indexOf(dc);
    if (d < 0) throw new ScenarioError(`${field}.${dc}`, `unknown datacenter "${dc}"`);
    rf[d] = rfInt(v, `${field}.${dc}`, sizes[d]!, `the datacenter's size`);
  }
  if (rf.every((x) => x === 0)) throw new ScenarioError(field, 'expected a replication factor for at least one datacenter');
  return rf;
}
