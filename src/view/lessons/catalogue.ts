// pure: the lesson and interview texts the UI shows (the same data the worker runs).
import { INTERVIEW } from '../../lessons/interview';
import { LESSONS } from '../../lessons/lessons';
import type { InterviewQuestion, Lesson } from '../../lessons/types';
import type { LessonKind, LessonStatus } from '../../protocol';

export { INTERVIEW, LESSONS };
export type { InterviewQuestion, Lesson };

export function lessonOf(kind: LessonKind, id: string): Lesson | undefined {
  return (kind === 'interview' ? INTERVIEW : LESSONS).find((l) => l.id === id);
}

export function interviewOf(status: LessonStatus | null): InterviewQuestion | undefined {
  return status?.kind === 'interview' ? INTERVIEW.find((q) => q.id === status.id) : undefined;
}

/** Where a step stands, for the player: its verdict, whether it is running, whether it can run. */
export type StepState = 'not-run' | 'preparing' | 'running' | 'passed' | 'failed';

export function stepState(status: LessonStatus, step: number): StepState {
  if (status.busyStep === step && status.phase !== 'ready') return status.phase === 'preparing' ? 'preparing' : 'running';
  const v = status.verdicts[step];
  if (!v) return 'not-run';
  return v.pass ? 'passed' : 'failed';
}

/** The interview's demo is done (every step checked): the answer may be revealed. */
export function demoDone(status: LessonStatus): boolean {
  return status.phase === 'ready' && status.verdicts.every((v) => v !== null);
}

/**
 * What "go on" (→ or Space in presenter mode, the main button) does on this step: run it when it
 * has not run, else go to the next step; null when nothing can happen (busy, last step done, or an
 * interview waiting for its prediction).
 */
export function nextMove(status: LessonStatus, step: number, prediction: number | null): { run: number } | { show: number } | { start: Lesson } | null {
  if (status.phase !== 'ready') return null;
  if (status.kind === 'interview' && prediction === null) return null;
  if (!status.verdicts[step]) return { run: step };
  if (step + 1 < status.stepCount) return { show: step + 1 };
  const after = nextLesson(status);
  return after ? { start: after } : null;
}

/** The lesson (or question) after this one in its list, if any. */
export function nextLesson(status: LessonStatus): Lesson | undefined {
  const list: readonly Lesson[] = status.kind === 'interview' ? INTERVIEW : LESSONS;
  const i = list.findIndex((l) => l.id === status.id);
  return i >= 0 ? list[i + 1] : undefined;
}
