// The guided lessons, in the order the catalogue shows them. Each one drives the engine with
// ordinary commands and checks that the live state shows what the text claims; they live in
// lessons/ by family.
import type { Lesson } from './types';
import { BASICS } from './lessons/basics';
import { HINTS } from './lessons/hints';
import { QUORUM_MODES } from './lessons/quorum';
import { REPAIR } from './lessons/repair';
import { CONFLICTS } from './lessons/conflicts';
import { MERGE } from './lessons/merge';

export const LESSONS: Lesson[] = [...BASICS, ...HINTS, ...QUORUM_MODES, ...REPAIR, ...CONFLICTS, ...MERGE];
