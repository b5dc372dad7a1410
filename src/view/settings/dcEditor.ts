// pure: the Settings datacenter editor's model — its rows as typed, the cluster.datacenters and
// per-datacenter replicationFactor they make, splitting and merging rows, and which row input an
// engine error path names. The form keeps the rows as one text value (DC_KEY) so that "was …",
// the change list and Reset treat them like any other field.
import { DC_NAME_PATTERN, DEFAULT_DC } from '../../protocol';
import { NUMBER, parseNodes } from './nodesText';

/** One datacenter as typed: its name, its members (a count, or node names separated by commas), its RF. */
export interface DcRow {
  name: string;
  members: string;
  rf: string;
}
export type DcInput = 'name' | 'members' | 'rf';

/** The form key (and scenario path under `cluster`) holding the rows. */
export const DC_KEY = 'datacenters';
/** The RF a split gives when the form's RF is not a number yet (the format's default). */
const FALLBACK_RF = 3;

/** The form's text for rows: "" for none (one datacenter, as without cluster.datacenters). */
export function rowsText(rows: readonly DcRow[]): string {
  return rows.length === 0 ? '' : JSON.stringify(rows.map(({ name, members, rf }) => ({ name, members, rf })));
}

const isRow = (r: unknown): r is DcRow =>
  typeof r === 'object' && r !== null && ['name', 'members', 'rf'].every((k) => typeof (r as Record<string, unknown>)[k] === 'string');

/** The rows a form text holds; anything else (no text, a bool) is none. */
export function readRows(text: string | boolean | undefined): DcRow[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter(isRow) : [];
  } catch {
    return [];
  }
}

/** A row's members as the scenario gets them: a count, a list, or (empty) an empty list. */
function membersValue(text: string): number | string[] {
  const v = parseNodes(text);
  return typeof v === 'string' ? [] : v;
}

/** A row's RF: empty leaves the DC out of the map (it holds no replica); the rest is judged by the engine. */
function rfValue(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

/**
 * cluster.datacenters and cluster.replicationFactor (a map per DC) for the rows, in row order, or
 * null for none. Object.fromEntries makes own keys, so a name like "__proto__" reaches the engine's
 * name check instead of changing the object.
 */
export function clusterParts(rows: readonly DcRow[]): { datacenters: Record<string, unknown>; replicationFactor: Record<string, unknown> } | null {
  if (rows.length === 0) return null;
  const datacenters = Object.fromEntries(rows.map((r) => [r.name.trim(), membersValue(r.members)]));
  const rf = rows.flatMap((r) => {
    const v = rfValue(r.rf);
    return v === undefined ? [] : [[r.name.trim(), v] as const];
  });
  return { datacenters, replicationFactor: Object.fromEntries(rf) };
}

/** Whether two form texts make the same cluster ("A,B" and "A, B" do). */
export function sameRows(a: string | boolean | undefined, b: string | boolean | undefined): boolean {
  return JSON.stringify(clusterParts(readRows(a))) === JSON.stringify(clusterParts(readRows(b)));
}

/** The rows as one line, for "was …" and the change list: "dc1: A, B, C (RF 3); dc2: 3 nodes (RF 2)". */
export function rowsSummary(text: string | boolean | undefined): string {
  const rows = readRows(text);
  if (rows.length === 0) return `one datacenter (${DEFAULT_DC})`;
  return rows
    .map((r) => {
      const m = membersValue(r.members);
      const members = typeof m === 'number' ? `${m} node${m === 1 ? '' : 's'}` : m.join(', ') || '(no nodes)';
      return `${r.name.trim() || '(unnamed)'}: ${members} (${r.rf.trim() === '' ? 'no replicas' : `RF ${r.rf.trim()}`})`;
    })
    .join('; ');
}

/** A positive integer typed, or null. */
function positiveInt(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n > 0 ? n : null;
}

/** How `count` nodes fall into `parts` DCs: as even as can be, the first ones one larger. */
export function evenSizes(count: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(count / parts) + (i < count % parts ? 1 : 0));
}

/**
 * The nodes field's text split evenly into DCs of these names: counts when the nodes are a count,
 * name lists when they are names. `rfs[i]` is each DC's wanted RF (null: leave it without replicas),
 * capped at its size. Null when there are fewer nodes than DCs (a DC may not be empty).
 */
function splitNodes(nodesText: string, names: readonly string[], rfs: readonly (number | null)[]): DcRow[] | null {
  const nodes = parseNodes(nodesText);
  const count = typeof nodes === 'number' ? (Number.isInteger(nodes) ? nodes : 0) : Array.isArray(nodes) ? nodes.length : 0;
  if (count < names.length) return null;
  let next = 0;
  return evenSizes(count, names.length).map((size, i) => {
    const members = Array.isArray(nodes) ? nodes.slice(next, (next += size)).join(', ') : String(size);
    const rf = rfs[i];
    return { name: names[i]!, members, rf: rf === null || rf === undefined ? '' : String(Math.min(rf, size)) };
  });
}

/** "Split into datacenters": dc1 and dc2 sharing the nodes evenly, each with min(RF, its size). */
export function splitRows(nodesText: string, rfText: string): DcRow[] | null {
  const rf = positiveInt(rfText) ?? FALLBACK_RF;
  return splitNodes(nodesText, ['dc1', 'dc2'], [rf, rf]);
}

/** The first dcN not taken. */
function freeName(rows: readonly DcRow[]): string {
  const taken = new Set(rows.map((r) => r.name.trim()));
  let i = rows.length + 1;
  while (taken.has(`dc${i}`)) i++;
  return `dc${i}`;
}

/**
 * "Add datacenter": one more DC, and the nodes spread evenly again over all of them (names kept;
 * each keeps its RF, capped at its new size; the new one gets the form's RF). Null when there are
 * not enough nodes for another non-empty DC.
 */
export function addRow(rows: readonly DcRow[], nodesText: string, rfText: string): DcRow[] | null {
  const rf = positiveInt(rfText) ?? FALLBACK_RF;
  const names = [...rows.map((r) => r.name.trim()), freeName(rows)];
  const rfs = [...rows.map((r) => (r.rf.trim() === '' ? null : (positiveInt(r.rf) ?? rf))), rf];
  return splitNodes(nodesText, names, rfs);
}

/** Two rows' members as one: counts add, lists join. */
function joinMembers(a: string, b: string): string {
  const x = membersValue(a);
  const y = membersValue(b);
  if (typeof x === 'number' && typeof y === 'number') return String(x + y);
  const list = (v: number | string[], text: string) => (Array.isArray(v) ? v : [text.trim()]);
  return [...list(x, a), ...list(y, b)].filter(Boolean).join(', ');
}

/**
 * Removing a DC hands its nodes to its neighbour (the one before it; the first gives to the second),
 * so the counts still add up. Down to one DC means none: a lone named DC holds every node and
 * differs from the default only by its name.
 */
export function removeRow(rows: readonly DcRow[], index: number): DcRow[] {
  if (rows.length <= 2) return [];
  const into = index === 0 ? 1 : index - 1;
  return rows.flatMap((r, i) => (i === index ? [] : i === into ? [{ ...r, members: joinMembers(r.members, rows[index]!.members) }] : [r]));
}

/** The largest RF typed in the rows, or null: the single RF the cluster keeps when its DCs go. */
export function largestRf(rows: readonly DcRow[]): number | null {
  const rfs = rows.map((r) => positiveInt(r.rf)).filter((n): n is number => n !== null);
  return rfs.length ? Math.max(...rfs) : null;
}

/** The running cluster's DCs as rows: counts when the nodes are n1..nN and each DC a run of them, else names. */
export function rowsFromCluster(nodes: readonly string[], dcs: readonly { name: string; rf: number; nodes: readonly string[] }[] | undefined): DcRow[] {
  if (!dcs || dcs.length === 0) return [];
  const defaultNames = nodes.every((n, i) => n === `n${i + 1}`);
  const inOrder = dcs.flatMap((d) => d.nodes).every((n, i) => n === nodes[i]);
  const asCounts = defaultNames && inOrder;
  return dcs.map((d) => ({ name: d.name, members: asCounts ? String(d.nodes.length) : d.nodes.join(', '), rf: d.rf > 0 ? String(d.rf) : '' }));
}

/** Where an error shows: one row's input, or (row null) the editor as a whole. */
export interface DcTarget {
  row: number | null;
  input: DcInput | null;
}

const WHOLE: DcTarget = { row: null, input: null };

/** The row a path's DC part names: exactly, or without a trailing list index. */
function rowOf(rows: readonly DcRow[], rest: string): { row: number; indexed: boolean } | null {
  const exact = rows.findIndex((r) => r.name.trim() === rest);
  if (exact >= 0) return { row: exact, indexed: false };
  const bare = rest.replace(/\[\d+\]$/, '');
  const row = rows.findIndex((r) => r.name.trim() === bare);
  return row >= 0 ? { row, indexed: true } : null;
}

/**
 * The input an engine error path names, while the editor has rows (null: not the editor's).
 * `cluster.datacenters.<dc>` is the engine's path for both a bad name and bad members, so the
 * name is looked at with the engine's own rule: a name it refuses is the name's error.
 */
export function dcErrorTarget(path: string, rows: readonly DcRow[], nodes: readonly string[]): DcTarget | null {
  if (rows.length === 0) return null;
  for (const [prefix, input] of [['cluster.datacenters', 'members'], ['cluster.replicationFactor', 'rf']] as const) {
    if (path === prefix) return WHOLE;
    if (!path.startsWith(`${prefix}.`)) continue;
    const hit = rowOf(rows, path.slice(prefix.length + 1));
    if (!hit) return WHOLE;
    const name = rows[hit.row]!.name.trim();
    const badName = input === 'members' && !hit.indexed && (!DC_NAME_PATTERN.test(name) || nodes.includes(name));
    return { row: hit.row, input: badName ? 'name' : input };
  }
  return null;
}

/**
 * What the engine cannot be asked: two rows of one name would be one key of the scenario's object,
 * so the later row would vanish unseen. Said with the field named, as the engine says its errors.
 */
export function duplicateName(rows: readonly DcRow[]): { target: DcTarget; message: string } | null {
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const name = r.name.trim();
    if (seen.has(name)) return { target: { row: i, input: 'name' }, message: `cluster.datacenters.${name}: datacenter "${name}" is named twice; names must differ` };
    seen.add(name);
  }
  return null;
}

/** The id of a row's input (and of the editor as a whole), for labels, errors and "Fix …". */
export function dcInputId(target: DcTarget): string {
  return target.row === null || target.input === null ? 'set-datacenters' : `set-dc${target.row + 1}-${target.input}`;
}

/** A row input's label: "Name of datacenter 1", "Nodes in dc1", "Replication factor in dc1". */
export function dcInputLabel(rows: readonly DcRow[], target: DcTarget): string {
  if (target.row === null || target.input === null) return 'datacenters';
  const name = rows[target.row]?.name.trim() || `datacenter ${target.row + 1}`;
  if (target.input === 'name') return `Name of datacenter ${target.row + 1}`;
  return target.input === 'members' ? `Nodes in ${name}` : `Replication factor in ${name}`;
}

/** The Datacenters settings group's note while the cluster is one DC: its fields wait for several. */
export function datacentersGroupNote(form: Record<string, string | boolean>): string | null {
  const rows = readRows(form[DC_KEY]);
  if (rows.length > 1) return null;
  const name = rows[0]?.name.trim() || DEFAULT_DC;
  return `One datacenter (${name}) for now: interDcLatency is never used and the lists can name only ${name}. Split the cluster into datacenters under Cluster, below.`;
}
