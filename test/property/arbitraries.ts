// The arbitraries of the engine property tests: random small clusters, presets, workloads and fault
// schedules (kills with and without wipe, restarts, partitions, slow nodes, message loss), as scenarios.
import fc from 'fast-check';

export const LEVELS = ['ONE', 'QUORUM', 'ALL'] as const;
export type Level = (typeof LEVELS)[number];

export const blockFor = (level: Level, rf: number) => (level === 'ONE' ? 1 : level === 'QUORUM' ? Math.floor(rf / 2) + 1 : rf);

export type FaultSpec =
  | { kind: 'kill'; at: number; node: number; wipe: boolean }
  | { kind: 'restart'; at: number; node: number }
  | { kind: 'partition'; at: number; groups: number[] }
  | { kind: 'heal'; at: number }
  | { kind: 'slow'; at: number; node: number; extra: number };

export interface Case {
  seed: number;
  nodes: number;
  rf: number;
  vnodes: number;
  preset: 'cassandra' | 'scylla' | 'dynamo' | 'riak';
  strictQuorum: boolean;
  level: Level;
  rate: number;
  keys: number;
  writeRatio: number;
  dropRate: number;
  window: string | null;
  ttl: string | null;
  /** Seconds: faults and workload happen in [0, faultSpan]. */
  faultSpan: number;
  faults: FaultSpec[];
  /** Fractions of `until` at which to check the report mid-run. */
  probes: number[];
}

const faultArb = (nodes: number, span: number): fc.Arbitrary<FaultSpec> => {
  const at = fc.integer({ min: 5, max: span });
  const node = fc.integer({ min: 0, max: nodes - 1 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('kill' as const), at, node, wipe: fc.boolean() }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('restart' as const), at, node }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), at, groups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nodes, maxLength: nodes }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('heal' as const), at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('slow' as const), at, node, extra: fc.integer({ min: 0, max: 3000 }) }) },
  );
};

export const caseArb: fc.Arbitrary<Case> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    nodes: fc.integer({ min: 3, max: 7 }),
    rf: fc.integer({ min: 2, max: 3 }),
    vnodes: fc.integer({ min: 1, max: 8 }),
    preset: fc.constantFrom('cassandra' as const, 'scylla' as const, 'dynamo' as const, 'riak' as const),
    strictQuorum: fc.boolean(),
    level: fc.constantFrom(...LEVELS),
    rate: fc.integer({ min: 2, max: 15 }),
    keys: fc.integer({ min: 10, max: 80 }),
    writeRatio: fc.constantFrom(1, 0.9, 0.7),
    dropRate: fc.constantFrom(0, 0, 0.01, 0.05),
    window: fc.constantFrom(null, '45s', '2m'),
    ttl: fc.constantFrom(null, '40s', '3m'),
    faultSpan: fc.integer({ min: 60, max: 240 }),
    probes: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 1, maxLength: 3 }),
  })
  .chain((c) =>
    fc.array(faultArb(c.nodes, c.faultSpan), { maxLength: 10 }).map((faults) => {
      const rf = Math.min(c.rf, c.nodes);
      // Wiped disks must leave at least one of the acknowledged copies: fewer than the level's acks.
      let wipes = Math.min(rf, blockFor(c.level, rf)) - 1;
      const sorted = [...faults].sort((a, b) => a.at - b.at).map((f) => {
        if (f.kind !== 'kill' || !f.wipe) return f;
        if (wipes > 0) { wipes--; return f; }
        return { ...f, wipe: false };
      });
      return { ...c, rf, faults: sorted };
    }),
  );

export const name = (i: number) => `N${i}`;

export function toScenario(c: Case): Record<string, unknown> {
  const names = Array.from({ length: c.nodes }, (_, i) => name(i));
  const faults: unknown[] = c.faults.map((f) => {
    const at = f.at * 1000;
    switch (f.kind) {
      case 'kill': return { at, kill: name(f.node), wipe: f.wipe };
      case 'restart': return { at, restart: name(f.node) };
      case 'heal': return { at, heal: true };
      case 'slow': return { at, slow: name(f.node), extraLatency: f.extra };
      case 'partition': {
        const groups = [0, 1, 2].map((g) => names.filter((_, i) => f.groups[i] === g)).filter((g) => g.length > 0);
        return { at, partition: groups.length > 0 ? groups : [names] };
      }
    }
  });
  // The end: heal, every node fast and up; then three rounds of repair of every node; then settle.
  const end = c.faultSpan + 1;
  faults.push({ at: `${end}s`, heal: true });
  for (const n of names) faults.push({ at: `${end}s`, slow: n, extraLatency: 0 });
  for (const n of names) faults.push({ at: `${end}s`, restart: n });
  let t = end + 60;
  for (let round = 0; round < 3; round++) {
    for (const n of names) {
      faults.push({ at: `${t}s`, repair: n });
      t += 2;
    }
    t += 20;
  }
  const settings: Record<string, unknown> = { preset: c.preset, dropRate: c.dropRate, maxHintWindow: c.window };
  // In sloppy-quorum mode a hinted replica may be the only acknowledged copy of a write, so a TTL on
  // it can legitimately lose the write (fidelity.md lets TTL apply to stand-ins): no TTL there.
  if (c.preset === 'dynamo' || c.preset === 'riak') settings.strictQuorum = c.strictQuorum;
  else settings.hintTtl = c.ttl;
  return {
    format: 'hintscope/scenario@1',
    name: 'property run',
    seed: c.seed,
    cluster: { nodes: names, vnodes: c.vnodes, replicationFactor: c.rf },
    settings,
    workload: [{ from: '0s', to: `${c.faultSpan}s`, rate: c.rate, keys: c.keys, writeRatio: c.writeRatio, consistency: c.level }],
    faults,
    until: `${t + 60}s`,
  };
}

