// The charts' sample counts acknowledged writes lost as the report does, at every moment looked at
// (it skips the fully replicated keys, which cannot have lost one).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';

const DIR = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('metrics: acknowledged writes lost', () => {
  it.each(files)('%s: the sample agrees with the report at ten moments', (file) => {
    const sim = createSimulation(JSON.parse(readFileSync(new URL(file, DIR), 'utf8')));
    let seenLost = 0;
    for (let i = 1; i <= 10; i++) {
      sim.advanceTo((sim.until * i) / 10);
      const report = sim.report() as { lostAcknowledgedWrites: number; replication: { underReplicated: number } };
      const m = sim.metrics();
      expect(m.lostAcknowledgedWrites).toBe(report.lostAcknowledgedWrites);
      expect(m.underReplicated).toBe(report.replication.underReplicated);
      seenLost = Math.max(seenLost, m.lostAcknowledgedWrites);
    }
  });

  it('counts the writes a wiped disk took with it, as the report does', () => {
    // One replica per key, writes at ONE: wiping B loses every acknowledged write it held.
    const sim = createSimulation({
      format: 'hintscope/scenario@1', name: 'wipe loses writes', seed: 3,
      cluster: { nodes: ['A', 'B', 'C', 'D'], vnodes: 4, replicationFactor: 1 },
      settings: { preset: 'cassandra' },
      workload: [{ from: '0s', to: '40s', rate: 20, keys: 50, consistency: 'ONE' }],
      faults: [{ at: '30s', kill: 'B', wipe: true }],
      until: '1m',
    });
    sim.advanceTo(29_000);
    expect(sim.metrics().lostAcknowledgedWrites).toBe(0);
    sim.advanceTo(45_000);
    const lost = sim.metrics().lostAcknowledgedWrites;
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBe((sim.report() as { lostAcknowledgedWrites: number }).lostAcknowledgedWrites);
  });
});
