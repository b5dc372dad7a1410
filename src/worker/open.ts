// Opening a session (an `init` message, a lesson's scenario): a plain scenario is built at once; one
// with a command log is staged, rebuilt in slices beside the running session (./staging).
import { install } from './install';
import { ensureTick } from './pacing';
import { beginStaging, cancelStaging } from './staging';
import { fail, type HostState } from './state';
import type { Simulation } from '../protocol';

export function openSession(s: HostState, scenario: unknown, log?: unknown): void {
  cancelStaging(s, 'Opening the session was cancelled: another one was started. The running session is unchanged.');
  if (s.config.startReplay && Array.isArray(log) && log.length > 0) {
    if (beginStaging(s, scenario, log)) ensureTick(s);
    return;
  }
  let next: Simulation;
  try {
    next = s.config.create(scenario, log);
  } catch (err) {
    fail(s, err); // the running simulation, if any, stays as it was
    return;
  }
  install(s, next, scenario);
}
