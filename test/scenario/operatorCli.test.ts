// The CLI with nodetool entries: every bad-input case of the operator commands exits 2 with one
// line naming the field; a valid file prints hints.truncated in --json and the probes' output,
// as nodetool prints it, in the human summary.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, jsonFiles, ROOT } from './cliRun';

const { file } = jsonFiles('hintscope-cli-nodetool-');
const base = { format: 'hintscope/scenario@1', name: 'nodetool', cluster: { nodes: ['A', 'B'] }, until: '30s' };

describe('CLI: nodetool bad input exits 2 naming the field', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ nodetool: 'pausehandof', node: 'A' }, 'faults[0].nodetool: '],
    [{ nodetool: 7, node: 'A' }, 'faults[0].nodetool: '],
    [{ nodetool: 'pausehandoff' }, 'faults[0].node: '],
    [{ nodetool: 'pausehandoff', node: 'Z' }, 'faults[0].node: '],
    [{ nodetool: 'pausehandoff', node: [] }, 'faults[0].node: '],
    [{ nodetool: 'pausehandoff', node: ['A', 'A'] }, 'faults[0].node[1]: '],
    [{ nodetool: 'truncatehints', node: 'A', target: 'Z' }, 'faults[0].target: '],
    [{ nodetool: 'drain', node: 'A', target: 'B' }, 'faults[0].target: '],
    [{ nodetool: 'sethintedhandoffthrottle', node: 'A' }, 'faults[0].hintReplayRate: '],
    [{ nodetool: 'sethintedhandoffthrottle', node: 'A', hintReplayRate: -1 }, 'faults[0].hintReplayRate: '],
    [{ nodetool: 'pausehandoff', node: 'A', hintReplayRate: 5 }, 'faults[0].hintReplayRate: '],
    [{ nodetool: 'setmaxhintwindow', node: 'A' }, 'faults[0].maxHintWindow: '],
    [{ nodetool: 'setmaxhintwindow', node: 'A', maxHintWindow: '40d' }, 'faults[0].maxHintWindow: '],
    [{ nodetool: 'setmaxhintwindow', node: 'A', maxHintWindow: 'x' }, 'faults[0].maxHintWindow: '],
    [{ nodetool: 'drain', node: 'A', maxHintWindow: '1h' }, 'faults[0].maxHintWindow: '],
    [{ nodetool: 'drain', node: 'A', restart: 'A' }, 'faults[0]: '],
  ];
  it.concurrent.each(cases)('%j', async (fault, prefix) => {
    const r = await cli([file({ ...base, faults: [fault] })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(prefix)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it.concurrent('settings.replayWhenDisabled not a boolean', async () => {
    const r = await cli([file({ ...base, settings: { replayWhenDisabled: 1 } })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^settings\.replayWhenDisabled: /);
  });
});

describe('CLI: a scenario with nodetool', () => {
  it.concurrent('--json has hints.truncated', async () => {
    const r = await cli([join(ROOT, 'scenarios', '20-truncatehints.json'), '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { hints: { truncated: number } }).hints.truncated).toBe(30);
  });
  it.concurrent('the summary prints each probe as nodetool does, at its instant', async () => {
    const r = await cli([join(ROOT, 'scenarios', '18-pausehandoff.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ nodetool -h A statushandoff    # at 1m40s\n  Hinted handoff is running\n');
    expect(r.stdout).toMatch(/\$ nodetool -h A listpendinghints {4}# at 1m40s\n {2}Host ID Address Rack {2}DC {10}Status Hints Newest {18}Oldest\n {2}B {7}B {7}rack1 datacenter1 UP {5}50 {4}1970-01-01 00:00:40,000 1970-01-01 00:00:40,000\n/);
    expect(r.stdout).toContain('+ truncated 0 +');
  });
  it.concurrent('a probe on a down node: connection refused', async () => {
    const r = await cli([file({ ...base, faults: [{ at: '1s', kill: 'B' }, { at: '2s', nodetool: 'getmaxhintwindow', node: '*' }] })]);
    expect(r.stdout).toContain('$ nodetool -h A getmaxhintwindow    # at 2s\n  Current max hint window: 10800000 ms\n');
    expect(r.stdout).toContain("$ nodetool -h B getmaxhintwindow    # at 2s\n  nodetool: Failed to connect to 'B:7199' - ConnectException: 'Connection refused'.");
  });
});
