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
 * seeded-random relay per remote DC. True when the coordinator is itself a target: the caller
 * then applies its own copy (nothing sent here depends on it).
 */
export function sendWithForwarding(ctx: EngineContext, coord: number, targets: readonly number[], body: MutationBody): boolean {
  const dcOf = ctx.topology.dcOf;
  const local = dcOf[coord]!;
  let self = false;
  let firstRemote = -1;
  for (let i = 0; i < targets.length; i++) {
    const to = targets[i]!;
    if (to === coord) self = true;
    else if (dcOf[to] === local) ctx.send(coord, to, 'mutation', body);
    else if (firstRemote < 0) firstRemote = i;
  }
  if (firstRemote >= 0) sendToRemoteDcs(ctx, coord, targets, firstRemote, body);
  return self;
}

/**
 * One copy per remote DC, the DCs in the order their first target appears (replica order), the
 * relay picked among that DC's targets. Plain scans, no grouping map: a write has a handful of
 * targets and this runs for every write.
 */
function sendToRemoteDcs(ctx: EngineContext, coord: number, targets: readonly number[], from: number, body: MutationBody): void {
  const dcOf = ctx.topology.dcOf;
  const local = dcOf[coord]!;
  const n = targets.length;
  for (let i = from; i < n; i++) {
    const dc = dcOf[targets[i]!]!;
    if (dc === local || firstOfDc(dcOf, targets, from, i, dc) !== i) continue;
    let size = 0;
    for (let j = i; j < n; j++) if (dcOf[targets[j]!] === dc) size++;
    if (size === 1) {
      ctx.send(coord, targets[i]!, 'mutation', body);
      continue;
    }
    const pick = ctx.rng.net.int(size);
    const others: number[] = [];
    let relay = -1;
    for (let j = i, k = 0; j < n; j++) {
      const to = targets[j]!;
      if (dcOf[to] !== dc) continue;
      if (k++ === pick) relay = to;
      else others.push(to);
    }
    ctx.send(coord, relay, 'mutation', relayCopy(body, others));
  }
}

/** The index of the first target in DC `dc` (from `from` on; `upTo` is one). */
function firstOfDc(dcOf: readonly number[], targets: readonly number[], from: number, upTo: number, dc: number): number {
  for (let j = from; j < upTo; j++) if (dcOf[targets[j]!] === dc) return j;
  return upTo;
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
