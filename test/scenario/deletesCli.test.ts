// The CLI with deletes: every bad input of the format exits 2 with one line naming the field; a
// valid file prints the delete fields in --json and in the human summary.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, jsonFiles, ROOT } from './cliRun';

const { file } = jsonFiles('hintscope-cli-deletes-');
const base = { format: 'hintscope/scenario@1', name: 'deletes', cluster: { nodes: ['A', 'B'] }, until: '30s' };
const vc = { conflictResolution: 'vector-clock' };

describe('CLI: deletes bad input exits 2 naming the field', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ workload: [{ at: '1s', delete: {} }] }, 'workload[0].delete.key: '],
    [{ workload: [{ at: '1s', delete: { key: 'k', value: 'v' } }] }, 'workload[0].delete.value: '],
    [{ workload: [{ at: '1s', delete: { key: 'k', consistency: 'SOME' } }] }, 'workload[0].delete.consistency: '],
    [{ settings: vc, workload: [{ at: '1s', delete: { key: 'k' } }] }, 'workload[0].delete: '],
    [{ settings: vc, workload: [{ rate: 5, deleteRatio: 0.5 }] }, 'workload[0].deleteRatio: '],
    [{ workload: [{ rate: 5, deleteRatio: 2 }] }, 'workload[0].deleteRatio: '],
    [{ workload: [{ rate: 5, writeRatio: 0.9, deleteRatio: 0.2 }] }, 'workload[0].deleteRatio: '],
    [{ settings: { gcGrace: null } }, 'settings.gcGrace: '],
    [{ settings: { gcGrace: '60d' } }, 'settings.gcGrace: '],
    [{ settings: { tombstoneGc: 'never' } }, 'settings.tombstoneGc: '],
    [{ settings: { propagationDelay: '31d' } }, 'settings.propagationDelay: '],
    [{ settings: { compactionInterval: 0 } }, 'settings.compactionInterval: '],
    [{ settings: { compactionInterval: null } }, 'settings.compactionInterval: '],
    [{ settings: { compactionInterval: '31d' } }, 'settings.compactionInterval: '],
    [{ faults: [{ at: '1s', nodetool: 'compact', node: 'A', maxHintWindow: '1h' }] }, 'faults[0].maxHintWindow: '],
  ];
  it.concurrent.each(cases)('%j', async (over, prefix) => {
    const r = await cli([file({ ...base, ...over })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(prefix)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('CLI: a scenario with deletes', () => {
  it.concurrent('--json has the delete fields; the summary names the zombie', async () => {
    const json = await cli([join(ROOT, 'scenarios', '26-zombie.json'), '--json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as { deletes: unknown; tombstones: unknown; replication: { resurrected: number } };
    expect(r.deletes).toEqual({ attempted: 1, acknowledged: 1, failed: 0, pending: 0 });
    expect(r.tombstones).toEqual({ held: 0, purged: 2 });
    expect(r.replication.resurrected).toBe(1);
    const text = await cli([join(ROOT, 'scenarios', '26-zombie.json')]);
    expect(text.stdout).toContain('deletes  1 acknowledged / 1 attempted');
    expect(text.stdout).toContain('1 resurrected');
    expect(text.stdout).toContain('tombstones 0 held, 2 purged by compaction');
  });
});
