import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { commands, makeFrame, makeNode, makeQueue, NODE_IDS, renderWithStore } from './fixtures';

describe('Ring and node menu', () => {
  it('draws one glyph per node with its state by label and attribute', () => {
    const frame = makeFrame({
      nodes: NODE_IDS.map((id) =>
        id === 'D' ? makeNode(id, { up: false, serving: false }) : id === 'E' ? makeNode(id, { serving: false }) : makeNode(id),
      ),
    });
    renderWithStore(<RingPanel />, { frame });
    expect(screen.getByTestId('ring')).toBeInTheDocument();
    expect(screen.getByTestId('node-A')).toHaveAttribute('data-state', 'up');
    expect(screen.getByTestId('node-D')).toHaveAttribute('data-state', 'down');
    expect(screen.getByTestId('node-E')).toHaveAttribute('data-state', 'joining');
    expect(within(screen.getByTestId('node-D')).getByText('DOWN')).toBeInTheDocument();
    expect(within(screen.getByTestId('node-E')).getByText('JOINING')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Node D, down/ })).toBeInTheDocument();
  });

  it('shows pending hints held by a node and a slow marker', () => {
    const frame = makeFrame({
      nodes: NODE_IDS.map((id) => (id === 'C' ? makeNode(id, { slowMs: 3000 }) : makeNode(id))),
      hintQueues: [makeQueue('B', 'D', { pending: 17 })],
    });
    renderWithStore(<RingPanel />, { frame });
    expect(within(screen.getByTestId('node-B')).getByText('17')).toBeInTheDocument();
    expect(screen.getByTestId('node-B')).toHaveAccessibleName(/17 pending hints held here/);
    expect(within(screen.getByTestId('node-C')).getByText('SLOW +3s')).toBeInTheDocument();
  });

  it('clicking node A opens its menu and "Kill A" sends the kill command', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />);
    await user.click(screen.getByTestId('node-A'));
    const menu = screen.getByRole('dialog', { name: 'Node A actions' });
    expect(within(menu).getByRole('button', { name: 'Restart A' })).toBeDisabled();
    await user.click(within(menu).getByRole('button', { name: 'Kill A' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'kill', node: 'A' } }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens with Enter, offers Restart for a down node, and closes on Escape', async () => {
    const user = userEvent.setup();
    const frame = makeFrame({ nodes: NODE_IDS.map((id) => (id === 'B' ? makeNode(id, { up: false, serving: false }) : makeNode(id))) });
    const { send } = renderWithStore(<RingPanel />, { frame });
    act(() => screen.getByTestId('node-B').focus());
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('dialog', { name: 'Node B actions' });
    expect(within(menu).getByRole('button', { name: 'Kill B' })).toBeDisabled();
    expect(within(menu).getByRole('button', { name: 'Kill & wipe B' })).toBeDisabled();
    const restart = within(menu).getByRole('button', { name: 'Restart B' });
    expect(restart).toBeEnabled();
    expect(restart).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('node-B')).toHaveFocus();
    expect(commands(send)).toEqual([]);
  });

  it('"Kill & wipe" sends a kill with wipe', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />);
    await user.click(screen.getByTestId('node-C'));
    await user.click(screen.getByRole('button', { name: 'Kill & wipe C' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'kill', node: 'C', wipe: true } }]);
  });
});
