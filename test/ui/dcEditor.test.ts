// The datacenter editor's model: rows ↔ scenario (judged by the engine's own parser), splitting
// evenly, merging on remove, and engine error paths placed on a row's input.
import { describe, expect, it } from 'vitest';
import { createSimulation, defaultScenario, parseScenario, PRESETS, ScenarioError } from '../../src/engine';
import {
  addRow, clusterParts, dcErrorTarget, duplicateName, evenSizes, readRows, removeRow, rowsFromCluster, rowsSummary, rowsText, sameRows, splitRows,
  type DcRow,
} from '../../src/view/settings/dcEditor';
import { buildScenario, clusterToForm, type FormValues } from '../../src/view/settings/settingsModel';

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F'];
const form = (over: FormValues = {}): FormValues => ({
  ...clusterToForm({ preset: 'cassandra', nodes: NAMES, vnodes: 8, replicationFactor: 3, seed: 1, settings: { ...PRESETS.cassandra } }),
  ...over,
});
/** The engine's error for a form, as { field, message }, or null. */
function engineError(f: FormValues): { field: string; message: string } | null {
  try {
    parseScenario(buildScenario(defaultScenario(), f));
    return null;
  } catch (err) {
    if (err instanceof ScenarioError) return { field: err.field, message: err.message };
    throw err;
  }
}
const withRows = (rows: DcRow[], over: FormValues = {}) => form({ datacenters: rowsText(rows), ...over });

describe('splitting evenly', () => {
  it('shares nodes as evenly as can be, the first datacenters one larger', () => {
    expect(evenSizes(6, 2)).toEqual([3, 3]);
    expect(evenSizes(7, 2)).toEqual([4, 3]);
    expect(evenSizes(7, 3)).toEqual([3, 2, 2]);
  });

  it('a count of nodes splits into counts, names into name lists; RF per DC is min(RF, size)', () => {
    expect(splitRows('6', '3')).toEqual([{ name: 'dc1', members: '3', rf: '3' }, { name: 'dc2', members: '3', rf: '3' }]);
    expect(splitRows('A, B, C, D, E', '3')).toEqual([{ name: 'dc1', members: 'A, B, C', rf: '3' }, { name: 'dc2', members: 'D, E', rf: '2' }]);
    expect(splitRows('4', 'x')).toEqual([{ name: 'dc1', members: '2', rf: '2' }, { name: 'dc2', members: '2', rf: '2' }]);
  });

  it('refuses to split fewer nodes than datacenters, or a node count that is no count', () => {
    expect(splitRows('1', '1')).toBeNull();
    expect(splitRows('A', '1')).toBeNull();
    expect(splitRows('2.5', '1')).toBeNull();
    expect(splitRows('', '3')).toBeNull();
  });

  it('a split of the default cluster runs: two DCs of three, RF 3 in each', () => {
    const f = withRows(splitRows('A, B, C, D, E, F', '3')!);
    const sim = createSimulation(buildScenario(defaultScenario(), f));
    expect(sim.info.datacenters).toEqual([
      { name: 'dc1', rf: 3, nodes: ['A', 'B', 'C'] },
      { name: 'dc2', rf: 3, nodes: ['D', 'E', 'F'] },
    ]);
  });

  it('adding a datacenter spreads the nodes again, keeping names and each RF capped at the new size', () => {
    const two = splitRows('6', '3')!;
    expect(addRow(two, '6', '3')).toEqual([
      { name: 'dc1', members: '2', rf: '2' }, { name: 'dc2', members: '2', rf: '2' }, { name: 'dc3', members: '2', rf: '2' },
    ]);
    const named = [{ name: 'eu', members: 'A, B, C', rf: '' }, { name: 'dc2', members: 'D, E, F', rf: '1' }];
    expect(addRow(named, 'A, B, C, D, E, F', '3')).toEqual([
      { name: 'eu', members: 'A, B', rf: '' }, { name: 'dc2', members: 'C, D', rf: '1' }, { name: 'dc3', members: 'E, F', rf: '2' },
    ]);
    expect(addRow(splitRows('2', '1')!, '2', '1')).toBeNull();
  });
});

describe('removing a datacenter', () => {
  const three: DcRow[] = [{ name: 'a', members: '2', rf: '1' }, { name: 'b', members: '2', rf: '2' }, { name: 'c', members: '2', rf: '2' }];
  it('hands its nodes to the one before it (the first to the second), so the counts still add up', () => {
    expect(removeRow(three, 1)).toEqual([{ name: 'a', members: '4', rf: '1' }, three[2]]);
    expect(removeRow(three, 0)).toEqual([{ name: 'b', members: '4', rf: '2' }, three[2]]);
    const lists: DcRow[] = [{ name: 'a', members: 'A, B', rf: '1' }, { name: 'b', members: 'C, D', rf: '1' }, { name: 'c', members: 'E', rf: '1' }];
    expect(removeRow(lists, 2)).toEqual([lists[0], { name: 'b', members: 'C, D, E', rf: '1' }]);
  });

  it('down to one datacenter means none', () => {
    expect(removeRow(splitRows('6', '3')!, 1)).toEqual([]);
  });
});

describe('rows ↔ scenario', () => {
  it('writes cluster.datacenters in row order, as typed, and replicationFactor as a map per DC', () => {
    const rows: DcRow[] = [{ name: 'west', members: 'D,E,F', rf: '2' }, { name: 'east', members: 'A, B, C', rf: '3' }];
    const scenario = buildScenario(defaultScenario(), withRows(rows)) as { cluster: Record<string, unknown> };
    expect(Object.keys(scenario.cluster.datacenters as object)).toEqual(['west', 'east']);
    expect(scenario.cluster).toMatchObject({ datacenters: { west: ['D', 'E', 'F'], east: ['A', 'B', 'C'] }, replicationFactor: { west: 2, east: 3 } });
    expect(parseScenario(scenario).datacenters?.names).toEqual(['west', 'east']);
  });

  it('an empty RF leaves the datacenter out of the map: it holds no replica', () => {
    const parts = clusterParts([{ name: 'dc1', members: '3', rf: '3' }, { name: 'dc2', members: '3', rf: ' ' }]);
    expect(parts?.replicationFactor).toEqual({ dc1: 3 });
    const sim = createSimulation(buildScenario(defaultScenario(), withRows([{ name: 'dc1', members: '3', rf: '3' }, { name: 'dc2', members: '3', rf: '' }])));
    expect(sim.info.datacenters?.map((d) => d.rf)).toEqual([3, 0]);
  });

  it('no rows: no cluster.datacenters, even when the running scenario had them, and the single RF', () => {
    const base = { ...defaultScenario(), cluster: { nodes: NAMES, datacenters: { dc1: 3, dc2: 3 }, replicationFactor: { dc1: 3, dc2: 3 } } };
    const scenario = buildScenario(base, form({ datacenters: '', replicationFactor: '2' })) as { cluster: Record<string, unknown> };
    expect(scenario.cluster).not.toHaveProperty('datacenters');
    expect(scenario.cluster.replicationFactor).toBe(2);
    expect(parseScenario(scenario).datacenters).toBeUndefined();
  });

  it('the running cluster prefills rows: counts for n1..nN in runs, names otherwise; RF 0 is empty', () => {
    const counted = createSimulation({ ...defaultScenario(), cluster: { nodes: 6, datacenters: { dc1: 4, dc2: 2 }, replicationFactor: { dc1: 3 } } });
    const rows = rowsFromCluster(counted.info.nodes, counted.info.datacenters);
    expect(rows).toEqual([{ name: 'dc1', members: '4', rf: '3' }, { name: 'dc2', members: '2', rf: '' }]);
    const listed = createSimulation({ ...defaultScenario(), cluster: { nodes: NAMES, datacenters: { us: ['A', 'C', 'E'], eu: ['B', 'D', 'F'] }, replicationFactor: 2 } });
    expect(rowsFromCluster(listed.info.nodes, listed.info.datacenters)).toEqual([
      { name: 'us', members: 'A, C, E', rf: '2' }, { name: 'eu', members: 'B, D, F', rf: '2' },
    ]);
    expect(rowsFromCluster(NAMES, undefined)).toEqual([]);
  });

  it('round-trips: the running cluster → form → scenario → the same datacenters and replicas', () => {
    const sim = createSimulation({ ...defaultScenario(), cluster: { nodes: NAMES, datacenters: { us: ['A', 'C', 'E'], eu: ['B', 'D', 'F'] }, replicationFactor: { us: 3, eu: 2 } } });
    const f = clusterToForm({ ...sim.info });
    expect(f.replicationFactor).toBe('3');
    const again = createSimulation(buildScenario(defaultScenario(), f));
    expect(again.info.datacenters).toEqual(sim.info.datacenters);
  });

  it('the form text survives anything but rows: a bad text is no rows', () => {
    expect(readRows('')).toEqual([]);
    expect(readRows('not json')).toEqual([]);
    expect(readRows(true)).toEqual([]);
    expect(readRows('[{"name":"dc1","members":"3","rf":"3"},{"name":1}]')).toEqual([{ name: 'dc1', members: '3', rf: '3' }]);
  });

  it('reads the same cluster typed two ways as the same, and says it in one line', () => {
    const a = rowsText([{ name: 'dc1', members: 'A,B', rf: '2' }]);
    const b = rowsText([{ name: ' dc1', members: 'A, B ', rf: '2 ' }]);
    expect(sameRows(a, b)).toBe(true);
    expect(sameRows(a, rowsText([{ name: 'dc1', members: 'A, B', rf: '1' }]))).toBe(false);
    expect(rowsSummary(rowsText([{ name: 'dc1', members: 'A, B, C', rf: '3' }, { name: 'dc2', members: '3', rf: '' }]))).toBe(
      'dc1: A, B, C (RF 3); dc2: 3 nodes (no replicas)',
    );
    expect(rowsSummary('')).toBe('one datacenter (datacenter1)');
  });
});

describe('engine errors → the row input they name', () => {
  const at = (rows: DcRow[], over: FormValues = {}) => {
    const f = withRows(rows, over);
    const err = engineError(f);
    expect(err, 'the engine refuses this form').not.toBeNull();
    return { ...dcErrorTarget(err!.field, rows, NAMES), message: err!.message };
  };
  const ok: DcRow[] = [{ name: 'dc1', members: 'A, B, C', rf: '3' }, { name: 'dc2', members: 'D, E, F', rf: '3' }];
  const set = (i: number, patch: Partial<DcRow>) => ok.map((r, j) => (j === i ? { ...r, ...patch } : r));

  it('the valid rows pass', () => {
    expect(engineError(withRows(ok))).toBeNull();
  });
  it('an RF above a DC\'s size → that row\'s RF', () => {
    expect(at(set(1, { rf: '4' }))).toMatchObject({ row: 1, input: 'rf', message: /^cluster\.replicationFactor\.dc2: expected at most the datacenter's size \(3\)/ });
    expect(at(set(0, { rf: 'x' }))).toMatchObject({ row: 0, input: 'rf' });
  });
  it('an unknown node → that row\'s members; a bad count too', () => {
    expect(at(set(1, { members: 'D, E, Q' }))).toMatchObject({ row: 1, input: 'members', message: /^cluster\.datacenters\.dc2\[2\]: unknown node "Q"/ });
    const counts = [{ name: 'dc1', members: '3', rf: '1' }, { name: 'dc2', members: '0', rf: '1' }];
    expect(at(counts, { nodes: '6' })).toMatchObject({ row: 1, input: 'members' });
  });
  it('a bad name, or a node\'s name → the name input', () => {
    expect(at(set(1, { name: '2nd' }))).toMatchObject({ row: 1, input: 'name', message: /expected a datacenter name/ });
    expect(at(set(0, { name: 'A' }))).toMatchObject({ row: 0, input: 'name', message: /has the name of a node/ });
    expect(at(set(0, { name: '' }))).toMatchObject({ row: 0, input: 'name' });
  });
  it('a sum, a missing node, mixed forms or a sloppy-quorum preset → the editor as a whole', () => {
    expect(at([{ name: 'dc1', members: '3', rf: '1' }, { name: 'dc2', members: '2', rf: '1' }], { nodes: '6' })).toMatchObject({ row: null, message: /counts sum to 5/ });
    expect(at(set(1, { members: 'D, E' }))).toMatchObject({ row: null, message: /node "F" is in no datacenter/ });
    expect(at(set(1, { members: '3' }))).toMatchObject({ row: null, message: /not both/ });
    expect(at(ok, { hintMode: 'sloppy-quorum' })).toMatchObject({ row: null, message: /sloppy-quorum mode .* takes one datacenter/ });
  });
  it('no rows, or a path that is not the cluster\'s: not the editor\'s', () => {
    expect(dcErrorTarget('cluster.datacenters', [], NAMES)).toBeNull();
    expect(dcErrorTarget('settings.maxHintWindow', ok, NAMES)).toBeNull();
    expect(dcErrorTarget('cluster.replicationFactor', ok, NAMES)).toEqual({ row: null, input: null });
  });
  it('two rows of one name are caught before they become one key', () => {
    const rows = set(1, { name: 'dc1' });
    expect(duplicateName(rows)).toEqual({ target: { row: 1, input: 'name' }, message: 'cluster.datacenters.dc1: datacenter "dc1" is named twice; names must differ' });
    expect(duplicateName(ok)).toBeNull();
  });
});
