// pure: when a user's command takes effect. The live run, a replay of a log and the worker's
// queued commands all follow this one rule, so a session replays to the same trace hash.

/** A command applies this long after the instant it is given: after every event due then. */
const COMMAND_DELAY_US = 1;

/** The logged time (ms) of a command given at `nowUs`. */
export function commandAt(nowUs: number): number {
  return (nowUs + COMMAND_DELAY_US) / 1000;
}

/** Where to run to (ms) before applying a command logged at `at`: everything due up to at − 1 µs. */
export function runUpTo(at: number): number {
  return at - COMMAND_DELAY_US / 1000;
}
