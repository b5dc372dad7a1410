// The operator console: parsing, completion and nodetool's output (view/console, pure), and the
// panel itself: a state-changing verb is sent as a command, a probe prints from the frame and
// sends nothing, a bad line is refused naming its field.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OperatorView } from '../../src/protocol';
import { commonPrefix, complete, operatorTags, parseLine, probeOutput, simDate } from '../../src/view/console/nodetool';
import { OperatorConsole } from '../../src/ui/console/OperatorConsole';
import { commands, makeFrame, makeNode, NODE_IDS, renderWithStore } from './fixtures';

const view = (over: Partial<OperatorView> = {}): OperatorView => ({
  node: 'A', handoffEnabled: true, dispatchPaused: false, replayHeld: false, gossipOff: false, maxHintWindow: 10_800_000, hintReplayRate: 1000, pending: [], ...over,
});

describe('view/console: parsing', () => {
  it('reads a state verb, its argument, and the probes', () => {
    expect(parseLine('pausehandoff', 'A', NODE_IDS)).toEqual({ ok: true, verb: 'pausehandoff', command: { type: 'nodetool', verb: 'pausehandoff', node: 'A' } });
    expect(parseLine('nodetool truncatehints D', 'A', NODE_IDS)).toMatchObject({ ok: true, command: { verb: 'truncatehints', target: 'D' } });
    expect(parseLine('sethintedhandoffthrottle 200', 'B', NODE_IDS)).toMatchObject({ ok: true, command: { hintReplayRate: 200, node: 'B' } });
    expect(parseLine('setmaxhintwindow 1ms', 'A', NODE_IDS)).toMatchObject({ ok: true, command: { maxHintWindow: 1 } });
    expect(parseLine('setmaxhintwindow 60000', 'A', NODE_IDS)).toMatchObject({ ok: true, command: { maxHintWindow: 60_000 } });
    expect(parseLine('setmaxhintwindow null', 'A', NODE_IDS)).toMatchObject({ ok: true, command: { maxHintWindow: null } });
    expect(parseLine('statushandoff', 'A', NODE_IDS)).toEqual({ ok: true, verb: 'statushandoff', command: null });
  });
  it('refuses naming the field', () => {
    expect(parseLine('pausehandof', 'A', NODE_IDS)).toMatchObject({ ok: false, field: 'verb' });
    expect(parseLine('disablehintsfordc', 'A', NODE_IDS)).toMatchObject({ ok: false, field: 'dc' });
    expect(parseLine('disablehintsfordc dc1', 'A', NODE_IDS)).toMatchObject({ ok: true, command: { type: 'nodetool', verb: 'disablehintsfordc', node: 'A', dc: 'dc1' } });
    expect(parseLine('truncatehints Z', 'A', NODE_IDS)).toMatchObject({ ok: false, field: 'target' });
    expect(parseLine('sethintedhandoffthrottle 0', 'A', NODE_IDS)).toMatchObject({ ok: false, field: 'hintReplayRate' });
    expect(parseLine('sethintedhandoffthrottle', 'A', NODE_IDS)).toMatchObject({ ok: false, field: 'hintReplayRate' });
    expect(parseLine('setmaxhintwindow 31d', 'A', NODE_IDS)).toMatchObject({ ok: false, field: 'maxHintWindow' });
    expect(parseLine('pausehandoff now', 'A', NODE_IDS)).toMatchObject({ ok: false, field: 'verb' });
    expect(parseLine('pausehandoff', null, NODE_IDS)).toMatchObject({ ok: false, field: 'node' });
  });
  it('completes verbs and truncatehints targets', () => {
    expect(complete('set', NODE_IDS)).toEqual(['sethintedhandoffthrottle', 'setmaxhintwindow']);
    expect(commonPrefix(complete('set', NODE_IDS))).toBe('set');
    expect(complete('dis', NODE_IDS)).toEqual(['disablehandoff', 'disablegossip', 'disablehintsfordc']);
    expect(complete('truncatehints ', NODE_IDS)).toEqual(NODE_IDS.map((n) => `truncatehints ${n}`));
    expect(complete('pausehandoff x', NODE_IDS)).toEqual([]);
  });
});

describe('view/console: nodetool output', () => {
  it('statushandoff and getmaxhintwindow as nodetool prints them', () => {
    expect(probeOutput('statushandoff', view(), [])).toEqual(['Hinted handoff is running']);
    expect(probeOutput('statushandoff', view({ handoffEnabled: false }), [])).toEqual(['Hinted handoff is not running']);
    // StatusHandoff.java prints each disabled DC after the switch (dtest test_nodetool).
    expect(probeOutput('statushandoff', view({ disabledDatacenters: ['dc2'] }), [])).toEqual(['Hinted handoff is running', 'Data center dc2 is disabled']);
    expect(probeOutput('getmaxhintwindow', view({ maxHintWindow: 1 }), [])).toEqual(['Current max hint window: 1 ms']);
  });
  it('listpendinghints: the empty line, or the table padded like TableBuilder', () => {
    expect(probeOutput('listpendinghints', view(), [])).toEqual(['This node does not have any pending hints']);
    const out = probeOutput('listpendinghints', view({ pending: [{ target: 'D', hints: 12, oldest: 40_000, newest: 3_725_000.5 }] }), [{ peer: 'D', alive: false, phi: 9, heartbeatAgeMs: 30_000 }]);
    expect(out).toEqual([
      'Host ID Address Rack  DC          Status Hints Newest                  Oldest',
      'D       D       rack1 datacenter1 DOWN   12    1970-01-01 01:02:05,000 1970-01-01 00:00:40,000',
    ]);
    expect(simDate(0)).toBe('1970-01-01 00:00:00,000');
  });
  it('ring tags name what nodetool changed', () => {
    expect(operatorTags(view())).toBe('');
    expect(operatorTags(view({ gossipOff: true, dispatchPaused: true }))).toBe('GOSSIP OFF|HANDOFF PAUSED');
  });
});

describe('OperatorConsole', () => {
  const frame = () => makeFrame({ operator: NODE_IDS.map((n) => view({ node: n, dispatchPaused: n === 'B' })) });

  it('sends a state-changing verb as a nodetool command on the chosen node', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<OperatorConsole />, { frame: frame() });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'C');
    await user.type(screen.getByRole('combobox', { name: 'Verb' }), 'truncatehints D');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'nodetool', verb: 'truncatehints', node: 'C', target: 'D' } }]);
    expect(screen.getByTestId('console-output')).toHaveTextContent('$ nodetool -h C truncatehints D');
  });

  it('prints a probe from the frame and sends nothing; the pause shows beside statushandoff', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<OperatorConsole />, { frame: frame() });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'B');
    await user.type(screen.getByRole('combobox', { name: 'Verb' }), 'statushandoff');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(commands(send)).toEqual([]);
    expect(screen.getByTestId('console-output')).toHaveTextContent('Hinted handoff is running');
    expect(screen.getByTestId('console-output')).toHaveTextContent('# dispatch paused');
    expect(screen.getByTestId('console-state')).toHaveTextContent(/dispatch paused/);
  });

  it('a bad line is refused naming its field; Tab completes; the help marks Cassandra only', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<OperatorConsole />, { frame: frame() });
    const input = screen.getByRole('combobox', { name: 'Verb' });
    await user.type(input, 'setmaxhintwindow soon');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/^maxHintWindow: /);
    expect(commands(send)).toEqual([]);
    await user.clear(input);
    await user.type(input, 'getm');
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('getmaxhintwindow ');
    expect(screen.getByTestId('console-help')).toHaveTextContent(/Cassandra only/);
  });

  it("prints the scenario's own probes at their times, as nodetool would, marked as the scenario's", () => {
    const probes = [
      { at: 100_000, node: 'A', verb: 'listpendinghints', up: true, view: view({ pending: [{ target: 'B', hints: 50, oldest: 40_000, newest: 40_000 }] }), beliefs: [{ peer: 'B', alive: true, phi: 0.2, heartbeatAgeMs: 900 }] },
      { at: 20_000, node: 'B', verb: 'statushandoff', up: false, view: null, beliefs: [] },
    ];
    renderWithStore(<OperatorConsole />, { frame: makeFrame({ ...frame(), probes }) });
    const out = screen.getByTestId('console-output').textContent ?? '';
    expect(out).toMatch(/\$ nodetool -h B statushandoff {2}# at 20s?[^\n]*from the scenario\nnodetool: Failed to connect to 'B:7199'/);
    expect(out).toMatch(/\$ nodetool -h A listpendinghints {2}# at 1m ?40s?, from the scenario\nHost ID/);
    expect(out.indexOf('statushandoff')).toBeLessThan(out.indexOf('listpendinghints'));
    expect(out).toMatch(/B +B +rack1 +datacenter1 +UP +50 /);
  });

  it('a down node refuses the connection and nothing is sent', async () => {
    const user = userEvent.setup();
    const down = makeFrame({ ...frame(), nodes: NODE_IDS.map((n) => makeNode(n, { up: n !== 'A' })) });
    const { send } = renderWithStore(<OperatorConsole />, { frame: down });
    await user.type(screen.getByRole('combobox', { name: 'Verb' }), 'pausehandoff');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(commands(send)).toEqual([]);
    expect(screen.getByTestId('console-output')).toHaveTextContent(/Connection refused/);
  });
});
