// Run B = run A with exactly one setting changed; bad values are rejected naming the field.
import { describe, expect, it } from 'vitest';
import { parseScenario, READ_LEVELS, realNamesText, runScenario, SETTINGS, type LoggedCommand } from '../../src/engine';
import { changeDef, CHANGES, COMPARE_PRESETS, currentValue, deriveB, presetValue, valueSchema } from '../../src/view/compare/model';
import { compareScenario } from '../fixtures/compareScenario';

const A = compareScenario({
  seed: 3,
  consistency: 'QUORUM',
  extraWorkload: [
    { at: '10s', write: { key: 'k1', value: 'v', consistency: 'QUORUM' } },
    { at: '11s', read: { key: 'k1' } },
  ],
});

const LOG: LoggedCommand[] = [
  { at: 12_000.001, command: { type: 'kill', node: 'C' } },
  { at: 13_000.001, command: { type: 'dropMessage', id: 17 } },
  { at: 14_000.001, command: { type: 'workload', rate: 5, keys: 10, writeRatio: 1, consistency: 'QUORUM' } },
  { at: 15_000.001, command: { type: 'write', key: 'x', value: 'y', consistency: 'ALL' } },
];

/** Paths (a.b[0].c) where two values differ. */
function diff(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b) ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k));
}

describe('deriveB: one setting changed', () => {
  it.each(COMPARE_PRESETS.filter((p) => p.path.startsWith('settings.')))('$label changes $path and nothing else', (preset) => {
    const def = changeDef(preset.path)!;
    const value = presetValue(preset, def, currentValue(A, def));
    const r = deriveB(A, LOG, preset.path, value);
    if (!r.ok) throw new Error(r.error);
    const changed = diff(parseScenario(A), parseScenario(r.scenario));
    expect(changed).toEqual([preset.path]);
    // The user's commands are B's too, except those naming one of A's messages in flight.
    expect(r.log).toEqual(LOG.filter((c) => c.command.type !== 'dropMessage'));
    expect(r.omitted).toBe(1);
    // A's scenario object is left as it was.
    expect(A.settings).toEqual({ preset: 'cassandra' });
  });

  it('hinted handoff off: B has hintedHandoffEnabled false, A keeps true', () => {
    const r = deriveB(A, [], 'settings.hintedHandoffEnabled', false);
    if (!r.ok) throw new Error(r.error);
    expect(parseScenario(r.scenario).settings.hintedHandoffEnabled).toBe(false);
    expect(parseScenario(A).settings.hintedHandoffEnabled).toBe(true);
  });

  it('the consistency level changes every workload operation and every command, nothing else', () => {
    const r = deriveB(A, LOG, 'workload.consistency', 'ONE');
    if (!r.ok) throw new Error(r.error);
    const changed = diff(parseScenario(A), parseScenario(r.scenario));
    expect(changed).toEqual(['workload[0].consistency', 'workload[1].consistency', 'workload[2].consistency']);
    expect(r.log.map((c) => ('consistency' in c.command ? c.command.consistency : null))).toEqual([null, 'ONE', 'ONE']);
  });

  it('1 DC/2 DCs: B splits the nodes into dc1 and dc2 with the RF in each, and the run crosses the WAN', () => {
    const def = changeDef('cluster.datacenters')!;
    expect(currentValue(A, def)).toBe('1');
    const preset = COMPARE_PRESETS.find((p) => p.id === 'datacenters')!;
    const r = deriveB(A, LOG, preset.path, presetValue(preset, def, currentValue(A, def)));
    if (!r.ok) throw new Error(r.error);
    const b = parseScenario(r.scenario);
    const a = parseScenario(A);
    expect(b.datacenters!.names).toEqual(['dc1', 'dc2']);
    expect(b.datacenters!.dcOf).toEqual(a.nodes.map((_, i) => (i < Math.ceil(a.nodes.length / 2) ? 0 : 1)));
    expect(b.datacenters!.rf).toEqual([a.replicationFactor, a.replicationFactor]);
    // The placement's total replica count follows (RF in each datacenter); nothing else changes.
    expect(diff(a, b).filter((p) => !p.startsWith('datacenters'))).toEqual(['replicationFactor']);
    expect(b.replicationFactor).toBe(2 * a.replicationFactor);
    expect(r.log).toEqual(LOG.filter((c) => c.command.type !== 'dropMessage'));
    expect(runScenario({ ...r.scenario, until: '30s' }).traffic?.interDcMutations).toBeGreaterThan(0);
    // And back: B's two datacenters merged into one is A again.
    const back = deriveB(r.scenario, [], preset.path, presetValue(preset, def, currentValue(r.scenario, def)));
    if (!back.ok) throw new Error(back.error);
    expect(diff(a, parseScenario(back.scenario))).toEqual([]);
  });

  it('2 DCs → 1: operations lose their dc, partitions naming a datacenter name its nodes, dc verbs are left out', () => {
    const two = {
      ...A, cluster: { nodes: ['A', 'B', 'C', 'D'], datacenters: { east: ['A', 'B'], west: ['C', 'D'] }, replicationFactor: { east: 2, west: 1 } },
      settings: { hintedHandoffDisabledDatacenters: ['west'] },
      workload: [{ at: '1s', write: { key: 'k', value: 'v', consistency: 'LOCAL_QUORUM', dc: 'west' } }],
      faults: [{ at: '2s', partition: [['east'], ['west']] }, { at: '3s', nodetool: 'enablehintsfordc', node: 'A', dc: 'west' }],
    };
    const log: LoggedCommand[] = [{ at: 5000, command: { type: 'nodetool', verb: 'disablehintsfordc', node: 'A', dc: 'east' } }, { at: 6000, command: { type: 'heal' } }];
    const r = deriveB(two, log, 'cluster.datacenters', '1');
    if (!r.ok) throw new Error(r.error);
    const b = parseScenario(r.scenario);
    expect(b.datacenters).toBeUndefined();
    expect(b.replicationFactor).toBe(2);
    expect(b.faults.map((f) => f.kind)).toEqual(['partition']);
    expect(b.faults[0]).toMatchObject({ groups: [['A', 'B'], ['C', 'D']] });
    expect(b.workload[0]).not.toHaveProperty('dc');
    expect(r.log).toEqual([{ at: 6000, command: { type: 'heal' } }]);
    expect(r.omitted).toBe(1);
  });

  it('LOCAL_QUORUM/QUORUM sets every operation to LOCAL_QUORUM (a valid level with one datacenter too)', () => {
    const preset = COMPARE_PRESETS.find((p) => p.id === 'localQuorum')!;
    const r = deriveB(A, LOG, preset.path, presetValue(preset, changeDef(preset.path)!, currentValue(A, changeDef(preset.path)!)));
    if (!r.ok) throw new Error(r.error);
    expect(parseScenario(r.scenario).workload.map((w) => w.consistency)).toEqual(['LOCAL_QUORUM', 'LOCAL_QUORUM', 'LOCAL_QUORUM']);
  });

  it('a nested setting (latency.p99) changes only itself', () => {
    const r = deriveB(A, [], 'settings.latency.p99', '80ms');
    if (!r.ok) throw new Error(r.error);
    expect(diff(parseScenario(A), parseScenario(r.scenario))).toEqual(['settings.latency.p99']);
  });

  it('every listed setting can be derived from its current value (B = A then)', () => {
    for (const def of CHANGES) {
      const r = deriveB(A, [], def.path, currentValue(A, def));
      expect(r.ok ? 'ok' : r.error, def.path).toBe('ok');
      if (r.ok) expect(diff(parseScenario(A), parseScenario(r.scenario)), def.path).toEqual([]);
    }
  });

  it.each([
    ['settings.maxHintWindow', '3 hours', /^settings\.maxHintWindow: expected a duration/],
    ['settings.hintTtl', '-5m', /^settings\.hintTtl: /],
    ['settings.hintReplayRate', 'fast', /^settings\.hintReplayRate: expected a number/],
    ['settings.hintReplayRate', '0', /^settings\.hintReplayRate: expected a rate > 0/],
    ['settings.phiConvictThreshold', '500', /^settings\.phiConvictThreshold: expected a number <= 100/],
    ['settings.merkleDepth', '2.5', /^settings\.merkleDepth: expected an integer/],
    ['settings.latency.p99', '1ms', /^settings\.latency\.p99: expected p99 >= median/],
    ['settings.hintMode', 'gossip', /^settings\.hintMode: expected one of/],
    ['workload.consistency', 'MOST', /^workload\.consistency: expected one of/],
    ['settings.hintedHandoffEnabled', 'maybe', /^settings\.hintedHandoffEnabled: expected on or off/],
    ['settings.noSuchThing', '1', /^setting: unknown setting/],
  ])('%s = %j is rejected naming the field', (path, value, message) => {
    const r = deriveB(A, LOG, path, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('presets flip to the other value when A already has B’s', () => {
    const def = changeDef('settings.hintedHandoffEnabled')!;
    const handoff = COMPARE_PRESETS.find((p) => p.id === 'handoff')!;
    expect(presetValue(handoff, def, true)).toBe(false);
    expect(presetValue(handoff, def, false)).toBe(true);
    const window = COMPARE_PRESETS.find((p) => p.id === 'window')!;
    const wdef = changeDef('settings.maxHintWindow')!;
    expect(presetValue(window, wdef, '3h')).toBe('10m');
    expect(presetValue(window, wdef, '600000')).toBe('3h');
  });

  it('takes every setting’s real names from the registry, and offers the levels a read may use', () => {
    for (const c of CHANGES.filter((d) => d.path.startsWith('settings.'))) {
      const names = realNamesText(SETTINGS[c.name as keyof typeof SETTINGS].real);
      if (names) expect(c.real, c.name).toBe(names);
    }
    expect(changeDef('workload.consistency')!.options).toEqual(READ_LEVELS);
  });

  it('names the real systems’ parameters beside ours', () => {
    expect(changeDef('settings.hintedHandoffEnabled')!.real).toMatch(/hinted_handoff_enabled/);
    expect(changeDef('settings.maxHintWindow')!.real).toMatch(/max_hint_window/);
    expect(changeDef('settings.hintReplayRate')!.real).toMatch(/hinted_handoff_throttle/);
    expect(changeDef('settings.preset')).toBeUndefined();
  });
});

describe('every change Compare offers', () => {
  it.each(CHANGES.map((c) => [c.name, c] as const))('%s: A\'s value reads, and a B from it passes its own schema', (_name, def) => {
    const a = currentValue(A, def);
    expect(['bool', 'duration', 'optionalDuration', 'number', 'choice']).toContain(def.kind);
    expect(valueSchema(def).safeParse(a).success).toBe(true);
  });
});
