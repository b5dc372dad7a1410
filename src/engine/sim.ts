// The simulation: its state and its public surface. The parts live apart: the event loop
// (run/loop.ts), faults (run/faults.ts), workload (run/workload.ts), the user's commands
// (run/userCommands.ts), keys and the ack record (keys/keys.ts), the network (net/network.ts),
// and the protocol in gossip/, coordinator/, hints/ and repair/, which see the simulation only
// through the EngineContext it implements (context.ts).
import type { ClusterInfo, Command, KeyInspection, LoggedCommand, LogEvent, LogKind, MetricsSample, ProbeRecord, Simulation, Snapshot } from './api';
import type { PageRef, SimState, Stats, Streams } from './context';
import { EventQueue } from './core/queue';
import { EV, P_OTHER, SimEvent } from './core/events';
import { EventLog, type LazyText } from './core/log';
import { msToUs } from './core/duration';
import { AckLog } from './check/ackLog';
import { createPrng } from './core/prng';
import { TraceHash } from './core/trace';
import { Latency } from './net/latency';
import { Network } from './net/network';
import { Ring } from './ring/ring';
import { dcInfo, singleDc, type Topology } from './ring/topology';
import { interDcMutations } from './net/forward';
import type { Messages, NodeState } from './node/types';
import { freshOperatorState } from './node/operator';
import type { Version } from './node/versions';
import { keyInfo, recordAck, type KeyInfo } from './keys/keys';
import type { Scenario } from './scenario/schema';
import { ScenarioError } from './scenario/schema';
import type { Settings } from './scenario/presets';
import { MAX_KEY_LENGTH } from './scenario/limits';
import { freshPeerView, gossipTick } from './gossip/gossip';
import { hintTrigger, onPageTimeout, sendNextPage, HINT_TRIGGER_US } from './hints/hints';
import type { ReadHandler, WriteHandler } from './coordinator/types';
import { onReadTimeout, onRepairWriteTimeout } from './coordinator/read';
import { armDeadline, releaseWrite, sweepDeadlines, WriteDeadlines } from './coordinator/deadlines';
import { buildReport, type Report } from './check/report';
import { buildSnapshot } from './check/snapshot';
import { inspectKey, metrics } from './check/inspect';
import { Why } from './coordinator/why';
import { LOSS_HANDLERS, MESSAGE_HANDLERS } from './handlers';
import { advance, enter, schedule } from './run/loop';
import { applyFault, runAntiEntropy } from './run/faults';
import { captureProbe, probePlan } from './run/probes';
import { generatorStopped, runGenerator, runOp, scheduleWorkload, type Generator } from './run/workload';
import { applyCommand, scheduleFault } from './run/userCommands';
import { onRepairTimeout } from './repair/antiEntropy';
import type { RepairSession } from './repair/session';
import { freshTombstoneState, type TombstoneState } from './node/tombstones';
import { compactionTick } from './run/compaction';


function newStats(): Stats {
  return {
    writesAttempted: 0, writesAcknowledged: 0, writesFailed: 0, writesUnavailable: 0,
    readsAttempted: 0, readsSucceeded: 0, readsFailed: 0, readsStale: 0, readRepairs: 0,
    hintsCreated: 0, hintsDelivered: 0, hintsExpired: 0, hintsDropped: 0, hintsLost: 0, hintsTruncated: 0,
    deletesAttempted: 0, deletesAcknowledged: 0, deletesFailed: 0,
    repairSessions: 0, leavesCompared: 0, leavesDiffering: 0, keysStreamed: 0, repairsFailed: 0, messagesSent: 0, messagesLost: 0,
    interDcMutations: 0,
  };
}

export class Sim implements Simulation, SimState {
  readonly sc: Scenario;
  readonly settings: Settings;
  readonly rf: number;
  readonly ring: Ring;
  readonly topology: Topology;
  readonly nodes: NodeState[];
  readonly byName = new Map<string, number>();
  readonly seeds: Set<number>;
  nowUs = 0;
  events = 0;
  readonly heap = new EventQueue<SimEvent>();
  /** Insertion sequence of the event queue (run/loop.ts; the network's deliveries too). */
  seq = 0;
  readonly rng: Streams;
  readonly stats: Stats = newStats();
  readonly why = new Why();
  readonly net: Network<Messages, NodeState>;
  /** page id → holder, target */
  readonly pages = new Map<number, PageRef>();
  nextId = 1;
  lastWriteTs = -1;
  readonly tombstones: TombstoneState;
  /** Every key the workload touched: its placement and its acknowledged writes. */
  readonly keys = new Map<string, KeyInfo>();
  /** Timestamps of every acknowledged write, by key (numbers, not objects: a 3-hour run acks a million). */
  readonly ackLog = new AckLog();
  readonly rangeReplicas: (readonly number[] | undefined)[] = [];
  private readonly deadlines = new WriteDeadlines();
  readonly generators: Generator[] = [];
  userGenerator: Generator | null = null;
  readonly log = new EventLog();
  readonly trace = new TraceHash();
  readonly commands: LoggedCommand[] = [];
  readonly info: ClusterInfo;
  readonly wiped: boolean[];
  /** Indexes of the nodes up and serving clients, in order; null when it must be rebuilt (servingChanged). */
  private serving: number[] | null = null;
  readonly probeLog: ProbeRecord[] = [];
  /** The scenario's probes (fault indexes, in time order) and how many have printed. */
  private readonly probes: number[];
  private probesDone = 0;

  constructor(scenario: Scenario) {
    // Faults and workload grow with the user's commands; copy so the caller's scenario stays as given.
    this.sc = { ...scenario, faults: [...scenario.faults], workload: [...scenario.workload] };
    this.settings = scenario.settings;
    this.rf = scenario.replicationFactor;
    this.ring = new Ring(scenario.nodes, scenario.vnodes, scenario.datacenters);
    this.topology = scenario.datacenters ?? singleDc(scenario.nodes.length, this.rf);
    this.rng = {
      net: createPrng(scenario.seed, 'network'),
      workload: createPrng(scenario.seed, 'workload'),
      gossip: createPrng(scenario.seed, 'gossip'),
    };
    const S = this.settings;
    const n = scenario.nodes.length;
    this.seeds = new Set(Array.from({ length: Math.min(3, n) }, (_, i) => i));
    this.wiped = new Array<boolean>(n).fill(false);
    this.tombstones = freshTombstoneState(n);
    this.nodes = scenario.nodes.map((id, idx) => this.newNode(id, idx));
    const latency = new Latency(S.latency.median, S.latency.p99, this.rng.net);
    // Inter-DC latency only with several DCs: one DC draws exactly as before.
    const remote = this.topology.names.length > 1 ? { zone: this.topology.dcOf, latency: new Latency(S.interDcLatency.median, S.interDcLatency.p99, this.rng.net) } : null;
    this.net = new Network<Messages, NodeState>(this, this.nodes, this.stats, latency, this.rng.net, S.dropRate, remote);
    for (const node of this.nodes) this.startTimers(node, true);
    scenario.faults.forEach((_, i) => scheduleFault(this, i));
    this.probes = probePlan(scenario);
    scenario.workload.forEach((_, i) => scheduleWorkload(this, i));
    if (S.antiEntropyInterval) this.schedule(this.us(S.antiEntropyInterval), EV.antiEntropy, -1, 0, 0);
    this.info = {
      name: scenario.name, seed: scenario.seed, nodes: [...scenario.nodes], replicationFactor: this.rf, vnodes: scenario.vnodes,
      hintMode: S.hintMode, preset: S.preset, settings: { ...S, latency: { ...S.latency } },
      ...(scenario.datacenters ? { datacenters: dcInfo(scenario.nodes, scenario.datacenters) } : {}),
    };
  }

  /** A node of the running cluster at time 0: every node up and believing every other alive. */
  private newNode(id: string, idx: number): NodeState {
    this.byName.set(id, idx);
    const node: NodeState = { idx, id, up: true, serving: true, epoch: 0, gen: 1, ver: 0, data: new Map(), hints: new Map(), peers: [], slowUs: 0, op: freshOperatorState() };
    node.peers = this.sc.nodes.map((_, j) => {
      const view = freshPeerView(this, 0, true);
      view.alive = true;
      view.known = true;
      view.heard = true;
      view.gen = j === idx ? -1 : 1;
      return view;
    });
    return node;
  }

  // ---- the context the subsystems see (context.ts) ----------------------------------------

  us(ms: number): number {
    return msToUs(ms);
  }

  get now(): number {
    return this.nowUs / 1000;
  }

  get until(): number {
    return this.sc.until;
  }

  newId(): number {
    return this.nextId++;
  }

  schedule(t: number, k: number, n: number, e: number, x: number, p = P_OTHER, ref: unknown = null, recycle: SimEvent | null = null): SimEvent {
    return schedule(this, t, k, n, e, x, p, ref, recycle);
  }

  pendingEvents(): readonly SimEvent[] {
    return this.heap.all();
  }

  send<K extends keyof Messages>(from: number, to: number, kind: K, body: Messages[K], inReplyTo: SimEvent | null = null, flag = 0): void {
    this.net.send(from, to, kind, body, inReplyTo, flag);
    if (this.topology.dcOf[from] !== this.topology.dcOf[to]) this.stats.interDcMutations += interDcMutations(kind, body);
  }

  reachable(a: number, b: number): boolean {
    return this.net.reachable(a, b);
  }

  note(kind: LogKind, text: LazyText, node?: number, key?: string, workload = false): void {
    this.log.add(this.now, kind, text, node === undefined ? undefined : this.nodes[node]!.id, key, workload);
  }

  keyInfo(key: string): KeyInfo {
    return keyInfo(this, key);
  }

  recordAck(info: KeyInfo, v: Version): void {
    recordAck(this, info, v);
  }

  armDeadline(h: WriteHandler): void {
    armDeadline(this, this.deadlines, h);
  }

  releaseWrite(h: WriteHandler): void {
    releaseWrite(this.deadlines, h);
  }

  liveWrites(): WriteHandler[] {
    return this.deadlines.fifo.pending();
  }

  /** A random node that is up and serving, as a client's driver would pick; -1 if none. */
  pickCoordinator(named: string | undefined, dc?: string): number {
    if (named !== undefined) return this.byName.get(named)!;
    let serving = (this.serving ??= this.nodes.filter((n) => n.up && n.serving).map((n) => n.idx));
    // A client's DC-aware policy: a node of its own DC, none remote (the operation then fails).
    if (dc !== undefined) serving = serving.filter((i) => this.topology.names[this.topology.dcOf[i]!] === dc);
    return serving.length === 0 ? -1 : serving[this.rng.workload.int(serving.length)]!;
  }

  servingChanged(): void {
    this.serving = null;
  }

  startTimers(node: NodeState, initial: boolean): void {
    const phase = (interval: number) => (initial ? this.rng.gossip.int(Math.max(1, interval)) : 0);
    const g = this.us(this.settings.gossipInterval);
    this.schedule(this.nowUs + phase(g) + (initial ? 0 : g), EV.gossip, node.idx, node.epoch, 0);
    this.schedule(this.nowUs + phase(HINT_TRIGGER_US) + (initial ? 0 : HINT_TRIGGER_US), EV.hintTrigger, node.idx, node.epoch, 0);
  }

  // ---- the event loop ---------------------------------------------------------------------

  advanceTo(ms: number, maxEvents = Infinity): boolean {
    const target = this.us(ms);
    let budget = maxEvents;
    // The clock stops at each probe's time to print it; stopping between events changes nothing.
    for (let i = this.probes[this.probesDone]; i !== undefined && this.us(this.sc.faults[i]!.at) <= target; i = this.probes[this.probesDone]) {
      const before = this.events;
      if (!advance(this, this.us(this.sc.faults[i]!.at), budget)) return false;
      budget -= this.events - before;
      this.probeLog.push(...captureProbe(this, i));
      this.probesDone++;
    }
    return advance(this, target, budget);
  }

  step(): boolean {
    // A probe due before the next event prints first (the step then ends at the probe's time).
    const probe = this.probes[this.probesDone];
    if (probe !== undefined && this.us(this.sc.faults[probe]!.at) < this.heap.peekTime()) return this.advanceTo(this.sc.faults[probe]!.at);
    const e = this.heap.pop();
    if (!e) return false;
    this.process(e);
    return true;
  }

  /** One event off the queue (run/loop.ts calls it): what each kind of event does. */
  process(ev: SimEvent): void {
    if (ev.cancelled) return;
    if (ev.k === EV.gen && generatorStopped(this, ev)) return;
    enter(this, ev);
    switch (ev.k) {
      case EV.deliver: {
        const seq = ev.s;
        this.net.deliver(ev, this, MESSAGE_HANDLERS, LOSS_HANDLERS);
        // Not re-queued as a reply (which takes a new seq): nothing holds it any more.
        if (ev.s === seq) this.net.recycle(ev);
        break;
      }
      case EV.gossip: if (this.live(ev)) gossipTick(this, this.nodes[ev.n]!); break;
      case EV.hintTrigger: if (this.live(ev)) hintTrigger(this, this.nodes[ev.n]!); break;
      case EV.pageNext: if (this.live(ev)) sendNextPage(this, this.nodes[ev.n]!, ev.x); break;
      case EV.pageTimeout: if (this.live(ev)) onPageTimeout(this, this.nodes[ev.n]!, ev.x); break;
      case EV.writeTimeout: sweepDeadlines(this, this.deadlines, ev); break;
      case EV.readTimeout: onReadTimeout(this, ev.body as ReadHandler | null); break;
      case EV.repairWriteTimeout: onRepairWriteTimeout(this, ev.body as ReadHandler); break;
      case EV.fault: applyFault(this, this.sc.faults[ev.x]!); break;
      case EV.op: runOp(this, this.sc.workload[ev.x]!); break;
      case EV.gen: runGenerator(this, this.generators[ev.x]!, ev); break;
      case EV.antiEntropy: runAntiEntropy(this); break;
      case EV.repairTimeout: onRepairTimeout(this, ev.body as RepairSession); break;
      case EV.compaction: compactionTick(this); break;
    }
  }

  /** A node's timer is live only for the incarnation that set it. */
  private live(ev: SimEvent): boolean {
    const node = this.nodes[ev.n]!;
    return node.up && node.epoch === ev.e;
  }

  // ---- the public surface (api.ts Simulation) ---------------------------------------------

  get commandLog(): readonly LoggedCommand[] {
    return this.commands;
  }

  apply(command: Command): void {
    applyCommand(this, command);
  }

  /** The scenario as it now stands: the original plus every command, as faults and workload. */
  exportScenario(): Scenario {
    return { ...this.sc, faults: [...this.sc.faults], workload: [...this.sc.workload] };
  }

  userWorkload(): Snapshot['workload'] {
    const g = this.userGenerator;
    return g ? { rate: g.entry.rate, keys: g.entry.keys, writeRatio: g.entry.writeRatio, consistency: g.entry.consistency } : null;
  }

  snapshot(maxMessages = 2000): Snapshot {
    return buildSnapshot(this, maxMessages);
  }

  drainLog(max = 500): { events: LogEvent[]; skipped: number } {
    return this.log.drain(max);
  }

  report(): Report {
    return buildReport(this);
  }

  traceHash(): string {
    return this.trace.hex();
  }

  inspectKey(key: string): KeyInspection {
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) throw new ScenarioError('key', `expected a key of 1..${MAX_KEY_LENGTH} characters`);
    return inspectKey(this, key);
  }

  metrics(): MetricsSample {
    return metrics(this);
  }
}
