// The datacenter editor in the Settings drawer: split, edit a row, see the engine's error on the
// row's input, fix it, apply; prefilled from a running cluster with datacenters; presets keep it.
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseScenario, PRESETS } from '../../src/engine';
import { SettingsButton } from '../../src/ui/settings/SettingsButton';
import { commands, makeCluster, renderWithStore } from './fixtures';
import { cassandra, openSettings } from './settingsFixtures';

const twoDcs = () =>
  makeCluster({
    settings: { ...PRESETS.cassandra },
    replicationFactor: 5,
    datacenters: [
      { name: 'us', rf: 3, nodes: ['A', 'B', 'C'] },
      { name: 'eu', rf: 2, nodes: ['D', 'E', 'F'] },
    ],
  });


describe('Settings: the datacenter editor', () => {
  it('splits into two datacenters, shows a bad RF on its row, focuses it from "Fix …", and applies once fixed', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    expect(within(dialog).getByTestId('dc-group-note')).toHaveTextContent(/One datacenter \(datacenter1\)/);
    await user.click(within(dialog).getByRole('button', { name: 'Split into datacenters' }));
    expect(within(dialog).getByRole('textbox', { name: 'Name of datacenter 1' })).toHaveFocus();
    expect(within(dialog).getByRole('textbox', { name: 'Nodes in dc1' })).toHaveValue('A, B, C');
    expect(within(dialog).getByRole('textbox', { name: 'Nodes in dc2' })).toHaveValue('D, E, F');
    expect(within(dialog).getByRole('textbox', { name: 'replicationFactor' })).toBeDisabled();
    expect(within(dialog).queryByTestId('dc-group-note')).not.toBeInTheDocument();

    const rf2 = within(dialog).getByRole('textbox', { name: 'Replication factor in dc2' });
    await user.clear(rf2);
    await user.type(rf2, '4');
    expect(rf2).toHaveAttribute('aria-invalid', 'true');
    expect(rf2).toHaveAccessibleDescription(/^cluster\.replicationFactor\.dc2: expected at most the datacenter's size \(3\), got 4/);
    expect(within(within(dialog).getByTestId('dc-row-2')).getByRole('alert')).toHaveTextContent('cluster.replicationFactor.dc2');
    expect(within(dialog).getByRole('textbox', { name: 'Replication factor in dc1' })).not.toHaveAttribute('aria-invalid');
    const apply = within(dialog).getByRole('button', { name: 'Apply & restart' });
    expect(apply).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Fix Replication factor in dc2' }));
    expect(rf2).toHaveFocus();

    await user.clear(rf2);
    await user.type(rf2, '2');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('settings-diff')).toHaveTextContent(/datacenters\s*one datacenter \(datacenter1\)\s*becomes\s*→?\s*dc1: A, B, C \(RF 3\); dc2: D, E, F \(RF 2\)/);
    await user.click(apply);
    const sent = commands(send) as { type: string; scenario?: Record<string, unknown> }[];
    expect(sent.map((m) => m.type)).toEqual(['init']);
    expect(sent[0]!.scenario).toMatchObject({ cluster: { datacenters: { dc1: ['A', 'B', 'C'], dc2: ['D', 'E', 'F'] }, replicationFactor: { dc1: 3, dc2: 2 } } });
    expect(parseScenario(sent[0]!.scenario).datacenters?.rf).toEqual([3, 2]);
  });

  it('prefills the running cluster\'s datacenters, says what they were, and removing one returns to one datacenter', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: twoDcs() });
    const dialog = await openSettings(user);
    expect(within(dialog).getByRole('textbox', { name: 'Nodes in us' })).toHaveValue('A, B, C');
    expect(within(dialog).getByRole('textbox', { name: 'Replication factor in eu' })).toHaveValue('2');
    const editor = within(dialog).getByRole('group', { name: 'datacenters' });
    expect(editor).not.toHaveTextContent(/was /);
    await user.click(within(dialog).getByRole('button', { name: 'Remove eu' }));
    expect(within(dialog).getByRole('button', { name: 'Split into datacenters' })).toHaveFocus();
    expect(editor).toHaveTextContent('was us: A, B, C (RF 3); eu: D, E, F (RF 2)');
    // One datacenter again: the single RF is back, holding the largest a datacenter had.
    const rf = within(dialog).getByRole('textbox', { name: 'replicationFactor' });
    expect(rf).toBeEnabled();
    expect(rf).toHaveValue('3');
  });

  it('a preset card leaves the rows; a sloppy-quorum preset shows the engine\'s one-datacenter error on the editor', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: twoDcs() });
    const dialog = await openSettings(user);
    await user.click(within(dialog).getByRole('radio', { name: /scylla/i }));
    expect(within(dialog).getByRole('textbox', { name: 'Nodes in eu' })).toHaveValue('D, E, F');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /dynamo/i }));
    const editor = within(dialog).getByRole('group', { name: 'datacenters' });
    expect(editor).toHaveAccessibleDescription(/cluster\.datacenters: sloppy-quorum mode \(Dynamo, Riak\) takes one datacenter/);
    expect(within(editor).getByRole('alert')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Fix datacenters' }));
    expect(editor).toHaveFocus();
  });

  it('a name typed twice, or a node name, is the name input\'s error', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: twoDcs() });
    const dialog = await openSettings(user);
    const name2 = within(dialog).getByRole('textbox', { name: 'Name of datacenter 2' });
    await user.clear(name2);
    await user.type(name2, 'us');
    expect(name2).toHaveAttribute('aria-invalid', 'true');
    expect(name2).toHaveAccessibleDescription(/datacenter "us" is named twice/);
    await user.clear(name2);
    await user.type(name2, 'D');
    expect(name2).toHaveAccessibleDescription(/has the name of a node/);
  });
});

describe('Settings: hintedHandoffEnabled as a list of datacenters (ScyllaDB\'s form)', () => {
  const limited = () =>
    makeCluster({
      settings: { ...PRESETS.cassandra, hintedHandoffEnabled: ['us'] },
      replicationFactor: 6,
      datacenters: [
        { name: 'us', rf: 3, nodes: ['A', 'B', 'C'] },
        { name: 'eu', rf: 3, nodes: ['D', 'E', 'F'] },
      ],
    });

  it('keeps a running list through an unrelated change, and an unknown datacenter names the field', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<SettingsButton />, { cluster: limited() });
    const dialog = await openSettings(user);
    const only = within(dialog).getByRole('textbox', { name: 'only in' });
    expect(only).toHaveValue('us');
    expect(within(dialog).getByRole('switch', { name: 'hintedHandoffEnabled' })).toBeChecked();

    await user.type(only, ', mars');
    expect(only).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('button', { name: 'Apply & restart' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Fix hintedHandoffEnabled' }));
    expect(only).toHaveFocus();
    await user.clear(only);
    await user.type(only, 'us');

    const seed = within(dialog).getByRole('textbox', { name: 'seed' });
    await user.clear(seed);
    await user.type(seed, '9');
    await user.click(within(dialog).getByRole('button', { name: 'Apply & restart' }));
    const sent = commands(send) as { scenario?: { settings: Record<string, unknown> } }[];
    expect(sent[0]!.scenario!.settings.hintedHandoffEnabled).toEqual(['us']);
  });

  it('an empty list is on for every datacenter; off hides the list', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: limited() });
    const dialog = await openSettings(user);
    await user.clear(within(dialog).getByRole('textbox', { name: 'only in' }));
    expect(within(dialog).getByTestId('settings-diff')).toHaveTextContent(/hintedHandoffEnabled\s*only us\s*becomes\s*→?\s*on/);
    await user.click(within(dialog).getByRole('switch', { name: 'hintedHandoffEnabled' }));
    expect(within(dialog).queryByRole('textbox', { name: 'only in' })).not.toBeInTheDocument();
  });
});
