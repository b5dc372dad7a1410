// A chainable cluster harness for engine tests, read as the behaviour it checks:
//   cluster({ nodes: 6 }).at('30s').kill('C').write('k1', { via: 'A', cl: 'QUORUM' }).run('1m').expectHints({ created: 1 })
// It stands on the engine's public surface (createSimulation, apply, advanceTo, step, snapshot,
// report, inspectKey). What a test needs beyond that surface is reached through `internals()` at
// the bottom of this file and nowhere else: when the engine's Sim is restructured, adapt that one function.
import { expect } from 'vitest';
import { createSimulation, parseDuration } from '../../src/engine';
import type { Command, ConsistencyLevel, Counters, HintQueueView, KeyInspection, LogEvent, MessageKind, MetricsSample, NodeView, PeerBelief, Report, Scenario, Simulation, Snapshot, VersionView } from '../../src/engine';
// For internals() only:
import type { Sim } from '../../src/engine/sim';
import { EV } from '../../src/engine/core/events';
import type { RepairBody } from '../../src/engine/node/types';
import type { RangeSnapshot } from '../../src/engine/repair/merkle';

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

/** A time or duration: ms, or the scenario format's '1m30s'. */
export type Time = number | string;

const toMs = (t: Time): number => {
  const ms = parseDuration(t);
  if (ms === null) throw new Error(`not a duration: ${String(t)}`);
  return ms;
};

/** `nodes: 4` names them A, B, C, D. */
const nodeNames = (nodes: string[] | number = 6): string[] =>
  typeof nodes === 'number' ? Array.from({ length: nodes }, (_, i) => String.fromCharCode(65 + i)) : nodes;

export function scenario(spec: ClusterSpec): Record<string, unknown> {
  return {
    format: 'hintscope/scenario@1',
    name: 'test',
    seed: spec.seed ?? 7,
    cluster: { nodes: nodeNames(spec.nodes), vnodes: spec.vnodes ?? 8, replicationFactor: spec.rf ?? 3 },
    settings: spec.settings ?? {},
    workload: spec.workload ?? [],
    faults: spec.faults ?? [],
    until: spec.until ?? '10m',
  };
}

/** A message as it left its sender: `kind` on the wire, `body` the protocol's own name for it ('hintPage', 'syn', 'echoReply'…). */
export interface SentMessage { kind: MessageKind; body: string; from: string; to: string; at: number }

/** A message seen in flight: its transit time is `deliverAt - sentAt` (ms). */
export interface Transit { from: string; to: string; sentAt: number; deliverAt: number }

type Op = { via?: string; cl?: ConsistencyLevel };

export class Cluster {
  /** The simulation itself: advance and command it through the Cluster, which caches what it reads. */
  readonly sim: Simulation & { exportScenario(): Scenario };
  private scratch: Simulation | null = null;
  /** The snapshot of the current state, taken once however many questions a test asks of it. */
  private view: Snapshot | null = null;
  private watchers: ((s: Snapshot) => void)[] = [];

  constructor(readonly spec: ClusterSpec = {}) {
    this.sim = createSimulation(scenario(spec));
  }

  // ---- time -------------------------------------------------------------------------------

  get now(): number { return this.sim.now; }
  get until(): number { return this.sim.until; }

  /** Runs to absolute time `t`. */
  at(t: Time): this {
    this.advanceTo(toMs(t));
    return this;
  }

  /** Runs for `d` more (or to the scenario's `until` without one). */
  run(d?: Time): this {
    this.advanceTo(d === undefined ? this.until : this.now + toMs(d));
    return this;
  }

  /** Advances in `stepMs` steps until `done()` holds or `limitMs` (absolute) is passed; returns the time it held, or -1. */
  runUntil(done: () => boolean, stepMs: number, limitMs = Infinity): number {
    let t = this.now;
    while (!done()) {
      if (t >= limitMs) return -1;
      this.advanceTo((t += stepMs));
    }
    return t;
  }

  advanceTo(ms: number, maxEvents?: number): boolean {
    this.view = null;
    if (this.watchers.length === 0) return this.sim.advanceTo(ms, maxEvents);
    // Watched: one event at a time, so every message is seen in flight.
    let budget = maxEvents ?? Infinity;
    for (;;) {
      const done = this.sim.advanceTo(ms, 1);
      this.notify();
      if (done) return true;
      if (--budget <= 0) return false;
    }
  }

  step(): boolean {
    this.view = null;
    const more = this.sim.step();
    this.notify();
    return more;
  }

  private notify(): void {
    if (this.watchers.length === 0) return;
    const s = this.sim.snapshot(Infinity);
    for (const w of this.watchers) w(s);
  }

  // ---- commands (each applies at now + 1 µs, as a user's would) -----------------------------

  apply(command: Command): this {
    this.view = null;
    this.sim.apply(command);
    return this;
  }

  kill(node: string, opts: { wipe?: boolean } = {}): this { return this.apply({ type: 'kill', node, ...opts }); }
  restart(node: string): this { return this.apply({ type: 'restart', node }); }
  partition(...groups: string[][]): this { return this.apply({ type: 'partition', groups }); }
  heal(): this { return this.apply({ type: 'heal' }); }
  repair(node: string): this { return this.apply({ type: 'repair', node }); }
  slow(node: string, extraLatency: Time): this { return this.apply({ type: 'slow', node, extraLatencyMs: toMs(extraLatency) }); }
  drop(id: number): this { return this.apply({ type: 'dropMessage', id }); }

  write(key: string, { via, cl = 'ONE', value = `${key}@${this.now}` }: Op & { value?: string } = {}): this {
    return this.apply({ type: 'write', key, value, consistency: cl, ...(via === undefined ? {} : { coordinator: via }) });
  }

  read(key: string, { via, cl = 'ONE' }: Op = {}): this {
    return this.apply({ type: 'read', key, consistency: cl, ...(via === undefined ? {} : { coordinator: via }) });
  }

  // ---- what the cluster reports -----------------------------------------------------------

  report(): Report { return this.sim.report() as Report; }
  snapshot(maxMessages?: number): Snapshot { return this.sim.snapshot(maxMessages); }
  counters(): Counters { return this.state().counters; }

  /** The current snapshot, without messages (cached until the cluster advances or is commanded). */
  state(): Snapshot { return (this.view ??= this.sim.snapshot(0)); }
  metrics(): MetricsSample { return this.sim.metrics(); }
  traceHash(): string { return this.sim.traceHash(); }
  get commandLog(): Simulation['commandLog'] { return this.sim.commandLog; }
  exportScenario(): Scenario { return this.sim.exportScenario(); }
  drainLog(max?: number): { events: LogEvent[]; skipped: number } { return this.sim.drainLog(max); }
  /** Everything about one key, from the live cluster (registers the key: inspect one already written). */
  inspect(key: string): KeyInspection { return this.sim.inspectKey(key); }
  inspectKey(key: string): KeyInspection { return this.sim.inspectKey(key); }

  node(name: string): NodeView {
    const n = this.state().nodes.find((v) => v.id === name);
    if (!n) throw new Error(`no node ${name}`);
    return n;
  }

  names(): string[] { return [...this.sim.info.nodes]; }

  /** What `observer`'s failure detector believes of `peer` (alive, phi); undefined if the observer is down or does not know the peer. */
  believes(observer: string, peer: string): PeerBelief | undefined {
    return this.node(observer).beliefs.find((b) => b.peer === peer);
  }

  /** Does `observer` believe `peer` alive? (A down observer or an unknown peer: no.) */
  alive(observer: string, peer: string): boolean { return this.believes(observer, peer)?.alive ?? false; }

  /** The up nodes (other than `peer`) that believe `peer` down. */
  convictors(peer: string): string[] {
    return this.state().nodes.filter((n) => n.up && n.id !== peer && !n.beliefs.some((b) => b.peer === peer && b.alive)).map((n) => n.id);
  }

  /** One holder's hint queue for one target, if it holds any hint for it or is replaying to it. */
  queue(holder: string, target: string): HintQueueView | undefined {
    return this.state().hintQueues.find((q) => q.holder === holder && q.target === target);
  }

  /** Pending hints: held by `holder` (or anyone), for `target` (or anyone). */
  pending(holder?: string, target?: string): number {
    return this.state().hintQueues.filter((q) => (holder === undefined || q.holder === holder) && (target === undefined || q.target === target)).reduce((a, q) => a + q.pending, 0);
  }

  /** The nodes holding pending hints for `target`. */
  holders(target: string): string[] {
    return [...new Set(this.state().hintQueues.filter((q) => q.target === target && q.pending > 0).map((q) => q.holder))];
  }

  /** The targets `holder` has pending hints for. */
  hintTargets(holder: string): string[] {
    return this.state().hintQueues.filter((q) => q.holder === holder && q.pending > 0).map((q) => q.target);
  }

  /** `node`'s own versions of `key` (inspect a key already written). */
  versions(node: string, key: string): VersionView[] {
    return this.inspect(key).preferenceList.find((p) => p.node === node)!.versions;
  }

  /** `node`'s own values of `key`. */
  values(node: string, key: string): string[] { return this.versions(node, key).map((v) => v.value); }

  holds(node: string, key: string): boolean { return this.versions(node, key).length > 0; }

  // ---- placement (from a scratch cluster of the same ring: the live one is not touched) ------

  /** Every node in `key`'s preference order. */
  preferenceList(key: string): string[] {
    this.scratch ??= createSimulation(scenario({ nodes: this.spec.nodes, rf: this.spec.rf, vnodes: this.spec.vnodes }));
    return this.scratch.inspectKey(key).preferenceList.map((p) => p.node);
  }

  replicasOf(key: string): string[] { return this.preferenceList(key).slice(0, this.sim.info.replicationFactor); }

  /** A node that is not one of `key`'s replicas (the first in node order). */
  outsider(key: string): string {
    const r = this.replicasOf(key);
    return this.names().find((n) => !r.includes(n))!;
  }

  // ---- recorders --------------------------------------------------------------------------

  /** Every message sent from now on, with its protocol name (records through internals). */
  messages(): SentMessage[] {
    const seen: SentMessage[] = [];
    internals(this.sim).onSend((m) => seen.push(m));
    return seen;
  }

  /** Every message seen in flight from now on (the cluster then advances one event at a time). */
  transits(): Transit[] {
    const seen = new Set<number>();
    const out: Transit[] = [];
    this.watchers.push((s) => {
      for (const m of s.messages) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        out.push({ from: m.from, to: m.to, sentAt: m.sentAt, deliverAt: m.deliverAt });
      }
    });
    return out;
  }

  // ---- expectations (chainable) ------------------------------------------------------------

  expectReport(want: Record<string, unknown>): this {
    expect(this.report()).toMatchObject(want);
    return this;
  }

  expectHints(want: Partial<Report['hints']>): this {
    expect(this.report().hints).toMatchObject(want);
    return this;
  }

  expectWrites(want: Partial<Report['writes']>): this {
    expect(this.report().writes).toMatchObject(want);
    return this;
  }

  expectReads(want: Partial<Report['reads']>): this {
    expect(this.report().reads).toMatchObject(want);
    return this;
  }
}

export function cluster(spec: ClusterSpec = {}): Cluster {
  return new Cluster(spec);
}

/** Runs a scenario to its `until`. */
export function run(spec: ClusterSpec): { sim: Cluster; report: Report } {
  const sim = cluster(spec).run();
  return { sim, report: sim.report() };
}

/** The key's replicas by name, and a coordinator that is not one of them. */
export function placement(c: Cluster, key: string): { replicas: string[]; outsider: string } {
  return { replicas: c.replicasOf(key), outsider: c.outsider(key) };
}

// ==== INTERNALS =================================================================================
// The one place tests reach past the engine's public surface (src/engine/index.ts). Each accessor
// is something no snapshot or report shows. When the engine's Sim is restructured, adapt this.
export function internals(simulation: Simulation | Cluster) {
  const sim = (simulation instanceof Cluster ? simulation.sim : simulation) as Sim;
  const at = (name: string) => {
    const i = sim.byName.get(name);
    if (i === undefined) throw new Error(`no node ${name}`);
    return sim.nodes[i]!;
  };
  const id = (i: number) => sim.nodes[i]!.id;
  return {
    /** One node's raw view of a peer: what it knows beyond alive/phi. */
    peer(observer: string, peer: string) {
      const p = at(observer).peers[sim.byName.get(peer)!]!;
      return { alive: p.alive, heard: p.heard, known: p.known, windowMeanUs: p.window.mean() };
    },
    /** A holder's hint queues, empty ones included: [target, hints]. */
    queues: (holder: string): [string, number][] => [...at(holder).hints.values()].map((q) => [id(q.target), q.hints.length]),
    /** A node's data map itself (identity: checkpoints must not share it). */
    dataMap: (node: string): object => at(node).data,
    rng: (): object => sim.rng.net,
    /** Plants a field on a node's state (a checkpoint must refuse a function there). */
    plant: (node: string, field: string, value: unknown): void => { (at(node) as unknown as Record<string, unknown>)[field] = value; },
    pagesOnWire: (): number => sim.pages.size,
    /** The range snapshots (Merkle tree and keys) the repair messages in flight carry, each once: the initiators' and the peers'. */
    repairSnapshots(): { initiator: RangeSnapshot[]; peers: RangeSnapshot[] } {
      const mine = new Set<RangeSnapshot>();
      const theirs = new Set<RangeSnapshot>();
      for (const e of sim.heap.all()) {
        if (e.k !== EV.deliver || e.cancelled || e.kind !== 'repair') continue;
        const b = e.body as RepairBody;
        if (b.k === 'stream') continue;
        for (const r of b.mine.values()) mine.add(r);
        for (const r of b.theirs.values()) theirs.add(r);
      }
      return { initiator: [...mine], peers: [...theirs] };
    },
    /** When `node`'s next hint trigger fires, ms. */
    nextHintTrigger: (node: string): number => sim.heap.all().find((e) => e.k === EV.hintTrigger && e.n === at(node).idx && !e.cancelled)!.t / 1000,
    writesUnavailable: (): number => sim.stats.writesUnavailable,
    setNextId: (n: number): void => { sim.nextId = n; },
    onSend(record: (m: SentMessage) => void): void {
      const send = sim.send.bind(sim);
      sim.send = (from, to, kind, body, ...rest) => {
        record({ kind, body: body.k, from: id(from), to: id(to), at: sim.now });
        send(from, to, kind, body, ...rest);
      };
    },
    /** Every default-coordinator pick: who (null: none serving) and whether it was serving then. */
    onPick(record: (p: { at: number; coordinator: string | null; serving: boolean }) => void): void {
      const pick = sim.pickCoordinator.bind(sim);
      sim.pickCoordinator = (named) => {
        const c = pick(named);
        record({ at: sim.now, coordinator: c >= 0 ? id(c) : null, serving: c >= 0 && sim.nodes[c]!.serving });
        return c;
      };
    },
  };
}
