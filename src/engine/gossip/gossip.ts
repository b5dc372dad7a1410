// Gossip and failure detection (Cassandra gms/Gossiper.java, FailureDetector.java; Dynamo §4.8).
// Each round a node bumps its heartbeat, convicts peers whose phi exceeds phi_convict_threshold,
// and gossips its heartbeat table to a random live peer, sometimes to an unreachable one and to a
// seed. A newer heartbeat for a peer believed down triggers an echo; the echo's reply marks it
// alive (Cassandra's markAlive), so stale relayed state never resurrects a dead node.
import type { EngineContext } from '../context';
import type { DigestBody, Msg, NodeState, PeerView } from '../node/types';
import { ArrivalWindow } from './arrivalWindow';
import { EV } from '../core/events';

/**
 * A node's view of a peer it has heard nothing about since it (re)started. `warm`: the cluster at
 * time 0, which is a running one (scenario-format.md: every node up and believing every other
 * alive): its detectors have sampled heartbeats at the gossip interval already, so a node killed
 * right after 0 is convicted after the ~18 s of fidelity.md like any other, not after the ~35 s a
 * window holding only Cassandra's initial 2-interval guess would take. A restarted node's window
 * starts from that guess, as Cassandra's does.
 */
export function freshPeerView(ctx: EngineContext, now: number, warm = false): PeerView {
  const interval = ctx.us(ctx.settings.gossipInterval);
  return {
    gen: -1, ver: 0, alive: false, downSince: now, heard: false, known: true, echoSentAt: -Infinity, shutdown: -1,
    window: new ArrivalWindow(2 * interval, now, warm ? interval : 0),
  };
}

export function gossipTick(ctx: EngineContext, node: NodeState): void {
  // Gossip disabled: no heartbeat and no status check (the detector runs in the gossip task), so
  // the node's view of its peers stays as it was; the timer keeps its phase for enablegossip.
  if (node.op.gossipOff) {
    ctx.schedule(ctx.nowUs + ctx.us(ctx.settings.gossipInterval), EV.gossip, node.idx, node.epoch, 0);
    return;
  }
  node.ver++;
  statusCheck(ctx, node);
  checkSettled(ctx, node);
  const live: number[] = [];
  const unreachable: number[] = [];
  node.peers.forEach((p, j) => {
    if (j === node.idx || !p.known) return;
    (p.alive ? live : unreachable).push(j);
  });
  const rng = ctx.rng.gossip;
  let toSeed = false;
  if (live.length > 0) {
    const t = live[rng.int(live.length)]!;
    toSeed = ctx.seeds.has(t);
    sendSyn(ctx, node, t);
  }
  if (unreachable.length > 0 && rng.next() < unreachable.length / (live.length + 1)) {
    sendSyn(ctx, node, unreachable[rng.int(unreachable.length)]!);
  }
  const seeds = [...ctx.seeds].filter((s) => s !== node.idx && node.peers[s]!.known);
  if (seeds.length > 0 && (!toSeed || live.length < ctx.seeds.size)) {
    const prob = live.length === 0 ? 1 : seeds.length / (live.length + unreachable.length);
    if (rng.next() <= prob) sendSyn(ctx, node, seeds[rng.int(seeds.length)]!);
  }
  ctx.schedule(ctx.nowUs + ctx.us(ctx.settings.gossipInterval), EV.gossip, node.idx, node.epoch, 0);
}

function statusCheck(ctx: EngineContext, node: NodeState): void {
  node.peers.forEach((p, j) => {
    if (j === node.idx || !p.alive) return;
    const phi = p.window.phi(ctx.nowUs);
    if (phi > ctx.settings.phiConvictThreshold) {
      p.alive = false;
      p.downSince = ctx.nowUs;
      ctx.note('gossip', `${node.id} convicts ${ctx.nodes[j]!.id} (phi ${phi.toFixed(1)} > ${ctx.settings.phiConvictThreshold})`, node.idx);
    }
  });
}

/** What a node knows of each peer's generation (-1: never heard of) and version: a syn or its ack. */
function digest(node: NodeState, k: DigestBody['k']): DigestBody {
  const n = node.peers.length;
  const gens = new Array<number>(n);
  const vers = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const p = node.peers[j]!;
    gens[j] = j === node.idx ? node.gen : p.known ? p.gen : -1;
    vers[j] = j === node.idx ? node.ver : p.ver;
  }
  return { k, gens, vers };
}

function sendSyn(ctx: EngineContext, node: NodeState, to: number): void {
  ctx.send(node.idx, to, 'gossip', digest(node, 'syn'));
}

/** A gossip digest: a syn is answered with an ack carrying this node's digest. */
export function onDigest(ctx: EngineContext, node: NodeState, m: Msg<'gossip'>): void {
  // A node with gossip disabled ignores gossip (Cassandra's GossipDigestSynVerbHandler).
  if (node.op.gossipOff) return;
  const b = m.body;
  if (b.k === 'shutdown') return markShutdown(ctx, node, m.from, b.gen);
  merge(ctx, node, b.gens, b.vers);
  if (b.k === 'syn') ctx.send(node.idx, m.from, 'gossip', digest(node, 'gack'), m);
}

/** An echo is answered at once; its reply proves the peer reachable (Cassandra's markAlive). */
export function onEcho(ctx: EngineContext, node: NodeState, m: Msg<'echo'>): void {
  if (node.op.gossipOff) return;
  if (m.body.k === 'echo') {
    ctx.send(node.idx, m.from, 'echo', { k: 'echoReply' }, m);
    return;
  }
  const p = node.peers[m.from]!;
  p.echoSentAt = -Infinity;
  if (!p.alive) markAlive(ctx, node, m.from);
}

function merge(ctx: EngineContext, node: NodeState, gens: number[], vers: number[]): void {
  for (let j = 0; j < gens.length; j++) {
    if (j === node.idx || gens[j]! < 0) continue;
    const p = node.peers[j]!;
    p.known = true;
    p.heard = true;
    // A peer that announced its shutdown stays down until it gossips again in a newer generation.
    if (p.shutdown >= gens[j]!) continue;
    p.shutdown = -1;
    const newer = gens[j]! > p.gen || (gens[j] === p.gen && vers[j]! > p.ver);
    if (!newer) continue;
    p.gen = gens[j]!;
    p.ver = vers[j]!;
    if (p.alive) p.window.arrival(ctx.nowUs);
    else if (ctx.nowUs - p.echoSentAt > ctx.us(ctx.settings.gossipInterval)) {
      // An echo answered proves the peer is reachable; an unanswered one is retried on newer news.
      p.echoSentAt = ctx.nowUs;
      ctx.send(node.idx, j, 'echo', { k: 'echo' });
    }
  }
  checkSettled(ctx, node);
}

/**
 * A restarted node opens for clients once gossip has settled: it has heard of every peer it knows,
 * and each of those is either confirmed alive by an echo or has left its echo unanswered for a
 * gossip interval (Cassandra waits for gossip to settle before opening the client port).
 */
function checkSettled(ctx: EngineContext, node: NodeState): void {
  if (node.serving) return;
  const grace = ctx.us(ctx.settings.gossipInterval);
  const settled = node.peers.every((p, j) => j === node.idx || !p.known || (p.heard && (p.alive || ctx.nowUs - p.echoSentAt >= grace)));
  if (!settled) return;
  node.serving = true;
  ctx.servingChanged();
  const down = node.peers.filter((p, j) => j !== node.idx && p.known && !p.alive).length;
  ctx.note('gossip', `${node.id}: gossip settled, now serving clients${down ? ` (believes ${down} peer${down === 1 ? '' : 's'} down)` : ''}`, node.idx);
}

function markAlive(ctx: EngineContext, node: NodeState, j: number): void {
  const p = node.peers[j]!;
  p.alive = true;
  // The silence of the outage is longer than the window's max interval, so it is not sampled.
  p.window.arrival(ctx.nowUs);
  ctx.note('gossip', `${node.id} sees ${ctx.nodes[j]!.id} up`, node.idx);
  checkSettled(ctx, node);
}

/**
 * Gossiper.stop: one shutdown announcement to each peer the node believes alive (it travels as any
 * message does: latency, drops and partitions apply). The node's own state is the caller's.
 */
export function announceShutdown(ctx: EngineContext, node: NodeState): void {
  node.peers.forEach((p, j) => {
    if (j !== node.idx && p.known && p.alive) ctx.send(node.idx, j, 'gossip', { k: 'shutdown', gen: node.gen });
  });
}

/** markAsShutdown: down at once (markDead + forceConviction), so its hint window starts now. */
function markShutdown(ctx: EngineContext, node: NodeState, from: number, gen: number): void {
  const p = node.peers[from]!;
  p.shutdown = Math.max(p.shutdown, gen);
  if (!p.alive) return;
  p.alive = false;
  p.downSince = ctx.nowUs;
  ctx.note('gossip', `${node.id} marks ${ctx.nodes[from]!.id} down: it announced shutdown`, node.idx);
}
