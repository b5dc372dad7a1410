// pure: what an operator's nodetool commands change on one node (operator-commands in
// docs/behaviour.md): in-memory state only, gone when the node restarts (Cassandra's setters write
// DatabaseDescriptor, never cassandra.yaml; HintsService starts paused and startup unpauses it).
import type { Settings } from '../scenario/presets';
import { hintsAllowed } from '../hints/policy';

export interface OperatorState {
  /** pausehandoff: no dispatch starts and no further page of a running one is sent. */
  paused: boolean;
  /** disablegossip: no heartbeat, no gossip handled, the node's own detector frozen. */
  gossipOff: boolean;
  /**
   * The node's own copy of the scenario's settings once a setter changed one of them
   * (disablehandoff, sethintedhandoffthrottle, setmaxhintwindow); null: the scenario's own.
   */
  settings: Settings | null;
}

export function freshOperatorState(): OperatorState {
  return { paused: false, gossipOff: false, settings: null };
}

/** The settings a node's hint policy and replay read: the scenario's, unless a setter changed them. */
export function nodeSettings(op: OperatorState, scenario: Settings): Settings {
  return op.settings ?? scenario;
}

/** Changes one of the node's own settings (a copy of the scenario's the first time). */
export function setNodeSetting<K extends 'hintedHandoffEnabled' | 'hintedHandoffDisabledDatacenters' | 'hintReplayRate' | 'maxHintWindow'>(op: OperatorState, scenario: Settings, key: K, value: Settings[K]): void {
  op.settings ??= { ...scenario, latency: { ...scenario.latency } };
  op.settings[key] = value;
}

/**
 * Whether a holder replays its stored hints now: not while dispatch is paused, nor (where the
 * system keeps them unreplayed, replayWhenDisabled false: ScyllaDB) while its handoff is disabled.
 */
export function replays(op: OperatorState, scenario: Settings, targetDc?: string): boolean {
  if (op.paused) return false;
  const s = nodeSettings(op, scenario);
  if (s.replayWhenDisabled) return true;
  return targetDc === undefined ? s.hintedHandoffEnabled !== false : hintsAllowed(s, targetDc);
}
