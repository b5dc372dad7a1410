// The simulation: state, the event loop, the network and faults. Protocol behaviour lives in
// gossip/, coordinator/, hints/ and repair/, each a set of functions over this state.
import type { ClusterInfo, Command, KeyInspection, LoggedCommand, LogEvent, LogKind, MetricsSample, Simulation, Snapshot } from './api';
import { EventHeap } from './core/heap';
import { EV as imported_EV, P_FAULT, P_OTHER as imported_P_OTHER, P_WORKLOAD as imported_P_WORKLOAD, SimEvent as imported_SimEvent } from './core/events';
import { EventLog } from './core/log';
import { DeadlineFifo } from './core/deadlines';
import { AckLog } from './check/ackLog';
import { createPrng, type Prng } from './core/prng';
import { TraceHash } from './core/trace';
import { Latency } from './net/latency';
import { Ring, type KeyPlacement } from './ring/ring';
import type { Body, HintQueue, Msg, NodeState } from './node/types';
import type { Version } from './node/versions';
import { covers as imported_covers, setCopyAt as imported_setCopyAt, type VersionSlot } from './node/versions';
import type { FaultEntry, Scenario, WorkloadEntry } from './scenario/schema';
import { ScenarioError } from './scenario/schema';
import type { Settings } from './scenario/presets';
import { freshPeerView, gossipTick as imported_gossipTick, onGossipMessage as imported_onGossipMessage } from './gossip/gossip';
import { hintTrigger as imported_hintTrigger, isBuffered, onHintMessage as imported_onHintMessage, onPageTimeout as imported_onPageTimeout, sendNextPage as imported_sendNextPage, loseHints, HINT_TRIGGER_US } from './hints/hints';
import { startWrite as imported_startWrite, onWriteMessage as imported_onWriteMessage, onWriteTimeout, failHandlersOf, type WriteHandler } from './coordinator/write';
import { startRead as imported_startRead, onReadMessage as imported_onReadMessage, onReadTimeout as imported_onReadTimeout, onRepairWriteTimeout as imported_onRepairWriteTimeout, type ReadHandler } from './coordinator/read';
import { startRepairSession, onRepairMessage } from './repair/antiEntropy';
import { buildReport, type Report } from './check/report';
import { buildSnapshot } from './check/snapshot';
import { inspectKey, metrics } from './check/inspect';
import { commandToEntry } from './scenario/commands';
import { commandAt } from './core/commandTime';

// Under tsx (the bench, the CLI) modules run as CommonJS, where every read of an imported binding
// calls two getters (one of them megamorphic): the per-event paths use local copies instead. The
// engine's modules import no cycle, so each import is defined before this module runs.
const EV = imported_EV;
const P_OTHER = imported_P_OTHER;
const P_WORKLOAD = imported_P_WORKLOAD;
const SimEvent = imported_SimEvent;
type SimEvent<B = unknown> = imported_SimEvent<B>;
const startWrite = imported_startWrite;
const onWriteMessage = imported_onWriteMessage;
const startRead = imported_startRead;
const onReadMessage = imported_onReadMessage;
const onHintMessage = imported_onHintMessage;
const covers = imported_covers;
const setCopyAt = imported_setCopyAt;
const onReadTimeout = imported_onReadTimeout;
const onRepairWriteTimeout = imported_onRepairWriteTimeout;
const hintTrigger = imported_hintTrigger;
const gossipTick = imported_gossipTick;
const onGossipMessage = imported_onGossipMessage;
const sendNextPage = imported_sendNextPage;
const onPageTimeout = imported_onPageTimeout;




export interface Stats {
  writesAttempted: number; writesAcknowledged: number; writesFailed: number; writesUnavailable: number;
  readsAttempted: number; readsSucceeded: number; readsFailed: number; readsStale: number; readRepairs: number;
  hintsCreated: number; hintsDelivered: number; hintsExpired: number; hintsDropped: number; hintsLost: number;
  repairSessions: number; leavesCompared: number; leavesDiffering: number; keysStreamed: number;
  messagesSent: number; messagesLost: number;
}

export interface KeyInfo extends VersionSlot {
  key: string;
  /** Order of first use: the key's index in the ack log. */
  ord: number;
  place: KeyPlacement;
  /** The first replicationFactor nodes of the preference list. */
  replicas: readonly number[];
  /** null until a write of the key is acknowledged. */
  acked: AckedKey | null;
  // The two below are read by every read and ack, so they sit on the key itself (one object to
  // fetch, not two).
  /** Newest acknowledged timestamp (last-write-wins); -1 if none. */
  newest: number;
  /** Acknowledged versions not covered by another acknowledged version (vector clocks; else empty). */
  frontier: Version[];
}

export interface AckedKey {
  /** Under vector clocks, every acknowledged version. */
  versions: Version[];
}

/** The frontier of a key with none (never changed in place: recordAck replaces it). */
const NO_VERSIONS: Version[] = [];

interface Generator {
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

export class Sim implements Simulation {
  readonly sc: Scenario;
  readonly S: Settings;
  readonly rf: number;
  readonly ring: Ring;
  readonly nodes: NodeState[];
  readonly byName = new Map<string, number>();
  readonly seeds: Set<number>;
  nowUs = 0;
  events = 0;
  readonly heap = new EventHeap<SimEvent>();
  private seq = 0;
  readonly rng: { net: Prng; workload: Prng; gossip: Prng };
  private readonly latency: Latency;
  readonly stats: Stats = {
    writesAttempted: 0, writesAcknowledged: 0, writesFailed: 0, writesUnavailable: 0,
    readsAttempted: 0, readsSucceeded: 0, readsFailed: 0, readsStale: 0, readRepairs: 0,
    hintsCreated: 0, hintsDelivered: 0, hintsExpired: 0, hintsDropped: 0, hintsLost: 0,
    repairSessions: 0, leavesCompared: 0, leavesDiffering: 0, keysStreamed: 0, messagesSent: 0, messagesLost: 0,
  };
  /** page id → holder, target */
  readonly pages = new Map<number, { holder: number; target: number }>();
  nextId = 1;
  /** The last write timestamp given out (µs × 1000): timestamps strictly increase. */
  lastWriteTs = -1;
  /** Every key the workload touched: its placement and its acknowledged writes. */
  readonly keys = new Map<string, KeyInfo>();
  /** Timestamps of every acknowledged write, by key (numbers, not objects: a 3-hour run acks a million). */
  readonly ackLog = new AckLog();
  private readonly rangeReplicas: (readonly number[] | undefined)[] = [];
  /** Write deadlines: writeTimeout is one constant, so they come due in the order they were set. */
  private readonly deadlines = new DeadlineFifo<WriteHandler>();
  private deadlineArmed = false;
  /** Partition group per node (all 0 when the network is whole). */
  group: number[];
  private readonly generators: Generator[] = [];
  private userGenerator: Generator | null = null;
  readonly log = new EventLog();
  readonly trace = new TraceHash();
  private readonly commands: LoggedCommand[] = [];
  readonly info: ClusterInfo;
  readonly wiped: boolean[];
  /** Indexes of the nodes up and serving clients, in order; null when it must be rebuilt (servingChanged). */
  private serving: number[] | null = null;

  constructor(scenario: Scenario) {
    // Faults and workload grow with the user's commands; copy so the caller's scenario stays as given.
    this.sc = { ...scenario, faults: [...scenario.faults], workload: [...scenario.workload] };
    this.S = scenario.settings;
    this.rf = scenario.replicationFactor;
    this.ring = new Ring(scenario.nodes, scenario.vnodes);
    this.rng = {
      net: createPrng(scenario.seed, 'network'),
      workload: createPrng(scenario.seed, 'workload'),
      gossip: createPrng(scenario.seed, 'gossip'),
    };
    this.latency = new Latency(this.S.latency.median, this.S.latency.p99, this.rng.net);
    const n = scenario.nodes.length;
    this.seeds = new Set(Array.from({ length: Math.min(3, n) }, (_, i) => i));
    this.group = new Array<number>(n).fill(0);
    this.wiped = new Array<boolean>(n).fill(false);
    this.nodes = scenario.nodes.map((id, idx) => {
      this.byName.set(id, idx);
      const node: NodeState = { idx, id, up: true, serving: true, epoch: 0, gen: 1, ver: 0, data: new Map(), hints: new Map(), peers: [], slowUs: 0 };
      node.peers = scenario.nodes.map((_, j) => {
        const view = freshPeerView(this, 0, true);
        view.alive = true;
        view.known = true;
        view.heard = true;
        view.gen = j === idx ? -1 : 1;
        return view;
      });
      return node;
    });
    for (const node of this.nodes) this.startTimers(node, true);
    scenario.faults.forEach((_, i) => this.scheduleFault(i));
    scenario.workload.forEach((_, i) => this.scheduleWorkload(i));
    if (this.S.antiEntropyInterval) this.schedule(this.us(this.S.antiEntropyInterval), EV.antiEntropy, -1, 0, 0);
    this.info = {
      name: scenario.name, seed: scenario.seed, nodes: [...scenario.nodes], replicationFactor: this.rf, vnodes: scenario.vnodes,
      hintMode: this.S.hintMode, preset: this.S.preset, settings: { ...this.S, latency: { ...this.S.latency } },
    };
  }

  // ---- time and events -------------------------------------------------------------------

  us(ms: number): number {
    return Math.round(ms * 1000);
  }

  get now(): number {
    return this.nowUs / 1000;
  }

  get until(): number {
    return this.sc.until;
  }

  /**
   * `ref`: the object the event acts on, where it has one (a read's handler for its timeouts).
   * `recycle`: an event just processed and referenced nowhere else, to carry this one.
   */
  schedule(t: number, k: number, n: number, e: number, x: number, p = P_OTHER, ref: unknown = null, recycle: SimEvent | null = null): SimEvent {
    const s = this.seq++;
    const ev = recycle ? recycle.reuse(t, p, s, k, n, e, x, '', -1, 0, false, ref) : new SimEvent(t, p, s, k, n, e, x, '', -1, 0, false, ref);
    this.heap.push(ev);
    return ev;
  }

  startTimers(node: NodeState, initial: boolean): void {
    const phase = (interval: number) => (initial ? this.rng.gossip.int(Math.max(1, interval)) : 0);
    const g = this.us(this.S.gossipInterval);
    this.schedule(this.nowUs + phase(g) + (initial ? 0 : g), EV.gossip, node.idx, node.epoch, 0);
    this.schedule(this.nowUs + phase(HINT_TRIGGER_US) + (initial ? 0 : HINT_TRIGGER_US), EV.hintTrigger, node.idx, node.epoch, 0);
  }

  private scheduleFault(i: number): void {
    this.schedule(this.us(this.sc.faults[i]!.at), EV.fault, -1, 0, i, P_FAULT + i);
  }

  private scheduleWorkload(i: number): void {
    const w = this.sc.workload[i]!;
    if (w.kind === 'generator') {
      const g: Generator = { entry: w, index: i, i: 0, toUs: this.us(w.to), fromUs: this.us(w.from), keyInfos: [] };
      this.generators[i] = g;
      this.scheduleGenerator(g);
      return;
    }
    this.schedule(this.us(w.at), EV.op, -1, 0, i, P_WORKLOAD + i);
  }

  private scheduleGenerator(g: Generator, recycle: SimEvent | null = null): void {
    const t = g.fromUs + Math.round((g.i * 1e6) / g.entry.rate);
    if (t < g.toUs) this.schedule(t, EV.gen, -1, 0, g.index, P_WORKLOAD + g.index, null, recycle);
  }

  advanceTo(ms: number, maxEvents = Infinity): boolean {
    const target = this.us(ms);
    let budget = maxEvents;
    const heap = this.heap;
    while (heap.peekTime() <= target) {
      if (budget-- <= 0) return false;
      this.process(heap.pop()!);
    }
    if (target > this.nowUs) this.nowUs = target;
    return true;
  }

  step(): boolean {
    const e = this.heap.pop();
    if (!e) return false;
    this.process(e);
    return true;
  }

  private process(ev: SimEvent): void {
    if (ev.cancelled) return;
    // A generator op at or past a user's stop was never due: skip it untraced, as a replay of the
    // exported scenario never schedules it.
    if (ev.k === EV.gen && ev.t >= this.generators[ev.x]!.toUs) return;
    this.nowUs = ev.t;
    this.events++;
    const tr = this.trace;
    tr.add(ev.t);
    tr.add(ev.k * 65536 + (ev.n + 1));
    tr.add(ev.x);
    switch (ev.k) {
      case EV.deliver: this.deliver(ev as Msg); break;
      case EV.gossip: if (this.live(ev)) gossipTick(this, this.nodes[ev.n]!); break;
      case EV.hintTrigger: if (this.live(ev)) hintTrigger(this, this.nodes[ev.n]!); break;
      case EV.pageNext: if (this.live(ev)) sendNextPage(this, this.nodes[ev.n]!, ev.x); break;
      case EV.pageTimeout: if (this.live(ev)) onPageTimeout(this, this.nodes[ev.n]!, ev.x); break;
      case EV.writeTimeout: this.sweepDeadlines(ev); break;
      case EV.readTimeout: onReadTimeout(this, ev.body as ReadHandler | null); break;
      case EV.repairWriteTimeout: onRepairWriteTimeout(this, ev.body as ReadHandler); break;
      case EV.fault: this.applyFault(this.sc.faults[ev.x]!); break;
      case EV.op: this.runOp(this.sc.workload[ev.x]!); break;
      case EV.gen: this.runGenerator(this.generators[ev.x]!, ev); break;
      case EV.antiEntropy: this.runAntiEntropy(); break;
    }
  }

  /** A node's timer is live only for the incarnation that set it. */
  private live(ev: SimEvent): boolean {
    const node = this.nodes[ev.n]!;
    return node.up && node.epoch === ev.e;
  }

  armDeadline(h: WriteHandler): void {
    const t = this.nowUs + this.us(this.S.writeTimeout);
    h.deadline = this.deadlines.push(t, h);
    if (!this.deadlineArmed) {
      this.deadlineArmed = true;
      this.schedule(t, EV.writeTimeout, -1, 0, 0);
    }
  }

  private sweepDeadlines(ev: SimEvent): void {
    const d = this.deadlines;
    while (d.nextTime() <= this.nowUs) {
      const h = d.shift();
      if (h) onWriteTimeout(this, h);
    }
    this.deadlineArmed = d.size > 0;
    if (this.deadlineArmed) this.schedule(d.nextTime(), EV.writeTimeout, -1, 0, 0, P_OTHER, null, ev);
  }

  /** Every live write (each has one deadline pending), in deadline order. */
  liveWrites(): WriteHandler[] {
    return this.deadlines.pending();
  }

  /** A write finished: its deadline no longer needs it. */
  releaseWrite(h: WriteHandler): void {
    h.live = false;
    this.deadlines.withdraw(h.deadline);
  }

  // ---- network ---------------------------------------------------------------------------

  reachable(a: number, b: number): boolean {
    return this.group[a] === this.group[b];
  }

  /**
   * `inReplyTo`: the message being answered, delivered and done with: the reply reuses its object.
   * `flag`: a small per-message value kept on the event (SimEvent.e, which messages do not otherwise use).
   */
  send(from: number, to: number, kind: Msg['kind'], body: Body, inReplyTo: SimEvent | null = null, flag = 0): void {
    const delay = this.latency.sample() + this.nodes[from]!.slowUs + this.nodes[to]!.slowUs;
    const dropped = this.S.dropRate > 0 && this.rng.net.next() < this.S.dropRate;
    const doomed = dropped || !this.reachable(from, to);
    this.stats.messagesSent++;
    const t = this.nowUs + delay;
    const s = this.seq++;
    const id = this.nextId++;
    this.heap.push(inReplyTo
      ? inReplyTo.reuse(t, P_OTHER, s, EV.deliver, to, flag, id, kind, from, this.nowUs, doomed, body)
      : new SimEvent(t, P_OTHER, s, EV.deliver, to, flag, id, kind, from, this.nowUs, doomed, body));
  }

  private deliver(m: Msg): void {
    const to = this.nodes[m.to]!;
    if (m.doomed || !to.up || !this.reachable(m.from, m.to)) {
      this.stats.messagesLost++;
      return;
    }
    switch (m.body.k) {
      case 'syn': case 'gack': case 'echo': case 'echoReply': onGossipMessage(this, to, m); break;
      case 'mut': onWriteMessage(this, to, m); break;
      case 'read': case 'readResp': onReadMessage(this, to, m); break;
      case 'hintPage': case 'hintAck': onHintMessage(this, to, m); break;
      case 'treeReq': case 'treeResp': case 'stream': onRepairMessage(this, to, m); break;
    }
  }

  // ---- helpers for subsystems ------------------------------------------------------------

  believesAlive(observer: NodeState, peer: number): boolean {
    return observer.idx === peer || observer.peers[peer]!.alive;
  }

  note(kind: LogKind, text: string, node?: number, key?: string): void {
    this.log.add(this.now, kind, text, node === undefined ? undefined : this.nodes[node]!.id, key);
  }

  /** A ring range's replicas: one shared array per range, so every key's lookups hit the same few. */
  private replicasOfRange(range: number): readonly number[] {
    let r = this.rangeReplicas[range];
    if (!r) this.rangeReplicas[range] = r = this.ring.replicasOfRange(range, this.rf);
    return r;
  }

  keyInfo(key: string): KeyInfo {
    let info = this.keys.get(key);
    if (!info) {
      const place = this.ring.place(key);
      const copiesFrom3 = this.rf > 3 ? new Array<Version[] | undefined>(this.rf - 3).fill(undefined) : null;
      info = {
        key, ord: this.keys.size, place, replicas: this.replicasOfRange(place.range), acked: null, newest: -1, frontier: NO_VERSIONS,
        copy0: undefined, copy1: undefined, copy2: undefined, copiesFrom3,
      };
      this.keys.set(key, info);
    }
    return info;
  }

  recordAck(info: KeyInfo, v: Version): void {
    let a = info.acked;
    if (!a) info.acked = a = { versions: [] };
    this.ackLog.add(info.ord, v.ts);
    if (v.ts > info.newest) info.newest = v.ts;
    if (v.clock) {
      a.versions.push(v);
      const frontier = info.frontier.filter((c) => !covers(v, c));
      if (!frontier.some((c) => covers(c, v))) frontier.push(v);
      info.frontier = frontier;
    }
  }

  queue(holder: NodeState, target: number): HintQueue {
    let q = holder.hints.get(target);
    if (!q) holder.hints.set(target, (q = { target, hints: [], delivered: 0, page: null, dispatching: false, nextPageAt: 0, lastRefusal: null }));
    return q;
  }

  /** A random node that is up and serving, as a client's driver would pick; -1 if none. */
  pickCoordinator(named: string | undefined): number {
    if (named !== undefined) return this.byName.get(named)!;
    const serving = (this.serving ??= this.nodes.filter((n) => n.up && n.serving).map((n) => n.idx));
    return serving.length === 0 ? -1 : serving[this.rng.workload.int(serving.length)]!;
  }

  /** A node went down, came up or began serving: the list of nodes serving clients is rebuilt when next needed. */
  servingChanged(): void {
    this.serving = null;
  }

  // ---- faults ----------------------------------------------------------------------------

  private applyFault(f: FaultEntry): void {
    switch (f.kind) {
      case 'kill': this.kill(this.byName.get(f.node)!, f.wipe); break;
      case 'restart': this.restart(this.byName.get(f.node)!); break;
      case 'partition': {
        const g = new Array<number>(this.nodes.length).fill(f.groups.length);
        f.groups.forEach((names, gi) => names.forEach((nm) => (g[this.byName.get(nm)!] = gi)));
        this.group = g;
        this.note('fault', `Network partitioned: ${f.groups.map((x) => `{${x.join(', ')}}`).join(' | ')}`);
        break;
      }
      case 'heal':
        this.group = this.group.map(() => 0);
        this.note('fault', 'Partition healed');
        break;
      case 'repair': {
        const node = this.nodes[this.byName.get(f.node)!]!;
        if (node.up) startRepairSession(this, node);
        else this.note('repair', `Repair of ${node.id} does nothing: it is down`, node.idx);
        break;
      }
      case 'slow': {
        const node = this.nodes[this.byName.get(f.node)!]!;
        node.slowUs = this.us(f.extraLatency);
        this.note('fault', f.extraLatency > 0 ? `${node.id} is slow: +${f.extraLatency} ms per message` : `${node.id} is no longer slow`, node.idx);
        break;
      }
    }
  }

  private kill(idx: number, wipe: boolean): void {
    const node = this.nodes[idx]!;
    if (node.up) {
      node.up = false;
      node.serving = false;
      this.servingChanged();
      node.epoch++;
      failHandlersOf(this, idx);
      for (const q of node.hints.values()) {
        // The page's timeout belonged to the dead incarnation and will not fire to forget it.
        if (q.page) this.pages.delete(q.page.id);
        q.page = null;
        q.dispatching = false;
      }
      // The memory buffer of hints dies with the process (derived from Cassandra's HintsBuffer).
      loseHints(this, node, (h) => isBuffered(this, h));
    }
    if (wipe) {
      loseHints(this, node, () => true);
      for (const key of node.data.keys()) {
        const info = this.keys.get(key);
        const r = info ? info.replicas.indexOf(idx) : -1;
        if (r >= 0) setCopyAt(info!, r, undefined);
      }
      node.data.clear();
      this.wiped[idx] = true;
    }
    this.note('fault', wipe ? `${node.id} crashed and its disk was wiped` : `${node.id} crashed (disk survives)`, idx);
  }

  private restart(idx: number): void {
    const node = this.nodes[idx]!;
    if (node.up) return;
    node.up = true;
    node.serving = false;
    node.gen++;
    node.ver = 0;
    const wiped = this.wiped[idx]!;
    this.wiped[idx] = false;
    node.peers = node.peers.map((_, j) => {
      const v = freshPeerView(this, this.nowUs);
      // A restarted node knows its peers from saved state; a wiped one only its seeds.
      v.known = j !== idx && (!wiped || this.seeds.has(j));
      return v;
    });
    if (!node.peers.some((p) => p.known)) node.serving = true;
    this.servingChanged();
    this.startTimers(node, false);
    this.note('fault', `${node.id} restarted; it serves clients once gossip has settled`, idx);
  }

  private runAntiEntropy(): void {
    for (const node of this.nodes) if (node.up) startRepairSession(this, node);
    this.schedule(this.nowUs + this.us(this.S.antiEntropyInterval!), EV.antiEntropy, -1, 0, 0);
  }

  // ---- workload --------------------------------------------------------------------------

  private runOp(w: WorkloadEntry): void {
    if (w.kind === 'generator') return;
    const coord = this.pickCoordinator(w.coordinator);
    if (w.kind === 'write') startWrite(this, coord, this.keyInfo(w.key), w.value, w.consistency, true);
    else startRead(this, coord, this.keyInfo(w.key), w.consistency, true);
  }

  private runGenerator(g: Generator, ev: SimEvent): void {
    const t = g.fromUs + Math.round((g.i * 1e6) / g.entry.rate);
    if (t >= g.toUs) return;
    const e = g.entry;
    const k = this.rng.workload.int(e.keys);
    const info = g.keyInfos[k] ?? (k < 1_000_000 ? (g.keyInfos[k] = this.keyInfo(`k${k}`)) : this.keyInfo(`k${k}`));
    const isWrite = this.rng.workload.next() < e.writeRatio;
    const coord = this.pickCoordinator(e.coordinator);
    if (isWrite) startWrite(this, coord, info, `v${g.index}.${g.i}`, e.consistency, false);
    else startRead(this, coord, info, e.consistency, false);
    g.i++;
    this.scheduleGenerator(g, ev);
  }

  // ---- the public surface ----------------------------------------------------------------

  get commandLog(): readonly LoggedCommand[] {
    return this.commands;
  }

  apply(command: Command): void {
    const at = commandAt(this.nowUs);
    // Acting on one message in flight takes effect at once; the log replays it at the same point.
    if (command.type === 'dropMessage' || command.type === 'delayMessage') {
      this.messageCommand(command);
      this.commands.push({ at, command });
      return;
    }
    const entry = commandToEntry(this, command, at);
    this.commands.push({ at, command });
    if (entry.kind === 'stop') {
      this.stopUserGenerator(at);
      return;
    }
    if (entry.kind === 'fault') {
      this.sc.faults.push(entry.entry);
      this.scheduleFault(this.sc.faults.length - 1);
      return;
    }
    if (entry.entry.kind === 'generator') this.stopUserGenerator(at);
    this.sc.workload.push(entry.entry);
    this.scheduleWorkload(this.sc.workload.length - 1);
    if (entry.entry.kind === 'generator') this.userGenerator = this.generators[this.sc.workload.length - 1]!;
  }

  private stopUserGenerator(at: number): void {
    const g = this.userGenerator;
    if (!g) return;
    g.toUs = this.us(at);
    // Keep the exported scenario equal to what ran: the generator ends where the user stopped it.
    this.sc.workload[g.index] = { ...g.entry, to: at };
    g.entry = this.sc.workload[g.index] as Generator['entry'];
    this.userGenerator = null;
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
    if (typeof key !== 'string' || key.length === 0 || key.length > 256) throw new ScenarioError('key', 'expected a key of 1..256 characters');
    return inspectKey(this, key);
  }

  metrics(): MetricsSample {
    return metrics(this);
  }

  /** A message in flight by id (a linear scan: only for a user's click). */
  private inFlight(id: number): Msg | undefined {
    for (const ev of this.heap.all()) if (ev.k === EV.deliver && ev.x === id && !ev.cancelled) return ev as Msg;
    return undefined;
  }

  private messageCommand(c: Extract<Command, { type: 'dropMessage' | 'delayMessage' }>): void {
    const m = typeof c.id === 'number' ? this.inFlight(c.id) : undefined;
    if (!m) throw new ScenarioError('id', `no message ${String(c.id)} is in flight`);
    if (c.type === 'dropMessage') {
      m.doomed = true;
      this.note('fault', `Message ${m.id} (${m.kind} ${this.nodes[m.from]!.id} → ${this.nodes[m.to]!.id}) dropped by hand`, m.to);
      return;
    }
    if (typeof c.byMs !== 'number' || !Number.isFinite(c.byMs) || c.byMs <= 0 || c.byMs > 86_400_000) throw new ScenarioError('byMs', 'expected a delay from 0 to 1d in ms');
    m.cancelled = true;
    this.heap.push(new SimEvent(m.t + this.us(c.byMs), m.p, this.seq++, m.k, m.n, m.e, m.x, m.kind, m.from, m.sentAt, m.doomed, m.body));
    this.note('fault', `Message ${m.id} (${m.kind} ${this.nodes[m.from]!.id} → ${this.nodes[m.to]!.id}) delayed by ${c.byMs} ms`, m.to);
  }
}

export function assertNode(sim: Sim, name: string, field: string): number {
  const idx = sim.byName.get(name);
  if (idx === undefined) throw new ScenarioError(field, `unknown node "${name}"`);
  return idx;
}
