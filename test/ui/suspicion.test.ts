// suspicion counts, per node, the running peers that believe it down, in one pass over the
// beliefs; it must agree with the plain per-pair count.
import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../src/protocol';
import { suspicion } from '../../src/view/nodeState';

const node = (id: string, up: boolean, believesDown: string[]) => ({ id, up, believesDown }) as unknown as NodeView;

describe('suspicion', () => {
  it('counts running peers only, never a node itself, and agrees with the per-pair count', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const nodes = ids.map((id, i) => node(id, i % 7 !== 3, ids.filter((_, j) => (i * 31 + j * 17) % 5 === 0)));
    const got = suspicion(nodes);
    for (const n of nodes) {
      const peers = nodes.filter((p) => p.id !== n.id && p.up);
      expect(got.get(n.id)).toEqual({ by: peers.filter((p) => p.believesDown.includes(n.id)).length, of: peers.length });
    }
  });

  it('reads a belief named twice once', () => {
    const got = suspicion([node('A', true, ['B', 'B']), node('B', true, [])]);
    expect(got.get('B')).toEqual({ by: 1, of: 1 });
    expect(got.get('A')).toEqual({ by: 0, of: 1 });
  });
});
