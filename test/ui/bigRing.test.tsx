// A crowded ring in the DOM: 64 nodes × 16 tokens (1,024 ranges) draws merged arcs, one path per
// owner and no ticks; the glyphs draw no names or tags, a note says so, and hovering a glyph
// shows its name in the one label. Six nodes keep every range, tick and name.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Ring } from '../../src/ui/ring/Ring';
import { glyphRadius, nodePositions } from '../../src/view/geometry';
import { makeNode, NODE_IDS } from './fixtures';

function ringOf(ids: readonly string[], tokensEach: number, over: (id: string) => Partial<ReturnType<typeof makeNode>> = () => ({})) {
  const nodes = ids.map((id, i) => makeNode(id, { tokens: Array.from({ length: tokensEach }, (_, k) => ((i + k * ids.length) / (ids.length * tokensEach) + 0.0001) % 1), ...over(id) }));
  return render(
    <div>
      <Ring nodes={nodes} order={ids} hintQueues={[]} positions={nodePositions(ids)} glyphR={glyphRadius(ids.length)} selected={null} onOpen={() => {}} />
    </div>,
  );
}

describe('Ring at scale', () => {
  it('six nodes: every range its own arc with a tick, every glyph named', () => {
    const { container } = ringOf(NODE_IDS, 4);
    expect(container.querySelector('[data-testid="token-ring"]')?.getAttribute('data-exact')).toBe('true');
    expect(container.querySelectorAll('.token-arc')).toHaveLength(24);
    expect(container.querySelectorAll('.token-tick')).toHaveLength(24);
    expect(container.querySelectorAll('.glyph-name')).toHaveLength(6);
    expect(container.querySelector('.ring-dense')).toBeNull();
  });

  it('64 nodes: merged arcs, one path per owner, names only on hover', async () => {
    vi.useFakeTimers();
    try {
      const ids = Array.from({ length: 64 }, (_, i) => `n${i + 1}`);
      const { container } = ringOf(ids, 16, (id) => (id === 'n5' ? { up: false } : {}));
      // The merged arcs come in a task of their own.
      await act(async () => {
        vi.runAllTimers();
      });
      const ring = container.querySelector('[data-testid="token-ring"]')!;
      expect(ring.getAttribute('data-exact')).toBe('false');
      const arcs = container.querySelectorAll('.token-arc');
      expect(arcs.length).toBe(64);
      expect(container.querySelectorAll('.token-tick')).toHaveLength(0);
      expect(container.querySelector('[data-owner="n5"]')?.getAttribute('class')).toContain('token-arc-down');
      expect(container.querySelector('svg.ring-svg')?.getAttribute('class')).toContain('ring-dense');
      expect(container.querySelectorAll('.glyph-name')).toHaveLength(0);
      expect(screen.queryByTestId('dense-label')).toBeNull();
      fireEvent.pointerEnter(screen.getByTestId('node-n5'));
      expect(screen.getByTestId('dense-label').textContent).toMatch(/^n5 · DOWN/);
      fireEvent.pointerLeave(screen.getByTestId('node-n5'));
      expect(screen.queryByTestId('dense-label')).toBeNull();
      // The node that is down is drawn last, over its neighbours.
      const glyphs = [...container.querySelectorAll('.node-glyph')];
      expect(glyphs.at(-1)?.getAttribute('data-testid')).toBe('node-n5');
    } finally {
      vi.useRealTimers();
    }
  });
});
