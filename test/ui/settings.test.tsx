import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario, realNamesText, SETTING_PATHS, SETTINGS } from '../../src/engine';
import { App } from '../../src/ui/app/App';
import { SettingsReadout } from '../../src/ui/settings/SettingsReadout';
import { SettingsButton } from '../../src/ui/settings/SettingsButton';
import { ALL_FIELDS, buildScenario, clusterToForm, fieldOfError, NO_REAL_NAME, SETTING_GROUPS } from '../../src/view/settings/settingsModel';
import { commands, makeCluster, renderWithStore } from './fixtures';
import { cassandra, openSettings } from './settingsFixtures';



describe('Settings drawer', () => {
  it('opens from the header, shows our name, the real name and why, and closes on Escape with focus back', async () => {
    const user = userEvent.setup();
    renderWithStore(<App />, { cluster: cassandra() });
    const button = screen.getByRole('button', { name: 'Settings' });
    const dialog = await openSettings(user);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const window = within(dialog).getByRole('textbox', { name: 'maxHintWindow' });
    expect(window).toHaveValue('3h');
    expect(window).toHaveAccessibleDescription(/Cassandra max_hint_window · ScyllaDB max_hint_window_in_ms/);
    expect(window).toHaveAccessibleDescription(/down longer than this/);
    expect(within(dialog).getByRole('textbox', { name: 'phiConvictThreshold' })).toHaveAccessibleDescription(/phi_convict_threshold/);
    expect(within(dialog).getByRole('textbox', { name: 'hintReplayRate' })).toHaveAccessibleDescription(/hinted_handoff_throttle/);
    expect(within(dialog).getByRole('radio', { name: /cassandra/i })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('has a field for every setting of the scenario format, and the cluster and seed', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    const names = [
      'hintMode', 'strictQuorum', 'hintedHandoffEnabled', 'maxHintWindow', 'persistentHintWindow', 'hintTtl', 'hintFlushPeriod',
      'hintOnTimeout', 'maxHintsPerHost', 'hintReplayRate', 'writeTimeout', 'readTimeout', 'gossipInterval', 'phiConvictThreshold',
      'latency.median', 'latency.p99', 'dropRate', 'readRepair', 'antiEntropyInterval', 'merkleDepth', 'conflictResolution',
      'nodes', 'vnodes', 'replicationFactor', 'seed',
    ];
    for (const name of names) expect(within(dialog).getByLabelText(name)).toBeInTheDocument();
    expect(within(dialog).getAllByRole('radio')).toHaveLength(4);
  });

  it('choosing the scylla preset turns the persistent window off and hints on timeout only if the level was met', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    const persistent = within(dialog).getByRole('switch', { name: 'persistentHintWindow' });
    const onTimeout = within(dialog).getByRole('combobox', { name: 'hintOnTimeout' });
    expect(persistent).toBeChecked();
    expect(onTimeout).toHaveValue('always');
    await user.click(within(dialog).getByRole('radio', { name: /scylla/i }));
    expect(persistent).not.toBeChecked();
    expect(onTimeout).toHaveValue('if-level-met');
    // The difference is spelled out, old value beside the new.
    const diff = within(dialog).getByTestId('settings-diff');
    expect(diff).toHaveTextContent(/persistentHintWindow\s*on\s*becomes\s*→?\s*off/);
    expect(diff).toHaveTextContent(/hintOnTimeout\s*always/);
  });

  it('choosing dynamo fills a sloppy quorum with vector clocks, no window and no TTL', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    await user.click(within(dialog).getByRole('radio', { name: /dynamo/i }));
    expect(within(dialog).getByRole('combobox', { name: 'hintMode' })).toHaveValue('sloppy-quorum');
    expect(within(dialog).getByRole('combobox', { name: 'conflictResolution' })).toHaveValue('vector-clock');
    expect(within(dialog).getByRole('textbox', { name: 'maxHintWindow' })).toHaveValue('');
    expect(within(dialog).getByRole('textbox', { name: 'hintTtl' })).toHaveValue('');
    expect(within(dialog).getByRole('switch', { name: 'strictQuorum' })).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Apply & restart' })).toBeEnabled();
  });

  it('typing "3 hours" into maxHintWindow shows an error naming maxHintWindow and disables Apply', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    const field = within(dialog).getByRole('textbox', { name: 'maxHintWindow' });
    await user.clear(field);
    await user.type(field, '3 hours');
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent(/^settings\.maxHintWindow: expected a duration/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/settings\.maxHintWindow: expected a duration/);
    const apply = within(dialog).getByRole('button', { name: 'Apply & restart' });
    expect(apply).toBeDisabled();
    await user.click(apply);
    expect(commands(send)).toEqual([]);
    // Fixing it enables Apply again.
    await user.clear(field);
    await user.type(field, '3h');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(apply).toBeEnabled();
  });

  it("hintReplayRate shows Cassandra's KiB/s throttle beside it, following the rate and the node count as they are typed", async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    const rate = within(dialog).getByRole('textbox', { name: 'hintReplayRate' });
    const nodes = within(dialog).getByRole('textbox', { name: 'nodes' });
    await user.clear(rate);
    await user.type(rate, '205');
    await user.clear(nodes);
    await user.type(nodes, '6');
    // Cassandra: T KiB/s ÷ (N − 1) per target; 205 hints/s of 1 KiB on 6 nodes ⇔ T = 1,025 KiB/s.
    expect(rate).toHaveAccessibleDescription(/≈ 1,025 KiB\/s as Cassandra's hinted_handoff_throttle on 6 nodes/);
    await user.clear(nodes);
    await user.type(nodes, 'A, B');
    expect(within(dialog).getByTestId('set-hintReplayRate-note')).toHaveTextContent(/≈ 205 KiB\/s .* on 2 nodes/);
    await user.clear(rate);
    expect(within(dialog).queryByTestId('set-hintReplayRate-note')).not.toBeInTheDocument();
  });

  it('names the cross-field error on the field it names (p99 below the median)', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    const p99 = within(dialog).getByRole('textbox', { name: 'latency.p99' });
    await user.clear(p99);
    await user.type(p99, '1ms');
    expect(p99).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('settings.latency.p99: expected p99 >= median');
  });

  it('refuses more nodes than the app draws, and a replication factor above the node count', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    const nodes = within(dialog).getByRole('textbox', { name: 'nodes' });
    await user.clear(nodes);
    await user.type(nodes, '65');
    expect(nodes).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/at most 64 nodes/);
    await user.clear(nodes);
    await user.type(nodes, '2');
    expect(within(dialog).getByRole('textbox', { name: 'replicationFactor' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/^cluster\.replicationFactor:/);
  });

  it('Apply sends init with the edited scenario, then play once the worker is ready', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    await user.click(within(dialog).getByRole('radio', { name: /scylla/i }));
    const window = within(dialog).getByRole('textbox', { name: 'maxHintWindow' });
    await user.clear(window);
    await user.type(window, '10m');
    const seed = within(dialog).getByRole('textbox', { name: 'seed' });
    await user.clear(seed);
    await user.type(seed, '7');
    await user.click(within(dialog).getByRole('button', { name: 'Apply & restart' }));
    const sent = commands(send) as { type: string; scenario?: Record<string, unknown> }[];
    expect(sent.map((m) => m.type)).toEqual(['init']);
    const scenario = sent[0]!.scenario!;
    expect(scenario).toMatchObject({
      format: 'hintscope/scenario@1',
      seed: 7,
      cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 4, replicationFactor: 3 },
      settings: { preset: 'scylla', maxHintWindow: '10m', persistentHintWindow: false, hintOnTimeout: 'if-level-met', hintTtl: '10d' },
      until: '30d',
    });
    // What was sent is a valid scenario that the engine reads back as edited.
    const parsed = parseScenario(scenario);
    expect(parsed.settings.maxHintWindow).toBe(600_000);
    expect(parsed.settings.preset).toBe('scylla');
    expect(screen.getByRole('button', { name: 'Restarting…' })).toBeDisabled();
    act(() => store.getState().actions.receive({ type: 'ready', cluster: cassandra() }));
    expect((commands(send) as { type: string }[]).map((m) => m.type)).toEqual(['init', 'play']);
  });

  it('closes when the worker answers ready, and shows the worker error when it refuses', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<SettingsButton />, { cluster: cassandra() });
    let dialog = await openSettings(user);
    await user.click(within(dialog).getByRole('button', { name: 'Apply & restart' }));
    act(() => store.getState().actions.receive({ type: 'error', message: 'settings.x: unknown key' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Not applied: settings.x: unknown key');
    expect(within(dialog).getByRole('button', { name: 'Apply & restart' })).toBeEnabled();

    await user.click(within(dialog).getByRole('button', { name: 'Apply & restart' }));
    act(() => store.getState().actions.receive({ type: 'ready', cluster: makeCluster({ preset: 'cassandra', seed: 2 }) }));
    expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveFocus();
    // The store now knows the scenario that runs: the next open starts from it.
    expect(store.getState().scenario).toMatchObject({ settings: { preset: 'cassandra' } });
    dialog = await openSettings(user);
    expect(within(dialog).getByRole('textbox', { name: 'seed' })).toHaveValue('2');
  });

  it('keeps Tab inside the drawer', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    within(dialog).getByRole('button', { name: 'Apply & restart' }).focus();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Apply & restart' })).toHaveFocus();
  });
});

/** The text a setting's real names show as: the registry's, or the note that none exists. */
const realOf = (path: string) => realNamesText(SETTINGS[path as keyof typeof SETTINGS].real) || NO_REAL_NAME;
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('settings from the registry', () => {
  it('the form shows every setting of the registry with its real names and why, from the registry', async () => {
    const user = userEvent.setup();
    renderWithStore(<SettingsButton />, { cluster: cassandra() });
    const dialog = await openSettings(user);
    for (const path of SETTING_PATHS.filter((p) => p !== 'preset')) {
      const input = within(dialog).getByLabelText(path);
      expect(input).toHaveAccessibleDescription(new RegExp(escape(realOf(path))));
      expect(input).toHaveAccessibleDescription(new RegExp(escape(SETTINGS[path].why)));
    }
  });

  it('every registry setting sits in exactly one group of the form, and the form has no setting the registry lacks', () => {
    const grouped = SETTING_GROUPS.flatMap((g) => g.paths);
    expect([...grouped].sort()).toEqual([...SETTING_PATHS].sort());
    const formSettings = ALL_FIELDS.filter((f) => f.path.startsWith('settings.')).map((f) => f.key);
    expect([...formSettings].sort()).toEqual([...SETTING_PATHS].sort());
  });

  it('the readout names each setting it shows by the registry’s real names', () => {
    renderWithStore(<SettingsReadout />, { cluster: cassandra() });
    const rows = screen.getAllByTestId(/^readout-/);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const path = row.getAttribute('data-testid')!.slice('readout-'.length);
      expect(row).toHaveTextContent(realOf(path));
    }
    expect(screen.getByTestId('readout-hintReplayRate')).toHaveTextContent('Cassandra hinted_handoff_throttle');
    expect(screen.getByTestId('readout-hintReplayRate')).toHaveTextContent('1,000 hints/s');
  });
});

describe('settings model', () => {
  it('round-trips the default scenario through the form', () => {
    const running = parseScenario(defaultScenario());
    const form = clusterToForm({
      preset: running.settings.preset, nodes: running.nodes, vnodes: running.vnodes,
      replicationFactor: running.replicationFactor, seed: running.seed, settings: { ...running.settings },
    });
    const again = parseScenario(buildScenario(defaultScenario(), form));
    expect(again.settings).toEqual(running.settings);
    expect(again.nodes).toEqual(running.nodes);
  });

  it('maps engine error paths to form fields', () => {
    expect(fieldOfError('settings.latency.p99')?.key).toBe('latency.p99');
    expect(fieldOfError('cluster.nodes[3]')?.key).toBe('nodes');
    expect(fieldOfError('seed')?.key).toBe('seed');
    expect(fieldOfError('faults[0].kill')).toBeUndefined();
  });
});
