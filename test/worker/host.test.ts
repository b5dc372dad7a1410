// Drives the worker host with an in-memory endpoint and a manual wall clock.
import { describe, expect, it } from 'vitest';
import { createSession, defaultScenario } from '../../src/engine';
import type { FromWorker, Simulation } from '../../src/protocol';
import type { HostOptions } from '../../src/worker/host';
import { createHarness } from './harness';

const harness = (options: HostOptions = {}) => createHarness(options);

describe('worker host', () => {
  it('answers init with ready (the cluster info) and a first frame', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    expect(h.out[0]).toMatchObject({ type: 'ready', cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], replicationFactor: 3 } });
    expect(h.out[1]).toMatchObject({ type: 'frame', frame: { now: 0, playing: false, jumpProgress: null } });
    expect(h.lastFrame()!.nodes).toHaveLength(6);
  });

  it('while playing, advancing the wall clock advances simulated time by wall × speed', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    h.send({ type: 'setSpeed', speed: 10 });
    h.send({ type: 'frameAck' });
    h.send({ type: 'play' });
    h.send({ type: 'frameAck' });
    const wall = h.runAcking(1000);
    const f = h.lastFrame()!;
    expect(f.playing).toBe(true);
    expect(f.speed).toBe(10);
    // The manual clock never moves during a slice, so nothing lags: exactly wall × 10.
    expect(f.now).toBe(wall * 10);
    h.send({ type: 'pause' });
    h.send({ type: 'frameAck' });
    const paused = h.lastFrame()!.now;
    h.runAcking(500);
    expect(h.lastFrame()!.now).toBe(paused);
    expect(h.lastFrame()!.playing).toBe(false);
  });

  it('keeps at most one frame in flight until frameAck, and the next frame carries the latest state', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'play' });
    h.advance(2000); // ~125 ticks, no acks
    expect(h.frames()).toHaveLength(1);
    expect(h.host.frameInFlight).toBe(true);
    h.send({ type: 'frameAck' });
    expect(h.frames()).toHaveLength(2);
    expect(h.lastFrame()!.now).toBeGreaterThan(1_500);
    h.advance(100);
    expect(h.frames()).toHaveLength(2);
  });

  it('merges the log events of unacknowledged ticks into the next frame', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'command', command: { type: 'kill', node: 'D' } }); // one fault event while the first frame is out
    h.send({ type: 'frameAck' });
    const f = h.lastFrame()!;
    expect(h.frames()).toHaveLength(2);
    expect(f.log.some((e) => e.kind === 'fault' && e.node === 'D')).toBe(true);
    expect(f.nodes.find((n) => n.id === 'D')!.up).toBe(false);
  });

  it('bounds the log a frame carries and counts what it skipped', () => {
    const h = harness({ maxLogPerFrame: 5 });
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    h.send({ type: 'command', command: { type: 'kill', node: 'D' } });
    h.send({ type: 'command', command: { type: 'workload', rate: 200, keys: 100, writeRatio: 1, consistency: 'ONE' } });
    h.send({ type: 'setSpeed', speed: 10 });
    h.send({ type: 'play' });
    h.advance(3000); // no acks: everything piles up for the next frame
    h.send({ type: 'frameAck' });
    const f = h.lastFrame()!;
    expect(f.log.length).toBe(5);
    expect(f.logSkipped).toBeGreaterThan(0);
    const seqs = f.log.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});

describe('worker host: errors, jumps and speed', () => {
  it('a bad init scenario posts an error naming the field and keeps the old simulation', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    const before = h.host.simulation;
    h.send({ type: 'init', scenario: { ...defaultScenario(), cluster: { nodes: [], vnodes: 8, replicationFactor: 3 } } });
    const err = h.errors().at(-1);
    expect(err).toBeDefined();
    expect(err).toMatchObject({ type: 'error', message: expect.stringContaining('cluster.nodes') });
    expect(h.host.simulation).toBe(before);
    expect(h.out.filter((m) => m.type === 'ready')).toHaveLength(1);
    // and it still runs
    h.send({ type: 'step' });
    h.send({ type: 'frameAck' });
    expect(h.lastFrame()!.nodes).toHaveLength(6);
  });

  it('a bad command posts an error and the simulation goes on', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'command', command: { type: 'kill', node: 'Z' } });
    expect(h.errors()).toHaveLength(1);
    h.send({ type: 'frameAck' });
    h.send({ type: 'jump', byMs: 5_000 });
    h.runAcking(2000);
    expect(h.lastFrame()!.now).toBeGreaterThanOrEqual(5_000);
  });

  it('jump runs to now + byMs in slices, reporting progress, then stops', () => {
    const h = harness({ eventsPerChunk: 50, sliceBudgetMs: 0 });
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    h.send({ type: 'jump', byMs: 60_000 });
    h.runAcking(5000);
    const progress = h.frames().map((f) => f.jumpProgress).filter((p): p is number => p !== null);
    expect(progress.length).toBeGreaterThan(2); // it took several slices
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    const last = h.lastFrame()!;
    expect(last.jumpProgress).toBeNull();
    expect(last.now).toBe(60_000);
    expect(last.playing).toBe(false);
  });

  it('pause stops a jump where it is', () => {
    const h = harness({ eventsPerChunk: 20, sliceBudgetMs: 0 });
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    h.send({ type: 'jump', byMs: 600_000 });
    h.runAcking(64);
    h.send({ type: 'pause' });
    h.send({ type: 'frameAck' });
    const at = h.lastFrame()!.now;
    expect(at).toBeLessThan(600_000);
    expect(h.lastFrame()!.jumpProgress).toBeNull();
    h.runAcking(500);
    expect(h.lastFrame()!.now).toBe(at);
  });

  it('clamps speed to the supported range and rejects commands before init', () => {
    const h = harness();
    h.send({ type: 'play' });
    expect(h.errors()).toHaveLength(1);
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'setSpeed', speed: 1e6 });
    expect(h.host.speed).toBe(10_000);
    h.send({ type: 'setSpeed', speed: 0 });
    expect(h.host.speed).toBe(0.1);
  });
});

describe('worker host: jumps, samples, inspection, export', () => {
  it('jumpTo runs to the time with its target in the frame; cancelJump stops it where it is', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    h.send({ type: 'jumpTo', atMs: 600_000 });
    expect(h.lastFrame()!.jumpTarget).toBe(600_000);
    h.send({ type: 'cancelJump' });
    h.runAcking(200);
    expect(h.host.simulation!.now).toBe(0);
    h.send({ type: 'jumpTo', atMs: 600_000 });
    h.runAcking(32);
    expect(h.host.simulation!.now).toBe(600_000);
    expect(h.lastFrame()!.jumpTarget).toBeNull();
    h.send({ type: 'jumpTo', atMs: 1 });
    expect(h.errors().at(-1)).toMatchObject({ message: expect.stringMatching(/jumpTo\.atMs/) });
  });

  it('sends chart samples and the inspected key in frames', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'inspect', key: 'user:42' });
    h.send({ type: 'command', command: { type: 'write', key: 'user:42', value: 'alice', consistency: 'ALL' } });
    h.send({ type: 'jump', byMs: 5_000 });
    h.runAcking(400);
    const frames = h.frames();
    const last = frames.at(-1)!;
    expect(last.inspection?.key).toBe('user:42');
    expect(last.inspection?.preferenceList.filter((p) => p.replica).every((p) => p.versions[0]?.value === 'alice')).toBe(true);
    expect(frames.flatMap((f) => f.samples).length).toBeGreaterThan(0);
    h.send({ type: 'inspect', key: '' });
    expect(h.errors().at(-1)).toMatchObject({ message: expect.stringMatching(/^key: /) });
  });

  it('exports the session: the scenario as given and the command log', () => {
    const h = harness();
    const scenario = defaultScenario();
    h.send({ type: 'init', scenario });
    h.send({ type: 'command', command: { type: 'kill', node: 'C' } });
    h.send({ type: 'exportSession' });
    const session = h.out.find((m) => m.type === 'session');
    expect(session).toMatchObject({ type: 'session', scenario, commandLog: [{ command: { type: 'kill', node: 'C' } }] });
  });

  it('exports the report of the current moment', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'command', command: { type: 'kill', node: 'C' } });
    h.send({ type: 'report' });
    const msg = h.out.find((m) => m.type === 'report');
    expect(msg).toMatchObject({ type: 'report', report: { format: 'hintscope/report@1', nodes: { C: { state: 'down' } } } });
    expect((msg as { report: { traceHash: string } }).report.traceHash).toBe(h.host.simulation!.traceHash());
  });

  it('a refused init (a bad log) leaves the running simulation as it was', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'command', command: { type: 'kill', node: 'C' } });
    const before = h.host.simulation;
    const hash = before!.traceHash();
    h.send({ type: 'init', scenario: defaultScenario(), log: [{ at: 5, command: { type: 'dropMessage', id: 987654 } }] });
    h.advance(100); // the log is replayed in slices, on the side
    expect(h.errors().at(-1)).toMatchObject({ message: expect.stringMatching(/^log\[0\]\.command\.id: /) });
    expect(h.host.simulation).toBe(before);
    expect(h.host.simulation!.traceHash()).toBe(hash);
  });
});

describe('worker host: opening a session with a log', () => {
  /** Like harness(), but every look at the wall clock costs 0.25 ms, so slices end. */
  const slowHarness = (options: HostOptions) => createHarness(options, { msPerRead: 0.25 });
  const busy = () => ({ ...defaultScenario(), workload: [{ from: 0, to: '1h', rate: 200, keys: 100 }] });
  const log = [
    { at: 5_000.001, command: { type: 'kill', node: 'C' } },
    { at: 40_000.001, command: { type: 'restart', node: 'C' } },
  ];

  it('rebuilds it in slices while the running session goes on, then swaps it in (same trace hash)', () => {
    const h = slowHarness({ sliceBudgetMs: 1, eventsPerChunk: 50 });
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'play' });
    const running = h.host.simulation!;
    h.runAcking(32);
    h.send({ type: 'init', scenario: busy(), log });
    // Not yet: the replay needs many slices (each one wall ms); the old run still plays.
    h.runAcking(48);
    expect(h.host.simulation).toBe(running);
    const progress = h.out.filter((m) => m.type === 'importProgress').map((m) => (m as { progress: number | null }).progress);
    expect(progress[0]).toBe(0);
    const before = running.now;
    h.runAcking(32);
    expect(running.now).toBeGreaterThan(before);
    // Now let it finish.
    for (let i = 0; i < 20_000 && h.host.simulation === running; i++) h.advance(16);
    expect(h.host.simulation).not.toBe(running);
    expect(h.out.filter((m) => m.type === 'importProgress').at(-1)).toEqual({ type: 'importProgress', progress: null });
    expect(h.out.filter((m) => m.type === 'ready')).toHaveLength(2);
    const expected = createSession(busy(), log);
    expect(h.host.simulation!.traceHash()).toBe(expected.traceHash());
    expect(h.host.simulation!.now).toBe(expected.now);
    expect(h.host.playing).toBe(false);
  });

  it('Cancel stops the replay; the running session stays', () => {
    const h = slowHarness({ sliceBudgetMs: 1, eventsPerChunk: 50 });
    h.send({ type: 'init', scenario: defaultScenario() });
    const running = h.host.simulation!;
    h.send({ type: 'init', scenario: busy(), log });
    h.advance(32);
    h.send({ type: 'cancelImport' });
    expect(h.errors().at(-1)).toMatchObject({ message: expect.stringMatching(/cancelled/) });
    for (let i = 0; i < 200; i++) h.advance(16);
    expect(h.host.simulation).toBe(running);
    expect(h.out.filter((m) => m.type === 'ready')).toHaveLength(1);
  });

  it('refuses a malformed log before replaying anything', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    const running = h.host.simulation;
    h.send({ type: 'init', scenario: defaultScenario(), log: [{ at: 10, command: { type: 'kill', node: 'z' } }] });
    expect(h.errors().at(-1)).toMatchObject({ message: 'log[0].command.node: unknown node "z"' });
    expect(h.host.simulation).toBe(running);
    expect(h.out.some((m) => m.type === 'importProgress')).toBe(false);
  });
});

describe('worker host: time travel', () => {
  it('seeking back re-runs deterministically; moving forward replays the later commands to the same trace hash', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    h.send({ type: 'command', command: { type: 'workload', rate: 30, keys: 50, writeRatio: 0.8, consistency: 'QUORUM' } });
    h.send({ type: 'jumpTo', atMs: 20_000 });
    h.runAcking(64);
    h.send({ type: 'command', command: { type: 'kill', node: 'C' } });
    h.send({ type: 'jumpTo', atMs: 60_000 });
    h.runAcking(64);
    const sim = () => h.host.simulation!;
    const hashAt60 = sim().traceHash();
    expect(sim().now).toBe(60_000);

    h.send({ type: 'seek', atMs: 10_000 });
    h.runAcking(64);
    expect(sim().now).toBe(10_000);
    expect(h.lastFrame()!.future).toBe(1);
    expect(h.lastFrame()!.nodes.find((n) => n.id === 'C')!.up).toBe(true);

    h.send({ type: 'seek', atMs: 60_000 });
    h.runAcking(64);
    expect(sim().now).toBe(60_000);
    expect(sim().traceHash()).toBe(hashAt60);
    expect(h.lastFrame()!.nodes.find((n) => n.id === 'C')!.up).toBe(false);
  });

  it('a new command after a seek back forks the run: the old future is discarded', () => {
    const h = harness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    h.send({ type: 'jumpTo', atMs: 20_000 });
    h.runAcking(32);
    h.send({ type: 'command', command: { type: 'kill', node: 'C' } });
    h.send({ type: 'jumpTo', atMs: 40_000 });
    h.runAcking(32);
    h.send({ type: 'seek', atMs: 10_000 });
    h.runAcking(32);
    h.send({ type: 'command', command: { type: 'kill', node: 'D' } });
    h.send({ type: 'seek', atMs: 40_000 });
    h.runAcking(64);
    const nodes = h.lastFrame()!.nodes;
    expect(nodes.find((n) => n.id === 'C')!.up).toBe(true);
    expect(nodes.find((n) => n.id === 'D')!.up).toBe(false);
    expect(h.lastFrame()!.future).toBe(0);
  });
});

describe('worker host: what it costs the page', () => {
  it('posts the bulky parts of a frame as transferred buffers', () => {
    const posted: { msg: FromWorker; transfer: ArrayBuffer[] }[] = [];
    const h = createHarness({}, { onPost: (msg, transfer) => posted.push({ msg, transfer }) });
    h.send({ type: 'init', scenario: defaultScenario() });
    const frame = posted.find((p) => p.msg.type === 'frame')!;
    expect(frame.transfer.length).toBeGreaterThan(10);
    expect(frame.transfer.every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('keeps chart samples to a tenth of wall time when one is costly (a pass over 100,000 keys)', () => {
    let metricsCalls = 0;
    const h = createHarness({
      createSimulation: (scenario): Simulation => {
        const sim = createSession(scenario);
        const metrics = sim.metrics.bind(sim);
        // Each sample takes 40 ms of wall time.
        sim.metrics = () => {
          metricsCalls++;
          h.spend(40);
          return metrics();
        };
        return sim;
      },
    });
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'play' });
    const start = h.wallMs();
    metricsCalls = 0;
    while (h.wallMs() - start < 4000) {
      if (!h.fireNext()) break;
      h.send({ type: 'frameAck' });
    }
    // Every 100 ms would be ~40 samples in 4 s; at most 10 % of the time is one per 400 ms.
    expect(metricsCalls).toBeGreaterThan(5);
    expect(metricsCalls).toBeLessThanOrEqual(11);
    expect(h.out.some((m) => m.type === 'frame')).toBe(true);
  });
});
