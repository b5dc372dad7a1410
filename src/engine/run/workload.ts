// The workload: single reads and writes at their time, and generators that issue operations at a
// steady rate over random keys (the scenario's and the user's "workload" command).
import type { SimState } from '../context';
import { EV, P_WORKLOAD, type SimEvent } from '../core/events';
import { startRead } from '../coordinator/read';
import { startWrite } from '../coordinator/write';
import type { KeyInfo } from '../keys/keys';
import { DEFAULT_REMOVE_RATIO, type WorkloadEntry } from '../scenario/entries';
import { elements } from '../node/orset';
import { startCompaction } from './compaction';

export interface Generator {
  entry: Extract<WorkloadEntry, { kind: 'generator' }>;
  index: number;
  /** Keys looked up once per run: the hot path then needs no map lookup for placement. */
  keyInfos: KeyInfo[];
  i: number;
  /** µs; mutable so a user's "stop" ends it. */
  toUs: number;
  /** µs; entry.from, converted once rather than per operation. */
  fromUs: number;
}

/** The simulation with its generators (fields of the Sim). */
export interface WorkloadState extends SimState {
  readonly generators: Generator[];
  userGenerator: Generator | null;
}

/** Queues workload entry i (sc.workload[i]): its one operation, or its generator's first. */
export function scheduleWorkload(s: WorkloadState, i: number): void {
  const w = s.sc.workload[i]!;
  startCompaction(s, w);
  if (w.kind === 'generator') {
    const g: Generator = { entry: w, index: i, i: 0, toUs: s.us(w.to), fromUs: s.us(w.from), keyInfos: [] };
    s.generators[i] = g;
    scheduleGenerator(s, g);
    return;
  }
  s.schedule(s.us(w.at), EV.op, -1, 0, i, P_WORKLOAD + i);
}

function scheduleGenerator(s: SimState, g: Generator, recycle: SimEvent | null = null): void {
  const t = g.fromUs + Math.round((g.i * 1e6) / g.entry.rate);
  if (t < g.toUs) s.schedule(t, EV.gen, -1, 0, g.index, P_WORKLOAD + g.index, null, recycle);
}

/**
 * A generator op at or past a user's stop was never due: the loop skips it untraced, as a replay
 * of the exported scenario never schedules it.
 */
export function generatorStopped(s: WorkloadState, ev: SimEvent): boolean {
  return ev.t >= s.generators[ev.x]!.toUs;
}

export function runOp(s: SimState, w: WorkloadEntry): void {
  if (w.kind === 'generator') return;
  const coord = s.pickCoordinator(w.coordinator, w.dc);
  if (w.kind === 'write') startWrite(s, coord, s.keyInfo(w.key), w.value, w.consistency, true, w.op);
  else if (w.kind === 'delete') startWrite(s, coord, s.keyInfo(w.key), '', w.consistency, true, 'delete');
  else startRead(s, coord, s.keyInfo(w.key), w.consistency, true);
}

export function runGenerator(s: SimState, g: Generator, ev: SimEvent): void {
  const t = g.fromUs + Math.round((g.i * 1e6) / g.entry.rate);
  if (t >= g.toUs) return;
  const e = g.entry;
  const k = s.rng.workload.int(e.keys);
  const info = g.keyInfos[k] ?? (k < 1_000_000 ? (g.keyInfos[k] = s.keyInfo(`k${k}`)) : s.keyInfo(`k${k}`));
  // One draw decides: u < writeRatio writes, u < writeRatio + deleteRatio deletes, else a read.
  const u = s.rng.workload.next();
  const isWrite = u < e.writeRatio;
  const coord = s.pickCoordinator(e.coordinator, e.dc);
  if (isWrite && s.settings.conflictResolution === 'or-set') setWrite(s, g, coord, info);
  else if (isWrite) startWrite(s, coord, info, `v${g.index}.${g.i}`, e.consistency, false);
  else if (e.deleteRatio !== undefined && u < e.writeRatio + e.deleteRatio) startWrite(s, coord, info, '', e.consistency, false, 'delete');
  else startRead(s, coord, info, e.consistency, false);
  g.i++;
  scheduleGenerator(s, g, ev);
}

/**
 * An OR-set generator's write: with probability removeRatio it removes one of the elements the
 * coordinator holds (a cart's owner removes what they see), else it adds a new element. The extra
 * draws happen only under the OR-set, so the other modes' runs are unchanged.
 */
function setWrite(s: SimState, g: Generator, coord: number, info: KeyInfo): void {
  const e = g.entry;
  const wantsRemove = s.rng.workload.next() < (e.removeRatio ?? DEFAULT_REMOVE_RATIO);
  const own = wantsRemove && coord >= 0 ? s.nodes[coord]!.data.get(info.key)?.[0]?.set : undefined;
  const present = own ? elements(own) : [];
  if (present.length > 0) startWrite(s, coord, info, present[s.rng.workload.int(present.length)]!, e.consistency, false, 'remove');
  else startWrite(s, coord, info, `v${g.index}.${g.i}`, e.consistency, false, 'add');
}

/** Ends the user's generator at `at` (ms). */
export function stopUserGenerator(s: WorkloadState, at: number): void {
  const g = s.userGenerator;
  if (!g) return;
  g.toUs = s.us(at);
  // Keep the exported scenario equal to what ran: the generator ends where the user stopped it.
  s.sc.workload[g.index] = { ...g.entry, to: at };
  g.entry = s.sc.workload[g.index] as Generator['entry'];
  s.userGenerator = null;
}
