// Staged import: a session with a command log (an imported file, a share link) is validated at
// once (fields, and the engine's work budget for the replay), then rebuilt beside the running one a
// slice per pacing tick, and swapped in when complete.
// A refusal or an error leaves the running simulation as it was.
import { checkLog, checkSessionWork, parseScenario } from '../engine';
import { install } from './install';
import { fail, post, type HostState } from './state';

/**
 * The engine's work check on the replay up to the last command: the page checked the session up
 * to its moment before sending it, but the worker takes no input on trust (a message could come
 * from anywhere), and a refusal here leaves the running session as it was.
 */
function checkReplayWork(scenario: unknown, commands: unknown): void {
  const parsed = parseScenario(scenario);
  checkSessionWork(parsed, checkLog(parsed, commands), null);
}

/** Starts rebuilding a session from its log; false (the UI told why) when the engine refused it. */
export function beginStaging(s: HostState, scenario: unknown, commands: unknown): boolean {
  if (!s.config.startReplay) return false;
  try {
    checkReplayWork(scenario, commands);
    s.staging = { replay: s.config.startReplay(scenario, commands), scenario, lastPostWall: s.clock.now() };
  } catch (err) {
    fail(s, err);
    return false;
  }
  post(s, { type: 'importProgress', progress: 0 });
  return true;
}

/** One slice of the staged replay; swaps it in when complete, drops it on an error. */
export function stageSlice(s: HostState): void {
  const st = s.staging;
  if (!st) return;
  const { clock, config } = s;
  const start = clock.now();
  try {
    for (;;) {
      if (st.replay.run(config.eventsPerChunk)) {
        s.staging = null;
        post(s, { type: 'importProgress', progress: null });
        install(s, st.replay.sim, st.scenario);
        return;
      }
      if (clock.now() - start >= config.sliceBudgetMs) break;
    }
  } catch (err) {
    s.staging = null;
    post(s, { type: 'importProgress', progress: null });
    fail(s, err);
    return;
  }
  if (start - st.lastPostWall >= 100) {
    st.lastPostWall = start;
    post(s, { type: 'importProgress', progress: st.replay.progress });
  }
}

export function cancelStaging(s: HostState, why: string): void {
  if (!s.staging) return;
  s.staging = null;
  post(s, { type: 'importProgress', progress: null });
  post(s, { type: 'error', message: why });
}
