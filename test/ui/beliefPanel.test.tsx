import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NodeView, PeerBelief } from '../../src/protocol';
import { App } from '../../src/ui/app/App';
import { BeliefPanel } from '../../src/ui/panels/BeliefPanel';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { makeFrame, makeNode, NODE_IDS, renderWithStore } from './fixtures';

const belief = (peer: string, over: Partial<PeerBelief> = {}): PeerBelief => ({ peer, alive: true, phi: 0.4, heartbeatAgeMs: 900, ...over });

/** D crashed 12 s ago: A has not convicted it yet (phi 5.2 < 8); B already has. */
function crashFrame() {
  const beliefsOf = (self: string, d: Partial<PeerBelief>): PeerBelief[] =>
    NODE_IDS.filter((p) => p !== self).map((p) => (p === 'D' ? belief(p, d) : belief(p)));
  const nodes: NodeView[] = NODE_IDS.map((id) => {
    if (id === 'D') return makeNode(id, { up: false, serving: false, beliefs: beliefsOf(id, {}) });
    if (id === 'A') return makeNode(id, { beliefs: beliefsOf(id, { phi: 5.2, heartbeatAgeMs: 12_000 }) });
    if (id === 'B') return makeNode(id, { beliefs: beliefsOf(id, { alive: false, phi: 9.1, heartbeatAgeMs: 21_000 }), believesDown: ['D'] });
    return makeNode(id, { beliefs: beliefsOf(id, {}) });
  });
  return makeFrame({ nodes });
}

describe('BeliefPanel', () => {
  it('shows nothing until a node is selected', () => {
    renderWithStore(<BeliefPanel />, { frame: crashFrame() });
    expect(screen.queryByTestId('belief-panel')).not.toBeInTheDocument();
  });

  it('lists each peer with belief, phi against the threshold, heartbeat age and truth, and marks a mismatch', () => {
    const { store } = renderWithStore(<BeliefPanel />, { frame: crashFrame() });
    act(() => store.getState().actions.select('A'));
    const panel = screen.getByTestId('belief-panel');
    expect(within(panel).getByRole('heading')).toHaveTextContent('What A believes');
    expect(within(panel).getAllByRole('row').filter((r) => r.dataset.testid?.startsWith('belief-'))).toHaveLength(5);
    const d = screen.getByTestId('belief-D');
    expect(d).toHaveTextContent('up'); // believed
    expect(d).toHaveTextContent('5.2');
    expect(d).toHaveTextContent('12s');
    expect(d).toHaveTextContent('DOWN'); // truth
    expect(d).toHaveClass('bp-mismatch');
    expect(panel).toHaveTextContent('D: believed up — actually DOWN');
    expect(panel).toHaveTextContent('1 belief is wrong');
    expect(within(panel).getByRole('columnheader', { name: /phi \/ 8/ })).toBeInTheDocument();
    expect(screen.getByTestId('belief-C')).not.toHaveClass('bp-mismatch');
  });

  it('a node that has convicted the dead peer matches the truth', () => {
    const { store } = renderWithStore(<BeliefPanel />, { frame: crashFrame() });
    act(() => store.getState().actions.select('B'));
    const d = screen.getByTestId('belief-D');
    expect(d).toHaveTextContent(/down/);
    expect(d).toHaveTextContent('9.1');
    expect(d).not.toHaveClass('bp-mismatch');
    expect(screen.getByTestId('belief-panel')).toHaveTextContent('matches the truth');
  });

  it('explains a partition: believed down, actually up, cut off', () => {
    const nodes = NODE_IDS.map((id) =>
      makeNode(id, {
        group: ['A', 'B', 'C'].includes(id) ? 0 : 1,
        beliefs: id === 'A' ? NODE_IDS.filter((p) => p !== 'A').map((p) => belief(p, ['D', 'E', 'F'].includes(p) ? { alive: false, phi: 12 } : {})) : [],
      }),
    );
    const { store } = renderWithStore(<BeliefPanel />, { frame: makeFrame({ nodes }) });
    act(() => store.getState().actions.select('A'));
    expect(screen.getByTestId('belief-panel')).toHaveTextContent('E: believed down — actually UP (cut off from A by the partition)');
    expect(screen.getByTestId('belief-panel')).toHaveTextContent('3 beliefs are wrong');
  });

  it('selecting a node on the ring highlights its glyph, draws its view and opens the panel in the app', async () => {
    const user = userEvent.setup();
    renderWithStore(<App />, { frame: crashFrame() });
    await user.click(screen.getByTestId('node-A'));
    expect(screen.getByTestId('node-A')).toHaveAttribute('data-selected', 'true');
    expect(screen.getByTestId('node-B')).not.toHaveAttribute('data-selected');
    expect(screen.getByTestId('belief-lines').querySelectorAll('.belief-line')).toHaveLength(5);
    expect(screen.getByTestId('belief-lines').querySelectorAll('.belief-wrong')).toHaveLength(1);
    expect(screen.getByTestId('belief-panel')).toBeInTheDocument();
    // Clicking inside the panel keeps the selection.
    await user.click(screen.getByTestId('belief-D'));
    expect(screen.getByTestId('belief-panel')).toBeInTheDocument();
  });

  it('no belief lines are drawn from a down node', async () => {
    const user = userEvent.setup();
    renderWithStore(<RingPanel />, { frame: crashFrame() });
    await user.click(screen.getByTestId('node-D'));
    expect(screen.queryByTestId('belief-lines')).not.toBeInTheDocument();
  });
});
