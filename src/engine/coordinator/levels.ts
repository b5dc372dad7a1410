// pure: consistency levels: how many acks a level needs (Cassandra ConsistencyLevel.blockFor) and
// which replies count toward it, apart from the coordinator code that sends and counts.
import type { Settings } from '../scenario/presets';
import type { Level } from '../scenario/schema';

export function blockFor(level: Level, rf: number): number {
  switch (level) {
    // With one datacenter LOCAL_ONE is ONE and LOCAL_QUORUM, EACH_QUORUM are QUORUM (dcLevels.ts has the rest).
    case 'ANY': case 'ONE': case 'LOCAL_ONE': return 1;
    case 'TWO': return 2;
    case 'THREE': return 3;
    case 'QUORUM': case 'LOCAL_QUORUM': case 'EACH_QUORUM': return Math.floor(rf / 2) + 1;
    case 'ALL': return rf;
  }
}

/**
 * Whether a stand-in's ack (sloppy quorum: a node beyond the replicas keeping a hinted copy)
 * counts toward the level: not under strictQuorum (Riak's PW), except at ANY, where any stored
 * copy counts.
 */
export function standInCounts(strictQuorum: boolean, level: Level): boolean {
  return !strictQuorum || level === 'ANY';
}

/**
 * Coordinator mode: whether a write can start with `alive` replicas believed alive (Cassandra's
 * assureSufficientLiveReplicas); at ANY a hint alone will do.
 */
export function writeAvailable(level: Level, required: number, rf: number, alive: number): boolean {
  return required <= rf && (level === 'ANY' || alive >= required);
}

/** Whether a read can start with `candidates` nodes to ask; ANY is for writes only. */
export function readAvailable(level: Level, required: number, rf: number, candidates: number): boolean {
  return level !== 'ANY' && required <= rf && candidates >= required;
}

/**
 * Coordinator mode: after a write's timeout, whether the replicas that did not answer get hints —
 * always, or only if the level was met (Scylla); a write at ANY always hints.
 */
export function hintsOnTimeout(hintOnTimeout: Settings['hintOnTimeout'], success: boolean, level: Level): boolean {
  return hintOnTimeout === 'always' || success || level === 'ANY';
}
