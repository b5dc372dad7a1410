// The guided lessons, in the order the catalogue shows them: the words first, detection before
// hinting, then a hint's life, quorums, repair, deletes and conflicts. Each one drives the engine with
// ordinary commands and checks that the live state shows what the text claims; they live in
// lessons/ by family.
import type { Lesson } from './types';
import { BASICS } from './lessons/basics';
import { HINTS } from './lessons/hints';
import { QUORUM_MODES } from './lessons/quorum';
import { REPAIR } from './lessons/repair';
import { CONFLICTS } from './lessons/conflicts';
import { MERGE } from './lessons/merge';
import { INTRO } from './lessons/intro';
import { STANDIN } from './lessons/standin';
import { QUORUM_MATH } from './lessons/quorumMath';
import { LATENCY } from './lessons/latency';
import { REPLAY_TIME } from './lessons/replayTime';
import { RESTARTS } from './lessons/restarts';
import { LWW } from './lessons/lww';
import { SCYLLA } from './lessons/scylla';
import { ZOMBIES } from './lessons/zombie';
import { REGIONS } from './lessons/regions';

export const LESSONS: Lesson[] = [...INTRO, ...BASICS, ...HINTS, ...REPLAY_TIME, ...RESTARTS, ...STANDIN, ...QUORUM_MATH, ...LATENCY, ...QUORUM_MODES, ...REGIONS, ...REPAIR, ...ZOMBIES, ...CONFLICTS, ...LWW, ...MERGE, ...SCYLLA];
