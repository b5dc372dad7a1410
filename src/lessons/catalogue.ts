// Finds a lesson or an interview question by kind and id (the worker and the UI share it).
import { INTERVIEW } from './interview';
import { LESSONS } from './lessons';
import type { InterviewQuestion, Lesson } from './types';

export type LessonKind = 'lesson' | 'interview';

export function findLesson(kind: 'interview', id: string): InterviewQuestion | undefined;
export function findLesson(kind: LessonKind, id: string): Lesson | undefined;
export function findLesson(kind: LessonKind, id: string): Lesson | undefined {
  const list: readonly Lesson[] = kind === 'interview' ? INTERVIEW : LESSONS;
  return list.find((l) => l.id === id);
}
