// Cutting a whole datacenter off in one gesture: the Network panel's "Cut <dc> off" buttons and
// the node menu's entry send one partition command (the DC's nodes | everyone else).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NetworkPanel } from '../../src/ui/panels/NetworkPanel';
import { NodeMenu } from '../../src/ui/panels/NodeMenu';
import { datacentersOf, dcCutGroups, dcCutOf, isDcCut } from '../../src/view/partition';
import { commands, makeFrame, makeNode, NODE_IDS, renderWithStore } from './fixtures';

// dc1 = A, C, E and dc2 = B, D, F: interleaved on the ring, so ring order is kept within each group.
const dcOf = (id: string) => (['A', 'C', 'E'].includes(id) ? 'dc1' : 'dc2');
const withDcs = (group: (id: string) => number = () => 0) => makeFrame({ nodes: NODE_IDS.map((id) => makeNode(id, { dc: dcOf(id), group: group(id) })) });
const nodes = NODE_IDS.map((id) => ({ id, dc: dcOf(id) }));

describe('the groups of a DC cut', () => {
  it('are the DC\'s nodes and the rest, each in ring order', () => {
    expect(datacentersOf(nodes)).toEqual(['dc1', 'dc2']);
    expect(dcCutGroups(NODE_IDS, nodes, 'dc2')).toEqual([['B', 'D', 'F'], ['A', 'C', 'E']]);
    expect(dcCutOf(NODE_IDS, nodes, { dc: 'dc1' })).toEqual([['A', 'C', 'E'], ['B', 'D', 'F']]);
  });
  it('need two datacenters: one, or none named, offers no cut', () => {
    expect(datacentersOf(NODE_IDS.map((id) => ({ id, dc: 'dc1' })))).toEqual([]);
    expect(dcCutOf(NODE_IDS, NODE_IDS.map((id) => ({ id })), {})).toBeUndefined();
  });
  it('are recognised in the current network whichever group comes first', () => {
    expect(isDcCut([['B', 'D', 'F'], ['A', 'C', 'E']], NODE_IDS, nodes, 'dc1')).toBe(true);
    expect(isDcCut([['A', 'B', 'C'], ['D', 'E', 'F']], NODE_IDS, nodes, 'dc1')).toBe(false);
    expect(isDcCut([NODE_IDS], NODE_IDS, nodes, 'dc1')).toBe(false);
  });
});

describe('Cut <dc> off', () => {
  it('the Network panel has one button per datacenter, sending one partition command', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<NetworkPanel />, { frame: withDcs() });
    await user.click(screen.getByTestId('cut-dc-dc2'));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'partition', groups: [['B', 'D', 'F'], ['A', 'C', 'E']] } }]);
    expect(screen.getByRole('button', { name: /Cut dc1 off/ })).toBeEnabled();
  });
  it('a datacenter already cut off has its button pressed-looking and disabled; Heal is on', () => {
    renderWithStore(<NetworkPanel />, { frame: withDcs((id) => (dcOf(id) === 'dc2' ? 1 : 0)) });
    expect(screen.getByTestId('cut-dc-dc2')).toBeDisabled();
    expect(screen.getByTestId('cut-dc-dc1')).toBeDisabled(); // the same partition, seen from dc1
    expect(screen.getByRole('button', { name: 'Heal' })).toBeEnabled();
  });
  it('without datacenters there are no such buttons', () => {
    renderWithStore(<NetworkPanel />);
    expect(screen.queryByRole('group', { name: 'Datacenters' })).toBeNull();
  });
  it('the node menu offers it for the node\'s datacenter', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderWithStore(
      <NodeMenu node={makeNode('D', { dc: 'dc2' })} left={0} top={0} align="left" openUp={false} onCommand={(c) => sent.push(c)} onClose={() => {}} dcCut={dcCutOf(NODE_IDS, nodes, { dc: 'dc2' })} />,
    );
    await user.click(screen.getByRole('button', { name: 'Cut dc2 off' }));
    expect(sent).toEqual([{ type: 'partition', groups: [['B', 'D', 'F'], ['A', 'C', 'E']] }]);
  });

  it('the node menu says so, disabled, when its datacenter is already cut off', () => {
    renderWithStore(
      <NodeMenu node={makeNode('D', { dc: 'dc2' })} left={0} top={0} align="left" openUp={false} onCommand={() => {}} onClose={() => {}} dcCut={dcCutOf(NODE_IDS, nodes, { dc: 'dc2' })} dcCutDone />,
    );
    expect(screen.getByTestId('menu-cut-dc')).toBeDisabled();
    expect(screen.getByTestId('menu-cut-dc')).toHaveTextContent('dc2 is cut off');
  });
});
