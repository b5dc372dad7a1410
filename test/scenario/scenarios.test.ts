// Every shipped scenario in scenarios/: it parses, runs, keeps the report's accounting identities,
// and shows the one behaviour of fidelity.md that its name and description promise.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, runScenario, type Report } from '../../src/engine';
import { Sim } from '../../src/engine/sim';
import { elements } from '../../src/engine/node/orset';
import { OPERATOR_BEHAVIOUR } from './operatorBehaviour';
import { DELETE_BEHAVIOUR } from './deleteBehaviour';
import { DC_BEHAVIOUR } from './dcBehaviour';

const DIR = join(__dirname, '..', '..', 'scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

type Json = Record<string, unknown> & { settings: Record<string, unknown>; workload: unknown[]; faults: unknown[] };

function load(file: string): Json {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Json;
}

/** Runs the scenario (or a variant of it) to `until`. */
function run(doc: unknown): Report {
  return runScenario(doc);
}

/** Reports at the given times (ms) and at `until`, from one simulation advanced step by step. */
function reportsAt(doc: unknown, times: number[]): Report[] {
  const sim = createSimulation(doc);
  const out = times.map((t) => {
    sim.advanceTo(t);
    return sim.report() as Report;
  });
  sim.advanceTo(sim.until);
  return [...out, sim.report() as Report];
}

/** A Sim for inspecting internal state (data per node, hint queues). */
function simOf(doc: unknown): Sim {
  return new Sim(parseScenario(doc));
}

const S = 1000;
const M = 60_000;

function hintTargets(r: Report): Set<string> {
  const out = new Set<string>();
  for (const n of Object.values(r.nodes)) for (const t of Object.keys(n.hintsPending)) out.add(t);
  return out;
}

function pendingFor(r: Report, target: string): number {
  return Object.values(r.nodes).reduce((a, n) => a + (n.hintsPending[target] ?? 0), 0);
}

function expectIdentities(r: Report): void {
  const h = r.hints;
  expect(h.created, 'hints: created = delivered + expired + lost + truncated + pending').toBe(h.delivered + h.expired + h.lost + (h.truncated ?? 0) + h.pending);
  expect(r.writes.attempted, 'writes: attempted = acknowledged + failed + pending').toBe(r.writes.acknowledged + r.writes.failed + r.writes.pending);
  if (r.deletes) expect(r.deletes.attempted, 'deletes: attempted = acknowledged + failed + pending').toBe(r.deletes.acknowledged + r.deletes.failed + r.deletes.pending);
  if (r.tombstones) expect(r.tombstones.held, 'tombstones.held = sum of nodes[*].tombstones').toBe(Object.values(r.nodes).reduce((a, n) => a + n.tombstones!, 0));
  expect(r.reads.attempted, 'reads: attempted = succeeded + failed + pending').toBe(r.reads.succeeded + r.reads.failed + r.reads.pending);
  expect(r.replication.keys).toBe(r.replication.fullyReplicated + r.replication.underReplicated);
  const pendingByNode = Object.values(r.nodes).reduce((a, n) => a + Object.values(n.hintsPending).reduce((b, c) => b + c, 0), 0);
  expect(pendingByNode, 'hints.pending = sum of nodes[*].hintsPending').toBe(h.pending);
  for (const n of Object.values(r.nodes)) for (const c of Object.values(n.hintsPending)) expect(c).toBeGreaterThan(0);
  for (const v of [h.created, h.delivered, h.expired, h.dropped, h.lost, h.pending, r.writes.pending, r.reads.pending, r.lostAcknowledgedWrites]) {
    expect(v).toBeGreaterThanOrEqual(0);
  }
}

/** The behaviour each file demonstrates. Values come from the spec and the scenario's own numbers. */
const BEHAVIOUR: Record<string, (doc: Json, r: Report) => void> = {
  ...OPERATOR_BEHAVIOUR,
  ...DELETE_BEHAVIOUR,
  ...DC_BEHAVIOUR,
  '01-replica-down-ten-minutes.json': (doc, r) => {
    // While D is down (at 10m) every pending hint is for D, kept by coordinators (D holds none).
    const [mid] = reportsAt(doc, [10 * M]);
    expect([...hintTargets(mid!)]).toEqual(['D']);
    expect(mid!.nodes.D!.state).toBe('down');
    expect(mid!.hints.pending).toBeGreaterThan(0);
    // Every hint created is delivered; none dropped, expired or lost; no acknowledged write lost.
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ delivered: r.hints.created, dropped: 0, expired: 0, lost: 0, pending: 0 });
    expect(r.lostAcknowledgedWrites).toBe(0);
    expect(r.replication.fullyReplicated).toBe(r.replication.keys);
    expect(r.writes.acknowledged).toBeGreaterThan(0);
  },

  '02-two-replicas-down-unavailable.json': (doc, r) => {
    // The first outage write (1m30s, coordinator A) fails at the very instant it is issued.
    const [atOnce] = reportsAt(doc, [90 * S]);
    expect(atOnce!.writes).toMatchObject({ attempted: 2, acknowledged: 1, failed: 1, pending: 0 });
    // The three outage writes fail; the one before the crash succeeds. No hint, none dropped.
    expect(r.writes).toMatchObject({ attempted: 4, acknowledged: 1, failed: 3, pending: 0 });
    expect(r.hints).toMatchObject({ created: 0, dropped: 0, pending: 0 });
  },

  '03-any-all-replicas-down.json': (doc, r) => {
    // Acknowledged at the instant it is issued: the hints alone satisfy ANY.
    const [atOnce] = reportsAt(doc, [90 * S]);
    expect(atOnce!.writes).toMatchObject({ attempted: 1, acknowledged: 1, failed: 0 });
    expect(atOnce!.hints.created).toBe(3);
    expect(atOnce!.nodes.A!.hintsPending).toEqual({ D: 1, E: 1, F: 1 });
    // Two writes × three replicas; all delivered after the replicas return.
    expect(r.writes).toMatchObject({ attempted: 2, acknowledged: 2, failed: 0 });
    expect(r.hints).toMatchObject({ created: 6, delivered: 6, pending: 0, lost: 0 });
    expect(r.replication.fullyReplicated).toBe(2);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '04a-slow-replica-cassandra.json': (doc, r) => {
    // The first QUORUM write is at 1m: its hint for D appears when the 2 s write timeout fires, not before.
    const [before, after] = reportsAt(doc, [60 * S + 1990, 62 * S]);
    expect(before!.hints.created).toBe(0);
    expect(before!.writes.acknowledged).toBe(1);
    expect(after!.hints.created).toBe(1);
    expect(after!.nodes.A!.hintsPending).toEqual({ D: 1 });
    // QUORUM met (2 writes), ALL missed (2 writes): Cassandra hints D for all four.
    expect(r.writes).toMatchObject({ attempted: 4, acknowledged: 2, failed: 2 });
    expect(r.hints.created).toBe(4);
    expect(r.hints.dropped).toBe(0);
    expect(r.hints.delivered).toBe(4);
  },

  '04b-slow-replica-scylla.json': (doc, r) => {
    expect(r.writes).toMatchObject({ attempted: 4, acknowledged: 2, failed: 2 });
    // Only the writes that met their level leave a hint; the missed ones are not counted as dropped.
    expect(r.hints.created).toBe(r.writes.acknowledged);
    expect(r.hints.dropped).toBe(0);
    expect(r.hints.delivered).toBe(r.hints.created);
    // Against the Cassandra twin: the difference is exactly the failed writes.
    const cassandra = run({ ...doc, settings: { ...doc.settings, preset: 'cassandra' } });
    expect(cassandra.writes).toEqual(r.writes);
    expect(cassandra.hints.created - r.hints.created).toBe(r.writes.failed);
  },

  '05-hint-window-exceeded.json': (doc, r) => {
    const window = 2 * M;
    // D dies at 1m: nothing can be refused before 1m + window; by the restart hints have been.
    const [early, beforeRestart] = reportsAt(doc, [M + window, 6 * M - 1]);
    expect(early!.hints.dropped).toBe(0);
    expect(beforeRestart!.hints.dropped).toBeGreaterThan(0);
    // The stored hints stayed (none replayed while D was down)…
    expect(beforeRestart!.hints.pending).toBe(beforeRestart!.hints.created);
    // …and are all replayed after it returns, while the refused ones leave keys under-replicated.
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints.dropped).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ delivered: r.hints.created, pending: 0, lost: 0, expired: 0 });
    expect(r.replication.underReplicated).toBeGreaterThan(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '06a-restart-loop-window-resets.json': (doc, r) => {
    // Each outage (90 s) is shorter than the window, which resets when D is seen up: nothing refused.
    expect(r.hints.dropped).toBe(0);
    // Replay at 1 hint/s per holder cannot keep up: a backlog remains for D.
    expect(r.hints.pending).toBeGreaterThan(0);
    expect(pendingFor(r, 'D')).toBe(r.hints.pending);
    expect(r.hints.delivered).toBeLessThan(r.hints.created);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '06b-restart-loop-persistent-window.json': (doc, r) => {
    // The same loop with the persistent window: hints are refused although no outage exceeds the window.
    expect(r.hints.dropped).toBeGreaterThan(0);
    const loose = run({ ...doc, settings: { ...doc.settings, persistentHintWindow: false } });
    expect(loose.hints.dropped).toBe(0);
    expect(r.hints.created).toBeLessThan(loose.hints.created);
    expect(r.writes).toEqual(loose.writes);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '07-hint-ttl-expiry.json': (doc, r) => {
    // All hints for D are older than the 1-minute TTL when D returns at 5m: none is applied.
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ expired: r.hints.created, delivered: 0, pending: 0, lost: 0 });
    expect(r.replication.underReplicated).toBeGreaterThan(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
    // A repair of D restores what the expired hints never carried.
    const repaired = run({ ...doc, faults: [...doc.faults, { at: '6m', repair: 'D' }], until: '7m' });
    expect(repaired.replication.underReplicated).toBe(0);
    expect(repaired.hints.delivered).toBe(0);
  },

  '08-hint-cap.json': (doc, r) => {
    const cap = doc.settings.maxHintsPerHost as number;
    // One holder (A coordinates everything), one target (D): exactly `cap` hints stored, the rest dropped.
    expect(r.hints.created).toBe(cap);
    expect(r.hints.dropped).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ delivered: cap, pending: 0, lost: 0 });
    const [down] = reportsAt(doc, [3 * M - 1]);
    expect(down!.nodes.A!.hintsPending).toEqual({ D: cap });
    expect(r.replication.underReplicated).toBeGreaterThan(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '09-holder-crash-loses-buffer.json': (doc, r) => {
    // A's unflushed buffer dies with the process; its flushed hints survive and are replayed.
    expect(r.hints.lost).toBeGreaterThan(0);
    expect(r.hints.lost).toBeLessThan(r.hints.created);
    expect(r.hints.delivered).toBe(r.hints.created - r.hints.lost);
    expect(r.hints.pending).toBe(0);
    // At most one flush period of hints can be lost: writes at 20/s through A, each hinting D at most once.
    const flushPeriodS = 30;
    expect(r.hints.lost).toBeLessThanOrEqual(flushPeriodS * 20);
    expect(r.replication.underReplicated).toBeGreaterThan(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '10-holder-wiped-then-repair.json': (doc, r) => {
    // Before the repairs: every hint is lost and D (and wiped A) miss data.
    const [beforeRepair] = reportsAt(doc, [5 * M - 1]);
    expect(beforeRepair!.hints.created).toBeGreaterThan(0);
    expect(beforeRepair!.hints.lost).toBe(beforeRepair!.hints.created);
    expect(beforeRepair!.replication.underReplicated).toBeGreaterThan(0);
    expect(beforeRepair!.repair.sessions).toBe(0);
    // Two repair sessions restore every key; hints delivered none.
    expect(r.hints).toMatchObject({ lost: r.hints.created, delivered: 0, pending: 0 });
    expect(r.repair.sessions).toBe(2);
    expect(r.repair.keysStreamed).toBeGreaterThan(0);
    expect(r.repair.leavesDiffering).toBeGreaterThan(0);
    expect(r.repair.leavesDiffering).toBeLessThanOrEqual(r.repair.leavesCompared);
    expect(r.replication.underReplicated).toBe(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '11-dynamo-sloppy-quorum.json': (doc, r) => {
    // While D is down, its writes sit on stand-ins: never one of the key's replicas, always for a key of D.
    const sim = simOf(doc);
    sim.advanceTo(4 * M);
    const d = sim.byName.get('D')!;
    let held = 0;
    for (const node of sim.nodes) {
      for (const q of node.hints.values()) {
        for (const h of q.hints) {
          const replicas = sim.ring.place(h.key).pref.slice(0, sim.rf);
          expect(h.target).toBe(d);
          expect(replicas).toContain(d);
          expect(replicas).not.toContain(node.idx);
          held++;
        }
      }
    }
    expect(held).toBeGreaterThan(0);
    // Stand-in acks counted: the writes succeeded; on recovery every hinted replica was handed off.
    expect(r.writes.acknowledged).toBeGreaterThan(0);
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ delivered: r.hints.created, pending: 0, lost: 0, dropped: 0 });
    expect(r.replication.underReplicated).toBe(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '12-riak-strict-quorum-unavailable.json': (doc, r) => {
    expect(r.writes).toMatchObject({ attempted: 3, acknowledged: 0, failed: 3 });
    expect(r.hints).toMatchObject({ created: 0, dropped: 0 });
    // Without PW (Dynamo's sloppy quorum) the same writes succeed on stand-ins: 2 hinted replicas each.
    const sloppy = run({ ...doc, settings: { ...doc.settings, strictQuorum: false } });
    expect(sloppy.writes).toMatchObject({ attempted: 3, acknowledged: 3, failed: 0 });
    expect(sloppy.hints.created).toBe(6);
  },

  '13-partition-each-side-convicts.json': (doc, r) => {
    const left = ['A', 'B', 'C'];
    const right = ['D', 'E', 'F'];
    // Just before the heal: each side holds hints, and only for nodes on the other side.
    const [split] = reportsAt(doc, [3 * M - 1]);
    for (const [side, other] of [[left, right], [right, left]] as const) {
      let held = 0;
      for (const n of side) {
        for (const [t, c] of Object.entries(split!.nodes[n]!.hintsPending)) {
          expect(other).toContain(t);
          held += c;
        }
      }
      expect(held).toBeGreaterThan(0);
    }
    // Writes needing the far side failed; after the heal every hint crossed over.
    expect(r.writes.failed).toBeGreaterThan(0);
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ delivered: r.hints.created, pending: 0, lost: 0, dropped: 0 });
    expect(r.replication.underReplicated).toBe(0);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },

  '14-read-repair.json': (doc, r) => {
    const [beforeReads] = reportsAt(doc, [3 * M - 1]);
    expect(beforeReads!.replication).toMatchObject({ keys: 4, underReplicated: 4 });
    // Four writes missed D (handoff off: 4 dropped); three reads at ALL each repair D once.
    expect(r.hints).toMatchObject({ created: 0, dropped: 4 });
    expect(r.reads).toMatchObject({ attempted: 3, succeeded: 3, stale: 0, repaired: 3 });
    expect(r.replication).toMatchObject({ keys: 4, fullyReplicated: 3, underReplicated: 1 });
    // The unread key is the one left behind.
    const sim = simOf(doc);
    sim.advanceTo(sim.until);
    const dData = sim.nodes[sim.byName.get('D')!]!.data;
    expect(['user:3', 'cart:1', 'z'].map((k) => dData.get(k)?.[0]?.value)).toEqual(['new-1', 'new-2', 'new-3']);
    expect(dData.has('k2')).toBe(false);
  },

  '15-anti-entropy.json': (doc, r) => {
    const interval = 2 * M;
    const ticks = Math.floor(r.simulatedMs / interval);
    // Each tick every live node runs a session (D is down at the first).
    expect(r.repair.sessions).toBeGreaterThanOrEqual(ticks * 5);
    expect(r.repair.sessions).toBeLessThanOrEqual(ticks * 6);
    expect(r.hints.created).toBe(0);
    expect(r.repair.keysStreamed).toBeGreaterThan(0);
    expect(r.repair.leavesDiffering).toBeGreaterThan(0);
    expect(r.repair.leavesDiffering).toBeLessThan(r.repair.leavesCompared);
    expect(r.replication.underReplicated).toBe(0);
    // Before the first tick after D's return, D still lacks what it missed.
    const [beforeTick] = reportsAt(doc, [4 * M - 1]);
    expect(beforeTick!.replication.underReplicated).toBeGreaterThan(0);
    // Identical replicas: roots match, nothing is descended into or streamed.
    const calm = run({ ...doc, faults: [], workload: [{ from: '0s', to: '1m', rate: 5, keys: 300 }], until: '3m' });
    expect(calm.repair.sessions).toBe(6);
    expect(calm.repair).toMatchObject({ leavesCompared: 0, leavesDiffering: 0, keysStreamed: 0 });
  },

  '16-vector-clock-siblings.json': (doc, r) => {
    expect(r.writes).toMatchObject({ attempted: 3, acknowledged: 3, failed: 0 });
    expect(r.reads).toMatchObject({ attempted: 1, succeeded: 1, stale: 0 });
    expect(r.hints).toMatchObject({ delivered: r.hints.created, pending: 0 });
    expect(r.replication).toMatchObject({ keys: 1, fullyReplicated: 1 });
    const sim = simOf(doc);
    sim.advanceTo(sim.until);
    const replicas = sim.ring.place('user:1').pref.slice(0, sim.rf);
    for (const i of replicas) {
      const versions = sim.nodes[i]!.data.get('user:1') ?? [];
      expect(versions.map((v) => v.value).sort(), `siblings on ${sim.nodes[i]!.id}`).toEqual(['left-side', 'right-side']);
    }
  },

  '16b-or-set-cart.json': (doc, r) => {
    expect(r.writes).toMatchObject({ attempted: 4, acknowledged: 4, failed: 0 });
    expect(r.hints.created).toBeGreaterThan(0);
    expect(r.hints).toMatchObject({ delivered: r.hints.created, pending: 0 });
    expect(r.replication).toMatchObject({ keys: 1, fullyReplicated: 1 });
    const cartOn = (s: Sim, i: number) => (s.nodes[i]!.data.get('cart:alice') ?? []).flatMap((v) => (v.set ? elements(v.set) : [])).sort();
    const sim = simOf(doc);
    sim.advanceTo(sim.until);
    const replicas = sim.ring.place('cart:alice').pref.slice(0, sim.rf);
    // The add and the remove made on the two sides both stand: apples went, pears stayed.
    for (const i of replicas) expect(cartOn(sim, i), `cart on ${sim.nodes[i]!.id}`).toEqual(['bread', 'pears']);
    // The same two writes under last-write-wins: one whole value wins, so one side's change is gone.
    const lww = simOf({ ...doc, settings: { conflictResolution: 'lww' }, workload: (doc.workload as { write?: { op?: string } }[]).map((e) => (e.write ? { ...e, write: { ...e.write, op: undefined } } : e)) });
    lww.advanceTo(lww.until);
    const values = new Set(replicas.map((i) => (lww.nodes[i]!.data.get('cart:alice') ?? []).map((v) => v.value).join('|')));
    expect(values.size).toBe(1);
  },

  '17-throttled-replay.json': (doc, r) => {
    const rate = doc.settings.hintReplayRate as number;
    const replaySeconds = (r.simulatedMs - 6 * M) / S;
    const holders = 5; // every node but D can hold hints for D
    expect(r.hints.delivered).toBeGreaterThan(0);
    expect(r.hints.delivered).toBeLessThanOrEqual(rate * replaySeconds * holders);
    expect(r.hints.pending).toBeGreaterThan(0);
    expect(pendingFor(r, 'D')).toBe(r.hints.pending);
    expect(r.hints).toMatchObject({ lost: 0, dropped: 0, expired: 0 });
    expect(r.lostAcknowledgedWrites).toBe(0);
  },
};

const REPORT_SHAPE = {
  top: ['format', 'scenario', 'seed', 'simulatedMs', 'writes', 'reads', 'hints', 'repair', 'nodes', 'replication', 'lostAcknowledgedWrites', 'events', 'traceHash'],
  writes: ['attempted', 'acknowledged', 'failed', 'pending'],
  reads: ['attempted', 'succeeded', 'failed', 'pending', 'stale', 'repaired'],
  hints: ['created', 'delivered', 'expired', 'dropped', 'lost', 'pending'],
  /** With a nodetool entry in the run (operator-commands): `truncated` too. */
  operatorHints: ['created', 'delivered', 'expired', 'dropped', 'lost', 'truncated', 'pending'],
  repair: ['sessions', 'leavesCompared', 'leavesDiffering', 'keysStreamed', 'failed'],
  replication: ['keys', 'fullyReplicated', 'underReplicated'],
  node: ['state', 'keys', 'hintsPending'],
  /** With a delete in the run (deletes): these fields too. */
  deleteTop: ['deletes', 'tombstones'],
  deleteReplication: ['resurrected'],
  deleteNode: ['tombstones'],
};

/** The scenario deletes: a delete entry, or a generator with deleteRatio > 0. */
const deletes = (doc: Json) => doc.workload.some((w) => typeof w === 'object' && w !== null && ('delete' in w || ((w as { deleteRatio?: number }).deleteRatio ?? 0) > 0));

const sorted = (o: object) => Object.keys(o).sort();

describe('scenarios/', () => {
  it('has at least 12 scenarios, each with a behaviour assertion', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    expect(FILES.filter((f) => !BEHAVIOUR[f])).toEqual([]);
    expect(Object.keys(BEHAVIOUR).filter((f) => !FILES.includes(f))).toEqual([]);
  });

  describe.each(FILES)('%s', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const doc = load(file);

    it('is a valid, self-explaining hintscope/scenario@1 file', () => {
      expect(doc.format).toBe('hintscope/scenario@1');
      const sc = parseScenario(text);
      expect(sc.name.length).toBeGreaterThan(0);
      expect(sc.name.length).toBeLessThanOrEqual(120);
      const sentences = sc.description.trim().split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sc.description.length).toBeGreaterThan(40);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(3);
    });

    it('runs, keeps the accounting identities, and shows its behaviour', () => {
      const r = run(text);
      // A shipped scenario is a quick demo: bounded by its work (events), not by a wall clock.
      expect(r.events).toBeLessThan(1_000_000);
      expect(r.format).toBe('hintscope/report@1');
      expect(r.scenario).toBe(doc.name);
      expect(r.simulatedMs).toBe(parseScenario(text).until);
      expectIdentities(r);
      BEHAVIOUR[file]!(doc, r);
    });

    it('is deterministic: the same file gives the same report and trace hash', () => {
      const a = run(text);
      const b = run(doc);
      expect(b.traceHash).toBe(a.traceHash);
      expect(b).toEqual(a);
    });
  });
});

describe('report shape', () => {
  it('has exactly the keys of scenario-format.md', () => {
    const r = run(load(FILES[0]!));
    expect(sorted(r)).toEqual([...REPORT_SHAPE.top].sort());
    for (const k of ['writes', 'reads', 'hints', 'repair', 'replication'] as const) expect(sorted(r[k]), k).toEqual([...REPORT_SHAPE[k]].sort());
    expect(Object.keys(r.nodes)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    for (const n of Object.values(r.nodes)) {
      expect(sorted(n)).toEqual([...REPORT_SHAPE.node].sort());
      expect(['up', 'down']).toContain(n.state);
    }
    expect(r.traceHash).toMatch(/^[0-9a-f]+$/);
    expect(Number.isInteger(r.events)).toBe(true);
  });

  it('has the same keys for every scenario and lists only targets with pending hints', () => {
    for (const f of FILES) {
      const r = run(load(f));
      const del = deletes(load(f));
      // With cluster.datacenters: `traffic` too (and nodes.X.dc, replication.byDc).
      const dcs = (load(f).cluster as { datacenters?: unknown } | undefined)?.datacenters !== undefined;
      expect(sorted(r), f).toEqual([...REPORT_SHAPE.top, ...(del ? REPORT_SHAPE.deleteTop : []), ...(dcs ? ['traffic'] : [])].sort());
      expect(sorted(r.replication), f).toEqual([...REPORT_SHAPE.replication, ...(del ? REPORT_SHAPE.deleteReplication : []), ...(dcs ? ['byDc'] : [])].sort());
      for (const n of Object.values(r.nodes)) expect(sorted(n), f).toEqual([...REPORT_SHAPE.node, ...(del ? REPORT_SHAPE.deleteNode : []), ...(dcs ? ['dc'] : [])].sort());
      const operator = (load(f).faults ?? []).some((x) => typeof x === 'object' && x !== null && 'nodetool' in x);
      expect(sorted(r.hints), f).toEqual([...(operator ? REPORT_SHAPE.operatorHints : REPORT_SHAPE.hints)].sort());
      for (const n of Object.values(r.nodes)) for (const c of Object.values(n.hintsPending)) expect(c).toBeGreaterThan(0);
    }
  });
});
