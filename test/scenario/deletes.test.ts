// Deletes, tombstones and gc_grace (docs/behaviour.md "Deletes"): the checkable claims' variants on
// the shipped files, the purge modes, the generator's draw, nodetool compact, hintTtl's default, the
// identities, and every bad input of the format naming its field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWork, createSession, createSimulation, estimateWork, parseScenario, runScenario, type Report } from '../../src/engine';

type Doc = Record<string, unknown> & { settings: Record<string, unknown>; workload: Record<string, unknown>[]; faults: Record<string, unknown>[]; until: string };
const DIR = join(__dirname, '..', '..', 'scenarios');
const load = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Doc;
const run = (doc: unknown) => runScenario(doc);
const M = 60_000;
const ABC = { nodes: ['A', 'B', 'C'], replicationFactor: 3 };
const base = { format: 'hintscope/scenario@1', name: 'deletes', cluster: ABC, until: '1m' };

describe('claim 1 variants: the tombstone wins', () => {
  it('a read at ONE through any replica after the delete returns not found, not stale', () => {
    const doc = load('24-tombstone-wins.json');
    for (const coordinator of ['A', 'B', 'C']) {
      const r = run({ ...doc, workload: [...doc.workload.slice(0, 2), { at: '3s', read: { key: 'user:1', consistency: 'ONE', coordinator } }] });
      expect(r.reads, coordinator).toMatchObject({ succeeded: 1, stale: 0 });
    }
  });
  it('a write after the delete brings the key back: newer than the tombstone, it wins', () => {
    const doc = load('24-tombstone-wins.json');
    const r = run({ ...doc, workload: [...doc.workload.slice(0, 2), { at: '2.5s', write: { key: 'user:1', value: 'v2', consistency: 'ALL', coordinator: 'B' } }, doc.workload[2]] });
    expect(r.tombstones).toEqual({ held: 0, purged: 0 });
    expect(Object.values(r.nodes).map((n) => n.keys)).toEqual([1, 1, 1]);
    expect(r.reads.stale).toBe(0);
  });
  it('without the delete the same read returns v1: the delete is what makes "not found" right', () => {
    const doc = load('24-tombstone-wins.json');
    const r = run({ ...doc, workload: [doc.workload[0], doc.workload[2]] });
    expect(r.deletes).toBeUndefined();
    expect(r.nodes.A!.keys).toBe(1);
  });
});

describe('claim 2 / 3 / 4 variants: gc_grace and the zombie', () => {
  it('C back at 30 m but before the 70 m tick: its tombstone, delivered by hint, ages from the delete (purged at 70 m too)', () => {
    const doc = load('25-hinted-delete-safe-purge.json');
    const sim = createSimulation(doc);
    sim.advanceTo(69 * M);
    expect((sim.report() as Report).tombstones).toEqual({ held: 3, purged: 0 });
    sim.advanceTo(70 * M);
    expect((sim.report() as Report).tombstones).toEqual({ held: 0, purged: 3 });
  });
  it('the zombie: a repair of C after it is back spreads v1 where the read would have', () => {
    const doc = load('26-zombie.json');
    const r = run({ ...doc, workload: doc.workload.slice(0, 2), faults: [...doc.faults, { at: '2h2m', repair: 'C' }] });
    expect(r.repair.keysStreamed).toBeGreaterThan(0);
    expect(Object.values(r.nodes).map((n) => n.keys)).toEqual([1, 1, 1]);
    expect(r.replication.resurrected).toBe(1);
  });
  it('repair within gc_grace cures it: no hints at all, C back at 50 m, a repair at 55 m streams it the tombstone before the 70 m purge', () => {
    const doc = load('26-zombie.json');
    const faults = [{ at: '10s', kill: 'C' }, { at: '50m', restart: 'C' }];
    const settings = { ...doc.settings, hintedHandoffEnabled: false };
    const zombie = run({ ...doc, settings, faults });
    expect(zombie.replication.resurrected).toBe(1);
    const cured = run({ ...doc, settings, faults: [...faults, { at: '55m', repair: 'A' }] });
    expect(cured.hints.created).toBe(0);
    expect(cured.replication).toMatchObject({ resurrected: 0, fullyReplicated: 1 });
    expect(cured.reads.stale).toBe(0);
    expect(cured.tombstones!.purged).toBe(3);
  });
  it('repair mode: a full repair started propagationDelay after the delete makes the tombstones purgeable', () => {
    const doc = load('27-repair-based-gc.json');
    // The delete is at 60 s; propagationDelay 1 h. C is down, so a repair at 70 m is not a full one.
    const partial = run({ ...doc, faults: [...doc.faults, { at: '70m', repair: 'A' }] });
    expect(partial.tombstones!.purged).toBe(0);
    // With C back (2 h), a repair at 2 h 1 m has every replica: the 2 h 10 m tick purges; no zombie, C got the tombstone.
    const full = run({ ...doc, workload: doc.workload.slice(0, 2), faults: [...doc.faults, { at: '2h1m', repair: 'A' }], until: '2h11m' });
    expect(full.tombstones).toEqual({ held: 0, purged: 3 });
    expect(full.replication).toMatchObject({ resurrected: 0, fullyReplicated: 1 });
  });
  it('repair mode with RF 1: purgeable at once (nobody to repair with)', () => {
    const r = run({
      ...base, cluster: { nodes: ['A'], replicationFactor: 1 }, settings: { tombstoneGc: 'repair', compactionInterval: '10s' },
      workload: [{ at: '1s', write: { key: 'k', value: 'v' } }, { at: '2s', delete: { key: 'k' } }],
    });
    expect(r.tombstones).toEqual({ held: 0, purged: 1 });
  });
});

describe('claim 5 variant: a write hint (not a timeout hint) does not revive', () => {
  it('B down when v1 is written: its hint lives from 21 s, expires at 61 s, before the 68 s purge', () => {
    const doc = load('28-timeout-hint-outlives-tombstone.json');
    const faults = doc.faults.filter((f) => !('partition' in f) && !('heal' in f));
    const r = run({ ...doc, faults: [{ at: '1s', kill: 'B' }, { at: '22s', restart: 'B' }, ...faults] });
    expect(r.hints).toMatchObject({ created: 1, expired: 1, delivered: 0 });
    expect(r.replication.resurrected).toBe(0);
    expect(r.reads.stale).toBe(0);
  });
});

describe('purge modes and compaction', () => {
  const doc = (tombstoneGc: string, extra: Record<string, unknown> = {}) => ({
    ...base, settings: { tombstoneGc, gcGrace: '1h', compactionInterval: '10s', ...extra },
    workload: [{ at: '1s', write: { key: 'k', value: 'v', consistency: 'ALL' } }, { at: '2s', delete: { key: 'k', consistency: 'ALL' } }],
  });
  it('immediate: at the next tick; disabled: never; timeout: not within gcGrace', () => {
    expect(run(doc('immediate')).tombstones).toEqual({ held: 0, purged: 3 });
    expect(run(doc('disabled', { gcGrace: 0 })).tombstones).toEqual({ held: 3, purged: 0 });
    expect(run(doc('timeout')).tombstones).toEqual({ held: 3, purged: 0 });
    expect(run(doc('timeout', { gcGrace: '5s' })).tombstones).toEqual({ held: 0, purged: 3 });
  });
  it('timeout is strict: a tombstone exactly gcGrace old stays', () => {
    // Delete at 2 s, gcGrace 8 s, ticks every 10 s: at 10 s it is 8 s old (kept), at 20 s 18 s old.
    const sim = createSimulation({ ...doc('timeout', { gcGrace: '8s' }), until: '30s' });
    sim.advanceTo(10_000);
    expect((sim.report() as Report).tombstones!.purged).toBe(0);
    sim.advanceTo(20_000);
    expect((sim.report() as Report).tombstones!.purged).toBe(3);
  });
  it('a node that is down does not compact', () => {
    const r = run({ ...doc('immediate'), faults: [{ at: '5s', kill: 'C' }] });
    expect(r.tombstones).toEqual({ held: 1, purged: 2 });
    expect(r.nodes.C!.tombstones).toBe(1);
  });
  it('nodetool compact purges at once on the nodes named; a down node refuses the connection', () => {
    const d = { ...doc('timeout', { gcGrace: '5s', compactionInterval: '1h' }), faults: [{ at: '20s', kill: 'C' }, { at: '30s', nodetool: 'compact', node: '*' }] };
    const r = run(d);
    expect(r.tombstones).toEqual({ held: 1, purged: 2 });
    const sim = createSimulation(d);
    sim.advanceTo(60_000);
    expect(sim.drainLog(500).events.map((e) => e.text).join('\n')).toMatch(/nodetool -h C compact: connection refused/);
  });
  it('a wiped disk forgets its purged tombstones, not the others', () => {
    const r = run({ ...doc('immediate'), faults: [{ at: '30s', kill: 'A', wipe: true }] });
    expect(r.tombstones!.purged).toBe(3);
    expect(r.lostAcknowledgedWrites).toBe(0);
  });
  it('hints are not compacted: a tombstone in a hint survives the ticks and is delivered', () => {
    const r = run({
      ...doc('immediate'), until: '3m', faults: [{ at: '0.5s', kill: 'C' }, { at: '90s', restart: 'C' }],
      workload: [{ at: '1s', write: { key: 'k', value: 'v', consistency: 'QUORUM', coordinator: 'A' } }, { at: '40s', delete: { key: 'k', consistency: 'QUORUM', coordinator: 'A' } }],
    });
    expect(r.hints.delivered).toBe(2);
    expect(r.replication.resurrected).toBe(0);
    expect(r.nodes.C!.keys).toBe(0);
  });
});

describe('anti-entropy carries tombstones', () => {
  it('a replica that missed the delete gets the tombstone from a repair (the Merkle leaves differ)', () => {
    const r = run({
      ...base, until: '5m', settings: { hintedHandoffEnabled: false },
      workload: [{ at: '1s', write: { key: 'k', value: 'v', consistency: 'ALL', coordinator: 'A' } }, { at: '60s', delete: { key: 'k', consistency: 'ONE', coordinator: 'A' } }],
      faults: [{ at: '30s', kill: 'C' }, { at: '90s', restart: 'C' }, { at: '3m', repair: 'A' }],
    });
    expect(r.repair.leavesDiffering).toBeGreaterThan(0);
    expect(r.tombstones!.held).toBe(3);
    expect(r.replication).toMatchObject({ fullyReplicated: 1, underReplicated: 0 });
  });
});

describe('generators with deleteRatio', () => {
  const gen = (g: Record<string, unknown>) => ({ ...base, until: '20s', workload: [{ from: '0s', to: '20s', rate: 50, keys: 20, ...g }] });
  it('deleteRatio 0 draws exactly as no deleteRatio: same trace hash, same report but for the delete fields', () => {
    const a = createSimulation(gen({ writeRatio: 0.6 }));
    const b = createSimulation(gen({ writeRatio: 0.6, deleteRatio: 0 }));
    a.advanceTo(20_000);
    b.advanceTo(20_000);
    expect(b.traceHash()).toBe(a.traceHash());
    expect(b.report()).toEqual(a.report());
  });
  it('deleteRatio 0.2 with writeRatio 0.5: about 20 % deletes and 30 % reads; attempted adds up', () => {
    const r = run(gen({ writeRatio: 0.5, deleteRatio: 0.2 }));
    const total = r.writes.attempted + r.deletes!.attempted + r.reads.attempted;
    expect(total).toBe(1000);
    expect(r.deletes!.attempted).toBeGreaterThan(150);
    expect(r.deletes!.attempted).toBeLessThan(250);
    expect(r.reads.attempted).toBeGreaterThan(250);
    expect(r.reads.attempted).toBeLessThan(350);
  });
  it('writeRatio defaults to 1 − deleteRatio: no reads', () => {
    const r = run(gen({ deleteRatio: 0.3 }));
    expect(r.reads.attempted).toBe(0);
    expect(r.deletes!.attempted).toBeGreaterThan(0);
    expect(r.writes.attempted + r.deletes!.attempted).toBe(1000);
  });
});

describe('hintTtl defaults to gcGrace (cassandra, scylla)', () => {
  it('follows gcGrace when unset; an explicit hintTtl is used as given; dynamo and riak keep none', () => {
    expect(parseScenario({ ...base, settings: { gcGrace: '2h' } }).settings.hintTtl).toBe(2 * 60 * M);
    expect(parseScenario({ ...base, settings: { preset: 'scylla', gcGrace: '3h' } }).settings.hintTtl).toBe(3 * 60 * M);
    expect(parseScenario({ ...base, settings: { gcGrace: '2h', hintTtl: '5h' } }).settings.hintTtl).toBe(5 * 60 * M);
    expect(parseScenario({ ...base, settings: { preset: 'dynamo', gcGrace: '2h' } }).settings.hintTtl).toBeNull();
    expect(parseScenario(base).settings.hintTtl).toBe(10 * 24 * 60 * M);
  });
});

describe('a delete as a user command replays', () => {
  it('a session with a delete command gives the live trace, compaction ticks included', () => {
    const scenario = { ...base, until: '3m', settings: { tombstoneGc: 'immediate', compactionInterval: '30s' }, workload: [{ at: '1s', write: { key: 'k', value: 'v', consistency: 'ALL' } }] };
    const live = createSimulation(scenario);
    live.advanceTo(40_000);
    live.apply({ type: 'delete', key: 'k', consistency: 'ALL', coordinator: 'A' });
    live.advanceTo(live.until);
    expect((live.report() as Report).tombstones).toEqual({ held: 0, purged: 3 });
    const replayed = createSession(scenario, live.commandLog);
    replayed.advanceTo(replayed.until);
    expect(replayed.traceHash()).toBe(live.traceHash());
  });
});

describe('the charts\' sample agrees with the report', () => {
  it.each(['24-tombstone-wins.json', '25-hinted-delete-safe-purge.json', '26-zombie.json', '27-repair-based-gc.json', '28-timeout-hint-outlives-tombstone.json'])('%s: resurrected, purged, deletes at ten moments', (f) => {
    const sim = createSimulation(load(f));
    for (let i = 1; i <= 10; i++) {
      sim.advanceTo((sim.until * i) / 10);
      const r = sim.report() as Report;
      const m = sim.metrics();
      expect(m.resurrected).toBe(r.replication.resurrected);
      expect(m.tombstonesPurged).toBe(r.tombstones!.purged);
      expect(m.deletesAcknowledged).toBe(r.deletes!.acknowledged);
      expect(m.lostAcknowledgedWrites).toBe(r.lostAcknowledgedWrites);
    }
  });
});

describe('work estimate', () => {
  it('counts compaction ticks from the first delete: within a factor of 2 of the engine on a delete-heavy run', () => {
    const doc = { ...base, until: '10m', settings: { compactionInterval: '1s' }, workload: [{ from: '0s', rate: 20, keys: 50, writeRatio: 0.5, deleteRatio: 0.3 }] };
    const est = estimateWork(parseScenario(doc), [], 600_000);
    expect(est.parts.some((p) => p.kind === 'compaction')).toBe(true);
    const actual = run(doc).events;
    expect(est.events / actual).toBeGreaterThan(0.5);
    expect(est.events / actual).toBeLessThan(2);
  });
  it('a run without deletes has no compaction part; a tiny compactionInterval is refused naming it', () => {
    expect(estimateWork(parseScenario({ ...base, settings: { compactionInterval: '1ms' } }), [], 60_000).parts.some((p) => p.kind === 'compaction')).toBe(false);
    const sc = parseScenario({ ...base, until: '2h', settings: { compactionInterval: '0.01ms' }, workload: [{ at: '1s', delete: { key: 'k' } }] });
    expect(() => checkWork(sc, [], sc.until, { span: 'until', what: 'running the scenario' })).toThrow(/^settings\.compactionInterval: /);
  });
});

describe('bad input names the field', () => {
  const lww = { ...base };
  const vc = { ...base, settings: { conflictResolution: 'vector-clock' } };
  const orset = { ...base, settings: { conflictResolution: 'or-set' } };
  const cases: [string, Record<string, unknown>, string][] = [
    ['delete.key missing', { ...lww, workload: [{ at: '1s', delete: { consistency: 'ONE' } }] }, 'workload[0].delete.key'],
    ['delete.value present', { ...lww, workload: [{ at: '1s', delete: { key: 'k', value: 'v' } }] }, 'workload[0].delete.value'],
    ['delete.consistency unknown', { ...lww, workload: [{ at: '1s', delete: { key: 'k', consistency: 'MOST' } }] }, 'workload[0].delete.consistency'],
    ['delete under vector clocks', { ...vc, workload: [{ at: '1s', delete: { key: 'k' } }] }, 'workload[0].delete'],
    ['delete under the OR-set', { ...orset, workload: [{ at: '1s', delete: { key: 'k' } }] }, 'workload[0].delete'],
    ['deleteRatio under vector clocks', { ...vc, workload: [{ rate: 1, deleteRatio: 0.1 }] }, 'workload[0].deleteRatio'],
    ['deleteRatio above 1', { ...lww, workload: [{ rate: 1, deleteRatio: 1.5 }] }, 'workload[0].deleteRatio'],
    ['deleteRatio below 0', { ...lww, workload: [{ rate: 1, deleteRatio: -0.1 }] }, 'workload[0].deleteRatio'],
    ['writeRatio + deleteRatio > 1', { ...lww, workload: [{ rate: 1, writeRatio: 0.8, deleteRatio: 0.3 }] }, 'workload[0].deleteRatio'],
    ['gcGrace not a duration', { ...lww, settings: { gcGrace: 'long' } }, 'settings.gcGrace'],
    ['gcGrace null', { ...lww, settings: { gcGrace: null } }, 'settings.gcGrace'],
    ['gcGrace above 30d', { ...lww, settings: { gcGrace: '31d' } }, 'settings.gcGrace'],
    ['tombstoneGc unknown', { ...lww, settings: { tombstoneGc: 'sometimes' } }, 'settings.tombstoneGc'],
    ['propagationDelay above 30d', { ...lww, settings: { propagationDelay: '40d' } }, 'settings.propagationDelay'],
    ['propagationDelay negative', { ...lww, settings: { propagationDelay: -5 } }, 'settings.propagationDelay'],
    ['compactionInterval 0', { ...lww, settings: { compactionInterval: 0 } }, 'settings.compactionInterval'],
    ['compactionInterval null', { ...lww, settings: { compactionInterval: null } }, 'settings.compactionInterval'],
    ['compactionInterval above 30d', { ...lww, settings: { compactionInterval: '31d' } }, 'settings.compactionInterval'],
    ['compact with another key', { ...lww, faults: [{ at: '1s', nodetool: 'compact', node: 'A', target: 'B' }] }, 'faults[0].target'],
    ['compact with an unknown key', { ...lww, faults: [{ at: '1s', nodetool: 'compact', node: 'A', keyspace: 'ks' }] }, 'faults[0].keyspace'],
  ];
  it.each(cases)('%s', (_what, doc, field) => {
    expect(() => parseScenario(doc)).toThrow(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
  });
  it('deleteRatio 0 is valid under vector clocks; a delete at ANY is valid', () => {
    expect(() => parseScenario({ ...vc, workload: [{ rate: 1, deleteRatio: 0 }] })).not.toThrow();
    expect(() => parseScenario({ ...lww, workload: [{ at: '1s', delete: { key: 'k', consistency: 'ANY' } }] })).not.toThrow();
  });
});
