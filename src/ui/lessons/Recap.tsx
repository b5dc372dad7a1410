// The end of a lesson: once every step has passed, what to remember — and the lesson is marked done
// in the learner's progress. For an interview question, the first revealed answer is recorded.
import { useEffect } from 'react';
import type { LessonStatus } from '../../protocol';
import { demoDone, interviewOf, type Lesson } from '../../view/lessons/catalogue';
import { recapOf } from '../../view/lessons/recap';
import { progressActions } from './useProgress';
import './syllabus.css';

const allPassed = (status: LessonStatus) => status.phase === 'ready' && status.verdicts.length > 0 && status.verdicts.every((v) => v?.pass === true);

export function Recap({ lesson, status, prediction }: { lesson: Lesson; status: LessonStatus; prediction: number | null }) {
  const passed = allPassed(status);
  const question = interviewOf(status);
  const answered = question !== undefined && prediction !== null && demoDone(status);
  useEffect(() => {
    if (passed && status.kind === 'lesson') progressActions.lessonDone(status.id);
  }, [passed, status.kind, status.id]);
  useEffect(() => {
    if (answered) progressActions.answered(question.id, prediction === question.correct);
  }, [answered, question, prediction]);
  const recap = status.kind === 'lesson' ? recapOf(lesson) : undefined;
  if (!passed || !recap) return null;
  return (
    <aside className="lp-recap" aria-labelledby="lp-recap-title" data-testid="lesson-recap">
      <h3 id="lp-recap-title">What to remember</h3>
      <p>{recap}</p>
    </aside>
  );
}
