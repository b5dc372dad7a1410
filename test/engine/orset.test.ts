// The OR-set (conflictResolution "or-set"): add/remove writes, every replication path merging by the
// CRDT join, and the errors of an `op` where it means nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cluster } from './harness';
import { createSession, parseScenario, ScenarioError } from '../../src/engine';
import { checkLog } from '../../src/engine/scenario/session';
import { parseToWorker } from '../../src/protocol/validate';
import { keyInLogText, summarise } from '../../src/view/inspect';
import type { Command, ConsistencyLevel } from '../../src/engine';

const K = 'cart:1';
const OR_SET = { preset: 'dynamo', conflictResolution: 'or-set' } as const;
const setOf = (c: ReturnType<typeof cluster>, node: string) => c.versions(node, K)[0]?.set?.elements ?? [];
const add = (value: string, via: string, consistency: ConsistencyLevel = 'ONE'): Command =>
  ({ type: 'write', key: K, value, op: 'add', consistency, coordinator: via });
const remove = (value: string, via: string): Command => ({ type: 'write', key: K, value, op: 'remove', consistency: 'ONE', coordinator: via });

describe('OR-set writes', () => {
  it('adds and removes reach every replica; a read returns the elements', () => {
    const c = cluster({ settings: OR_SET });
    const [r0, r1, r2] = c.replicasOf(K) as [string, string, string];
    c.at('10s').apply(add('apples', r0, 'ALL')).apply(add('pears', r1, 'ALL')).run('5s');
    for (const r of [r0, r1, r2]) expect(setOf(c, r)).toEqual(['apples', 'pears']);
    c.apply(remove('apples', r2)).run('5s');
    for (const r of [r0, r1, r2]) expect(setOf(c, r)).toEqual(['pears']);
    c.apply({ type: 'read', key: K, consistency: 'ALL', coordinator: r0 }).run('2s');
    expect(c.drainLog().events.map((e) => e.text)).toContain(`Read ${K} at ALL returned {pears}`);
    c.expectWrites({ acknowledged: 3, failed: 0 }).expectReads({ stale: 0 });
    expect(c.report().lostAcknowledgedWrites).toBe(0);
  });

  it('a write without op adds its value', () => {
    const c = cluster({ settings: OR_SET });
    const r0 = c.replicasOf(K)[0]!;
    c.at('10s').apply({ type: 'write', key: K, value: 'milk', consistency: 'ALL', coordinator: r0 }).run('5s');
    expect(setOf(c, r0)).toEqual(['milk']);
  });

  it('claim 16: a remove observes only its coordinator’s adds: a concurrent add on the other side survives (add wins)', () => {
    const c = cluster({ settings: OR_SET });
    const [r0, r1] = c.replicasOf(K) as [string, string];
    const others = c.names().filter((n) => n !== r0);
    c.at('10s').apply(add('apples', r0, 'ALL')).run('5s');
    c.partition([r0], others).run('30s');
    c.apply(remove('apples', r0)).apply(add('apples', r1)).run('5s');
    expect(setOf(c, r0)).toEqual([]);
    expect(setOf(c, r1)).toEqual(['apples']);
    c.heal().run('10s').repair(r0).run('30s');
    // The remove tombstoned only the add r0 had seen; r1's concurrent add is a new tag.
    for (const r of c.replicasOf(K)) expect(setOf(c, r)).toEqual(['apples']);
    const state = c.versions(r0, K)[0]!.set!;
    expect(state.elements).toEqual(['apples']);
    expect(state.addTags).toHaveLength(2);
    // The tombstone is the first add's tag: the one r0 had observed.
    expect(state.removedTags).toEqual([state.addTags[0]]);
  });

  it('a coordinator that holds no add of the element refuses the remove, naming why', () => {
    const c = cluster({ settings: OR_SET });
    const r0 = c.replicasOf(K)[0]!;
    c.at('10s').apply(add('apples', r0, 'ALL')).run('5s');
    c.apply(remove('apples', c.outsider(K))).run('5s');
    c.expectWrites({ failed: 1 });
    expect(c.drainLog().events.some((e) => /remove apples — coordinator \w+ holds no add of it/.test(e.text))).toBe(true);
    expect(setOf(c, r0)).toEqual(['apples']);
  });

  it('a hinted copy carries the delta and its hand-off joins it', () => {
    const c = cluster({ settings: OR_SET });
    const [r0, , r2] = c.replicasOf(K) as [string, string, string];
    c.at('10s').kill(r2).run('30s');
    c.apply(add('apples', r0, 'QUORUM')).run('5s');
    expect(c.inspect(K).hints.map((h) => h.value)).toEqual(['+apples']);
    c.restart(r2).run('2m');
    expect(setOf(c, r2)).toEqual(['apples']);
  });

  it('anti-entropy streams the state to a replica that missed a remove', () => {
    const c = cluster({ settings: { ...OR_SET, hintedHandoffEnabled: false } });
    const [r0, r1, r2] = c.replicasOf(K) as [string, string, string];
    c.at('10s').apply(add('apples', r0, 'ALL')).run('5s');
    c.partition([r1], c.names().filter((n) => n !== r1)).run('30s');
    c.apply(remove('apples', r0)).run('5s').heal().run('30s');
    expect(setOf(c, r1)).toEqual(['apples']);
    c.repair(r1).run('1m');
    for (const r of [r0, r1, r2]) expect(setOf(c, r)).toEqual([]);
    expect(c.report().repair.keysStreamed).toBeGreaterThan(0);
  });

  it('the key inspector tells a replica that missed a remove from current ones', () => {
    const c = cluster({ settings: { ...OR_SET, hintedHandoffEnabled: false } });
    const [r0, r1] = c.replicasOf(K) as [string, string];
    c.at('10s').apply(add('apples', r0, 'ALL')).apply(add('pears', r0, 'ALL')).run('5s');
    expect(summarise(c.inspect(K))).toMatchObject({ current: 3, behind: [] });
    c.partition([r1], c.names().filter((n) => n !== r1)).run('30s');
    c.apply(remove('apples', r0)).run('5s');
    expect(summarise(c.inspect(K))).toMatchObject({ current: 2, behind: [r1] });
    expect(c.inspect(K).acknowledged[0]!.set!.elements).toEqual(['pears']);
  });

  it('read repair writes the joined state back to a stale replica', () => {
    const c = cluster({ settings: { ...OR_SET, readRepair: true, hintedHandoffEnabled: false } });
    const [r0, r1] = c.replicasOf(K) as [string, string];
    c.at('10s').partition([r1], c.names().filter((n) => n !== r1)).run('30s');
    c.apply(add('apples', r0)).run('5s').heal().run('30s');
    expect(setOf(c, r1)).toEqual([]);
    c.apply({ type: 'read', key: K, consistency: 'ALL', coordinator: r0 }).run('5s');
    expect(setOf(c, r1)).toEqual(['apples']);
    c.expectReads({ repaired: 1 });
  });

  it('the report counts a delta held nowhere as a lost acknowledged write', () => {
    const c = cluster({ settings: { ...OR_SET, hintedHandoffEnabled: false } });
    const r0 = c.replicasOf(K)[0]!;
    c.at('10s').partition([r0], c.names().filter((n) => n !== r0)).run('30s');
    c.apply(add('apples', r0)).run('1s').kill(r0, { wipe: true }).run('5s');
    c.expectWrites({ acknowledged: 1 });
    expect(c.report().lostAcknowledgedWrites).toBe(1);
  });
});

describe('the generator under the OR-set', () => {
  it('issues adds and removes; replicas converge after repair', () => {
    const c = cluster({
      settings: OR_SET, until: '5m',
      workload: [{ from: '10s', to: '70s', rate: 20, keys: 3, writeRatio: 1, removeRatio: 0.4, consistency: 'ONE' }],
    });
    c.run('2m');
    const states = ['k0', 'k1', 'k2'].map((k) => c.inspect(k));
    const tombstones = states.flatMap((s) => s.preferenceList.flatMap((p) => p.versions.map((v) => v.set?.removedTags.length ?? 0)));
    expect(Math.max(...tombstones)).toBeGreaterThan(0);
    for (const n of c.names()) c.repair(n);
    c.run('2m');
    for (const s of ['k0', 'k1', 'k2'].map((k) => c.inspect(k))) {
      const reps = s.preferenceList.filter((p) => p.replica).map((p) => JSON.stringify(p.versions.map((v) => v.set)));
      expect(new Set(reps).size).toBe(1);
    }
  });

  it('under the OR-set the same seed runs set writes, a different run (lww and vector-clock runs are pinned by the golden file)', () => {
    const base = { format: 'hintscope/scenario@1', name: 'g', seed: 3, workload: [{ rate: 50, keys: 10, writeRatio: 0.7 }], until: '20s' };
    const a = createSession({ ...base, settings: { preset: 'dynamo' } });
    a.advanceTo(20_000);
    const b = createSession({ ...base, settings: { preset: 'dynamo', conflictResolution: 'or-set' } });
    b.advanceTo(20_000);
    expect(a.traceHash()).not.toBe(b.traceHash());
  });
});

describe('op where it means nothing: an error naming the field', () => {
  const sc = (conflictResolution: string, write: Record<string, unknown>) => ({
    format: 'hintscope/scenario@1', name: 'x', settings: { conflictResolution }, workload: [{ at: '1s', write: { key: 'k', value: 'v', ...write } }], until: '1m',
  });
  const message = (f: () => unknown) => {
    try { f(); } catch (e) { return e instanceof ScenarioError ? e.message : String(e); }
    return 'no error';
  };

  it('in a scenario', () => {
    expect(message(() => parseScenario(sc('lww', { op: 'add' })))).toBe('workload[0].write.op: "op" needs settings.conflictResolution "or-set"');
    expect(message(() => parseScenario(sc('or-set', { op: 'delete' })))).toBe('workload[0].write.op: expected "add" or "remove"');
    expect(parseScenario(sc('or-set', { op: 'remove' })).workload[0]).toMatchObject({ kind: 'write', op: 'remove' });
    expect(message(() => parseScenario({ ...sc('vector-clock', {}), workload: [{ rate: 1, removeRatio: 0.5 }] })))
      .toBe('workload[0].removeRatio: "removeRatio" needs settings.conflictResolution "or-set"');
    expect(message(() => parseScenario({ ...sc('or-set', {}), workload: [{ rate: 1, removeRatio: 2 }] }))).toMatch(/^workload\[0\]\.removeRatio: /);
  });

  it('in a session log and a live command', () => {
    const lww = parseScenario(sc('lww', {}));
    const log = [{ at: 5, command: { type: 'write', key: 'k', value: 'v', consistency: 'ONE', op: 'add' } }];
    expect(message(() => checkLog(lww, log))).toBe('log[0].command.op: "op" needs settings.conflictResolution "or-set"');
    const orSet = parseScenario(sc('or-set', {}));
    expect(message(() => checkLog(orSet, [{ at: 5, command: { ...log[0]!.command, op: 7 } }]))).toBe('log[0].command.op: expected "add" or "remove", got 7');
    expect(checkLog(orSet, log)).toHaveLength(1);
    const sim = createSession(sc('vector-clock', {}));
    expect(message(() => sim.apply({ type: 'write', key: 'k', value: 'v', consistency: 'ONE', op: 'remove' }))).toBe('op: "op" needs settings.conflictResolution "or-set"');
    expect(sim.commandLog).toHaveLength(0);
  });

  it('in a message from the page: the protocol checks the op’s shape, the engine the cluster', () => {
    const msg = (op: unknown) => parseToWorker({ type: 'command', command: { type: 'write', key: 'k', value: 'v', consistency: 'ONE', op } });
    expect(msg('toss')).toMatchObject({ ok: false, error: 'command.op: expected "add" or "remove", got toss' });
    expect(msg('remove')).toMatchObject({ ok: true });
    expect(msg(undefined)).toMatchObject({ ok: true });
  });
});

describe('the OR-set example of scenario-format.md', () => {
  const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'scenario-format.md'), 'utf8');
  const example = /#### The OR-set[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)![1]!;

  it('runs: the concurrent add survives, the removed apples stay removed, nothing is lost', () => {
    const sim = createSession(JSON.parse(example));
    sim.advanceTo(sim.until);
    const report = sim.report() as { writes: { acknowledged: number }; reads: { stale: number }; lostAcknowledgedWrites: number };
    expect(report).toMatchObject({ writes: { acknowledged: 3 }, reads: { stale: 0 }, lostAcknowledgedWrites: 0 });
    const replicas = sim.inspectKey('cart:alice').preferenceList.filter((p) => p.replica);
    for (const r of replicas) expect(r.versions.map((v) => v.value)).toEqual(['{pears}']);
    const texts = sim.drainLog(1000).events.map((e) => e.text);
    expect(texts).toContain('Read cart:alice at ALL returned {pears}');
    expect(texts).toContain('Write cart:alice at ONE via A: remove apples');
    // The page finds the key in the note as in any write's.
    expect(keyInLogText('Write cart:alice at ONE via A: remove apples')?.key).toBe('cart:alice');
  });

  it('runs in the CLI, which reports it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orset-'));
    const file = join(dir, 'cart.json');
    writeFileSync(file, example);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', file, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ scenario: 'A cart on both sides of a partition', writes: { acknowledged: 3, failed: 0 }, lostAcknowledgedWrites: 0 });
  });
});
