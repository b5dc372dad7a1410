// The consistency levels across datacenters (coordinator/dcLevels.ts; Cassandra ConsistencyLevel,
// ReplicaPlans) as pure rules, and in the engine: with one datacenter the DC levels are the plain ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine';
import { ackCounts, liveCount, perDcNeed, readContacts, requiredFor } from '../../src/engine/coordinator/dcLevels';
import type { Topology } from '../../src/engine/ring/topology';

// A, B, C in dc1; D, E, F in dc2; RF 3 + 3.
const T: Topology = { names: ['dc1', 'dc2'], dcOf: [0, 0, 0, 1, 1, 1], rf: [3, 3] };
const ALL6 = [0, 1, 2, 3, 4, 5];

describe('blockFor across datacenters', () => {
  it('QUORUM counts every DC (4 of 6), LOCAL_QUORUM the local one (2), EACH_QUORUM a quorum in each (2 + 2)', () => {
    expect(requiredFor(T, 'QUORUM', 0, 6)).toBe(4);
    expect(requiredFor(T, 'LOCAL_QUORUM', 0, 6)).toBe(2);
    expect(requiredFor(T, 'EACH_QUORUM', 0, 6)).toBe(4);
    expect(requiredFor(T, 'LOCAL_ONE', 1, 6)).toBe(1);
    expect(requiredFor(T, 'ALL', 1, 6)).toBe(6);
  });
  it('a local RF of 0 still needs one local replica (localQuorumFor); EACH_QUORUM skips DCs without replicas', () => {
    const t: Topology = { ...T, rf: [3, 0] };
    expect(requiredFor(t, 'LOCAL_QUORUM', 1, 3)).toBe(1);
    expect(requiredFor(t, 'EACH_QUORUM', 1, 3)).toBe(2);
    expect(liveCount(t, 'LOCAL_QUORUM', 1, [0, 1, 2])).toBe(0);
  });
});

describe('which replicas count', () => {
  it('local levels count only acks from the coordinator\'s DC', () => {
    expect(ackCounts(T, 'LOCAL_QUORUM', 0, 1, undefined)).toBe(true);
    expect(ackCounts(T, 'LOCAL_QUORUM', 0, 4, undefined)).toBe(false);
    expect(ackCounts(T, 'LOCAL_ONE', 1, 4, undefined)).toBe(true);
  });
  it('EACH_QUORUM counts an ack only while its DC is short of its own quorum', () => {
    const need = perDcNeed(T, 'EACH_QUORUM')!;
    const counted = [3, 4, 5, 0].map((r) => ackCounts(T, 'EACH_QUORUM', 0, r, need));
    expect(counted).toEqual([true, true, false, true]);
    expect(need).toEqual([1, 0]);
  });
  it('EACH_QUORUM is unavailable when any DC is short, however many are alive elsewhere', () => {
    expect(liveCount(T, 'EACH_QUORUM', 0, [0, 1, 2, 3])).toBe(-1);
    expect(liveCount(T, 'EACH_QUORUM', 0, [0, 1, 3, 4])).toBe(4);
    expect(liveCount(T, 'LOCAL_QUORUM', 0, [0, 3, 4, 5])).toBe(1);
  });
});

describe('read contact order (nearest first)', () => {
  it('the coordinator, its DC, then the others, each in replica order', () => {
    expect(readContacts(T, 'QUORUM', 4, [0, 3, 1, 4, 2, 5], 4)).toEqual([4, 3, 5, 0]);
    expect(readContacts(T, 'ALL', 1, ALL6, 6)).toEqual([1, 0, 2, 3, 4, 5]);
  });
  it('local levels ask the local DC only; EACH_QUORUM a quorum of each', () => {
    expect(readContacts(T, 'LOCAL_QUORUM', 4, ALL6, 2)).toEqual([4, 3]);
    expect(readContacts(T, 'LOCAL_ONE', 0, [3, 4], 1)).toEqual([]);
    expect(readContacts(T, 'EACH_QUORUM', 0, ALL6, 4)).toEqual([0, 1, 3, 4]);
    expect(readContacts(T, 'EACH_QUORUM', 0, [0, 1, 2, 3], 4)).toHaveLength(3);
  });
});

describe('with one datacenter the DC levels are the plain ones (dtest consistency_test test_simple_strategy)', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'scenarios', '01-replica-down-ten-minutes.json'), 'utf8')) as { workload: Record<string, unknown>[] };
  const at = (level: string) => runScenario({ ...doc, workload: doc.workload.map((w) => ('rate' in w ? { ...w, consistency: level } : w)) });
  it('LOCAL_QUORUM and EACH_QUORUM run exactly as QUORUM, LOCAL_ONE as ONE', () => {
    const quorum = at('QUORUM');
    expect(at('LOCAL_QUORUM')).toEqual(quorum);
    expect(at('EACH_QUORUM')).toEqual(quorum);
    expect(at('LOCAL_ONE')).toEqual(at('ONE'));
  }, 60_000);
});
