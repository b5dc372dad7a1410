// The mutants of the delete lessons (src/lessons/lessons/zombie.ts): each switches off or flips the
// mechanism a step shows — the delete, the hint, its TTL, gc_grace_seconds, the repair, ScyllaDB's
// tombstone_gc mode — and the step's check must fail on it.
import { drop, settings, type LessonMutants } from './mutation';

const noTtl = settings('no hint TTL', { hintTtl: null });
const longTtl = settings('hint TTL 10 days, above gc_grace (the what-if)', { hintTtl: '10d' });
const longGrace = settings('gc_grace_seconds 10 days', { gcGrace: '10d' });
const repairMode = settings('tombstone_gc: repair', { tombstoneGc: 'repair' });
const timeoutMode = settings('tombstone_gc: timeout', { tombstoneGc: 'timeout' });

export const ZOMBIE_MUTANTS: Record<string, LessonMutants> = {
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
