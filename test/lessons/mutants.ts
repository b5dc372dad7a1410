// The mutants of every lesson step and interview demo step, keyed by `lesson:<id>` or
// `interview:<id>`, one list per step in step order. Each switches the step's mechanism off or
// flips it; the harness (mutation.ts) requires the step's check to FAIL on every one. A lesson
// with a step that has no mutant fails test/lessons/mutants.test.ts — add them here with the lesson.
import { MERGE_MUTANTS, SYLLABUS_MUTANTS } from './mutantsMore';
import { ZOMBIE_MUTANTS } from './mutantsZombie';
import { cluster, drop, dropWhere, edit, rewait, settings, type LessonMutants } from './mutation';

/**
 * Lessons whose mutants come from elsewhere, each with the reason — the one place to remove an
 * exemption. The harness prints this list.
 */
export const EXEMPT: Record<string, string> = {};

const handoffOff = settings('hinted handoff disabled', { hintedHandoffEnabled: false });
const handoffOn = settings('hinted handoff enabled', { hintedHandoffEnabled: true });
const noWindow = settings('no hint window', { maxHintWindow: null });
const tinyWindow = settings('a 1-second hint window', { maxHintWindow: 1000 });
const tinyTtl = settings('a 5-second hint TTL', { hintTtl: 5000 });
const noTtl = settings('no hint TTL', { hintTtl: null });
const lateFlush = settings('hints flushed only after 60 s', { hintFlushPeriod: 60_000 });
const onCassandra = settings('preset swapped to cassandra', { preset: 'cassandra' });
const strict = settings('strictQuorum on', { strictQuorum: true });
const sloppyOff = settings('strictQuorum off', { strictQuorum: false });
const fastGossip = settings('gossip every 500 ms', { gossipInterval: 500 });
const dullDetector = settings('phi_convict_threshold 16', { phiConvictThreshold: 16 });
const level = (l: 'ONE' | 'ALL' | 'ANY' | 'QUORUM') => (c: import('../../src/engine/api').Command) => ({ ...c, consistency: l }) as typeof c;
const wipe = (on: boolean) => (c: import('../../src/engine/api').Command) => ({ ...c, wipe: on }) as typeof c;

export const LESSON_MUTANTS: Record<string, LessonMutants> = {
  'lesson:replication': [
    [drop('the write removed', 0, 0), cluster('replication factor 2', { replicationFactor: 2 })],
  ],
  'lesson:phi': [
    [drop('the kill removed', 0, 0), fastGossip],
    [dullDetector, rewait('5 s instead of 25 s', 1, 0, 5000)],
  ],
  'lesson:hint-for-down-replica': [
    [drop('the kill removed', 0, 0), dullDetector],
    [handoffOff, tinyWindow, drop('the kill removed', 0, 0)],
  ],
  'lesson:replay': [
    [handoffOff, drop('the kill removed', 0, 0)],
    [drop('the restart removed', 1, 0), tinyTtl],
  ],
  'lesson:hint-window': [
    [tinyWindow, handoffOff],
    [noWindow, drop('the two-minute wait removed', 1, 0)],
    [noWindow, drop('the restart removed', 2, 0), handoffOff],
  ],
  'lesson:hint-ttl': [
    [handoffOff, drop('the kill removed', 0, 0)],
    [noTtl, drop('the two-minute wait removed', 1, 0)],
  ],
  'lesson:holder-loss': [
    [lateFlush, handoffOff],
    [edit('the crash made a wipe', 1, 0, wipe(true)), lateFlush],
    [edit('the wipe made a plain kill', 2, 0, wipe(false))],
    [edit('the wipe made a plain kill', 2, 0, wipe(false)), drop('the replica not restarted', 3, 0)],
    [drop('the repair removed', 4, 0), edit('the wipe made a plain kill', 2, 0, wipe(false))],
  ],
  'lesson:hints-not-acks': [
    [rewait('written 3 s after the crash, before conviction', 0, 2, 3000), edit('QUORUM made ONE', 0, 3, level('ONE'))],
    [edit('ANY made ONE', 1, 2, level('ONE')), handoffOff],
  ],
  'lesson:sloppy-quorum': [
    [strict, onCassandra, handoffOff],
    [onCassandra, strict, drop('the read removed', 1, 0)],
    [dropWhere('the owners not restarted', 2, (_, i) => i < 2), tinyTtl],
  ],
  'lesson:strict-quorum': [
    [sloppyOff, edit('QUORUM made ONE', 0, 3, level('ONE'))],
  ],
  'lesson:read-repair': [
    [handoffOn, drop('the kill removed', 0, 0)],
    [handoffOn, edit('ONE made ALL', 1, 0, level('ALL'))],
    [settings('read repair off', { readRepair: false }), edit('ALL made ONE', 2, 0, level('ONE'))],
  ],
  'lesson:anti-entropy': [
    [handoffOn, drop('the kill removed', 0, 4)],
    [settings('Merkle depth 1 (two leaves a range)', { merkleDepth: 1 }), drop('the repair removed', 1, 0), handoffOn],
  ],
  'lesson:partition': [
    [drop('the partition removed', 0, 0), rewait('5 s instead of 40 s', 0, 1, 5000)],
    [handoffOff, drop('the partition removed', 0, 0)],
    [drop('the heal removed', 2, 0), handoffOff],
  ],
  'lesson:scylla-vs-cassandra': [
    [onCassandra, settings('hintOnTimeout always', { hintOnTimeout: 'always' }), dropWhere('no replica slowed', 0, (_, i) => i < 2)],
    [onCassandra, settings('hintOnTimeout always', { hintOnTimeout: 'always' })],
  ],
};

export const INTERVIEW_MUTANTS: Record<string, LessonMutants> = {
  'interview:quorum-replica-down': [
    [handoffOff, drop('the kill removed', 0, 0), tinyWindow],
    [drop('the restart removed', 1, 0), tinyTtl],
  ],
  'interview:hint-counts': [
    [settings('hintOnTimeout if-level-met (ScyllaDB)', { hintOnTimeout: 'if-level-met' }), rewait('written after conviction', 0, 2, 30_000), handoffOff],
    [rewait('written before conviction', 1, 0, 3000), edit('QUORUM made ONE', 1, 1, level('ONE'))],
    [edit('ANY made ONE', 2, 2, level('ONE')), handoffOff],
  ],
  'interview:hint-window': [
    [noWindow, handoffOff, drop('the two-minute wait removed', 0, 3)],
    [noWindow, drop('the restart removed', 1, 0)],
    [drop('the repair removed', 2, 0), noWindow],
  ],
  'interview:holder-disk': [
    [edit('the wipe made a plain kill', 0, 4, wipe(false)), handoffOff],
    [edit('the wipe made a plain kill', 0, 4, wipe(false)), drop('the replica not restarted', 1, 0)],
    [drop('the repair removed', 2, 0), edit('the wipe made a plain kill', 0, 4, wipe(false))],
  ],
  'interview:failure-detection': [
    [drop('the kill removed', 0, 0), fastGossip],
    [fastGossip, settings('phi_convict_threshold 3', { phiConvictThreshold: 3 })],
    [dullDetector, rewait('4 s instead of 16 s', 2, 0, 4000)],
  ],
  'interview:not-enough': [
    [noWindow, rewait('down 10 s, inside the window', 0, 1, 10_000)],
    [settings('read repair off', { readRepair: false }), edit('ALL made ONE', 1, 0, level('ONE'))],
    [drop('the repair removed', 2, 0), noWindow],
  ],
  'interview:sloppy-quorum': [
    [strict, onCassandra, handoffOff],
    [onCassandra, strict, drop('the read removed', 1, 0)],
    [dropWhere('the owners not restarted', 2, (_, i) => i < 2), tinyTtl],
  ],
};

export const MUTANTS: Record<string, LessonMutants> = { ...LESSON_MUTANTS, ...INTERVIEW_MUTANTS, ...SYLLABUS_MUTANTS, ...MERGE_MUTANTS, ...ZOMBIE_MUTANTS };
