// pure: one node's view of its peers beside the ground truth.
import type { NodeView } from '../protocol';

export type Mismatch = 'believed-up-actually-down' | 'believed-down-actually-up' | null;

export interface BeliefRow {
  peer: string;
  believedUp: boolean;
  actuallyUp: boolean;
  phi: number;
  heartbeatAgeMs: number | null;
  mismatch: Mismatch;
  /** The two are in different partition groups. */
  cutOff: boolean;
}

export function beliefRows(node: NodeView, nodes: readonly NodeView[]): BeliefRow[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return node.beliefs.map((b) => {
    const peer = byId.get(b.peer);
    const actuallyUp = peer?.up ?? false;
    const mismatch: Mismatch =
      b.alive && !actuallyUp ? 'believed-up-actually-down' : !b.alive && actuallyUp ? 'believed-down-actually-up' : null;
    return {
      peer: b.peer,
      believedUp: b.alive,
      actuallyUp,
      phi: b.phi,
      heartbeatAgeMs: b.heartbeatAgeMs,
      mismatch,
      cutOff: !!peer && peer.group !== node.group,
    };
  });
}

export const MISMATCH_TEXT: Record<Exclude<Mismatch, null>, string> = {
  'believed-up-actually-down': 'believed up — actually DOWN',
  'believed-down-actually-up': 'believed down — actually UP',
};

/** phi as a short number: 3.2, 41, ≫999. */
export function formatPhi(phi: number): string {
  if (!Number.isFinite(phi)) return '∞';
  if (phi < 10) return phi.toFixed(1);
  if (phi < 1000) return phi.toFixed(0);
  return '≫999';
}
