// Datacenters (docs/behaviour.md "Datacenters", docs/scenario-format.md "Datacenters"): the format's
// bad input, each checkable claim on its shipped scenario file (and the variants the claim names),
// and that one datacenter changes nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, ScenarioError, type Report } from '../../src/engine';

type Doc = Record<string, unknown> & { cluster: Record<string, unknown>; settings: Record<string, unknown>; workload: Record<string, unknown>[]; faults: Record<string, unknown>[] };
const DIR = join(__dirname, '..', '..', 'scenarios');
const load = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Doc;
const run = (doc: unknown) => runScenario(doc) as Report;
const sum = (r: Report, nodes: string[]) => nodes.reduce((s, n) => s + r.nodes[n]!.keys, 0);

const NODES = ['A', 'B', 'C', 'D', 'E', 'F'];
const DCS = { dc1: ['A', 'B', 'C'], dc2: ['D', 'E', 'F'] };
function doc(cluster: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Doc {
  return {
    format: 'hintscope/scenario@1', name: 'dc', until: '1m', settings: {}, workload: [], faults: [],
    cluster: { nodes: NODES, datacenters: DCS, replicationFactor: 3, ...cluster }, ...extra,
  } as Doc;
}

function refusedAt(d: unknown): ScenarioError {
  try {
    parseScenario(d);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError, but the scenario was accepted');
}

describe('bad input names the field', () => {
  const w = (write: Record<string, unknown>) => ({ workload: [{ at: '1s', write: { key: 'k', value: 'v', ...write } }] });
  it.each([
    ['datacenters not an object', doc({ datacenters: ['dc1'] }), 'cluster.datacenters', /expected an object/],
    ['datacenters empty', doc({ datacenters: {} }), 'cluster.datacenters', /at least one/],
    ['a bad DC name', doc({ datacenters: { '1dc': NODES } }), 'cluster.datacenters.1dc', /datacenter name/],
    ['a DC name longer than 32', doc({ datacenters: { ['d'.repeat(33)]: NODES } }), `cluster.datacenters.${'d'.repeat(33)}`, /datacenter name/],
    ['a DC named as a node', doc({ datacenters: { A: NODES } }), 'cluster.datacenters.A', /name of a node/],
    ['an unknown node', doc({ datacenters: { dc1: ['A', 'B', 'C', 'Z'], dc2: ['D', 'E', 'F'] } }), 'cluster.datacenters.dc1[3]', /unknown node "Z"/],
    ['a node in two DCs', doc({ datacenters: { dc1: ['A', 'B', 'C', 'D'], dc2: ['D', 'E', 'F'] } }), 'cluster.datacenters.dc2[0]', /more than one datacenter/],
    ['a node in none', doc({ datacenters: { dc1: ['A', 'B', 'C'], dc2: ['D', 'E'] } }), 'cluster.datacenters', /"F" is in no datacenter/],
    ['an empty DC', doc({ datacenters: { dc1: NODES, dc2: [] } }), 'cluster.datacenters.dc2', /cannot be empty/],
    ['counts not summing to the nodes', doc({ datacenters: { dc1: 3, dc2: 2 } }), 'cluster.datacenters', /sum to 5/],
    ['a count of 0', doc({ datacenters: { dc1: 6, dc2: 0 } }), 'cluster.datacenters.dc2', />= 1/],
    ['mixed forms', doc({ datacenters: { dc1: ['A', 'B', 'C'], dc2: 3 } }), 'cluster.datacenters', /not both/],
    ['more than 32 DCs', doc({ nodes: 33, datacenters: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`d${i}`, 1])), replicationFactor: 1 }), 'cluster.datacenters', /at most 32/],
    ['two DCs in sloppy-quorum mode', doc({}, { settings: { preset: 'dynamo' } }), 'cluster.datacenters', /sloppy-quorum mode/],
    ['an RF map without datacenters', doc({ datacenters: undefined, replicationFactor: { dc1: 3 } }), 'cluster.replicationFactor', /needs cluster.datacenters/],
    ['an RF map naming an unknown DC', doc({ replicationFactor: { dc3: 1 } }), 'cluster.replicationFactor.dc3', /unknown datacenter/],
    ['an RF of 0', doc({ replicationFactor: { dc1: 0 } }), 'cluster.replicationFactor.dc1', />= 1/],
    ['an RF that is no integer', doc({ replicationFactor: { dc1: 1.5 } }), 'cluster.replicationFactor.dc1', /integer/],
    ['an RF above its DC', doc({ replicationFactor: { dc1: 4 } }), 'cluster.replicationFactor.dc1', /at most the datacenter's size \(3\)/],
    ['a number above the smallest DC', doc({ datacenters: { dc1: 4, dc2: 2 } }), 'cluster.replicationFactor', /smallest datacenter's size \(2\)/],
    ['LOCAL_QUORUM in sloppy-quorum mode', doc({ datacenters: undefined }, { settings: { preset: 'riak' }, ...w({ consistency: 'LOCAL_QUORUM' }) }), 'workload[0].write.consistency', /sloppy quorum/],
    ['EACH_QUORUM in sloppy-quorum mode', doc({ datacenters: undefined }, { settings: { preset: 'dynamo' }, workload: [{ rate: 1, consistency: 'EACH_QUORUM' }] }), 'workload[0].consistency', /sloppy quorum/],
    ['SERIAL', doc({}, w({ consistency: 'SERIAL' })), 'workload[0].write.consistency', /one of/],
    ['an unknown dc', doc({}, w({ dc: 'dc3' })), 'workload[0].write.dc', /unknown datacenter "dc3"/],
    ['a dc disagreeing with the coordinator', doc({}, { workload: [{ at: '1s', read: { key: 'k', dc: 'dc2', coordinator: 'A' } }] }), 'workload[0].read.dc', /"A" is in datacenter "dc1"/],
    ['a generator in an unknown dc', doc({}, { workload: [{ rate: 1, dc: 'x' }] }), 'workload[0].dc', /unknown datacenter/],
    ['interDcLatency not a duration', doc({}, { settings: { interDcLatency: { median: 'fast' } } }), 'settings.interDcLatency.median', /duration/],
    ['interDcLatency p99 below its median', doc({}, { settings: { interDcLatency: { median: '50ms', p99: '10ms' } } }), 'settings.interDcLatency.p99', /p99 >= median/],
    ['interDcLatency not an object', doc({}, { settings: { interDcLatency: 5 } }), 'settings.interDcLatency', /median/],
    ['hintedHandoffEnabled an empty list', doc({}, { settings: { hintedHandoffEnabled: [] } }), 'settings.hintedHandoffEnabled', /at least one datacenter/],
    ['hintedHandoffEnabled an unknown DC', doc({}, { settings: { hintedHandoffEnabled: ['dc1', 'x'] } }), 'settings.hintedHandoffEnabled[1]', /unknown datacenter "x"/],
    ['hintedHandoffDisabledDatacenters not a list', doc({}, { settings: { hintedHandoffDisabledDatacenters: 'dc2' } }), 'settings.hintedHandoffDisabledDatacenters', /list of datacenter names/],
    ['hintedHandoffDisabledDatacenters unknown', doc({}, { settings: { hintedHandoffDisabledDatacenters: ['dc9'] } }), 'settings.hintedHandoffDisabledDatacenters[0]', /unknown datacenter/],
    ['hintedHandoffDisabledDatacenters repeated', doc({}, { settings: { hintedHandoffDisabledDatacenters: ['dc2', 'dc2'] } }), 'settings.hintedHandoffDisabledDatacenters[1]', /twice/],
    ['a partition naming a DC and one of its nodes', doc({}, { faults: [{ at: '1s', partition: [['dc1'], ['A', 'D']] }] }), 'faults[0].partition[1][0]', /datacenter "dc1" and its node "A"/],
    ['a partition naming a node, then its DC', doc({}, { faults: [{ at: '1s', partition: [['D'], ['dc2']] }] }), 'faults[0].partition[1][0]', /datacenter "dc2" and its node "D"/],
    ['disablehintsfordc without dc', doc({}, { faults: [{ nodetool: 'disablehintsfordc', node: 'A' }] }), 'faults[0].dc', /missing/],
    ['enablehintsfordc of an unknown dc', doc({}, { faults: [{ nodetool: 'enablehintsfordc', node: 'A', dc: 'dc9' }] }), 'faults[0].dc', /unknown datacenter "dc9"/],
    ['dc on another verb', doc({}, { faults: [{ nodetool: 'drain', node: 'A', dc: 'dc1' }] }), 'faults[0].dc', /goes only with "disablehintsfordc"/],
  ] as [string, Doc, string, RegExp][])('%s', (_what, d, field, says) => {
    const err = refusedAt(d);
    expect(err.field).toBe(field);
    expect(err.message).toMatch(says);
    expect(err.message.startsWith(`${field}: `)).toBe(true);
  });

  it('accepts both forms, the RF map and number, DCs in partitions and the DC verbs', () => {
    const s = parseScenario(doc({ datacenters: { dc1: 3, dc2: 3 }, replicationFactor: { dc2: 2 } }, {
      settings: { hintedHandoffEnabled: ['dc1'], hintedHandoffDisabledDatacenters: ['dc2'], interDcLatency: { median: '20ms', p99: '80ms' } },
      faults: [{ at: '1s', partition: [['dc1', 'D'], ['E']] }, { at: '2s', nodetool: 'disablehintsfordc', node: '*', dc: 'dc2' }],
    }));
    expect(s.datacenters).toEqual({ names: ['dc1', 'dc2'], dcOf: [0, 0, 0, 1, 1, 1], rf: [0, 2] });
    expect(s.replicationFactor).toBe(2);
    expect(s.faults[0]).toMatchObject({ kind: 'partition', groups: [['A', 'B', 'C', 'D'], ['E']] });
    expect(s.faults[1]).toMatchObject({ kind: 'nodetool', verb: 'disablehintsfordc', dc: 'dc2' });
    expect(s.settings.interDcLatency).toEqual({ median: 20, p99: 80 });
    // Without datacenters the one DC is datacenter1: its verbs and its name are known.
    const one = parseScenario({ format: 'hintscope/scenario@1', name: 'x', until: '1m', settings: { hintedHandoffDisabledDatacenters: ['datacenter1'] }, faults: [{ nodetool: 'disablehintsfordc', node: 'A', dc: 'datacenter1' }] });
    expect(one.datacenters).toBeUndefined();
  });
});

describe('claim 1: placement; one DC changes nothing', () => {
  it('RF {dc1: 2, dc2: 1}, 100 writes at ALL: 200 keys on A, B, C, 100 on D, E, F; 100 of 100 fully replicated in each DC', () => {
    const r = run(load('30-dc-placement.json'));
    expect(r.writes).toMatchObject({ attempted: 100, acknowledged: 100 });
    expect(sum(r, ['A', 'B', 'C'])).toBe(200);
    expect(sum(r, ['D', 'E', 'F'])).toBe(100);
    expect(r.replication.byDc).toEqual({ dc1: { keys: 100, fullyReplicated: 100, underReplicated: 0 }, dc2: { keys: 100, fullyReplicated: 100, underReplicated: 0 } });
    expect(r.nodes.A!.dc).toBe('dc1');
    expect(r.nodes.F!.dc).toBe('dc2');
  });

  const shipped = readdirSync(DIR).filter((f) => /^[0-2]\d[ab]?-.*\.json$/.test(f)).sort();
  it.each(shipped)('%s with datacenters {"datacenter1": every node}: the same report and trace, plus the new fields', (f) => {
    const d = load(f);
    const parsed = parseScenario(d);
    const before = run(d);
    const after = run({ ...d, cluster: { ...(d.cluster ?? {}), datacenters: { datacenter1: parsed.nodes } } });
    const { nodes, replication, traffic, ...rest } = after;
    const { nodes: n0, replication: r0, ...rest0 } = before;
    expect(rest).toEqual(rest0);
    expect(Object.fromEntries(Object.entries(nodes).map(([k, v]) => [k, { ...v, dc: undefined }]))).toEqual(Object.fromEntries(Object.entries(n0).map(([k, v]) => [k, { ...v, dc: undefined }])));
    expect(Object.values(nodes).every((n) => n.dc === 'datacenter1')).toBe(true);
    expect({ ...replication, byDc: undefined }).toEqual({ ...r0, byDc: undefined });
    expect(replication.byDc!.datacenter1).toEqual({ keys: r0.keys, fullyReplicated: r0.fullyReplicated, underReplicated: r0.underReplicated });
    expect(traffic).toEqual({ interDcMutations: 0 });
  }, 60_000);
});

describe('claim 2: the levels with a datacenter down', () => {
  it('LOCAL_ONE and LOCAL_QUORUM writes succeed with 3 hints each; QUORUM, EACH_QUORUM, ALL are unavailable; LOCAL_QUORUM reads succeed, QUORUM reads do not', () => {
    const r = run(load('31-dc-levels-dc-down.json'));
    expect(r.writes).toMatchObject({ attempted: 5, acknowledged: 2, failed: 3 });
    expect(r.hints).toMatchObject({ created: 6, dropped: 0 });
    expect(r.reads).toMatchObject({ attempted: 2, succeeded: 1, failed: 1 });
    expect(r.nodes.A!.hintsPending).toEqual({ D: 2, E: 2, F: 2 });
  });
  it('each level on its own', () => {
    const d = load('31-dc-levels-dc-down.json');
    const only = (cl: string) => run({ ...d, workload: d.workload.filter((e) => (e.write as { consistency?: string } | undefined)?.consistency === cl) });
    for (const cl of ['LOCAL_ONE', 'LOCAL_QUORUM']) expect(only(cl), cl).toMatchObject({ writes: { acknowledged: 1 }, hints: { created: 3 } });
    for (const cl of ['QUORUM', 'EACH_QUORUM', 'ALL']) expect(only(cl), cl).toMatchObject({ writes: { acknowledged: 0, failed: 1 }, hints: { created: 0 } });
  });
});

describe('claim 3: a local datacenter without replicas', () => {
  it('via D (dc2, RF 0): LOCAL_ONE and LOCAL_QUORUM reads all unavailable; ONE reads all succeed, none stale', () => {
    const d = load('32-dc-local-without-replicas.json');
    const r = run(d);
    expect(r.writes.acknowledged).toBe(10);
    expect(r.reads).toMatchObject({ attempted: 30, succeeded: 10, failed: 20, stale: 0 });
    const reads = (cl: string) => run({ ...d, workload: d.workload.filter((e) => !e.read || (e.read as { consistency: string }).consistency === cl) }).reads;
    expect(reads('LOCAL_ONE')).toMatchObject({ succeeded: 0, failed: 10 });
    expect(reads('LOCAL_QUORUM')).toMatchObject({ succeeded: 0, failed: 10 });
    expect(reads('ONE')).toMatchObject({ succeeded: 10, failed: 0, stale: 0 });
    expect(r.replication.byDc!.dc2!.keys).toBe(0);
  });
});

describe('claim 4: a disabled datacenter (dtest test_hintedhandoff_dc_disabled, _dc_reenabled)', () => {
  const d = load('33-dc-hints-disabled.json');
  const first = { ...d, workload: d.workload.filter((e) => e.at === '30s'), faults: d.faults.filter((f) => !f.nodetool) };
  it('hintedHandoffDisabledDatacenters ["dc2"]: 10 LOCAL_QUORUM writes, created 0, dropped 30', () => {
    expect(run(first).hints).toMatchObject({ created: 0, dropped: 30 });
  });
  it('hintedHandoffEnabled ["dc1"] instead gives the same', () => {
    expect(run({ ...first, settings: { preset: 'cassandra', hintedHandoffEnabled: ['dc1'] } }).hints).toMatchObject({ created: 0, dropped: 30 });
  });
  it('enablehintsfordc A dc2 at 40 s, 10 more writes at 50 s: created 30, dropped 30', () => {
    const r = run(d);
    expect(r.hints).toMatchObject({ created: 30, dropped: 30 });
    expect(r.nodes.A!.hintsPending).toEqual({ D: 10, E: 10, F: 10 });
  });
  it('disablehintsfordc at run time refuses as the setting does', () => {
    const r = run({ ...first, settings: { preset: 'cassandra' }, faults: [...first.faults, { at: '20s', nodetool: 'disablehintsfordc', node: 'A', dc: 'dc2' }] });
    expect(r.hints).toMatchObject({ created: 0, dropped: 30 });
  });
});

describe('claim 5: a DC partition at LOCAL_QUORUM', () => {
  it('no write fails; created = 3 × writes; all delivered; both DCs fully replicated', () => {
    const r = run(load('34-dc-partition-local-quorum.json'));
    expect(r.writes).toMatchObject({ attempted: 100, acknowledged: 100, failed: 0 });
    expect(r.hints).toMatchObject({ created: 300, delivered: 300, pending: 0, dropped: 0 });
    for (const dc of ['dc1', 'dc2']) expect(r.replication.byDc![dc]!.underReplicated).toBe(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
  });
});

describe('claim 6: forwarding', () => {
  it('20 writes at ONE via A: 20 mutations cross between DCs, not 60; all six nodes hold all 20 keys', () => {
    const r = run(load('35-dc-forwarding.json'));
    expect(r.traffic).toEqual({ interDcMutations: 20 });
    for (const n of NODES) expect(r.nodes[n]!.keys, n).toBe(20);
  });
  it('a cut-off relay: every replica of its DC times out and is hinted', () => {
    const d = load('35-dc-forwarding.json');
    // dc2 is cut off before the write, but A still believes its nodes alive: the relay's copy is lost.
    const r = run({ ...d, workload: d.workload.slice(0, 1), faults: [{ at: '0s', partition: [['dc1'], ['dc2']] }], until: '5s' });
    expect(r.hints.created).toBe(3);
    expect(r.traffic!.interDcMutations).toBe(1);
  });
});

describe('two regions, one cut off', () => {
  it('both regions serve LOCAL_QUORUM throughout; after the heal every hint is replayed and both converge', () => {
    const r = run(load('36-two-regions-one-cut-off.json'));
    expect(r.writes.failed).toBe(0);
    expect(r.reads.failed).toBe(0);
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ delivered: r.hints.created, pending: 0 });
    expect(r.replication.byDc).toMatchObject({ us: { underReplicated: 0 }, eu: { underReplicated: 0 } });
    expect(r.lostAcknowledgedWrites).toBe(0);
  });
});
