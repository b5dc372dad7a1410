// pure: one estimate of the work of running a scenario or a session — gossip, workload, repairs
// and the command log, up to a moment — shared by the page's import check, the worker's staging
// and the CLI; above a budget the input is refused naming the field that drives the cost.
import type { LoggedCommand } from '../api';
import { formatDuration } from '../core/duration';
import { ScenarioError, type Scenario } from './schema';

/**
 * The budget, in work units: one unit is about one ordinary simulated event (a 6-node cluster's
 * mix: ~0.7–1 µs on the reference machine when idle, ~2.5 µs when its 2 cores are busy), so the
 * budget is about 35–50 s of one core idle, up to ~2 min loaded. A session's replay up to its moment (page and worker) and a CLI run to `until` are held
 * to it; the CLI's --max-events moves it. docs/scenario-format.md "Work" states it.
 */
export const MAX_WORK = 50_000_000;

/**
 * The coefficients, measured on the engine (test/scenario/cost.test.ts holds the estimate to the
 * engine's event count). Gossip: each node's round is a timer, a syn and its ack, plus seeds'
 * extra syns in small clusters; every message carries a digest of every node, so an event's cost
 * grows with the cluster. A write is a mutation and an ack per replica plus the coordinator's
 * own events; a read asks fewer replicas. A repair session scans the ring for the ranges it
 * shares with each peer, builds a sparse tree per range for the initiator and each peer (the
 * RF² × vnodes ranges of its replicas) — the leaves of the keys present and their ancestors, at
 * most 2^(depth+1) nodes — and hashes every key its participants hold.
 */
const K = {
  gossipEvents: (n: number) => 3.1 + 6 / n,
  gossipWeight: (n: number) => 1 + n / 16,
  writeEvents: (rf: number) => 1.75 * (rf + 1),
  readEvents: (rf: number) => 1.2 + 1.3 * rf,
  /** Per (peer, range) looked at when a session finds its shared ranges. */
  scan: 0.08,
  /** Per sparse-tree node built and compared (measured: depth 16 vs 8 at 8 × 256, ~0.4 µs a node). */
  treeNode: 0.5,
  /** Per key hashed into a snapshot. */
  key: 2,
  /** Messages of a session, per peer (trees there and back, streams both ways). */
  sessionEvents: 4,
  /** A command of the log: applying it, and what a fault sets off (timeouts, conviction, echoes). */
  command: 20,
  /** Per key copy a compaction tick looks at (each node walks its own data). */
  compactKey: 0.05,
};

export type WorkKind = 'gossip' | 'workload' | 'repair' | 'commands' | 'compaction';

/** One part of the estimate: what it is, the field that sets its intensity, its events and work. */
export interface WorkPart {
  kind: WorkKind;
  /** The field that drives this part (`workload[2].rate`, `settings.antiEntropyInterval`…). */
  field: string;
  /** What it is, in a few words, for the message. */
  says: string;
  events: number;
  work: number;
}

export interface WorkEstimate {
  /** The moment the run goes to, ms. */
  toMs: number;
  /** Events the engine would process (compare the report's `events`). */
  events: number;
  /** Work units: events weighted by their cost, plus repair's tree building and key hashing. */
  work: number;
  parts: WorkPart[];
}

const overlap = (from: number, to: number, end: number) => Math.max(0, Math.min(to, end) - Math.max(0, from));
const fmt = (x: number) => (x >= 1e9 ? `${(x / 1e9).toFixed(1)} billion` : x >= 1e6 ? `${Math.round(x / 1e6).toLocaleString('en-US')} million` : Math.round(x).toLocaleString('en-US'));

function gossipPart(sc: Scenario, toMs: number): WorkPart {
  const n = sc.nodes.length;
  const events = (n * K.gossipEvents(n) * toMs) / sc.settings.gossipInterval;
  // Below the default round, the interval is what makes gossip heavy; at it, the cluster's size.
  const field = sc.settings.gossipInterval < 1000 ? 'settings.gossipInterval' : 'cluster.nodes';
  return { kind: 'gossip', field, says: `gossip of ${n} nodes every ${formatDuration(sc.settings.gossipInterval)}`, events, work: events * K.gossipWeight(n) };
}

/** Events per operation at a write ratio. */
const perOp = (rf: number, writeRatio: number) => writeRatio * K.writeEvents(rf) + (1 - writeRatio) * K.readEvents(rf);

/** Distinct keys a run writes, from its generators and the log's workloads (bounded by their key ranges). */
interface Workload { parts: WorkPart[]; keys: number }

function workloadParts(sc: Scenario, log: readonly LoggedCommand[], toMs: number): Workload {
  const rf = sc.replicationFactor;
  const parts: WorkPart[] = [];
  let keys = 0;
  let single = 0;
  sc.workload.forEach((w, i) => {
    if (w.kind !== 'generator') {
      if (w.at <= toMs) single += perOp(rf, w.kind === 'read' ? 0 : 1);
      return;
    }
    const ops = (w.rate * overlap(w.from, w.to, toMs)) / 1000;
    keys = Math.max(keys, Math.min(w.keys, ops * w.writeRatio));
    const events = ops * perOp(rf, w.writeRatio);
    parts.push({ kind: 'workload', field: `workload[${i}].rate`, says: `a workload of ${w.rate.toLocaleString('en-US')} operations/s`, events, work: events });
  });
  // The log's own workload: each `workload` command runs until the next one, a stop, or the end.
  let open: { i: number; at: number; rate: number; keys: number; writeRatio: number } | null = null;
  const close = (at: number) => {
    if (!open) return;
    const ops = (open.rate * Math.max(0, Math.min(at, toMs) - open.at)) / 1000;
    keys = Math.max(keys, Math.min(open.keys, ops * open.writeRatio));
    const events = ops * perOp(rf, open.writeRatio);
    parts.push({ kind: 'workload', field: `log[${open.i}].command.rate`, says: `a workload of ${open.rate.toLocaleString('en-US')} operations/s`, events, work: events });
    open = null;
  };
  log.forEach(({ at, command }, i) => {
    if (at > toMs) return;
    if (command.type === 'workload' || command.type === 'workloadStop') {
      close(at);
      if (command.type === 'workload') open = { i, at, rate: command.rate, keys: command.keys, writeRatio: command.writeRatio };
    } else if (command.type === 'write' || command.type === 'read' || command.type === 'delete') single += perOp(rf, command.type === 'read' ? 0 : 1);
  });
  close(toMs);
  if (single > 0) parts.push({ kind: 'workload', field: 'workload', says: 'single operations', events: single, work: single });
  return { parts, keys };
}

/** Work of one repair session, and what dominates it (the field to name). */
function sessionCost(sc: Scenario, keys: number): { events: number; work: number; field: string } {
  const n = sc.nodes.length;
  const rf = sc.replicationFactor;
  const v = sc.vnodes;
  const own = Math.min(rf, n) * v; // ranges a node replicates
  const peers = Math.min(n - 1, 2 * (rf - 1) * v);
  const scan = (n - 1) * n * v * K.scan;
  const depth = sc.settings.merkleDepth;
  // A range's tree holds its keys' leaves and their ancestors (each key one path), never more than the full tree.
  const perRange = keys / (n * v);
  const trees = own * rf * Math.min(2 ** (depth + 1), (1 + perRange) * (depth + 1)) * K.treeNode;
  const hashed = (1 + peers) * ((keys * rf) / n) * K.key;
  const field = trees >= scan && trees >= hashed ? (sc.settings.merkleDepth > 10 ? 'settings.merkleDepth' : 'cluster.vnodes') : scan >= hashed ? 'cluster.vnodes' : 'workload';
  const events = peers * K.sessionEvents;
  return { events, work: events + scan + trees + hashed, field };
}

function repairPart(sc: Scenario, log: readonly LoggedCommand[], toMs: number, keys: number): WorkPart | null {
  const interval = sc.settings.antiEntropyInterval;
  const periodic = interval ? Math.floor(toMs / interval) * sc.nodes.length : 0;
  const asked = sc.faults.filter((f) => f.kind === 'repair' && f.at <= toMs).length + log.filter((c) => c.at <= toMs && c.command.type === 'repair').length;
  const sessions = periodic + asked;
  if (sessions === 0) return null;
  const one = sessionCost(sc, keys);
  // Many cheap sessions: the interval; a few costly ones: what makes each costly.
  const field = periodic > 0 && one.work * 100 < MAX_WORK ? 'settings.antiEntropyInterval' : one.field;
  const says = `${sessions.toLocaleString('en-US')} repair sessions (vnodes ${sc.vnodes}, Merkle depth ${sc.settings.merkleDepth})`;
  return { kind: 'repair', field, says, events: sessions * one.events, work: sessions * one.work };
}

/** Compaction ticks (run/compaction.ts): from the first possible delete, every compactionInterval, each node walking its data. */
function compactionPart(sc: Scenario, log: readonly LoggedCommand[], toMs: number, keys: number): WorkPart | null {
  const starts = sc.workload.flatMap((w) => (w.kind === 'delete' ? [w.at] : w.kind === 'generator' && (w.deleteRatio ?? 0) > 0 ? [w.from] : []));
  for (const c of log) if (c.command.type === 'delete') starts.push(c.at);
  if (starts.length === 0) return null;
  const interval = sc.settings.compactionInterval;
  const ticks = Math.max(0, Math.floor(toMs / interval) - Math.floor(Math.min(...starts) / interval));
  const events = ticks;
  const work = ticks * (1 + sc.nodes.length + keys * sc.replicationFactor * K.compactKey);
  return { kind: 'compaction', field: 'settings.compactionInterval', says: `${ticks.toLocaleString('en-US')} compaction ticks every ${formatDuration(interval)}`, events, work };
}

/** The estimated work of running `scenario` with its command log from 0 to `toMs`. */
export function estimateWork(scenario: Scenario, log: readonly LoggedCommand[], toMs: number): WorkEstimate {
  const workload = workloadParts(scenario, log, toMs);
  const parts = [gossipPart(scenario, toMs), ...workload.parts];
  const repair = repairPart(scenario, log, toMs, workload.keys);
  if (repair) parts.push(repair);
  const compaction = compactionPart(scenario, log, toMs, workload.keys);
  if (compaction) parts.push(compaction);
  const commands = log.filter((c) => c.at <= toMs).length + scenario.faults.filter((f) => f.at <= toMs).length;
  if (commands > 0) parts.push({ kind: 'commands', field: 'log', says: `${commands} commands and faults`, events: commands * K.command, work: commands * K.command });
  return { toMs, events: parts.reduce((a, p) => a + p.events, 0), work: parts.reduce((a, p) => a + p.work, 0), parts };
}

export interface WorkCheck {
  /** The field of the run's length: `until`, `at`, `log[3].at`. */
  span: string;
  /** What is being run, for the message: "running the scenario to until (30d)". */
  what: string;
  /** Prefix of the scenario's fields in the input (`scenario` in a session file). */
  scenarioPrefix?: string;
  budget?: number;
  /** How to go past the budget, if one can (the CLI's --max-events). */
  override?: string;
}

const HOUR = 3_600_000;

/**
 * The field an over-budget run should name: the run's length when an hour of the same input fits
 * the budget (so the length is what is too much), else the field of its heaviest part.
 */
function driver(est: WorkEstimate, budget: number): WorkPart | null {
  const heaviest = est.parts.reduce((a, p) => (p.work > a.work ? p : a));
  if (est.toMs > HOUR && (est.work * HOUR) / est.toMs <= budget) return null;
  return heaviest;
}

/** Throws a ScenarioError naming the driving field when the run is over the budget; else the estimate. */
export function checkWork(scenario: Scenario, log: readonly LoggedCommand[], toMs: number, how: WorkCheck): WorkEstimate {
  const est = estimateWork(scenario, log, toMs);
  const budget = how.budget ?? MAX_WORK;
  if (est.work <= budget) return est;
  const part = driver(est, budget);
  const heaviest = est.parts.reduce((a, p) => (p.work > a.work ? p : a));
  const prefixed = (f: string) => (how.scenarioPrefix && !f.startsWith('log') ? `${how.scenarioPrefix}.${f}` : f);
  const field = part ? prefixed(part.field) : how.span;
  const share = Math.round((100 * heaviest.work) / est.work);
  const cut = part ? `; lower ${field} or shorten the run (${how.span})` : `; shorten the run (${how.span})`;
  throw new ScenarioError(
    field,
    `${how.what} is too much work: about ${fmt(est.work)} events' worth (${share}% of it from ${heaviest.says}), over the budget of ${fmt(budget)}${cut}${how.override ? `, or ${how.override}` : ''}`,
  );
}
