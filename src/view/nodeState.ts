// pure: how a node is shown.
import type { HintQueueView, NodeView } from '../protocol';

export type NodeState = 'up' | 'down' | 'joining';

export function nodeState(n: NodeView): NodeState {
  if (!n.up) return 'down';
  return n.serving ? 'up' : 'joining';
}

export const STATE_LABEL: Record<NodeState, string> = {
  up: 'up',
  down: 'down',
  joining: 'joining (up, not serving yet)',
};

/** Pending hints each node holds, by holder. */
export function hintsHeld(queues: readonly HintQueueView[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const q of queues) out.set(q.holder, (out.get(q.holder) ?? 0) + q.pending);
  return out;
}

/** Pending hints waiting for each target. */
export function hintsWaiting(queues: readonly HintQueueView[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const q of queues) out.set(q.target, (out.get(q.target) ?? 0) + q.pending);
  return out;
}

/** For each node: how many running peers believe it is down (one pass over the beliefs: 256 nodes ask 65,536 of them). */
export function suspicion(nodes: readonly NodeView[]): Map<string, { by: number; of: number }> {
  const believers = new Map<string, number>();
  let up = 0;
  for (const p of nodes) {
    if (!p.up) continue;
    up++;
    for (const id of new Set(p.believesDown)) if (id !== p.id) believers.set(id, (believers.get(id) ?? 0) + 1);
  }
  const out = new Map<string, { by: number; of: number }>();
  for (const n of nodes) out.set(n.id, { by: believers.get(n.id) ?? 0, of: up - (n.up ? 1 : 0) });
  return out;
}
