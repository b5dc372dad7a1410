// The datacenters on the drawn ring (view/datacenters.ts) and in the snapshot the page draws from.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';
import { dcRuns, labelRuns, rfText } from '../../src/view/datacenters';

const map = (pairs: [string, string | undefined][]) => new Map(pairs);

describe('view/datacenters', () => {
  it('runs of one DC along the drawing order, never split by the wrap', () => {
    const order = ['A', 'B', 'C', 'D', 'E', 'F'];
    const runs = dcRuns(order, map([['A', 'x'], ['B', 'x'], ['C', 'y'], ['D', 'y'], ['E', 'x'], ['F', 'x']]));
    expect(runs).toEqual([{ dc: 'y', index: 1, start: 2, length: 2 }, { dc: 'x', index: 0, start: 4, length: 4 }]);
    expect(labelRuns(runs).map((r) => r.dc)).toEqual(['y', 'x']);
  });
  it('nothing to draw with one DC or none named', () => {
    expect(dcRuns(['A', 'B'], map([['A', 'x'], ['B', 'x']]))).toEqual([]);
    expect(dcRuns(['A', 'B'], map([['A', undefined], ['B', undefined]]))).toEqual([]);
  });
  it('a DC in two runs is labelled once, at its longest', () => {
    const runs = dcRuns(['A', 'B', 'C', 'D', 'E'], map([['A', 'x'], ['B', 'y'], ['C', 'x'], ['D', 'x'], ['E', 'y']]));
    expect(runs.filter((r) => r.dc === 'x')).toHaveLength(2);
    expect(labelRuns(runs).find((r) => r.dc === 'x')).toMatchObject({ start: 2, length: 2 });
  });
});

describe('snapshot', () => {
  const base = { format: 'hintscope/scenario@1', name: 'x', until: '1m', cluster: { nodes: ['A', 'B', 'C', 'D'] } };
  it('names each node\'s DC only when the scenario names datacenters', () => {
    const withDcs = createSimulation({ ...base, cluster: { ...base.cluster, datacenters: { east: 2, west: 2 }, replicationFactor: 2 } }).snapshot();
    expect(withDcs.nodes.map((n) => n.dc)).toEqual(['east', 'east', 'west', 'west']);
    expect(createSimulation(base).snapshot().nodes.every((n) => n.dc === undefined)).toBe(true);
  });
});

describe('rfText', () => {
  it('one datacenter: the number; several: each replication factor with the names', () => {
    expect(rfText({ replicationFactor: 3 })).toBe('3');
    expect(rfText({ replicationFactor: 5, datacenters: [{ name: 'dc1', rf: 3 }, { name: 'dc2', rf: 2 }] })).toBe('3 + 2 (dc1, dc2)');
  });
  it('the engine names each datacenter and its factor in the cluster info (none without datacenters)', () => {
    const base = { format: 'hintscope/scenario@1', name: 'x', cluster: { nodes: ['A', 'B', 'C', 'D'], replicationFactor: 2 }, until: '1s' };
    expect(createSimulation(base).info.datacenters).toBeUndefined();
    const two = createSimulation({ ...base, cluster: { ...base.cluster, datacenters: { east: 2, west: 2 }, replicationFactor: { east: 2, west: 1 } } });
    expect(two.info.datacenters).toEqual([{ name: 'east', rf: 2, nodes: ['A', 'B'] }, { name: 'west', rf: 1, nodes: ['C', 'D'] }]);
  });
});
