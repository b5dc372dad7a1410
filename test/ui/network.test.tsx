import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Legend } from '../../src/ui/ring/Legend';
import { NetworkPanel } from '../../src/ui/panels/NetworkPanel';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { commands, makeFrame, makeNode, NODE_IDS, renderWithStore } from './fixtures';

const split = () =>
  makeFrame({ nodes: NODE_IDS.map((id) => makeNode(id, { group: ['A', 'B', 'C'].includes(id) ? 0 : 1 })) });

describe('NetworkPanel', () => {
  it('puts nodes on two sides and sends the partition command with those groups', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<NetworkPanel />);
    const partition = screen.getByRole('button', { name: 'Partition' });
    expect(partition).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Heal' })).toBeDisabled();
    const side1 = screen.getByRole('group', { name: 'Side 1' });
    const side2 = screen.getByRole('group', { name: 'Side 2' });
    for (const id of ['A', 'B', 'C']) await user.click(within(side1).getByRole('button', { name: `${id} on side 1` }));
    for (const id of ['F', 'D', 'E']) await user.click(within(side2).getByRole('button', { name: `${id} on side 2` }));
    expect(within(side1).getByRole('button', { name: 'A on side 1' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('network-panel')).toHaveTextContent('Will cut: {A, B, C} | {D, E, F}');
    await user.click(partition);
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'partition', groups: [['A', 'B', 'C'], ['D', 'E', 'F']] } }]);
  });

  it('one side is enough: the unlisted nodes form the other group', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<NetworkPanel />);
    const side1 = screen.getByRole('group', { name: 'Side 1' });
    await user.click(within(side1).getByRole('button', { name: 'D on side 1' }));
    // Moving a node to the other side takes it off the first.
    await user.click(within(screen.getByRole('group', { name: 'Side 2' })).getByRole('button', { name: 'D on side 2' }));
    expect(within(side1).getByRole('button', { name: 'D on side 1' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('network-panel')).toHaveTextContent('Will cut: {D} | {A, B, C, E, F}');
    await user.click(screen.getByRole('button', { name: 'Partition' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'partition', groups: [['D']] } }]);
  });

  it('says the network is partitioned and heals it', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<NetworkPanel />, { frame: split() });
    expect(screen.getByTestId('network-status')).toHaveTextContent('Partitioned: {A, B, C} | {D, E, F}');
    await user.click(screen.getByRole('button', { name: 'Heal' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'heal' } }]);
  });

  it('split in halves fills both sides', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<NetworkPanel />);
    await user.click(screen.getByRole('button', { name: 'split in halves' }));
    await user.click(screen.getByRole('button', { name: 'Partition' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'partition', groups: [['A', 'B', 'C'], ['D', 'E', 'F']] } }]);
  });
});

describe('partition on the ring', () => {
  it('draws cuts between groups, names each glyph’s group, and notes the groups in the legend', () => {
    renderWithStore(
      <>
        <RingPanel />
        <Legend />
      </>,
      { frame: split() },
    );
    const marks = screen.getByTestId('partition-marks');
    expect(marks.querySelectorAll('.partition-cut')).toHaveLength(2); // C|D and F|A
    expect(marks.querySelectorAll('.severed-link')).toHaveLength(9);
    // Each wall is labelled with the groups on its two sides.
    expect([...marks.querySelectorAll('.partition-label')].map((l) => l.textContent)).toEqual(['1', '2', '2', '1']);
    expect(screen.getByTestId('node-D')).toHaveAccessibleName(/in network group 2/);
    expect(screen.getAllByTestId('legend-partition')[0]).toHaveTextContent('network partitioned: 1 {A, B, C} | 2 {D, E, F}');
  });

  it('draws nothing when the network is whole', () => {
    renderWithStore(<RingPanel />);
    expect(screen.queryByTestId('partition-marks')).not.toBeInTheDocument();
    expect(screen.getByTestId('node-D')).not.toHaveAccessibleName(/network group/);
  });
});
