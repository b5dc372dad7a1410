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
import { parseScenario } from '../../src/engine';
import { caseArb, name, toScenario, type Case } from './arbitraries';
import { dataPlacementProblems, hintPlacementProblems, identities, watchHintPages } from './oracles';
import { Sim } from '../../src/engine/sim';

function replay(doc: unknown, seed: number | undefined, detail: string): string {
  return `${detail}\n  fast-check seed: ${seed ?? '(see fast-check output)'}\n  replay with: npm run sim -- FILE.json, FILE.json =\n${JSON.stringify(doc)}`;
}

function runChecked(c: Case, fcSeed: number | undefined): void {
  const doc = toScenario(c);
  const sim = new Sim(parseScenario(doc));
  const problems: string[] = [];
  // Watch every hint page on the wire: its destination must be a replica of every key in it.
  watchHintPages(sim, problems);
  for (const p of [...c.probes].sort((a, b) => a - b)) {
    const t = Math.round(p * sim.until);
    sim.advanceTo(t);
    const r = sim.report();
    problems.push(...identities(r, `at ${t} ms`), ...hintPlacementProblems(sim));
    // The charts' sample takes shortcuts (check/inspect.ts): it must count what the report counts.
    const m = sim.metrics();
    if (m.lostAcknowledgedWrites !== r.lostAcknowledgedWrites) problems.push(`at ${t} ms the sample counts ${m.lostAcknowledgedWrites} acknowledged writes lost, the report ${r.lostAcknowledgedWrites}`);
    if (m.underReplicated !== r.replication.underReplicated) problems.push(`at ${t} ms the sample counts ${m.underReplicated} keys under-replicated, the report ${r.replication.underReplicated}`);
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
