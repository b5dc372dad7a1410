// Draw a cut: a drag across the ring partitions the network into the nodes on either side.
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nodePositions } from '../../src/view/geometry';
import { NetworkPanel } from '../../src/ui/panels/NetworkPanel';
import { groupsOfCut } from '../../src/view/partition';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { withSquareBoxes } from './fakes';
import { commands, NODE_IDS, renderWithStore } from './fixtures';

describe('groupsOfCut', () => {
  const positions = nodePositions(NODE_IDS);
  it('splits the ring by the side of the line each node is on, in ring order', () => {
    // Left to right through the centre: A, B and F are above the line, C, D and E below.
    expect(groupsOfCut(NODE_IDS, positions, { x: 0, y: 320 }, { x: 640, y: 320 })).toEqual([['A', 'B', 'F'], ['C', 'D', 'E']]);
    // Drawn the other way round, the same two groups in the other order.
    expect(groupsOfCut(NODE_IDS, positions, { x: 640, y: 320 }, { x: 0, y: 320 })).toEqual([['C', 'D', 'E'], ['A', 'B', 'F']]);
  });
  it('a line that misses the cluster, or a click, cuts nothing', () => {
    expect(groupsOfCut(NODE_IDS, positions, { x: 0, y: 5 }, { x: 640, y: 5 })).toHaveLength(1);
    expect(groupsOfCut(NODE_IDS, positions, { x: 100, y: 100 }, { x: 100, y: 100 })).toEqual([]);
  });
});

withSquareBoxes(640);

describe('Draw a cut', () => {
  it('Network → Draw a cut, then a drag across the ring sends the partition of its two sides', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(
      <>
        <RingPanel />
        <NetworkPanel />
      </>,
    );
    expect(screen.queryByTestId('cut-layer')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('draw-cut'));
    expect(screen.getByTestId('draw-cut')).toHaveAttribute('aria-pressed', 'true');
    const layer = screen.getByTestId('cut-layer');
    fireEvent.pointerDown(layer, { clientX: 0, clientY: 320, pointerId: 1 });
    fireEvent.pointerMove(layer, { clientX: 640, clientY: 320, pointerId: 1 });
    expect(screen.getByTestId('cut-preview')).toHaveTextContent('Release to cut {A, B, F} | {C, D, E}');
    fireEvent.pointerUp(layer, { clientX: 640, clientY: 320, pointerId: 1 });
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'partition', groups: [['A', 'B', 'F'], ['C', 'D', 'E']] } }]);
    expect(screen.queryByTestId('cut-layer')).not.toBeInTheDocument();
    expect(screen.getByTestId('draw-cut')).toHaveAttribute('aria-pressed', 'false');
  });

  it('a drag that misses the cluster cuts nothing; Escape leaves the gesture', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(
      <>
        <RingPanel />
        <NetworkPanel />
      </>,
    );
    await user.click(screen.getByTestId('draw-cut'));
    const layer = screen.getByTestId('cut-layer');
    fireEvent.pointerDown(layer, { clientX: 0, clientY: 4, pointerId: 1 });
    fireEvent.pointerMove(layer, { clientX: 640, clientY: 4, pointerId: 1 });
    fireEvent.pointerUp(layer, { clientX: 640, clientY: 4, pointerId: 1 });
    expect(commands(send)).toEqual([]);
    expect(screen.getByTestId('cut-layer')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('cut-layer')).not.toBeInTheDocument();
  });
});
