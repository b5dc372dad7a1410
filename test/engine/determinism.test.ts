import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type Scenario } from '../../src/engine';
import { cluster, run, scenario } from './harness';

const spec = {
  settings: { dropRate: 0.01 },
  workload: [{ from: '0s', to: '3m', rate: 50, keys: 200, writeRatio: 0.7 }],
  faults: [{ at: '20s', kill: 'B' }, { at: '40s', partition: [['A', 'C'], ['D']] }, { at: '70s', heal: true }, { at: '90s', restart: 'B' }, { at: '2m', repair: 'C' }],
  until: '3m',
};

describe('determinism', () => {
  it('same seed and scenario ⇒ same trace hash and report', () => {
    const a = run(spec).report;
    const b = run(spec).report;
    expect(a.traceHash).toBe(b.traceHash);
    expect(a).toEqual(b);
    expect(a.events).toBeGreaterThan(10_000);
  });

  it('a different seed ⇒ a different trace', () => {
    expect(run({ ...spec, seed: 8 }).report.traceHash).not.toBe(run(spec).report.traceHash);
  });

  it('the scenario exported after live commands replays to the same trace hash', () => {
    const live = cluster({ until: '10m' })
      .at('5s').apply({ type: 'workload', rate: 40, keys: 100, writeRatio: 0.8, consistency: 'QUORUM' })
      .at(33_333.3).kill('C')
      .at('61s').write('user:9', { cl: 'ANY', value: 'z' }).slow('D', '2.5s')
      .at('90s').restart('C')
      .at('2m').apply({ type: 'workloadStop' })
      .at('150s');
    const exported = live.exportScenario();
    const replay = createSimulation(JSON.parse(JSON.stringify(toFormat(exported))));
    replay.advanceTo(150_000);
    expect(replay.traceHash()).toBe(live.traceHash());
    expect(replay.report()).toEqual(live.report());
    expect(live.commandLog).toHaveLength(6);
  });

  it('rejects a command naming an unknown node, leaving the simulation untouched', () => {
    const sim = cluster();
    sim.advanceTo(1000);
    const before = sim.traceHash();
    expect(() => sim.apply({ type: 'kill', node: 'Z' })).toThrow(/node/);
    expect(sim.commandLog).toHaveLength(0);
    sim.advanceTo(2000);
    const ref = cluster();
    ref.advanceTo(2000);
    expect(sim.traceHash()).toBe(ref.traceHash());
    expect(before).not.toBe(sim.traceHash());
  });

  it('the harness scenario is the public format', () => {
    expect(() => parseScenario(scenario(spec))).not.toThrow();
  });
});

/** The engine's normalized scenario back into the public file format. */
function toFormat(s: Scenario): Record<string, unknown> {
  return {
    format: s.format, name: s.name, seed: s.seed,
    cluster: { nodes: s.nodes, vnodes: s.vnodes, replicationFactor: s.replicationFactor },
    settings: s.settings,
    workload: s.workload.map((w) => {
      if (w.kind === 'generator') return { from: w.from, to: w.to, rate: w.rate, keys: w.keys, writeRatio: w.writeRatio, consistency: w.consistency, ...(w.coordinator ? { coordinator: w.coordinator } : {}) };
      const op = { key: w.key, consistency: w.consistency, ...(w.coordinator ? { coordinator: w.coordinator } : {}) };
      return w.kind === 'write' ? { at: w.at, write: { ...op, value: w.value } } : { at: w.at, read: op };
    }),
    faults: s.faults.map((f) => {
      switch (f.kind) {
        case 'kill': return { at: f.at, kill: f.node, wipe: f.wipe };
        case 'restart': return { at: f.at, restart: f.node };
        case 'repair': return { at: f.at, repair: f.node };
        case 'slow': return { at: f.at, slow: f.node, extraLatency: f.extraLatency };
        case 'partition': return { at: f.at, partition: f.groups };
        case 'heal': return { at: f.at, heal: true };
      }
    }),
    until: s.until,
  };
}
