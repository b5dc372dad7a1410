// The mutants of the syllabus lessons (#13) and of the merge lessons (the OR-set, vector clocks,
// LWW), in the harness's form (mutation.ts); mutants.ts merges them into MUTANTS.
import { createSimulation } from '../../src/engine';
import { probeOf } from '../../src/lessons';
import { CHAT, replicas } from '../../src/lessons/dsl';
import { cluster, drop, faults, settings, type LessonMutants, type Mutant } from './mutation';

/** A replica of `key` (by rank) is down from the first second: the state the step starts from is not there. */
const ownerDown = (key: string, rank: number): Mutant =>
  faults(`replica ${rank + 1} of ${key} down from the start`, (s) => [{ at: '1s', kill: replicas(probeOf(createSimulation(s)), key)[rank]! }]);

const noHandoff = settings('hintedHandoffEnabled false', { hintedHandoffEnabled: false });
const noTail = settings('latency without a tail (p99 = median)', { latency: { median: '5ms', p99: '5ms' } });
const secondSlow = faults('a second replica slow too (B +100 ms)', () => [{ at: '1s', slow: 'B', extraLatency: '100ms' }]);
const unthrottled = settings('hintReplayRate 1000: no throttle', { hintReplayRate: 1000 });
const persistent = settings('persistentHintWindow true', { persistentHintWindow: true });
const writeThrough = settings('hintFlushPeriod 0: write-through', { hintFlushPeriod: 0 });
const strict = settings('strictQuorum true', { strictQuorum: true });
const flip = (conflictResolution: string) => settings(`conflictResolution ${conflictResolution}`, { conflictResolution });
/** Step 2's first action is the partition. */
const noSplit = drop('no partition', 1, 0);

const W_PLUS_R: LessonMutants = [[ownerDown(CHAT, 1)], [settings('phiConvictThreshold 100: nobody convicts', { phiConvictThreshold: 100 })], [strict], [strict]];
const RESTART_LOOP: LessonMutants = [[noHandoff], [persistent]];
const BUFFER: LessonMutants = [[writeThrough], [writeThrough], [writeThrough]];

export const SYLLABUS_MUTANTS: Record<string, LessonMutants> = {
  'lesson:intro': [[cluster('replicationFactor 2', { replicationFactor: 2 })], [ownerDown(CHAT, 2)], [settings('sloppy quorum (dynamo preset)', { preset: 'dynamo' })]],
  'lesson:neighbour-package': [[noHandoff], [settings('hintTtl 10s: the stand-in’s copy expires before the owner returns', { hintTtl: '10s' })], [noHandoff]],
  'lesson:w-plus-r': W_PLUS_R,
  'lesson:dynamo-322': [[noTail], [noTail], [secondSlow]],
  'lesson:replay-throttle': [[noHandoff], [unthrottled], [settings('hintTtl 35s: hints expire mid-replay', { hintTtl: '35s' })]],
  'lesson:hint-storm': [[noHandoff], [unthrottled], [settings('hintTtl 25s: hints expire mid-replay', { hintTtl: '25s' })]],
  'lesson:restart-loop': RESTART_LOOP,
  'lesson:persistent-window': [[noHandoff], [settings('persistentHintWindow false', { persistentHintWindow: false })]],
  'lesson:hint-cap': [[settings('maxHintsPerHost 1,000,000: no cap', { maxHintsPerHost: 1_000_000 })], [settings('maxHintsPerHost 1,000,000: no cap', { maxHintsPerHost: 1_000_000 })]],
  'lesson:unflushed-buffer': BUFFER,
  'lesson:lww-loses': [[ownerDown('cart:7', 0)], [flip('vector-clock')]],
  'lesson:scylla-settings': [[settings('maxHintWindow none', { maxHintWindow: null })], [settings('persistentHintWindow true (Cassandra 4.1)', { persistentHintWindow: true })]],
  // The interview demos that reuse those steps.
  'interview:stale-with-quorums': W_PLUS_R,
  'interview:why-w-two': [[secondSlow]],
  'interview:flapping-node': RESTART_LOOP,
  'interview:holder-crash-buffer': BUFFER,
};

export const MERGE_MUTANTS: Record<string, LessonMutants> = {
  'lesson:merge-lww': [[flip('or-set')], [flip('or-set'), noSplit], [flip('vector-clock'), flip('or-set')]],
  'lesson:vector-clocks': [[flip('or-set')], [flip('or-set'), noSplit], [flip('lww'), flip('or-set')], [flip('lww'), flip('or-set')]],
  'lesson:merge-or-set': [
    [flip('lww')],
    [flip('lww'), noSplit],
    [flip('lww'), flip('vector-clock'), { name: 'no hand-off and no repair (the sides never join)', settings: { hintedHandoffEnabled: false }, actions: { 2: (a) => a.filter((_, i) => i !== 2) } }],
  ],
};
