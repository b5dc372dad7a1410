// pure: the operator's nodetool verbs as the format writes them (a `faults` entry with "nodetool"):
// each verb's extra keys, help and where ScyllaDB has it, and the checked entry. The console's
// completion and help read VERBS here (through protocol/engineValues.ts).
import { parseDuration } from '../core/duration';
import { MAX_DURATION_MS, NODE_NAME_PATTERN } from './limits';
import { ScenarioError } from './fields';
import { DEFAULT_DC } from '../ring/topology';

export type StateVerb =
  | 'pausehandoff' | 'resumehandoff' | 'disablehandoff' | 'enablehandoff' | 'truncatehints'
  | 'sethintedhandoffthrottle' | 'setmaxhintwindow' | 'disablegossip' | 'enablegossip' | 'drain' | 'compact'
  | 'disablehintsfordc' | 'enablehintsfordc';
export type ProbeVerb = 'statushandoff' | 'listpendinghints' | 'getmaxhintwindow';
export type Verb = StateVerb | ProbeVerb;

export interface VerbSpec {
  /** The key it needs besides "node", or takes optionally ("target"). */
  extra: 'target' | 'hintReplayRate' | 'maxHintWindow' | 'dc' | null;
  /** A probe: prints, changes nothing. */
  readOnly: boolean;
  /** ScyllaDB's nodetool has no such verb (its REST equivalents are unimplemented or absent). */
  cassandraOnly: boolean;
  /** One line, as nodetool's own help says it (plus what the simulation does). */
  help: string;
}

export const VERBS: Readonly<Record<Verb, VerbSpec>> = {
  pausehandoff: { extra: null, readOnly: false, cassandraOnly: true, help: 'Pause hints delivery process: no dispatch starts, the page in flight finishes; hints are still stored and still expire.' },
  resumehandoff: { extra: null, readOnly: false, cassandraOnly: true, help: 'Resume hints delivery process: the next replay trigger (within 10 s) dispatches.' },
  disablehandoff: { extra: null, readOnly: false, cassandraOnly: true, help: 'Disable storing hinted handoffs: new hints are dropped; stored ones are still replayed unless replayWhenDisabled is off.' },
  enablehandoff: { extra: null, readOnly: false, cassandraOnly: true, help: 'Reenable future hints storing on the current node.' },
  truncatehints: { extra: 'target', readOnly: false, cassandraOnly: true, help: 'Truncate all hints on the local node, or only those for target=<node>; hints still in the memory buffer survive.' },
  sethintedhandoffthrottle: { extra: 'hintReplayRate', readOnly: false, cassandraOnly: true, help: 'Set hinted handoff throttle (hintReplayRate=<hints/s> per target), from the next dispatch to each target.' },
  setmaxhintwindow: { extra: 'maxHintWindow', readOnly: false, cassandraOnly: true, help: 'Set the specified max hint window (maxHintWindow=<duration|null>); stored hints are untouched.' },
  disablegossip: { extra: null, readOnly: false, cassandraOnly: false, help: 'Disable gossip (effectively marking the node down): peers told of the shutdown mark it down at once.' },
  enablegossip: { extra: null, readOnly: false, cassandraOnly: false, help: 'Reenable gossip, with a newer generation: each peer sees the node up at its next heartbeat.' },
  drain: { extra: null, readOnly: false, cassandraOnly: false, help: 'Drain the node (stop accepting writes and flush all tables): hints are flushed, then it is down until restart.' },
  compact: { extra: null, readOnly: false, cassandraOnly: false, help: 'Force a (major) compaction: the node purges every tombstone its tombstoneGc mode allows now.' },
  disablehintsfordc: { extra: 'dc', readOnly: false, cassandraOnly: true, help: 'Disable hints for a data center (dc=<name>): replicas there are no longer hinted by this node.' },
  enablehintsfordc: { extra: 'dc', readOnly: false, cassandraOnly: true, help: 'Enable hints for a data center (dc=<name>) that was disabled.' },
  statushandoff: { extra: null, readOnly: true, cassandraOnly: true, help: 'Status of storing future hints on the current node.' },
  listpendinghints: { extra: null, readOnly: true, cassandraOnly: true, help: 'Print all pending hints that this node has.' },
  getmaxhintwindow: { extra: null, readOnly: true, cassandraOnly: true, help: 'Print the max hint window in ms.' },
};

export const VERB_NAMES = Object.keys(VERBS) as Verb[];

export interface NodetoolEntry {
  kind: 'nodetool';
  at: number;
  verb: Verb;
  /** The nodes it runs on, in cluster order for "*", as given otherwise. */
  nodes: string[];
  /** As the entry wrote "node" ("*" or names), so a label can say it as the user did. */
  all: boolean;
  target?: string;
  hintReplayRate?: number;
  maxHintWindow?: number | null;
  /** disablehintsfordc / enablehintsfordc: the datacenter. */
  dc?: string;
}

const EXTRAS = ['target', 'hintReplayRate', 'maxHintWindow', 'dc'] as const;
const EXTRA_VERB: Record<(typeof EXTRAS)[number], string> = {
  target: '"truncatehints"', hintReplayRate: '"sethintedhandoffthrottle"', maxHintWindow: '"setmaxhintwindow"', dc: '"disablehintsfordc" and "enablehintsfordc"',
};
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** A key under `field`, or the key alone (a console command names its own keys). */
const sub = (field: string, k: string) => (field ? `${field}.${k}` : k);

export function isVerb(v: unknown): v is Verb {
  return typeof v === 'string' && has(VERBS, v);
}

/** The verb, or a ScenarioError naming `field`. */
export function verbOf(v: unknown, field: string): Verb {
  if (typeof v !== 'string') throw new ScenarioError(field, 'expected a nodetool verb (a string), like "pausehandoff"');
  if (!isVerb(v)) throw new ScenarioError(field, `unknown verb "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"; expected one of ${VERB_NAMES.join(', ')}`);
  return v;
}

/** "node": a name, a non-empty list of distinct names, or "*" (every node). */
export function nodesOf(v: unknown, field: string, cluster: readonly string[]): { nodes: string[]; all: boolean } {
  if (v === undefined) throw new ScenarioError(field, 'missing; expected a node name, a list of names or "*"');
  if (v === '*') return { nodes: [...cluster], all: true };
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list)) throw new ScenarioError(field, 'expected a node name, a list of names or "*"');
  if (list.length === 0) throw new ScenarioError(field, 'expected at least one node');
  const seen = new Set<string>();
  list.forEach((n, i) => {
    const where = typeof v === 'string' ? field : `${field}[${i}]`;
    if (typeof n !== 'string' || !NODE_NAME_PATTERN.test(n) || !cluster.includes(n)) throw new ScenarioError(where, `unknown node "${String(n)}"`);
    if (seen.has(n)) throw new ScenarioError(where, `node "${n}" is listed twice`);
    seen.add(n);
  });
  return { nodes: list as string[], all: false };
}

function rateOf(v: unknown, field: string): number {
  if (v === undefined) throw new ScenarioError(field, 'missing; expected a rate (hints per second) > 0');
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ScenarioError(field, 'expected a rate (hints per second) > 0');
  return v;
}

function windowOf(v: unknown, field: string): number | null {
  if (v === undefined) throw new ScenarioError(field, 'missing; expected a duration like "3h", or null for no window');
  if (v === null) return null;
  const ms = parseDuration(v);
  if (ms === null) throw new ScenarioError(field, 'expected a duration like "3h", or null for no window');
  if (!(ms >= 0 && ms <= MAX_DURATION_MS)) throw new ScenarioError(field, 'expected a duration between 0 and 30d');
  return Math.round(ms * 1000) / 1000;
}

/** The extra keys of `verb`: required ones present, none of another verb's. */
function extrasOf(e: Record<string, unknown>, verb: Verb, field: string, cluster: readonly string[], dcs: readonly string[]): Pick<NodetoolEntry, 'target' | 'hintReplayRate' | 'maxHintWindow' | 'dc'> {
  const mine = VERBS[verb].extra;
  for (const k of EXTRAS) if (k !== mine && has(e, k)) throw new ScenarioError(sub(field, k), `"${k}" goes only with ${EXTRA_VERB[k]}`);
  if (mine === 'dc') {
    const d = e.dc;
    if (d === undefined) throw new ScenarioError(sub(field, 'dc'), `missing; expected a datacenter name (${dcs.join(', ')})`);
    if (typeof d !== 'string' || !dcs.includes(d)) throw new ScenarioError(sub(field, 'dc'), `unknown datacenter "${String(d)}"`);
    return { dc: d };
  }
  if (mine === 'target') {
    if (!has(e, 'target')) return {};
    const t = e.target;
    if (typeof t !== 'string' || !cluster.includes(t)) throw new ScenarioError(sub(field, 'target'), `unknown node "${String(t)}"`);
    return { target: t };
  }
  if (mine === 'hintReplayRate') return { hintReplayRate: rateOf(e.hintReplayRate, sub(field, 'hintReplayRate')) };
  if (mine === 'maxHintWindow') return { maxHintWindow: windowOf(e.maxHintWindow, sub(field, 'maxHintWindow')) };
  return {};
}

/** A `faults` entry with "nodetool", checked; `at` is already read by the caller. */
export function nodetoolEntry(e: Record<string, unknown>, field: string, at: number, cluster: readonly string[], dcs: readonly string[] = [DEFAULT_DC]): NodetoolEntry {
  const verb = verbOf(e.nodetool, sub(field, 'nodetool'));
  for (const k of Object.keys(e)) {
    if (k !== 'at' && k !== 'nodetool' && k !== 'node' && !(EXTRAS as readonly string[]).includes(k)) throw new ScenarioError(sub(field, k), 'unknown key');
  }
  const { nodes, all } = nodesOf(e.node, sub(field, 'node'), cluster);
  return { kind: 'nodetool', at, verb, nodes, all, ...extrasOf(e, verb, field, cluster, dcs) };
}
