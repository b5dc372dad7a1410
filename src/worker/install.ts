// Making a simulation the hosted one: a new session (the UI starts over: `ready`), or the one a seek
// back re-runs from (the UI keeps its history up to that moment: `rewound`).
import { parseScenario } from '../engine';
import type { Simulation } from '../protocol';
import { changed, collectLog, refreshInspection, sample } from './frames';
import { post, type HostState } from './state';

/** Makes `next` the hosted simulation (paused) and tells the UI; a new session starts a new timeline. */
export function install(s: HostState, next: Simulation, scenario: unknown): void {
  s.future = [];
  s.checkpoints.clear();
  s.horizon = 0;
  try {
    s.scenarioFaults = parseScenario(scenario).faults;
  } catch {
    s.scenarioFaults = [];
  }
  adopt(s, next, scenario);
}

/**
 * Makes `next` the hosted simulation: a new one, or, with `rewoundTo`, the one a seek back re-runs
 * from (the frame goes once the seek's re-run is under way).
 */
export function adopt(s: HostState, next: Simulation, scenario: unknown, rewoundTo: number | null = null): void {
  if (rewoundTo === null) {
    s.log = [];
    s.logSkipped = 0;
    s.samples = [];
  } else {
    // What the old run had not sent yet up to that moment is still the run's history.
    collectLog(s);
    s.log = s.log.filter((e) => e.at <= rewoundTo);
    s.samples = s.samples.filter((m) => m.now <= rewoundTo);
  }
  s.replayFloor = rewoundTo !== null && rewoundTo > next.now ? rewoundTo : null;
  s.sim = next;
  s.scenarioInput = scenario;
  s.playing = false;
  s.jump = null;
  s.target = next.now;
  s.lastSampleSim = -1;
  sample(s, true);
  refreshInspection(s, true);
  if (rewoundTo === null) {
    post(s, { type: 'ready', cluster: next.info });
    changed(s);
    return;
  }
  post(s, { type: 'rewound', now: rewoundTo });
  s.dirty = true;
}
