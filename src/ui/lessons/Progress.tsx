// The learner's progress in the catalogue: lessons done, interview score, and a reset.
import { useState } from 'react';
import { lessonsDone, score } from '../../view/lessons/progress';
import { INTERVIEW, LESSONS } from '../../view/lessons/catalogue';
import { progressActions, useProgress } from './useProgress';
import './syllabus.css';

const LESSON_IDS = LESSONS.map((l) => l.id);
const QUESTION_IDS = INTERVIEW.map((q) => q.id);

export function ProgressSummary() {
  const p = useProgress();
  const [confirming, setConfirming] = useState(false);
  const s = score(p, QUESTION_IDS);
  const done = lessonsDone(p, LESSON_IDS);
  const empty = done === 0 && s.answered === 0;
  return (
    <div className="lesson-progress" data-testid="lesson-progress">
      <p className="lesson-progress-text" aria-live="polite">
        <span data-testid="progress-lessons">Lessons done: {done} of {LESSON_IDS.length}</span>
        {' · '}
        <span data-testid="progress-score">
          Interview: {s.right} right of {s.answered} answered ({s.total} questions)
        </span>
      </p>
      {confirming ? (
        <span className="lesson-progress-confirm" role="group" aria-label="Reset progress?">
          <span>Forget all progress?</span>
          <button type="button" className="btn btn-small" onClick={() => { progressActions.reset(); setConfirming(false); }} data-testid="progress-reset-confirm">
            Reset
          </button>
          <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} disabled={empty} data-testid="progress-reset">
          Reset progress
        </button>
      )}
    </div>
  );
}
