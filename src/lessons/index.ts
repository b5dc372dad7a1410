// Guided lessons and interview questions: pure data and checks over the engine's state (used by the worker and the tests).
export type { Lesson, LessonStep, LessonAction, LessonCheck, Probe, InterviewQuestion } from './types';
export { WARM_UP_MS } from './types';
export { LESSONS } from './lessons';
export { INTERVIEW } from './interview';
export { findLesson, type LessonKind } from './catalogue';
export { runLesson, runStep, probeOf } from './run';
