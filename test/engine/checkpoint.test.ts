// Checkpoints: a restored simulation continues exactly as the original (trace hash, report, log),
// with or without commands after the checkpoint, and is independent of it. Property-tested over
// the engine property tests' random scenarios; a failure prints fast-check's seed and the scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloneError, createSimulation, restoreCheckpoint, takeCheckpoint, type Command, type Simulation } from '../../src/engine';
import { cloneGraph } from '../../src/engine/core/clone';
import { caseArb, name, toScenario } from '../property/arbitraries';
import { internals } from './harness';

const envSeed = process.env.HINTSCOPE_FC_SEED ? Number(process.env.HINTSCOPE_FC_SEED) : undefined;
const runs = process.env.HINTSCOPE_FC_RUNS ? Number(process.env.HINTSCOPE_FC_RUNS) : 25;

/** Everything observable of a run from here on: hash, report, the log and the metrics. */
function observe(sim: Simulation) {
  return { now: sim.now, hash: sim.traceHash(), report: sim.report(), log: sim.drainLog(100_000), metrics: sim.metrics(), snapshot: sim.snapshot(50) };
}

const commandArb = (nodes: number): fc.Arbitrary<Command> => {
  const node = fc.integer({ min: 0, max: nodes - 1 }).map(name);
  return fc.oneof(
    fc.record({ type: fc.constant('kill' as const), node, wipe: fc.boolean() }),
    fc.record({ type: fc.constant('restart' as const), node }),
    fc.record({ type: fc.constant('heal' as const) }),
    fc.record({ type: fc.constant('write' as const), key: fc.constantFrom('k1', 'k2', 'x'), value: fc.string({ maxLength: 4 }), consistency: fc.constantFrom('ONE' as const, 'QUORUM' as const, 'ALL' as const) }),
    fc.record({ type: fc.constant('workload' as const), rate: fc.integer({ min: 1, max: 30 }), keys: fc.integer({ min: 1, max: 40 }), writeRatio: fc.constantFrom(1, 0.5), consistency: fc.constant('QUORUM' as const) }),
    fc.record({ type: fc.constant('workloadStop' as const) }),
  );
};

describe('checkpoints', () => {
  it('a restored checkpoint continues exactly as the original: same trace hash, report, log at t2 (with and without commands)', () => {
    const arb = caseArb.chain((c) =>
      fc.record({
        c: fc.constant(c),
        f1: fc.double({ min: 0, max: 0.9, noNaN: true }),
        f2: fc.double({ min: 0, max: 0.5, noNaN: true }),
        commands: fc.array(fc.tuple(fc.integer({ min: 0, max: 60_000 }), commandArb(c.nodes)), { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ c, f1, f2, commands }) => {
        const doc = toScenario(c);
        const original = createSimulation(doc);
        const t1 = Math.round(f1 * original.until);
        const t2 = Math.min(original.until, t1 + Math.round(f2 * original.until) + 1);
        original.advanceTo(t1);
        original.drainLog(100_000);
        const cp = takeCheckpoint(original);
        const restored = restoreCheckpoint(cp);
        // The same commands, at the same moments, in both.
        const drive = (sim: Simulation) => {
          for (const [dt, cmd] of [...commands].sort((a, b) => a[0] - b[0])) {
            if (t1 + dt >= t2) break;
            sim.advanceTo(t1 + dt);
            sim.apply(cmd);
          }
          sim.advanceTo(t2);
          return observe(sim);
        };
        const a = drive(original);
        const b = drive(restored);
        expect(b, `scenario: ${JSON.stringify(doc)}\nt1=${t1} t2=${t2}`).toEqual(a);
        // The checkpoint itself is untouched: restoring it again replays the same future.
        expect(drive(restoreCheckpoint(cp)).hash).toBe(a.hash);
      }),
      { numRuns: runs, seed: envSeed },
    );
    // 25 random runs, each driven twice: ~1 s alone, past vitest's 5 s default on a loaded machine.
  }, 30_000);

  it('carries state kept beside the graph: the per-queue memo that logs a run of refused hints once', () => {
    const doc = {
      format: 'hintscope/scenario@1', name: 'refusals', seed: 5, cluster: { nodes: 4, vnodes: 4, replicationFactor: 3 },
      settings: { maxHintsPerHost: 3 }, workload: [{ from: '0s', to: '2m', rate: 20, keys: 30 }], faults: [{ at: '5s', kill: 'n2' }], until: '3m',
    };
    const original = createSimulation(doc);
    original.advanceTo(60_000);
    const restored = restoreCheckpoint(takeCheckpoint(original));
    const before = original.drainLog(100_000).events;
    expect(before.some((e) => e.text.includes('max hints per host'))).toBe(true);
    expect(restored.drainLog(100_000).events).toEqual(before);
    for (const sim of [original, restored]) sim.advanceTo(120_000);
    const a = original.drainLog(100_000).events;
    expect(restored.drainLog(100_000).events).toEqual(a);
  });

  it('a restored simulation is independent of its checkpoint and of the original', () => {
    const doc = toScenario(fc.sample(caseArb, { numRuns: 1, seed: 7 })[0]!);
    const original = createSimulation(doc);
    original.advanceTo(30_000);
    const cp = takeCheckpoint(original);
    const hashAtCp = cp.state.traceHash();
    const first = restoreCheckpoint(cp);
    first.apply({ type: 'kill', node: 'N0', wipe: true });
    first.advanceTo(30_010);
    const up = (sim: Simulation) => sim.snapshot(0).nodes[0]!.up;
    expect(up(first)).toBe(false);
    // Mutating the restored copy touched neither the checkpoint nor the original.
    expect(cp.state.now).toBe(30_000);
    expect(cp.state.traceHash()).toBe(hashAtCp);
    expect(up(cp.state)).toBe(true);
    expect(original.now).toBe(30_000);
    expect(up(original)).toBe(true);
    expect(original.commandLog).toHaveLength(0);
    const second = restoreCheckpoint(cp);
    expect(second.now).toBe(30_000);
    expect(up(second)).toBe(true);
    expect(internals(second).dataMap('N0')).not.toBe(internals(first).dataMap('N0'));
    expect(internals(second).rng()).not.toBe(internals(original).rng());
  });
});

describe('cloneGraph', () => {
  class Point {
    constructor(public x: number, public y: number) {}
    len(): number {
      return Math.hypot(this.x, this.y);
    }
  }

  it('keeps prototypes, shared references, cycles, Maps, Sets, holes and typed arrays', () => {
    const p = new Point(3, 4);
    const buf = new ArrayBuffer(16);
    const holes: number[] = [];
    holes[0] = 1;
    holes[2] = 3;
    const src: Record<string, unknown> = { p, again: p, m: new Map<unknown, unknown>([['a', p], [p, 1]]), s: new Set([p]), holes, f: new Float64Array(buf, 0, 2), u: new Uint8Array(buf) };
    src.self = src;
    const { value: out } = cloneGraph(src);
    const q = out.p as Point;
    expect(q).toBeInstanceOf(Point);
    expect(q).not.toBe(p);
    expect(q.len()).toBe(5);
    expect(out.again).toBe(q);
    expect(out.self).toBe(out);
    expect((out.m as Map<unknown, unknown>).get('a')).toBe(q);
    expect((out.m as Map<unknown, unknown>).get(q)).toBe(1);
    expect([...(out.s as Set<unknown>)]).toEqual([q]);
    expect(1 in (out.holes as unknown[])).toBe(false);
    (out.f as Float64Array)[0] = 2.5;
    expect((src.f as Float64Array)[0]).toBe(0);
    // Two views of one buffer still share one (copied) buffer.
    expect((out.u as Uint8Array).buffer).toBe((out.f as Float64Array).buffer);
    expect((out.u as Uint8Array)[7]).toBe(new Uint8Array(new Float64Array([2.5]).buffer)[7]);
  });

  it('refuses a function stored in the state, naming its path', () => {
    const src = { a: { list: [{ ok: 1 }, { cb: () => 1 }] } };
    expect(() => cloneGraph(src, { rootName: 'sim' })).toThrow(CloneError);
    expect(() => cloneGraph(src, { rootName: 'sim' })).toThrow('sim.a.list[1].cb');
    expect(() => cloneGraph({ w: new WeakMap() })).toThrow('root.w');
  });

  it('a Sim holds no function but its latency sampler: checkpoints refuse one added to the state', () => {
    const sim = createSimulation(toScenario(fc.sample(caseArb, { numRuns: 1, seed: 3 })[0]!));
    internals(sim).plant('N1', 'hook', () => {});
    expect(() => takeCheckpoint(sim)).toThrow('sim.nodes[1].hook');
  });
});
