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

/** For each node: how many running peers believe it is down. */
export function suspicion(nodes: readonly NodeView[]): Map<string, { by: number; of: number }> {
  const out = new Map<string, { by: number; of: number }>();
  for (const n of nodes) {
    const peers = nodes.filter((p) => p.id !== n.id && p.up);
    out.set(n.id, { by: peers.filter((p) => p.believesDown.includes(n.id)).length, of: peers.length });
  }
  return out;
}
