// The host's checkpoint store on its own: spacing, the count and memory bounds (thinned, spacing
// doubled), choosing the checkpoint for a seek, and dropping the ones beyond a fork.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine';
import { createCheckpoints } from '../../src/worker/checkpoints';

const MIN = 60_000;
const scenario = {
  format: 'hintscope/scenario@1', name: 'store', seed: 3, cluster: { nodes: 4, vnodes: 4, replicationFactor: 3 },
  workload: [{ from: '0s', to: '2h', rate: 5, keys: 50 }], until: '2h',
};

/** Runs a session minute by minute for `minutes`, offering a checkpoint after each. */
function run(store: ReturnType<typeof createCheckpoints>, minutes: number) {
  const sim = createSession(scenario);
  for (let m = 1; m <= minutes; m++) {
    sim.advanceTo(m * MIN);
    store.maybeTake(sim, () => 0);
  }
  return sim;
}

describe('checkpoint store', () => {
  it('keeps at most `max`, spread over the run: every other one goes and the spacing doubles', () => {
    const store = createCheckpoints({ max: 6, spacingMs: MIN });
    run(store, 40);
    const { count, at, spacingMs } = store.stats();
    expect(count).toBeLessThanOrEqual(6);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(spacingMs).toBeGreaterThan(MIN);
    expect(at[0]).toBe(MIN);
    expect(at.at(-1)).toBeGreaterThan(30 * MIN);
    for (let i = 1; i < at.length; i++) expect(at[i]!).toBeGreaterThan(at[i - 1]!);
  });

  it('keeps within the cell budget, down to one checkpoint', () => {
    const store = createCheckpoints({ max: 30, spacingMs: MIN, maxCells: 1 });
    run(store, 10);
    // Each take leaves only the newest; the spacing doubles every time.
    expect(store.stats().count).toBe(1);
    expect(store.stats().at[0]).toBeGreaterThan(MIN);
    expect(store.stats().spacingMs).toBeGreaterThanOrEqual(8 * MIN);
  });

  it('answers a seek with the latest checkpoint at or before it, and a fork drops what lies beyond', () => {
    const store = createCheckpoints({ max: 30, spacingMs: MIN });
    run(store, 10);
    expect(store.before(5.5 * MIN, 0)!.at).toBe(5 * MIN);
    expect(store.before(30_000, 0)).toBeNull();
    const restored = store.restore(store.before(5.5 * MIN, 0)!);
    expect(restored.now).toBe(5 * MIN);
    store.forkedAt(4 * MIN, 0);
    expect(store.stats().at).toEqual([1, 2, 3, 4].map((m) => m * MIN));
    // Nothing to copy from a simulation the engine did not build: no checkpoint, no error.
    store.maybeTake({ now: 20 * MIN } as never, () => 0);
    expect(store.stats().count).toBe(4);
  });

  it('takes no checkpoint while they would cost more than their share of wall time', () => {
    const store = createCheckpoints({ spacingMs: MIN, maxShare: 0.1 });
    const sim = createSession(scenario);
    let wall = 0;
    // Each checkpoint "takes" 50 wall ms: the next may come 500 ms later at the earliest.
    const clock = () => (wall += 25);
    sim.advanceTo(MIN);
    store.maybeTake(sim, clock);
    sim.advanceTo(3 * MIN);
    store.maybeTake(sim, clock);
    expect(store.stats().count).toBe(1);
    wall += 1000;
    store.maybeTake(sim, clock);
    expect(store.stats().count).toBe(2);
  });
});
