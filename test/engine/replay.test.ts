// Audit of fidelity.md "Hint store and replay": the 10 s trigger, dispatch only to targets seen
// alive, one dispatch per target, pages, the hintReplayRate throttle (measured), page timeouts
// (abort, resume at the next trigger, late acks ignored, hints resent), deletion only on ack,
// original timestamps kept.
import { describe, expect, it } from 'vitest';
import { cluster, internals, type Cluster } from './harness';

/**
 * Three nodes, RF 3: every key's replicas are A, B, C. C dies at 1 s; coordinator A writes `n`
 * distinct keys at ONE from 30 s (C convicted by then), one hint each for C, held by A.
 */
function backlog(n: number, settings: Record<string, unknown>, faults: unknown[] = [], until = '30m'): Cluster {
  const rate = Math.min(100_000, n);
  return cluster({
    nodes: ['A', 'B', 'C'], rf: 3, settings,
    workload: [{ from: '30s', to: 30_000 + (n * 1000) / rate, rate, keys: 10_000_000, consistency: 'ONE', coordinator: 'A' }],
    faults: [{ at: '1s', kill: 'C' }, ...faults],
    until,
  });
}

describe('throttle: hintReplayRate bounds the delivered rate (claim 9)', () => {
  it.each([[100, 5000], [1000, 5000], [20, 600], [5, 100]])('rate %d hints/s: %d hints take ≈ n / rate seconds from the first page', (rate, n) => {
    const sim = backlog(n, { hintReplayRate: rate }, [{ at: '60s', restart: 'C' }]);
    const msgs = sim.messages();
    sim.advanceTo(60_000);
    expect(sim.pending('A', 'C')).toBe(n);
    // Delivered count sampled every 100 ms.
    const samples: [number, number][] = [];
    let t = 60_000;
    while (sim.counters().hintsDelivered < n && t < 1_800_000) {
      sim.advanceTo((t += 100));
      samples.push([t, sim.counters().hintsDelivered]);
    }
    expect(sim.counters().hintsDelivered).toBe(n);
    const pages = msgs.filter((m) => m.body === 'hintPage');
    const first = pages[0]!.at;
    const done = samples.find(([, d]) => d === n)![0];
    const seconds = (done - first) / 1000;
    // Pages of rate / 10 hints, one every 0.1 s: the last page leaves (n / pageSize - 1) × 0.1 s
    // after the first. (Guava's RateLimiter, which Cassandra's dispatcher uses, lets the first go at once.)
    const page = Math.max(1, Math.ceil(rate / 10));
    const minimum = ((Math.ceil(n / page) - 1) * page) / rate;
    expect(seconds).toBeGreaterThanOrEqual(minimum);
    expect(seconds).toBeLessThan(minimum + 1);
    // Over any window of 10 s, at most rate × 10 hints (+ one page) are delivered.
    for (const [t0, d0] of samples) {
      const later = samples.find(([t1]) => t1 >= t0 + 10_000);
      if (later) expect(later[1] - d0).toBeLessThanOrEqual(rate * 10 + page);
    }
    // Every page carries at most a page of hints.
    expect(pages.length).toBe(Math.ceil(n / page));
  });

  it('5,000 hints at 100 hints/s: ≈ 50 s after the first trigger that sees the target up', () => {
    const sim = backlog(5000, { hintReplayRate: 100 }, [{ at: '60s', restart: 'C' }]);
    const msgs = sim.messages();
    let t = 60_000;
    while (sim.counters().hintsDelivered < 5000) sim.advanceTo((t += 10));
    const first = msgs.find((m) => m.body === 'hintPage')!.at;
    expect((t - first) / 1000).toBeGreaterThan(49.8);
    expect((t - first) / 1000).toBeLessThan(50.5);
  });
});

describe('page timeouts and acks', () => {
  it('a page not acked within writeTimeout aborts the dispatch; the next trigger (10 s later) resends it; late acks are ignored', () => {
    // C comes back slow: +3 s each way, so a page's ack takes > 6 s > writeTimeout (2 s). Gossip is
    // slow too but regular, so A keeps believing C alive and dispatches at every trigger.
    const sim = backlog(30, { hintReplayRate: 1000 }, [{ at: '60s', restart: 'C' }, { at: '60s', slow: 'C', extraLatency: '3s' }, { at: '3m', slow: 'C', extraLatency: 0 }]);
    const msgs = sim.messages();
    sim.advanceTo(175_000);
    const pages = msgs.filter((m) => m.body === 'hintPage' && m.from === 'A');
    const acks = msgs.filter((m) => m.body === 'hintAck' && m.to === 'A');
    expect(pages.length).toBeGreaterThanOrEqual(5);
    // One page per trigger, 10 s apart: a timed-out page is not resent before the next trigger.
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.at - pages[i - 1]!.at).toBeCloseTo(10_000, -1);
    // C applied and acked them (late): the acks are ignored, nothing deleted, nothing delivered.
    expect(acks.length).toBeGreaterThanOrEqual(pages.length - 1);
    expect(sim.counters().hintsDelivered).toBe(0);
    expect(sim.pending('A', 'C')).toBe(30);
    expect(sim.node('C').keys).toBe(30);
    // No longer slow: the next trigger's page is acked in time and the hints are deleted.
    sim.advanceTo(200_000);
    expect(sim.counters().hintsDelivered).toBe(30);
    expect(sim.pending('A', 'C')).toBe(0);
    expect(sim.report().hints).toMatchObject({ created: 30, delivered: 30, pending: 0 });
  });

  it('a page dropped on the wire times out and the next trigger resumes from that page, not from the start', () => {
    const sim = backlog(100, { hintReplayRate: 100 }, [{ at: '60s', restart: 'C' }]);
    const msgs = sim.messages();
    // Drop the third page by hand as it leaves.
    let dropped = -1;
    while (dropped < 0 && sim.now < 200_000) {
      sim.step();
      const pages = msgs.filter((m) => m.body === 'hintPage');
      if (pages.length === 3) {
        const m = sim.snapshot(100_000).messages.find((x) => x.kind === 'hint');
        sim.apply({ type: 'dropMessage', id: m!.id });
        dropped = sim.now;
      }
    }
    expect(sim.counters().hintsDelivered).toBe(20);
    sim.advanceTo(dropped + 1999);
    expect(sim.counters().hintsDelivered).toBe(20);
    sim.advanceTo(300_000);
    expect(sim.counters().hintsDelivered).toBe(100);
    const pages = msgs.filter((m) => m.body === 'hintPage');
    // 10 pages of 10, plus the one resent.
    expect(pages).toHaveLength(11);
    // The resend waited for the next trigger (up to 10 s), at least writeTimeout after the drop.
    expect(pages[3]!.at - dropped).toBeGreaterThanOrEqual(2000);
    expect(pages[3]!.at - dropped).toBeLessThanOrEqual(12_000);
  });
});

describe('replay keeps original timestamps', () => {
  it('a hint replayed after a newer write reached the target does not overwrite it', () => {
    // The hint stays in A's memory buffer until 5 m 30 s, so it is replayed well after the newer write.
    const sim = cluster({
      nodes: ['A', 'B', 'C'], rf: 3, settings: { hintFlushPeriod: '5m' },
      workload: [
        { at: '30s', write: { key: 'k', value: 'old', consistency: 'ONE', coordinator: 'A' } },
      ],
      faults: [{ at: '1s', kill: 'C' }, { at: '60s', restart: 'C' }],
      until: '7m',
    });
    // As soon as C serves, write a newer value straight through C (ONE: C applies it locally).
    sim.advanceTo(60_000);
    sim.runUntil(() => sim.node('C').serving, 1);
    expect(sim.pending('A', 'C')).toBe(1);
    sim.write('k', { via: 'C', cl: 'ONE', value: 'new' }).at(300_000);
    expect(sim.counters().hintsDelivered).toBe(0);
    expect(sim.values('C', 'k')).toEqual(['new']);
    sim.advanceTo(420_000);
    expect(sim.counters().hintsDelivered).toBe(1);
    expect(sim.values('C', 'k')).toEqual(['new']);
    expect(sim.values('A', 'k')).toEqual(['new']);
    expect(sim.report().replication).toMatchObject({ keys: 1, fullyReplicated: 1 });
  });
});

describe('the trigger', () => {
  it('replay starts at the first 10 s trigger of the holder after it sees the target up, not before', () => {
    const sim = backlog(10, {}, [{ at: '60s', restart: 'C' }]);
    const msgs = sim.messages();
    sim.advanceTo(55_000);
    // A's pending trigger: its instants are that one + 10 s × k.
    const phaseMs = internals(sim).nextHintTrigger('A') % 10_000;
    let seenUpAt = -1;
    for (let t = 55_000; t < 90_000; t += 1) {
      sim.advanceTo(t);
      if (seenUpAt < 0 && sim.alive('A', 'C')) seenUpAt = t;
    }
    const firstTriggerAfter = Math.ceil((seenUpAt - 1 - phaseMs) / 10_000) * 10_000 + phaseMs;
    const page = msgs.find((m) => m.body === 'hintPage')!;
    expect(page.from).toBe('A');
    expect(page.at).toBeCloseTo(firstTriggerAfter, 3);
  });
});

describe('a holder that crashes mid-replay', () => {
  it('forgets the page it had on the wire, and resumes from it after its restart', () => {
    const sim = backlog(200, { hintReplayRate: 100 }, [{ at: '60s', restart: 'C' }]);
    sim.advanceTo(60_000);
    while (internals(sim).pagesOnWire() === 0) expect(sim.step()).toBe(true);
    sim.kill('A');
    sim.advanceTo(sim.now + 1);
    expect(internals(sim).pagesOnWire()).toBe(0);
    const pending = sim.pending('A', 'C');
    expect(pending).toBeGreaterThan(0);
    sim.restart('A');
    sim.advanceTo(sim.now + 120_000);
    expect(sim.pending('A', 'C')).toBe(0);
    expect(internals(sim).pagesOnWire()).toBe(0);
    expect(sim.report().hints).toMatchObject({ created: 200, delivered: 200, lost: 0, pending: 0 });
  });
});
