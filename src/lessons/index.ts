// Guided lessons: pure data and checks over the engine's state (used by the worker and the tests).
export type { Lesson, LessonStep, LessonAction, LessonCheck, Probe } from './types';
export { WARM_UP_MS } from './types';
export { LESSONS } from './lessons';
export { runLesson, runStep, probeOf } from './run';
