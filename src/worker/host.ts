// Hosts one Simulation and paces it against wall-clock time. Knows nothing of Workers:
// it talks through an endpoint and reads time through a clock, so tests drive it by hand.
import { createSession as defaultCreateSimulation, parseScenario, runUpTo, startReplay as defaultStartReplay } from '../engine';
import type { Frame, FromWorker, KeyInspection, LoggedCommand, LogEvent, MetricsSample, Report, Simulation, Timeline, ToWorker } from '../protocol';
import { packFrame, SPEEDS } from '../protocol';
import { createCheckpoints, type CheckpointOptions } from './checkpoints';
import { createLessonRunner } from './lessonRunner';
import { buildTimeline, type FaultLike } from './timeline';

export interface Endpoint {
  /** `transfer`: buffers handed over with the message (a frame's packed columns). */
  postMessage(msg: FromWorker, transfer?: ArrayBuffer[]): void;
  setHandler(fn: (msg: ToWorker) => void): void;
}

export interface WallClock {
  /** Wall time, ms (performance.now() in the worker). */
  now(): number;
  /** Runs fn once after about ms wall milliseconds. */
  schedule(fn: () => void, ms: number): void;
}

export interface HostOptions {
  /** Wall ms between pacing ticks. */
  tickMs?: number;
  /** Wall ms one slice may spend simulating before yielding (keeps commands responsive). */
  sliceBudgetMs?: number;
  /** Events processed between two looks at the wall clock. */
  eventsPerChunk?: number;
  /** Wall ms of one tick never counted beyond this (a throttled background tab, a debugger stop). */
  maxWallDeltaMs?: number;
  /** Log events carried by one frame; older ones are counted in logSkipped. */
  maxLogPerFrame?: number;
  /** Messages in flight carried by one frame. */
  maxMessages?: number;
  /** Wall ms between two chart samples (a sample costs a pass over the keys). */
  sampleEveryMs?: number;
  /**
   * At most this share of wall time goes to chart samples: with 100,000 keys a sample takes
   * ~30 ms, and ten a second would take a third of a core from the engine and the page.
   */
  maxSampleShare?: number;
  /** Wall ms between two refreshes of the inspected key. */
  inspectEveryMs?: number;
  createSimulation?: (scenario: unknown, log?: unknown) => Simulation;
  /**
   * Rebuilds a session from a command log a slice at a time (an imported file, a share link):
   * the running simulation goes on until the new one is complete, then they swap. Without it
   * (or with a custom createSimulation) init replays the log at once.
   */
  startReplay?: (scenario: unknown, log: unknown) => { readonly sim: Simulation; readonly progress: number; run(maxEvents: number): boolean };
  /** Checkpoints kept while running, so seeking back re-runs from the nearest (./checkpoints); false: none. */
  checkpoints?: CheckpointOptions | false;
}

export interface Host {
  /** For tests and debugging: the hosted simulation, if any. */
  readonly simulation: Simulation | null;
  readonly playing: boolean;
  readonly speed: number;
  readonly frameInFlight: boolean;
  /** For tests and the benchmark: the checkpoints held. */
  checkpointStats(): ReturnType<ReturnType<typeof createCheckpoints>['stats']>;
}

const MIN_SPEED = Math.min(...SPEEDS);
const MAX_SPEED = Math.max(...SPEEDS);

export function createHost(endpoint: Endpoint, clock: WallClock, options: HostOptions = {}): Host {
  const tickMs = options.tickMs ?? 16;
  const sliceBudgetMs = options.sliceBudgetMs ?? 8;
  const eventsPerChunk = options.eventsPerChunk ?? 500;
  const maxWallDeltaMs = options.maxWallDeltaMs ?? 250;
  const maxLog = options.maxLogPerFrame ?? 200;
  const maxMessages = options.maxMessages ?? 3000;
  const create = options.createSimulation ?? defaultCreateSimulation;
  const sampleEveryMs = options.sampleEveryMs ?? 100;
  const maxSampleShare = options.maxSampleShare ?? 0.1;
  const inspectEveryMs = options.inspectEveryMs ?? 200;
  const startReplay = options.startReplay ?? (options.createSimulation ? null : defaultStartReplay);

  let sim: Simulation | null = null;
  let playing = false;
  let speed = 1;
  /** Simulated time the pacing loop aims at while playing. */
  let target = 0;
  let lastWall = 0;
  let jump: { from: number; to: number } | null = null;
  let tickScheduled = false;
  let frameInFlight = false;
  let dirty = false;
  let log: LogEvent[] = [];
  let logSkipped = 0;
  let scenarioInput: unknown = null;
  /** After a seek back: the commands that came later, replayed as time reaches them. */
  let future: LoggedCommand[] = [];
  let samples: MetricsSample[] = [];
  let lastSampleWall = -Infinity;
  let lastSampleSim = -1;
  /** Wall ms the last sample took. */
  let sampleCost = 0;
  let inspectKey: string | null = null;
  let inspection: KeyInspection | null = null;
  let lastInspectWall = -Infinity;
  /** A session being rebuilt from its log, in slices, before it replaces the running one. */
  let staging: { replay: NonNullable<ReturnType<NonNullable<HostOptions['startReplay']>>>; scenario: unknown; lastPostWall: number } | null = null;
  const checkpoints = createCheckpoints(options.checkpoints === false ? { max: 2, maxCells: 0 } : options.checkpoints);
  const useCheckpoints = options.checkpoints !== false;
  /** Time travel: the furthest moment the current run reached, the scenario's faults, the last seek handled. */
  let horizon = 0;
  let scenarioFaults: FaultLike[] = [];
  let seekId: number | undefined;
  /**
   * After a seek back: the moment the UI's history (samples, log) is kept up to. The re-run up to
   * it repeats what the UI already holds, so its samples and events are not sent again; once the
   * run reaches it (or stops short of it, or forks before it) the host is live again.
   */
  let replayFloor: number | null = null;
  let timeline: { key: string; value: Timeline } | null = null;

  function currentTimeline(s: Simulation): Timeline {
    horizon = Math.max(horizon, s.now);
    const key = `${horizon}/${s.commandLog.length}/${future.length}/${future[0]?.at ?? ''}`;
    if (timeline?.key !== key) timeline = { key, value: buildTimeline(horizon, scenarioFaults, s.commandLog, future) };
    return timeline.value;
  }

  const post = (msg: FromWorker) => endpoint.postMessage(msg);
  const fail = (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) });

  function collectLog(): void {
    if (!sim) return;
    const drained = sim.drainLog(maxLog);
    let events = drained.events;
    if (replayFloor !== null) {
      // The re-run's events up to the floor are the ones the UI kept; so are the skipped ones before them.
      const floor = replayFloor;
      if ((events[0]?.at ?? Infinity) > floor) logSkipped += drained.skipped;
      events = events.filter((e) => e.at > floor);
      if (sim.now >= floor) replayFloor = null;
    } else logSkipped += drained.skipped;
    if (events.length === 0) return;
    log = log.concat(events);
    if (log.length > maxLog) {
      logSkipped += log.length - maxLog;
      log = log.slice(log.length - maxLog);
    }
  }

  function sample(force = false): void {
    if (!sim || sim.now === lastSampleSim) return;
    if (replayFloor !== null && sim.now < replayFloor) return; // the UI holds the samples up to the floor
    const wall = clock.now();
    if (!force && wall - lastSampleWall < Math.max(sampleEveryMs, sampleCost / maxSampleShare)) return;
    lastSampleWall = wall;
    lastSampleSim = sim.now;
    samples.push(sim.metrics());
    sampleCost = clock.now() - wall;
  }

  function refreshInspection(force = false): void {
    if (!sim || inspectKey === null) {
      inspection = null;
      return;
    }
    const wall = clock.now();
    if (!force && wall - lastInspectWall < inspectEveryMs) return;
    lastInspectWall = wall;
    inspection = sim.inspectKey(inspectKey);
  }

  /**
   * A seek's re-run that no longer heads for its floor (paused, stepped, cut short by another
   * jump or seek) ends the floor where it stands: the UI drops its history beyond this moment.
   */
  function settleFloor(): void {
    if (replayFloor === null || !sim || jump) return;
    collectLog();
    if (replayFloor !== null && sim.now < replayFloor) post({ type: 'rewound', now: sim.now });
    replayFloor = null;
  }

  function flush(): void {
    if (!sim || frameInFlight || !dirty) return;
    settleFloor();
    collectLog();
    // While time runs, samples and the inspection are throttled; once it stops, the frame is exact.
    const idle = !playing && !jump;
    sample(idle);
    refreshInspection(idle);
    const frame: Frame = {
      ...sim.snapshot(maxMessages),
      playing,
      speed,
      log,
      logSkipped,
      jumpProgress: jump ? Math.min(1, Math.max(0, (sim.now - jump.from) / Math.max(1e-9, jump.to - jump.from))) : null,
      jumpTarget: jump ? jump.to : null,
      samples,
      inspection,
      until: sim.until,
      future: future.length,
      timeline: currentTimeline(sim),
      ...(seekId === undefined ? {} : { seekId }),
    };
    samples = [];
    log = [];
    logSkipped = 0;
    dirty = false;
    frameInFlight = true;
    // The bulky parts go as typed arrays, transferred rather than cloned.
    const wire = packFrame(frame);
    endpoint.postMessage({ type: 'frame', frame: wire.frame }, wire.transfer);
  }

  function changed(): void {
    dirty = true;
    flush();
  }

  function ensureTick(): void {
    if (tickScheduled || (!staging && (!sim || (!playing && !jump)))) return;
    tickScheduled = true;
    clock.schedule(tick, tickMs);
  }

  /**
   * Runs events up to `to` for at most one slice budget, applying queued future commands at their
   * moments on the way. Returns true when `to` was reached.
   */
  function runSlice(s: Simulation, to: number): boolean {
    const start = clock.now();
    for (;;) {
      const next = future[0];
      // A logged command was applied right after everything due at (its time − 1 µs).
      const cmdAt = next ? runUpTo(next.at) : Infinity;
      if (s.advanceTo(Math.min(to, cmdAt), eventsPerChunk)) {
        if (!next || cmdAt > to) return true;
        future.shift();
        s.apply(next.command);
        continue;
      }
      if (clock.now() - start >= sliceBudgetMs) return false;
    }
  }

  /** One slice of the staged replay; swaps it in when complete, drops it on an error. */
  function stageSlice(): void {
    const st = staging;
    if (!st) return;
    const start = clock.now();
    try {
      for (;;) {
        if (st.replay.run(eventsPerChunk)) {
          staging = null;
          post({ type: 'importProgress', progress: null });
          install(st.replay.sim, st.scenario, false);
          return;
        }
        if (clock.now() - start >= sliceBudgetMs) break;
      }
    } catch (err) {
      staging = null;
      post({ type: 'importProgress', progress: null });
      fail(err); // the running simulation, if any, stays as it was
      return;
    }
    if (start - st.lastPostWall >= 100) {
      st.lastPostWall = start;
      post({ type: 'importProgress', progress: st.replay.progress });
    }
  }

  function cancelStaging(why: string): void {
    if (!staging) return;
    staging = null;
    post({ type: 'importProgress', progress: null });
    post({ type: 'error', message: why });
  }

  function tick(): void {
    tickScheduled = false;
    if (staging) {
      stageSlice();
      if (!sim || (!playing && !jump)) {
        ensureTick();
        return;
      }
    }
    const s = sim;
    if (!s) return;
    const wall = clock.now();
    const wallDelta = Math.min(maxWallDeltaMs, Math.max(0, wall - lastWall));
    lastWall = wall;
    try {
      if (jump) {
        if (runSlice(s, jump.to)) {
          jump = null;
          target = s.now;
          lessons.jumpDone();
        }
      } else if (playing) {
        target = Math.min(s.until, Math.max(target, s.now) + wallDelta * speed);
        // Too much to do in one slice: let simulated time lag instead of blocking.
        if (!runSlice(s, target)) target = s.now;
        if (s.now >= s.until) playing = false;
      }
    } catch (err) {
      playing = false;
      jump = null;
      fail(err);
    }
    collectLog();
    if (useCheckpoints && sim === s) {
      try {
        checkpoints.maybeTake(s, () => clock.now());
      } catch (err) {
        fail(err);
      }
    }
    sample();
    changed();
    ensureTick();
  }

  function startPacing(): void {
    lastWall = clock.now();
    if (sim) target = sim.now;
    ensureTick();
  }

  function requireSim(): Simulation | null {
    if (!sim) post({ type: 'error', message: 'No simulation yet: the app sends init first.' });
    return sim;
  }

  function init(scenario: unknown, commands?: unknown, keepFuture = false): void {
    if (!keepFuture) cancelStaging('Opening the session was cancelled: another one was started. The running session is unchanged.');
    if (!keepFuture && startReplay && Array.isArray(commands) && commands.length > 0) {
      // A session with a log: validated now, rebuilt in slices, swapped in when complete.
      try {
        staging = { replay: startReplay(scenario, commands), scenario, lastPostWall: clock.now() };
      } catch (err) {
        fail(err); // the running simulation, if any, stays as it was
        return;
      }
      post({ type: 'importProgress', progress: 0 });
      ensureTick();
      return;
    }
    let next: Simulation;
    try {
      next = create(scenario, commands);
    } catch (err) {
      fail(err); // the running simulation, if any, stays as it was
      return;
    }
    install(next, scenario, keepFuture);
  }

  /** Makes `next` the hosted simulation (paused) and tells the UI; a new session starts a new timeline. */
  function install(next: Simulation, scenario: unknown, keepFuture: boolean): void {
    if (!keepFuture) {
      future = [];
      checkpoints.clear();
      horizon = 0;
      try {
        scenarioFaults = parseScenario(scenario).faults;
      } catch {
        scenarioFaults = [];
      }
    }
    adopt(next, scenario, keepFuture ? seekTarget : null);
  }

  /** The moment a seek back goes to, while it installs the simulation it re-runs from. */
  let seekTarget: number | null = null;

  /**
   * Makes `next` the hosted simulation: a new one (the UI starts over: `ready`), or, with
   * `rewoundTo`, the one a seek back re-runs from (the UI keeps its history up to that moment:
   * `rewound`).
   */
  function adopt(next: Simulation, scenario: unknown, rewoundTo: number | null = null): void {
    if (rewoundTo === null) {
      log = [];
      logSkipped = 0;
      samples = [];
    } else {
      // What the old run had not sent yet up to that moment is still the run's history.
      collectLog();
      log = log.filter((e) => e.at <= rewoundTo);
      samples = samples.filter((m) => m.now <= rewoundTo);
    }
    replayFloor = rewoundTo !== null && rewoundTo > next.now ? rewoundTo : null;
    sim = next;
    scenarioInput = scenario;
    playing = false;
    jump = null;
    target = next.now;
    lastSampleSim = -1;
    sample(true);
    refreshInspection(true);
    if (rewoundTo === null) {
      post({ type: 'ready', cluster: next.info });
      changed();
      return;
    }
    post({ type: 'rewound', now: rewoundTo });
    dirty = true; // the seek sends the frame once its re-run is under way
  }

  // Lessons: a step's commands take the very path of a user's `command` message.
  const lessons = createLessonRunner({
    init: (scenario) => {
      const before = sim;
      init(scenario);
      return sim !== before;
    },
    simulation: () => sim,
    command: (command) => handle({ type: 'command', command }),
    jumpBy: (ms) => {
      if (!sim) return;
      playing = false;
      jump = { from: sim.now, to: Math.min(sim.until, sim.now + ms) };
      startPacing();
      changed();
    },
    pause: () => {
      playing = false;
    },
    post,
  });

  /** What a user's time control does to a lesson step that is running (it cuts it short). */
  const INTERRUPTS: Partial<Record<ToWorker['type'], string>> = { pause: 'pausing', cancelJump: 'cancelling the jump', step: 'stepping', jump: 'another jump', jumpTo: 'another jump', seek: 'time travel' };

  function handle(msg: ToWorker): void {
    const cut = INTERRUPTS[msg.type];
    if (cut) lessons.interrupt(cut);
    if (msg.type === 'seek') lessons.invalidate();
    switch (msg.type) {
      case 'init':
        lessons.leave();
        init(msg.scenario, msg.log);
        return;
      case 'cancelImport':
        cancelStaging('Opening the session was cancelled. The running session is unchanged.');
        return;
      case 'seek': {
        const s = requireSim();
        if (!s) return;
        // Acknowledged whatever comes of it, so the UI's next drag target is never held back.
        if (typeof msg.id === 'number' && Number.isFinite(msg.id)) seekId = msg.id;
        if (typeof msg.atMs !== 'number' || !Number.isFinite(msg.atMs) || msg.atMs < 0) {
          post({ type: 'error', message: `seek.atMs: expected a time in ms, got ${String(msg.atMs)}` });
          changed();
          return;
        }
        const at = Math.min(s.until, msg.atMs);
        if (at < s.now) {
          // Back in time: re-run from the latest checkpoint at or before the moment (or from the
          // start), keeping later commands queued: they replay as time reaches them.
          const all = [...s.commandLog, ...future];
          const past = all.filter((c) => c.at <= at).length;
          const cp = useCheckpoints ? checkpoints.before(at, past) : null;
          if (cp) {
            adopt(checkpoints.restore(cp), scenarioInput, at);
            future = all.slice(cp.commands);
          } else {
            // From the start, as a jump in slices (with progress, taking checkpoints on the way)
            // rather than one blocking replay: every command is queued and applied at its moment.
            seekTarget = at;
            try {
              init(scenarioInput, [], true);
            } finally {
              seekTarget = null;
            }
            future = all;
          }
        }
        if (at > sim!.now) {
          jump = { from: sim!.now, to: at };
          startPacing();
        }
        changed();
        return;
      }
      case 'frameAck':
        frameInFlight = false;
        flush();
        return;
      case 'play':
        if (!requireSim()) return;
        if (!playing) {
          playing = true;
          startPacing();
        }
        changed();
        return;
      case 'pause':
        if (!requireSim()) return;
        playing = false;
        jump = null; // pausing also stops a jump where it is
        changed();
        return;
      case 'setSpeed': {
        if (typeof msg.speed !== 'number' || !Number.isFinite(msg.speed)) {
          post({ type: 'error', message: `speed: expected a number, got ${String(msg.speed)}` });
          return;
        }
        speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, msg.speed));
        if (sim) changed();
        return;
      }
      case 'step': {
        const s = requireSim();
        if (!s) return;
        playing = false;
        jump = null;
        settleFloor();
        try {
          s.step();
        } catch (err) {
          fail(err);
        }
        target = s.now;
        changed();
        return;
      }
      case 'jump':
      case 'jumpTo': {
        const s = requireSim();
        if (!s) return;
        const amount = msg.type === 'jump' ? msg.byMs : msg.atMs;
        if (typeof amount !== 'number' || !Number.isFinite(amount) || (msg.type === 'jump' && amount <= 0)) {
          post({ type: 'error', message: msg.type === 'jump' ? `jump.byMs: expected a positive number of ms, got ${String(amount)}` : `jumpTo.atMs: expected a time in ms, got ${String(amount)}` });
          return;
        }
        const from = jump ? jump.from : s.now;
        const to = Math.min(s.until, msg.type === 'jump' ? (jump ? jump.to : s.now) + amount : amount);
        if (to <= s.now) {
          post({ type: 'error', message: msg.type === 'jump' || s.now >= s.until ? 'jump: the scenario has reached its end time' : 'jumpTo.atMs: that time has passed (seek goes back in time)' });
          return;
        }
        jump = { from, to };
        startPacing();
        changed();
        return;
      }
      case 'cancelJump':
        if (!requireSim()) return;
        jump = null;
        target = sim!.now;
        changed();
        return;
      case 'inspect': {
        if (msg.key !== null && (typeof msg.key !== 'string' || msg.key.length === 0 || msg.key.length > 256)) {
          post({ type: 'error', message: 'key: expected a key of 1..256 characters' });
          return;
        }
        inspectKey = msg.key;
        refreshInspection(true);
        if (sim) changed();
        return;
      }
      case 'exportSession': {
        const s = requireSim();
        if (!s) return;
        post({ type: 'session', scenario: scenarioInput, commandLog: [...s.commandLog], traceHash: s.traceHash(), now: s.now });
        return;
      }
      case 'report': {
        const s = requireSim();
        if (!s) return;
        post({ type: 'report', report: s.report() as Report, now: s.now });
        return;
      }
      case 'command': {
        const s = requireSim();
        if (!s) return;
        // A command before a seek's re-run reached its moment forks there: the UI's history beyond goes.
        if (replayFloor !== null) {
          collectLog();
          if (replayFloor !== null && s.now < replayFloor) post({ type: 'rewound', now: s.now });
          replayFloor = null;
        }
        try {
          s.apply(msg.command);
          // A new command after a seek back forks the run: the old future is discarded, and so
          // are the checkpoints taken beyond this moment.
          if (future.length > 0) {
            future = [];
            horizon = s.now;
          }
          checkpoints.forkedAt(s.now, s.commandLog.length - 1);
          // The engine queues a command just after now; while paused, run up to it so the
          // lecturer sees its effect at once (while playing the next tick does it).
          const at = s.commandLog[s.commandLog.length - 1]?.at;
          if (!playing && !jump && at !== undefined && at > s.now) s.advanceTo(at);
        } catch (err) {
          fail(err);
          return;
        }
        collectLog();
        refreshInspection(true);
        changed();
        return;
      }
      case 'lesson':
        lessons.handle(msg);
        return;
      default: {
        const unknown: { type?: unknown } = msg;
        post({ type: 'error', message: `Unknown message type: ${String(unknown.type)}` });
      }
    }
  }

  endpoint.setHandler((msg) => {
    try {
      handle(msg);
    } catch (err) {
      fail(err);
    }
  });

  return {
    get simulation() {
      return sim;
    },
    get playing() {
      return playing;
    },
    get speed() {
      return speed;
    },
    get frameInFlight() {
      return frameInFlight;
    },
    checkpointStats: () => checkpoints.stats(),
  };
}
