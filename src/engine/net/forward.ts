// Cross-DC forwarding of a write (Cassandra StorageProxy.sendMessagesToNonlocalDC: one copy per
// remote DC, to a replica picked at random, which forwards it to the others of its DC on arrival —
// MutationVerbHandler.forwardToLocalNodes — while every replica acks the coordinator directly).
// Read-repair writes and hint replays go direct. Used only with more than one datacenter.
import type { EngineContext } from '../context';
import type { Messages, MutationBody } from '../node/types';

/**
 * How many mutations a message carries for traffic.interDcMutations: a write, a relay's copy or a
 * read-repair write counts one, a hint page one per hint; acks, reads and repair streams none.
 */
export function interDcMutations<K extends keyof Messages>(kind: K, body: Messages[K]): number {
  if (kind === 'mutation') return 1;
  if (kind === 'hint') return (body as Messages['hint']).hints.length;
  return 0;
}

/**
 * Sends a write's mutation to its targets: directly within the coordinator's DC, through one
 * seeded-random relay per remote DC. `self` takes the coordinator's own copy, in target order.
 */
export function sendWithForwarding(ctx: EngineContext, coord: number, targets: readonly number[], body: MutationBody, self: () => void): void {
  const dcOf = ctx.topology.dcOf;
  const local = dcOf[coord]!;
  const remote = new Map<number, number[]>();
  for (const to of targets) {
    if (to === coord) self();
    else if (dcOf[to] === local) ctx.send(coord, to, 'mutation', body);
    else {
      const group = remote.get(dcOf[to]!);
      if (group) group.push(to);
      else remote.set(dcOf[to]!, [to]);
    }
  }
  // DCs in the order their first target appears (replica order): deterministic.
  for (const group of remote.values()) {
    const pick = group.length === 1 ? 0 : ctx.rng.net.int(group.length);
    const relay = group[pick]!;
    const others = group.filter((_, i) => i !== pick);
    ctx.send(coord, relay, 'mutation', others.length === 0 ? body : relayCopy(body, others));
  }
}

/** The relay's copy: the same mutation carrying the others of its DC (spelt out: one object shape for every body). */
function relayCopy(b: MutationBody, to: readonly number[]): MutationBody {
  return { k: b.k, h: b.h, key: b.key, v: b.v, owner: b.owner, repairOf: b.repairOf, more: b.more, slot: b.slot, fwd: { to, body: b } };
}

/** A relay forwards the mutation to the others of its DC before applying it itself. */
export function forwardOnArrival(ctx: EngineContext, relay: number, b: MutationBody): void {
  if (!b.fwd) return;
  for (const to of b.fwd.to) ctx.send(relay, to, 'mutation', b.fwd.body);
}
