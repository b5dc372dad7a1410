// The Compare view's shared clock, driven against two real worker hosts in memory with a manual
// wall clock: both runs start from the lab's session, reach the same moments in lockstep, and
// report at the same time.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine';
import { createUnpacker, type LoggedCommand, type ToWorker } from '../../src/protocol';
import { createCompareStore, type SpawnRun } from '../../src/store/compare';
import { createHost } from '../../src/worker/host';
import { deriveB } from '../../src/view/compare/model';
import { compareScenario } from '../fixtures/compareScenario';

const SCENARIO = compareScenario();

function world() {
  let wall = 0;
  const timers: { at: number; seq: number; fn: () => void }[] = [];
  let seq = 0;
  const queue: (() => void)[] = [];
  const later = (fn: () => void, ms: number) => void timers.push({ at: wall + ms, seq: seq++, fn });
  const sent: Record<string, ToWorker[]> = { a: [], b: [] };
  let spawned = 0;
  const spawn: SpawnRun = (onMessage) => {
    const name = spawned++ % 2 === 0 ? 'a' : 'b';
    let handler: ((m: ToWorker) => void) | null = null;
    let alive = true;
    const unpack = createUnpacker();
    createHost(
      { postMessage: (m) => queue.push(() => alive && onMessage(unpack(m))), setHandler: (fn) => (handler = fn) },
      { now: () => wall, schedule: later },
    );
    return {
      send: (m) => {
        sent[name]!.push(m);
        queue.push(() => alive && handler!(m));
      },
      terminate: () => {
        alive = false;
      },
    };
  };
  const store = createCompareStore({
    spawn,
    now: () => wall,
    nextFrame: (fn) => later(fn, 16),
    runStore: { scheduleAck: (fn) => queue.push(fn), now: () => wall, viewEveryMs: 0 },
  });
  /** Runs queued messages and timers until `done` holds (or the wall budget runs out). */
  const runUntil = (done: () => boolean, budgetMs = 600_000, onIdle?: () => void) => {
    const end = wall + budgetMs;
    while (!done()) {
      if (queue.length > 0) {
        queue.shift()!();
        continue;
      }
      onIdle?.();
      timers.sort((x, y) => x.at - y.at || x.seq - y.seq);
      const next = timers.shift();
      if (!next || next.at > end) throw new Error(`not done within ${budgetMs} wall ms (time ${store.getState().clock.time})`);
      wall = Math.max(wall, next.at);
      next.fn();
    }
  };
  return { store, runUntil, sent };
}

/** The lab's session at `at`: the scenario, a command given during the run, and its trace hash. */
function labSession(at: number) {
  const sim = createSession(SCENARIO);
  sim.advanceTo(45_000);
  sim.apply({ type: 'write', key: 'user:1', value: 'x', consistency: 'QUORUM' });
  sim.advanceTo(at);
  return { log: [...sim.commandLog] as LoggedCommand[], traceHash: sim.traceHash(), now: sim.now };
}

describe('host: report request', () => {
  it('answers with the report of scenario-format.md at the current moment', () => {
    const out: unknown[] = [];
    let handler: ((m: ToWorker) => void) | null = null;
    createHost({ postMessage: (m) => out.push(m), setHandler: (fn) => (handler = fn) }, { now: () => 0, schedule: () => {} });
    handler!({ type: 'report' });
    expect(out.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/init first/) });
    handler!({ type: 'init', scenario: SCENARIO });
    handler!({ type: 'command', command: { type: 'kill', node: 'D' } });
    handler!({ type: 'report' });
    const msg = out.at(-1) as { type: string; now: number; report: { format: string; simulatedMs: number; traceHash: string } };
    expect(msg.type).toBe('report');
    expect(msg.report.format).toBe('hintscope/report@1');
    expect(Math.abs(msg.report.simulatedMs - msg.now)).toBeLessThan(1);
    expect(msg.now).toBeGreaterThan(0);
  });
});

describe('compare clock', () => {
  it('replays the lab session in A (same trace hash at the lab moment), then both stand there', () => {
    const lab = labSession(90_000);
    const b = deriveB(SCENARIO, lab.log, 'settings.hintedHandoffEnabled', false);
    if (!b.ok) throw new Error(b.error);
    const w = world();
    w.store.getState().actions.start({ a: { scenario: SCENARIO, log: lab.log }, b: { scenario: b.scenario, log: b.log }, startAt: lab.now, labTraceHash: lab.traceHash });
    w.runUntil(() => w.store.getState().reports?.at === lab.now && w.store.getState().clock.jump === null);
    const s = w.store.getState();
    expect(s.clock.time).toBe(lab.now);
    expect(s.labCheck).toEqual({ at: lab.now, lab: lab.traceHash, a: lab.traceHash });
    expect(s.runs!.a.getState().frame!.now).toBe(lab.now);
    expect(s.runs!.b.getState().frame!.now).toBe(lab.now);
    expect(s.reports!.at).toBe(lab.now);
    expect(s.reports!.a.hints.created).toBeGreaterThan(0);
    expect(s.reports!.b.hints.created).toBe(0);
    // Charts get samples at the same moments in both runs.
    const times = (id: 'a' | 'b') => s.runs![id].getState().series.map((p) => p.now);
    expect(times('a').length).toBeGreaterThan(20);
    expect(times('b')).toEqual(times('a'));
  });

  it('plays both in lockstep: neither is ever more than one step ahead of the other', () => {
    const w = world();
    w.store.getState().actions.start({ a: { scenario: SCENARIO, log: [] }, b: { scenario: SCENARIO, log: [] }, startAt: 0 });
    w.runUntil(() => w.store.getState().status === 'running');
    w.store.getState().actions.setSpeed(100);
    w.store.getState().actions.play();
    let maxGap = 0;
    let steps = 0;
    let lastTime = 0;
    w.runUntil(
      () => w.store.getState().clock.time >= 60_000,
      600_000,
      () => {
        const s = w.store.getState();
        const a = s.runs!.a.getState().frame!.now;
        const b = s.runs!.b.getState().frame!.now;
        if (s.clock.time !== lastTime) {
          steps++;
          lastTime = s.clock.time;
        }
        // Both are at most at the shared target, and never further apart than one step (≤ 250 ms wall × speed).
        expect(Math.max(a, b)).toBeLessThanOrEqual(s.clock.time + 1e-6);
        maxGap = Math.max(maxGap, Math.abs(a - b));
      },
    );
    expect(steps).toBeGreaterThan(10);
    expect(maxGap).toBeLessThanOrEqual(250 * 100);
    w.store.getState().actions.pause();
    const stopAt = w.store.getState().clock.time;
    w.runUntil(() => {
      const s = w.store.getState();
      return s.runs!.a.getState().frame!.now === stopAt && s.runs!.b.getState().frame!.now === stopAt && s.reports?.at === stopAt;
    });
    // The same settings on both sides: the same run, event for event.
    const s = w.store.getState();
    expect(s.runs!.b.getState().frame!.traceHash).toBe(s.runs!.a.getState().frame!.traceHash);
    // The workers were never asked to play on their own pace.
    expect(w.sent.a!.some((m) => m.type === 'play')).toBe(false);
  });
});

describe('compare clock: to the end', () => {
  it('jumps both to the end: handoff off leaves no hints and more under-replicated keys', () => {
    const w = world();
    const b = deriveB(SCENARIO, [], 'settings.hintedHandoffEnabled', false);
    if (!b.ok) throw new Error(b.error);
    w.store.getState().actions.start({ a: { scenario: SCENARIO, log: [] }, b: { scenario: b.scenario, log: b.log }, startAt: 0 });
    w.runUntil(() => w.store.getState().status === 'running');
    w.store.getState().actions.jumpTo(Infinity);
    w.runUntil(() => w.store.getState().reports?.at === 300_000 && w.store.getState().clock.jump === null);
    const { a, b: rb } = w.store.getState().reports!;
    expect(a.hints.created).toBeGreaterThan(0);
    expect(rb.hints.created).toBe(0);
    expect(rb.replication.underReplicated).toBeGreaterThan(a.replication.underReplicated);
    expect(rb.reads.stale).toBeGreaterThan(a.reads.stale);
  });
});
