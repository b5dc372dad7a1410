// The mutants of the delete lessons (src/lessons/lessons/zombie.ts) and the region lesson
// (lessons/regions.ts): each switches off or flips the mechanism a step shows — the delete, the
// hint, its TTL, gc_grace_seconds, the repair, ScyllaDB's tombstone_gc mode; the cut, the level,
// the heal — and the step's check must fail on it.
import type { Command } from '../../src/engine/api';
import { cluster, drop, edit, settings, type LessonMutants } from './mutation';

const noTtl = settings('no hint TTL', { hintTtl: null });
const longTtl = settings('hint TTL 10 days, above gc_grace (the what-if)', { hintTtl: '10d' });
const longGrace = settings('gc_grace_seconds 10 days', { gcGrace: '10d' });
const repairMode = settings('tombstone_gc: repair', { tombstoneGc: 'repair' });
const timeoutMode = settings('tombstone_gc: timeout', { tombstoneGc: 'timeout' });

const level = (l: 'QUORUM' | 'LOCAL_QUORUM' | 'ONE') => (c: Command) => ({ ...c, consistency: l }) as Command;
const oneRegion = cluster('one datacenter (no cluster.datacenters)', { datacenters: undefined });
const REGION: LessonMutants = [
  [drop('the cut removed', 0, 0)],
  [edit('dc1 writes at QUORUM', 1, 0, level('QUORUM')), settings('hinted handoff disabled', { hintedHandoffEnabled: false }), oneRegion],
  [edit('QUORUM made LOCAL_QUORUM', 2, 0, level('LOCAL_QUORUM')), edit('EACH_QUORUM made ONE', 2, 1, level('ONE'))],
  [drop('the heal removed', 3, 0), settings('hinted handoff disabled', { hintedHandoffEnabled: false })],
];

export const ZOMBIE_MUTANTS: Record<string, LessonMutants> = {
  'lesson:region-cut-off': REGION,
  'interview:region-cut-off': REGION,
  'lesson:zombie': [
    [drop('the delete removed', 0, 4), settings('hinted handoff disabled', { hintedHandoffEnabled: false })],
    [longGrace, noTtl],
    [repairMode, drop('the restart removed', 2, 0)],
  ],
  'lesson:zombie-repair': [
    [settings('no hint window', { maxHintWindow: null })],
    [drop('the repair removed', 1, 0)],
    [drop('the repair removed', 1, 0)],
  ],
  'lesson:zombie-tombstone-gc': [
    [timeoutMode],
    [timeoutMode],
    [drop('the repair removed', 2, 0)],
  ],
  'lesson:hint-ttl-gc-grace': [
    [drop('pausehandoff removed', 0, 0)],
    [longGrace],
    [noTtl, longTtl],
  ],
};
