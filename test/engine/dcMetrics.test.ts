// The charts' sample splits under-replicated keys per datacenter by the report's own rule
// (replication.byDc), at every moment looked at; without datacenters the sample has no split.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';

const DIR = new URL('../../scenarios/', import.meta.url);
const load = (file: string) => JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Record<string, unknown>;
const withDcs = readdirSync(DIR).filter((f) => f.endsWith('.json') && (load(f).cluster as { datacenters?: unknown }).datacenters !== undefined);
type ByDc = Record<string, { underReplicated: number }>;
const reportByDc = (sim: ReturnType<typeof createSimulation>) => (sim.report() as { replication: { byDc: ByDc } }).replication.byDc;
const underOf = (byDc: ByDc) => Object.fromEntries(Object.entries(byDc).map(([dc, r]) => [dc, r.underReplicated]));

describe('metrics: under-replicated keys per datacenter', () => {
  it('scenarios with datacenters exist to check', () => {
    expect(withDcs).toContain('36-two-regions-one-cut-off.json');
  });

  it.each(withDcs)('%s: the split equals the report\'s replication.byDc at ten moments', (file) => {
    const sim = createSimulation(load(file));
    for (let i = 1; i <= 10; i++) {
      sim.advanceTo((sim.until * i) / 10);
      const m = sim.metrics();
      expect(m.underReplicatedByDc).toEqual(underOf(reportByDc(sim)));
    }
  });

  it('scenario 36 with clients in us only: during the cut eu is under-replicated and us is not; after the heal neither', () => {
    const doc = load('36-two-regions-one-cut-off.json');
    const sim = createSimulation({ ...doc, workload: (doc.workload as unknown[]).slice(0, 1) });
    sim.advanceTo(150_000); // cut at 1 m, heal at 4 m
    const mid = sim.metrics();
    expect(mid.underReplicatedByDc).toEqual(underOf(reportByDc(sim)));
    expect(mid.underReplicatedByDc!.us).toBe(0);
    expect(mid.underReplicatedByDc!.eu).toBeGreaterThan(10);
    expect(mid.underReplicatedByDc!.eu).toBe(mid.underReplicated);
    sim.advanceTo(sim.until);
    const end = sim.metrics();
    expect(end.underReplicatedByDc).toEqual({ us: 0, eu: 0 });
    expect(end.underReplicatedByDc).toEqual(underOf(reportByDc(sim)));
  });

  it('scenario 36 as written: both regions miss the other\'s writes during the cut', () => {
    const sim = createSimulation(load('36-two-regions-one-cut-off.json'));
    sim.advanceTo(150_000);
    const m = sim.metrics();
    expect(m.underReplicatedByDc!.us).toBeGreaterThan(0);
    expect(m.underReplicatedByDc!.eu).toBeGreaterThan(0);
    expect(m.underReplicatedByDc).toEqual(underOf(reportByDc(sim)));
  });

  it('a scenario without datacenters has no split', () => {
    const sim = createSimulation(load('01-replica-down-ten-minutes.json'));
    sim.advanceTo(sim.until);
    expect(sim.metrics()).not.toHaveProperty('underReplicatedByDc');
  });
});
