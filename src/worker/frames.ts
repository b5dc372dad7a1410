// Frames and backpressure: one frame in flight, the latest state wins. What changes between two
// frames is gathered here (log events, chart samples, the inspected key); the next frame goes when
// the UI acks the last. After a seek back, the replay floor keeps out what the UI already holds.
import type { Frame, Simulation, Timeline } from '../protocol';
import { packFrame } from '../protocol';
import { post, type HostState } from './state';
import { buildTimeline } from './timeline';

/**
 * Keeps at most `max` events, in their order, the workload's operations going first when some
 * must go: a jump logs thousands of them, and they must not push a kill or a conviction out.
 */
export function boundEvents<T extends { workload?: true }>(events: readonly T[], max: number): { kept: T[]; dropped: number } {
  if (events.length <= max) return { kept: events.slice(), dropped: 0 };
  let others = 0;
  for (const e of events) if (!e.workload) others++;
  // The newest of each kind: all the others that fit, then the newest workload operations.
  let keepOthers = Math.min(others, max);
  let keepWorkload = max - keepOthers;
  const kept: T[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.workload ? keepWorkload-- > 0 : keepOthers-- > 0) kept.push(e);
  }
  kept.reverse();
  return { kept, dropped: events.length - kept.length };
}

/** Moves the simulation's new log events into the next frame's bounded buffer. */
export function collectLog(s: HostState): void {
  if (!s.sim) return;
  const { maxLog } = s.config;
  const drained = s.sim.drainLog(Infinity);
  // The lesson hears every event (a caption may name one the bounded log drops).
  s.lessons.heard(drained.events);
  const bounded = boundEvents(drained.events, maxLog);
  drained.skipped += bounded.dropped;
  let events = bounded.kept;
  if (s.replayFloor !== null) {
    // The re-run's events up to the floor are the ones the UI kept; so are the skipped ones before them.
    const floor = s.replayFloor;
    if ((events[0]?.at ?? Infinity) > floor) s.logSkipped += drained.skipped;
    events = events.filter((e) => e.at > floor);
    if (s.sim.now >= floor) s.replayFloor = null;
  } else s.logSkipped += drained.skipped;
  if (events.length === 0) return;
  const next = boundEvents(s.log.concat(events), maxLog);
  s.logSkipped += next.dropped;
  s.log = next.kept;
}

/** Takes a chart sample if one is due (throttled by wall time while playing, and by what samples cost), or now with `force`. */
export function sample(s: HostState, force = false): void {
  const sim = s.sim;
  if (!sim || sim.now === s.lastSampleSim) return;
  if (s.replayFloor !== null && sim.now < s.replayFloor) return; // the UI holds the samples up to the floor
  const { clock, config } = s;
  const wall = clock.now();
  // A jump crosses minutes of simulated time in one tick: a sample every tick (within the cost
  // share) keeps the charts' steps close to when things changed; play needs no more than ten a second.
  const every = s.jump ? 0 : config.sampleEveryMs;
  if (!force && wall - s.lastSampleWall < Math.max(every, s.sampleCost / config.maxSampleShare)) return;
  s.lastSampleWall = wall;
  s.lastSampleSim = sim.now;
  s.samples.push(sim.metrics());
  s.sampleCost = clock.now() - wall;
}

export function refreshInspection(s: HostState, force = false): void {
  if (!s.sim || s.inspectKey === null) {
    s.inspection = null;
    return;
  }
  const wall = s.clock.now();
  if (!force && wall - s.lastInspectWall < s.config.inspectEveryMs) return;
  s.lastInspectWall = wall;
  s.inspection = s.sim.inspectKey(s.inspectKey);
}

/**
 * Ends a seek's replay floor where the run stands (a command forks the run there): if the re-run
 * had not reached it, the UI drops its history beyond this moment.
 */
export function endFloor(s: HostState): void {
  if (s.replayFloor === null || !s.sim) return;
  collectLog(s);
  if (s.replayFloor !== null && s.sim.now < s.replayFloor) post(s, { type: 'rewound', now: s.sim.now });
  s.replayFloor = null;
}

/** A seek's re-run that no longer heads for its floor (paused, stepped, cut short by another jump or seek) ends it. */
export function settleFloor(s: HostState): void {
  if (!s.jump) endFloor(s);
}

/** The timeline the frame carries, rebuilt only when the run's reach or its commands changed. */
function currentTimeline(s: HostState, sim: Simulation): Timeline {
  s.horizon = Math.max(s.horizon, sim.now);
  const key = `${s.horizon}/${sim.commandLog.length}/${s.future.length}/${s.future[0]?.at ?? ''}`;
  if (s.timeline?.key !== key) s.timeline = { key, value: buildTimeline(s.horizon, s.scenarioFaults, sim.commandLog, s.future) };
  return s.timeline.value;
}

function buildFrame(s: HostState, sim: Simulation): Frame {
  // A lesson beat shows the time bar's fast-forward only when it is one (a long wait): slow motion and waits play as time.
  const jump = s.jump && (!s.jump.pace || s.jump.pace.visible) ? s.jump : null;
  return {
    ...sim.snapshot(s.config.maxMessages),
    playing: s.playing,
    speed: s.speed,
    log: s.log,
    logSkipped: s.logSkipped,
    jumpProgress: jump ? Math.min(1, Math.max(0, (sim.now - jump.from) / Math.max(1e-9, jump.to - jump.from))) : null,
    jumpTarget: jump ? jump.to : null,
    samples: s.samples,
    inspection: s.inspection,
    until: sim.until,
    future: s.future.length,
    timeline: currentTimeline(s, sim),
    ...(s.seekId === undefined ? {} : { seekId: s.seekId }),
  };
}

/** Sends a frame if something changed and none is in flight. */
export function flush(s: HostState): void {
  const sim = s.sim;
  if (!sim || s.frameInFlight || !s.dirty) return;
  // A jump's progress goes a few times a second (its start at once); the next tick sends what this one held back.
  if (s.jump && s.lastFrameJumpTo === s.jump.to && s.clock.now() - s.lastFrameWall < s.config.jumpFrameEveryMs) return;
  settleFloor(s);
  collectLog(s);
  // While time runs, samples and the inspection are throttled; once it stops, the frame is exact.
  const idle = !s.playing && !s.jump;
  sample(s, idle);
  refreshInspection(s, idle);
  const frame = buildFrame(s, sim);
  s.samples = [];
  s.log = [];
  s.logSkipped = 0;
  s.dirty = false;
  s.frameInFlight = true;
  s.lastFrameWall = s.clock.now();
  s.lastFrameJumpTo = s.jump ? s.jump.to : null;
  // The bulky parts go as typed arrays, transferred rather than cloned.
  const wire = packFrame(frame);
  s.endpoint.postMessage({ type: 'frame', frame: wire.frame }, wire.transfer);
}

/** Marks the state changed: a frame goes now if none is in flight, else after the ack. */
export function changed(s: HostState): void {
  s.dirty = true;
  flush(s);
}

/** The UI has the last frame: the next may go. */
export function frameAcked(s: HostState): void {
  s.frameInFlight = false;
  flush(s);
}

/** The key every frame shows as it stands (null: none). */
export function inspect(s: HostState, key: string | null): void {
  s.inspectKey = key;
  refreshInspection(s, true);
  if (s.sim) changed(s);
}
