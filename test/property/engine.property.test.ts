// Property tests of the engine with fast-check: random fault schedules (kills with and without wipe,
// restarts, partitions, slow nodes, message loss) on small clusters, then heal, restart everything,
// repair every node and let it settle. Whatever happened, no acknowledged write is lost, every key
// is fully replicated, data only ever lands on a key's replicas, the hint accounting identity holds
// at any time, and the same seed gives the same trace.
//
// Wiped disks are kept below the write level's ack count (fewer than RF): more wipes can legitimately
// destroy every acknowledged copy. A failure prints the scenario JSON (save it and replay it with
// `npm run sim -- FILE.json`) and fast-check's seed and path. Environment: HINTSCOPE_FC_SEED and
// HINTSCOPE_FC_PATH replay a fast-check run, HINTSCOPE_FC_RUNS overrides numRuns (for long bug hunts),
// HINTSCOPE_FC_VERBOSE prints one line per run.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseScenario, type Report } from '../../src/engine';
import { Sim } from '../../src/engine/sim';

const LEVELS = ['ONE', 'QUORUM', 'ALL'] as const;
type Level = (typeof LEVELS)[number];

const blockFor = (level: Level, rf: number) => (level === 'ONE' ? 1 : level === 'QUORUM' ? Math.floor(rf / 2) + 1 : rf);

type FaultSpec =
  | { kind: 'kill'; at: number; node: number; wipe: boolean }
  | { kind: 'restart'; at: number; node: number }
  | { kind: 'partition'; at: number; groups: number[] }
  | { kind: 'heal'; at: number }
  | { kind: 'slow'; at: number; node: number; extra: number };

interface Case {
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

const caseArb: fc.Arbitrary<Case> = fc
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

const name = (i: number) => `N${i}`;

function toScenario(c: Case): Record<string, unknown> {
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

function replay(doc: unknown, seed: number | undefined, detail: string): string {
  return `${detail}\n  fast-check seed: ${seed ?? '(see fast-check output)'}\n  replay with: npm run sim -- FILE.json, FILE.json =\n${JSON.stringify(doc)}`;
}

function identities(r: Report, where: string): string[] {
  const out: string[] = [];
  const h = r.hints;
  if (h.created !== h.delivered + h.expired + h.lost + h.pending) out.push(`${where}: hints created ${h.created} != delivered ${h.delivered} + expired ${h.expired} + lost ${h.lost} + pending ${h.pending}`);
  const w = r.writes;
  if (w.attempted !== w.acknowledged + w.failed + w.pending) out.push(`${where}: writes attempted ${w.attempted} != acknowledged + failed + pending (${w.acknowledged} + ${w.failed} + ${w.pending})`);
  if (w.pending < 0 || h.pending < 0 || r.reads.pending < 0) out.push(`${where}: a negative pending count`);
  return out;
}

/** Every hint queued anywhere, and every hint page sent, is for a replica of its key. */
function hintPlacementProblems(sim: Sim): string[] {
  const out: string[] = [];
  for (const node of sim.nodes) {
    for (const q of node.hints.values()) {
      for (const h of q.hints) {
        const replicas = sim.ring.place(h.key).pref.slice(0, sim.rf);
        if (h.target !== q.target) out.push(`${node.id}: hint ${h.id} in the queue for ${sim.nodes[q.target]!.id} targets ${sim.nodes[h.target]!.id}`);
        if (!replicas.includes(h.target)) out.push(`${node.id}: hint for ${h.key} targets ${sim.nodes[h.target]!.id}, not a replica`);
      }
    }
  }
  return out;
}

function dataPlacementProblems(sim: Sim): string[] {
  const out: string[] = [];
  for (const node of sim.nodes) {
    for (const key of node.data.keys()) {
      const replicas = sim.ring.place(key).pref.slice(0, sim.rf);
      if (!replicas.includes(node.idx)) out.push(`${node.id} holds ${key} in its data but is not one of its replicas (${replicas.map((r) => sim.nodes[r]!.id).join(',')})`);
    }
  }
  return out;
}

function runChecked(c: Case, fcSeed: number | undefined): void {
  const doc = toScenario(c);
  const sim = new Sim(parseScenario(doc));
  const problems: string[] = [];
  // Watch every hint page on the wire: its destination must be a replica of every key in it.
  const send = sim.send.bind(sim);
  sim.send = (from, to, kind, body) => {
    if (body.k === 'hintPage') {
      for (const h of body.hints) {
        if (!sim.ring.place(h.key).pref.slice(0, sim.rf).includes(to)) problems.push(`hint page to ${sim.nodes[to]!.id} carries ${h.key}, of which it is not a replica`);
      }
    }
    send(from, to, kind, body);
  };
  for (const p of [...c.probes].sort((a, b) => a - b)) {
    const t = Math.round(p * sim.until);
    sim.advanceTo(t);
    const r = sim.report();
    problems.push(...identities(r, `at ${t} ms`), ...hintPlacementProblems(sim));
  }
  sim.advanceTo(sim.until);
  const r = sim.report();
  problems.push(...identities(r, 'at until'), ...hintPlacementProblems(sim), ...dataPlacementProblems(sim));
  if (r.lostAcknowledgedWrites !== 0) problems.push(`lostAcknowledgedWrites = ${r.lostAcknowledgedWrites}`);
  if (r.replication.underReplicated !== 0) problems.push(`underReplicated = ${r.replication.underReplicated} of ${r.replication.keys} keys after heal, restarts and repair`);
  // Same seed + scenario ⇒ same trace, whether run straight through or stopped at the probes.
  const straight = new Sim(parseScenario(doc));
  straight.advanceTo(straight.until);
  if (straight.traceHash() !== sim.traceHash()) problems.push(`trace hash differs between two runs: ${straight.traceHash()} vs ${sim.traceHash()}`);
  const again = straight.report();
  if (JSON.stringify(again) !== JSON.stringify(r)) problems.push('reports differ between two runs of the same scenario');
  if (process.env.HINTSCOPE_FC_VERBOSE) {
    console.log(JSON.stringify({ preset: c.preset, level: c.level, n: c.nodes, rf: c.rf, faults: c.faults.length, writes: r.writes, hints: r.hints, repair: r.repair.keysStreamed, keys: r.replication.keys, events: r.events }));
  }
  if (problems.length > 0) {
    throw new Error(replay(doc, fcSeed, `${problems.length} problem(s):\n  ${[...new Set(problems)].slice(0, 12).join('\n  ')}\n  report: ${JSON.stringify({ writes: r.writes, hints: r.hints, replication: r.replication, repair: r.repair })}`));
  }
}

const envSeed = process.env.HINTSCOPE_FC_SEED ? Number(process.env.HINTSCOPE_FC_SEED) : undefined;
const envPath = process.env.HINTSCOPE_FC_PATH;
const envRuns = process.env.HINTSCOPE_FC_RUNS ? Number(process.env.HINTSCOPE_FC_RUNS) : undefined;
const params = <T,>(numRuns: number): fc.Parameters<T> => ({
  numRuns: envRuns ?? numRuns,
  ...(envPath ? { path: envPath } : {}),
});

describe('engine properties under random faults', () => {
  it('no acknowledged write lost, every key fully replicated, data and hints only on replicas, identities hold, deterministic', () => {
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    fc.assert(fc.property(caseArb, (c) => runChecked(c, seed)), { ...params(40), seed });
  }, 120_000);

  it('the hint accounting identity holds at any time, also while hints expire, are dropped and lost', () => {
    // Aggressive hint policy: tiny TTL, window and cap, slow flushes, no final repair needed.
    const arb = fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      nodes: fc.integer({ min: 3, max: 6 }),
      kills: fc.array(fc.record({ at: fc.integer({ min: 1, max: 150 }), node: fc.integer({ min: 0, max: 5 }), wipe: fc.boolean(), back: fc.integer({ min: 5, max: 90 }) }), { maxLength: 6 }),
      ttl: fc.constantFrom('20s', '1m', null),
      cap: fc.integer({ min: 0, max: 30 }),
      flush: fc.constantFrom(0, '5s', '30s'),
      rate: fc.integer({ min: 1, max: 20 }),
      times: fc.array(fc.integer({ min: 1, max: 239_999 }), { minLength: 3, maxLength: 8 }),
    });
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    fc.assert(
      fc.property(arb, (c) => {
        const names = Array.from({ length: c.nodes }, (_, i) => name(i));
        const faults = c.kills.flatMap((k) => [
          { at: `${k.at}s`, kill: name(k.node % c.nodes), wipe: k.wipe },
          { at: `${k.at + k.back}s`, restart: name(k.node % c.nodes) },
        ]);
        const doc = {
          format: 'hintscope/scenario@1', name: 'identity run', seed: c.seed,
          cluster: { nodes: names, vnodes: 4, replicationFactor: 3 },
          settings: { hintTtl: c.ttl, maxHintsPerHost: c.cap, hintFlushPeriod: c.flush, maxHintWindow: '30s', persistentHintWindow: true },
          workload: [{ from: '0s', to: '3m', rate: c.rate, keys: 50, consistency: 'ONE' }],
          faults,
          until: '4m',
        };
        const sim = new Sim(parseScenario(doc));
        const problems: string[] = [];
        for (const t of [...c.times].sort((a, b) => a - b)) {
          sim.advanceTo(t);
          problems.push(...identities(sim.report(), `at ${t} ms`));
        }
        sim.advanceTo(sim.until);
        const r = sim.report();
        problems.push(...identities(r, 'at until'));
        // Hints held never exceed the cap per (holder, target).
        for (const [holder, n] of Object.entries(r.nodes)) {
          for (const [target, pending] of Object.entries(n.hintsPending)) if (pending > c.cap) problems.push(`${holder} holds ${pending} hints for ${target}, cap ${c.cap}`);
        }
        if (c.cap === 0 && r.hints.created !== 0) problems.push(`cap 0 but ${r.hints.created} hints created`);
        if (problems.length > 0) throw new Error(replay(doc, seed, problems.slice(0, 10).join('\n  ')));
      }),
      { ...params(40), seed },
    );
  }, 120_000);
});

describe('strict quorums never read stale (coordinator mode, no disk loss)', () => {
  it('R + W > RF: every successful read returns the newest write acknowledged before it began', () => {
    const combos = [['QUORUM', 'QUORUM'], ['ALL', 'ONE'], ['ONE', 'ALL']] as const;
    const arb = caseArb.chain((c) =>
      fc.record({ combo: fc.constantFrom(...combos), preset: fc.constantFrom('cassandra' as const, 'scylla' as const) }).map(({ combo, preset }) => ({
        c: { ...c, preset, faults: c.faults.map((f) => (f.kind === 'kill' ? { ...f, wipe: false } : f)), writeRatio: 0.6 },
        combo,
      })),
    );
    const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31);
    fc.assert(
      fc.property(arb, ({ c, combo }) => {
        const doc = toScenario(c) as { workload: Record<string, unknown>[] };
        const gen = doc.workload[0]!;
        doc.workload = [
          { ...gen, writeRatio: 1, consistency: combo[0] },
          { ...gen, rate: Math.max(1, Math.round((gen.rate as number) / 2)), writeRatio: 0, consistency: combo[1] },
        ];
        const sim = new Sim(parseScenario(doc));
        sim.advanceTo(sim.until);
        const r = sim.report();
        if (r.reads.stale !== 0) throw new Error(replay(doc, seed, `${r.reads.stale} stale reads of ${r.reads.succeeded} (writes ${combo[0]}, reads ${combo[1]}, RF ${c.rf})`));
      }),
      { ...params(30), seed },
    );
  }, 120_000);
});
