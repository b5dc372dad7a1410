// What the UI draws: a plain-data snapshot of the cluster (ground truth and each node's beliefs).
import type { Counters, HintQueueView, MessageView, NodeView, PeerBelief, Snapshot } from '../api';
import { EV } from '../core/events';
import { Ring } from '../ring/ring';
import type { SimState } from '../context';
import type { Msg } from '../node/types';
import { versionBytes } from '../node/versions';
import { hintBuffered, REFUSAL_TEXT } from '../hints/hints';
import type { Refusal } from '../hints/policy';
import { operatorViews } from './operator';
import { dataCounts } from './deletes';
import { forwardingOf } from './forwardView';

const tokenCache = new WeakMap<Ring, number[][]>();

function tokensByNode(sim: SimState): number[][] {
  let t = tokenCache.get(sim.ring);
  if (!t) {
    t = sim.nodes.map(() => []);
    sim.ring.positions.forEach((pos, i) => t![sim.ring.owners[i]!]!.push(Ring.fraction(pos)));
    tokenCache.set(sim.ring, t);
  }
  return t;
}

export function counters(sim: SimState, pending: number): Counters {
  const s = sim.stats;
  // Writes exclude deletes, as in the report.
  const attempted = s.writesAttempted - s.deletesAttempted;
  const acknowledged = s.writesAcknowledged - s.deletesAcknowledged;
  const failed = s.writesFailed - s.deletesFailed;
  return {
    writesAttempted: attempted, writesAcknowledged: acknowledged, writesFailed: failed, writesPending: attempted - acknowledged - failed,
    readsAttempted: s.readsAttempted, readsSucceeded: s.readsSucceeded, readsFailed: s.readsFailed, readsStale: s.readsStale,
    readRepairs: s.readRepairs, hintsCreated: s.hintsCreated, hintsDelivered: s.hintsDelivered, hintsExpired: s.hintsExpired,
    hintsDropped: s.hintsDropped, hintsLost: s.hintsLost, hintsPending: pending, repairSessions: s.repairSessions, repairsFailed: s.repairsFailed, messagesSent: s.messagesSent,
    messagesLost: s.messagesLost, events: sim.events,
  };
}

/** What a node believes of its peers now; a crashed process believes nothing (its detector is not running). */
export function beliefsOf(sim: SimState, idx: number): PeerBelief[] {
  const n = sim.nodes[idx]!;
  const now = sim.nowUs;
  return !n.up ? [] : n.peers.flatMap((p, j) =>
    j === n.idx || !p.known ? [] : [{
      peer: sim.nodes[j]!.id,
      alive: p.alive,
      phi: p.window.phi(now),
      heartbeatAgeMs: p.gen < 0 ? null : (now - p.window.last) / 1000,
    }],
  );
}

export function buildSnapshot(sim: SimState, maxMessages: number): Snapshot {
  const tokens = tokensByNode(sim);
  const nodes: NodeView[] = sim.nodes.map((n) => {
    const beliefs = beliefsOf(sim, n.idx);
    return {
      // Live values only once the run deletes, as the report counts them (a tombstone is no key's value).
      id: n.id, up: n.up, serving: n.serving, tokens: tokens[n.idx]!, keys: sim.tombstones.ticking ? dataCounts(n.data).keys : n.data.size, slowMs: n.slowUs / 1000,
      beliefs, believesDown: n.up ? beliefs.filter((b) => !b.alive).map((b) => b.peer) : [], group: sim.net.group[n.idx]!,
      ...(sim.sc.datacenters ? { dc: sim.topology.names[sim.topology.dcOf[n.idx]!]! } : {}),
    };
  });

  const messages: MessageView[] = [];
  let inFlight = 0;
  for (const ev of sim.pendingEvents()) {
    if (ev.k !== EV.deliver || ev.cancelled) continue;
    inFlight++;
    if (messages.length >= maxMessages) continue;
    const m = ev as Msg;
    messages.push({
      id: m.id, kind: m.kind, from: sim.nodes[m.from]!.id, to: sim.nodes[m.to]!.id, sentAt: m.sentAt / 1000, deliverAt: m.deliverAt / 1000,
      doomed: sim.net.doomed(m), ...forwardingOf(sim, m),
    });
  }

  const hintQueues: HintQueueView[] = [];
  let pending = 0;
  for (const n of sim.nodes) {
    for (const q of n.hints.values()) {
      if (q.hints.length === 0 && !q.dispatching) continue;
      let bytes = 0;
      let buffered = 0;
      for (const h of q.hints) {
        bytes += versionBytes(h.key, h.v);
        if (hintBuffered(sim, h)) buffered++;
      }
      pending += q.hints.length;
      hintQueues.push({
        holder: n.id, target: sim.nodes[q.target]!.id, pending: q.hints.length, buffered, bytes,
        oldestCreatedAt: q.hints.length > 0 ? q.hints[0]!.createdAt / 1000 : null, replaying: q.dispatching, delivered: q.delivered,
        refused: q.refused, lastRefusal: q.lastRefusal === null ? null : (REFUSAL_TEXT[q.lastRefusal as Refusal] ?? q.lastRefusal),
        targetDownSince: n.peers[q.target]!.alive ? null : n.peers[q.target]!.downSince / 1000,
      });
    }
  }
  return {
    now: sim.now, nodes, messages, messagesOmitted: inFlight - messages.length, hintQueues,
    counters: counters(sim, pending), traceHash: sim.traceHash(), failures: sim.why.view(), workload: sim.userWorkload(), operator: operatorViews(sim),
    ...(sim.probeLog.length > 0 ? { probes: sim.probeLog.slice() } : {}),
  };
}
