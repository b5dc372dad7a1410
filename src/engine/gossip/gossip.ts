// Gossip and failure detection (Cassandra gms/Gossiper.java, FailureDetector.java; Dynamo §4.8).
// Each round a node bumps its heartbeat, convicts peers whose phi exceeds phi_convict_threshold,
// and gossips its heartbeat table to a random live peer, sometimes to an unreachable one and to a
// seed. A newer heartbeat for a peer believed down triggers an echo; the echo's reply marks it
// alive (Cassandra's markAlive), so stale relayed state never resurrects a dead node.
import type { Sim } from '../sim';
import type { Msg, NodeState, PeerView } from '../node/types';
import { ArrivalWindow } from './arrivalWindow';
import { EV as imported_EV } from '../core/events';

// Under tsx (the bench, the CLI) modules run as CommonJS, where every read of an imported binding
// calls two getters (one of them megamorphic): the per-event paths use local copies instead. The
// engine's modules import no cycle, so each import is defined before this module runs.
const EV = imported_EV;

/**
 * A node's view of a peer it has heard nothing about since it (re)started. `warm`: the cluster at
 * time 0, which is a running one (scenario-format.md: every node up and believing every other
 * alive): its detectors have sampled heartbeats at the gossip interval already, so a node killed
 * right after 0 is convicted after the ~18 s of fidelity.md like any other, not after the ~35 s a
 * window holding only Cassandra's initial 2-interval guess would take. A restarted node's window
 * starts from that guess, as Cassandra's does.
 */
export function freshPeerView(sim: Sim, now: number, warm = false): PeerView {
  const interval = sim.us(sim.S.gossipInterval);
  return {
    gen: -1, ver: 0, alive: false, downSince: now, heard: false, known: true, echoSentAt: -Infinity,
    window: new ArrivalWindow(2 * interval, now, warm ? interval : 0),
  };
}

export function gossipTick(sim: Sim, node: NodeState): void {
  node.ver++;
  statusCheck(sim, node);
  checkSettled(sim, node);
  const live: number[] = [];
  const unreachable: number[] = [];
  node.peers.forEach((p, j) => {
    if (j === node.idx || !p.known) return;
    (p.alive ? live : unreachable).push(j);
  });
  const rng = sim.rng.gossip;
  let toSeed = false;
  if (live.length > 0) {
    const t = live[rng.int(live.length)]!;
    toSeed = sim.seeds.has(t);
    sendSyn(sim, node, t);
  }
  if (unreachable.length > 0 && rng.next() < unreachable.length / (live.length + 1)) {
    sendSyn(sim, node, unreachable[rng.int(unreachable.length)]!);
  }
  const seeds = [...sim.seeds].filter((s) => s !== node.idx && node.peers[s]!.known);
  if (seeds.length > 0 && (!toSeed || live.length < sim.seeds.size)) {
    const prob = live.length === 0 ? 1 : seeds.length / (live.length + unreachable.length);
    if (rng.next() <= prob) sendSyn(sim, node, seeds[rng.int(seeds.length)]!);
  }
  sim.schedule(sim.nowUs + sim.us(sim.S.gossipInterval), EV.gossip, node.idx, node.epoch, 0);
}

function statusCheck(sim: Sim, node: NodeState): void {
  node.peers.forEach((p, j) => {
    if (j === node.idx || !p.alive) return;
    const phi = p.window.phi(sim.nowUs);
    if (phi > sim.S.phiConvictThreshold) {
      p.alive = false;
      p.downSince = sim.nowUs;
      sim.note('gossip', `${node.id} convicts ${sim.nodes[j]!.id} (phi ${phi.toFixed(1)} > ${sim.S.phiConvictThreshold})`, node.idx);
    }
  });
}

function digest(node: NodeState): { gens: number[]; vers: number[] } {
  const gens = node.peers.map((p, j) => (j === node.idx ? node.gen : p.known ? p.gen : -1));
  const vers = node.peers.map((p, j) => (j === node.idx ? node.ver : p.ver));
  return { gens, vers };
}

function sendSyn(sim: Sim, node: NodeState, to: number): void {
  sim.send(node.idx, to, 'gossip', { k: 'syn', ...digest(node) });
}

export function onGossipMessage(sim: Sim, node: NodeState, m: Msg): void {
  const b = m.body;
  if (b.k === 'echo') {
    sim.send(node.idx, m.from, 'echo', { k: 'echoReply' }, m);
    return;
  }
  if (b.k === 'echoReply') {
    const p = node.peers[m.from]!;
    p.echoSentAt = -Infinity;
    if (!p.alive) markAlive(sim, node, m.from);
    return;
  }
  if (b.k !== 'syn' && b.k !== 'gack') return;
  merge(sim, node, b.gens, b.vers);
  if (b.k === 'syn') sim.send(node.idx, m.from, 'gossip', { k: 'gack', ...digest(node) }, m);
}

function merge(sim: Sim, node: NodeState, gens: number[], vers: number[]): void {
  for (let j = 0; j < gens.length; j++) {
    if (j === node.idx || gens[j]! < 0) continue;
    const p = node.peers[j]!;
    p.known = true;
    p.heard = true;
    const newer = gens[j]! > p.gen || (gens[j] === p.gen && vers[j]! > p.ver);
    if (!newer) continue;
    p.gen = gens[j]!;
    p.ver = vers[j]!;
    if (p.alive) p.window.arrival(sim.nowUs);
    else if (sim.nowUs - p.echoSentAt > sim.us(sim.S.gossipInterval)) {
      // An echo answered proves the peer is reachable; an unanswered one is retried on newer news.
      p.echoSentAt = sim.nowUs;
      sim.send(node.idx, j, 'echo', { k: 'echo' });
    }
  }
  checkSettled(sim, node);
}

/**
 * A restarted node opens for clients once gossip has settled: it has heard of every peer it knows,
 * and each of those is either confirmed alive by an echo or has left its echo unanswered for a
 * gossip interval (Cassandra waits for gossip to settle before opening the client port).
 */
function checkSettled(sim: Sim, node: NodeState): void {
  if (node.serving) return;
  const grace = sim.us(sim.S.gossipInterval);
  const settled = node.peers.every((p, j) => j === node.idx || !p.known || (p.heard && (p.alive || sim.nowUs - p.echoSentAt >= grace)));
  if (!settled) return;
  node.serving = true;
  sim.servingChanged();
  const down = node.peers.filter((p, j) => j !== node.idx && p.known && !p.alive).length;
  sim.note('gossip', `${node.id}: gossip settled, now serving clients${down ? ` (believes ${down} peer${down === 1 ? '' : 's'} down)` : ''}`, node.idx);
}

function markAlive(sim: Sim, node: NodeState, j: number): void {
  const p = node.peers[j]!;
  p.alive = true;
  // The silence of the outage is longer than the window's max interval, so it is not sampled.
  p.window.arrival(sim.nowUs);
  sim.note('gossip', `${node.id} sees ${sim.nodes[j]!.id} up`, node.idx);
  checkSettled(sim, node);
}
