// The lesson / interview player: step N of M, its text, "Run step" (the worker acts and checks),
// the claim and a plain verdict — pass ✓, or fail ✗ with what was seen instead. Interview
// questions first ask for a prediction, and reveal right or wrong once the demo has run.
import { useEffect, useRef, type ReactNode } from 'react';
import { selectActions, selectLesson, selectLessonStep, selectPrediction, selectPresenter, useAppStore } from '../../store';
import type { LessonStatus } from '../../protocol';
import { demoDone, INTERVIEW, interviewOf, lessonOf, LESSONS, nextLesson, stepState, type InterviewQuestion } from '../../view/lessons/catalogue';
import { LessonsButton } from './LessonsButton';
import { PresenterButton } from './PresenterKeys';
import { Recap } from './Recap';
import { StepPrediction } from './StepPrediction';
import { seedOf, shuffleChoices } from '../../view/lessons/shuffle';
import { BeatBar, Captions } from './Narration';
import { presenterKeysHint } from '../../view/inputWords';
import { useCoarsePointer } from '../common/hooks';

function Verdict({ status, step }: { status: LessonStatus; step: number }) {
  const state = stepState(status, step);
  const v = status.verdicts[step];
  let text: ReactNode;
  if (state === 'preparing') text = status.ranThrough === null && step === 0 ? 'Preparing the cluster (a minute of gossip, run flat out)…' : 'Replaying the lesson up to this step…';
  else if (state === 'running') text = 'Running the step…';
  else if (state === 'passed') text = <><span className="lp-mark" aria-hidden="true">✓</span> Passed</>;
  else if (state === 'failed')
    text = (
      <>
        <span className="lp-mark" aria-hidden="true">✗</span> Failed — seen instead: <span className="lp-seen">{v?.seen}</span>
      </>
    );
  else text = 'Not run yet.';
  return (
    <p className="lp-verdict" role="status" aria-live="polite" data-testid="lesson-verdict" data-state={state}>
      {state === 'passed' && <span className="sr-only">Check passed: </span>}
      {state === 'failed' && <span className="sr-only">Check failed: </span>}
      {text}
    </p>
  );
}

function Prediction({ question, status }: { question: InterviewQuestion; status: LessonStatus }) {
  const actions = useAppStore(selectActions);
  const prediction = useAppStore(selectPrediction);
  const locked = status.verdicts.some((v) => v !== null) || status.phase === 'running';
  const done = demoDone(status);
  const name = `predict-${question.id}`;
  // Shown in the question's shuffled order; the store keeps the original index.
  const { order, correctAt } = shuffleChoices(question.choices.length, question.correct, seedOf(question.scenario), question.id);
  return (
    <div className="lp-interview">
      <p className="lp-question" data-testid="interview-question">{question.question}</p>
      <fieldset className="lp-choices" disabled={locked}>
        <legend>{locked ? 'Your prediction (locked):' : 'Predict the outcome before the demo runs:'}</legend>
        {order.map((i, shown) => {
          const mark = done ? (i === question.correct ? 'correct' : i === prediction ? 'wrong' : '') : '';
          return (
            <label key={i} className={`lp-choice${i === prediction ? ' picked' : ''}${mark ? ` ${mark}` : ''}`} data-testid={`choice-${i}`}>
              <input type="radio" name={name} checked={prediction === i} onChange={() => actions.predict(i)} />
              <span className="lp-choice-key" aria-hidden="true">{shown + 1}</span>
              <span>{question.choices[i]}</span>
              {mark === 'correct' && <span className="lp-choice-tag">✓ what happened</span>}
              {mark === 'wrong' && <span className="lp-choice-tag">✗ your pick</span>}
            </label>
          );
        })}
      </fieldset>
      {done && prediction !== null && (
        <div className="lp-reveal" data-testid="interview-reveal" data-right={prediction === question.correct}>
          <p className="lp-reveal-head">
            {prediction === question.correct ? '✓ Right: the demo showed what you predicted.' : `✗ Not quite: the demo showed choice ${correctAt + 1}.`}
          </p>
          <h4>Model answer</h4>
          <p className="lp-answer">{question.modelAnswer}</p>
        </div>
      )}
    </div>
  );
}

/** Without a lesson: where lessons, interview questions and presenter mode start. */
function LearnPanel() {
  return (
    <section className="panel learn-panel" aria-labelledby="learn-title" data-testid="learn-panel">
      <h2 className="panel-title" id="learn-title">
        Learn
      </h2>
      <p className="panel-note learn-note">
        {LESSONS.length} guided lessons and {INTERVIEW.length} interview questions, each checked live.
      </p>
      <div className="learn-buttons">
        <LessonsButton label="Lessons" className="btn btn-small" />
        <LessonsButton label="Interview" className="btn btn-small" section="interview" testId="interview-button" />
        <PresenterButton small />
      </div>
    </section>
  );
}

type Lesson = NonNullable<ReturnType<typeof lessonOf>>;

/** The captions of the step shown, if it is the one playing or the one that ran last. */
function captionsOf(status: LessonStatus, step: number) {
  const mine = status.phase === 'running' ? status.busyStep === step : status.phase === 'ready' && status.ranThrough === step + 1;
  return mine && status.captions && status.captions.length > 0 ? status.captions : null;
}

/** The step's title, text, claim and verdict, and the worker's message about it. */
function StepBody({ lesson, status, step }: { lesson: Lesson; status: LessonStatus; step: number }) {
  const s = lesson.steps[step]!;
  return (
    <div className="lp-step">
      <h3 className="lp-step-title" data-testid="lesson-step-title">
        {step + 1}. {s.title}
      </h3>
      {s.predict && <StepPrediction key={`${lesson.id}:${step}`} lesson={lesson} step={step} predict={s.predict} ran={Boolean(status.verdicts[step])} />}
      <p className="lp-text">{s.text}</p>
      <BeatBar status={status} />
      {captionsOf(status, step) && <Captions captions={captionsOf(status, step)!} />}
      <div className="lp-check" data-state={stepState(status, step)}>
        <p className="lp-claim">
          <span className="lp-label">Check:</span> {s.check.claim}
        </p>
        <Verdict status={status} step={step} />
      </div>
      {status.message && (
        <p className="lp-message" role="alert">
          {status.message}
        </p>
      )}
    </div>
  );
}

/** Prev, Run step, and Next (or, after the last step has run, the next lesson). */
function StepNav({ status, step, needsPrediction }: { status: LessonStatus; step: number; needsPrediction: boolean }) {
  const actions = useAppStore(selectActions);
  const busy = status.phase !== 'ready';
  const ran = status.verdicts[step] !== null && status.verdicts[step] !== undefined;
  const after = nextLesson(status);
  return (
    <div className="lp-nav" role="group" aria-label="Steps">
      <button type="button" className="btn" onClick={() => actions.showLessonStep(step - 1)} disabled={step === 0} title="Previous step">
        <span aria-hidden="true">←</span> Prev
      </button>
      <button
        type="button"
        className="btn btn-primary lp-run"
        onClick={() => actions.runLessonStep(step)}
        disabled={busy || needsPrediction}
        data-testid="lesson-run"
        title={needsPrediction ? 'Pick a prediction first' : undefined}
      >
        {busy ? 'Running…' : ran ? 'Run again' : needsPrediction ? 'Predict first' : 'Run step'}
      </button>
      {after && step + 1 >= status.stepCount && ran && !busy ? (
        <button type="button" className="btn" onClick={() => actions.startLesson(status.kind, after.id, after.scenario)} title={after.title} data-testid="lesson-next-lesson">
          {status.kind === 'interview' ? 'Next question →' : 'Next lesson →'}
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => actions.showLessonStep(step + 1)} disabled={step + 1 >= status.stepCount} aria-label="Next step" data-testid="lesson-next">
          Next →
        </button>
      )}
    </div>
  );
}

function LessonFoot({ status }: { status: LessonStatus }) {
  const actions = useAppStore(selectActions);
  return (
    <div className="lp-foot">
      <button type="button" className="btn btn-small lp-leave" aria-label={`Leave the ${status.kind === 'interview' ? 'question' : 'lesson'}: back to the sandbox`} onClick={() => actions.leaveLesson()} data-testid="lesson-leave">
        Leave
      </button>
      <LessonsButton label="All lessons" className="btn btn-small" section={status.kind === 'interview' ? 'interview' : 'lessons'} testId="lessons-switch" />
      <PresenterButton small />
    </div>
  );
}

export function LessonPlayer() {
  const status = useAppStore(selectLesson);
  const stepIndex = useAppStore(selectLessonStep);
  const prediction = useAppStore(selectPrediction);
  const presenter = useAppStore(selectPresenter);
  const touch = useCoarsePointer();
  const heading = useRef<HTMLHeadingElement>(null);
  const startedKey = status ? `${status.kind}:${status.id}` : null;

  // A new lesson takes the focus (the picker that started it has closed).
  useEffect(() => {
    if (startedKey) heading.current?.focus();
  }, [startedKey]);

  if (!status) return <LearnPanel />;
  const lesson = lessonOf(status.kind, status.id);
  if (!lesson) return <LearnPanel />;
  const step = Math.min(Math.max(0, stepIndex), status.stepCount - 1);
  const question = interviewOf(status);
  const needsPrediction = question !== undefined && prediction === null;
  const keysHint = presenterKeysHint(question !== undefined, touch);
  const kindLabel = status.kind === 'interview' ? 'Interview question' : 'Lesson';

  return (
    <section className="panel lesson-player" aria-labelledby="lp-title" data-testid="lesson-player" data-phase={status.phase} data-kind={status.kind} data-revealed={question !== undefined && demoDone(status)} data-locked={question !== undefined && (status.verdicts.some((v) => v !== null) || status.phase === 'running')}>
      <header className="lp-head">
        <p className="lp-kind">
          {kindLabel} · <span data-testid="lesson-step-count">step {step + 1} of {status.stepCount}</span>
        </p>
        <h2 id="lp-title" ref={heading} tabIndex={-1}>
          {lesson.title}
        </h2>
        {!question && step === 0 && <p className="lp-story">{lesson.story}</p>}
      </header>
      {question && <Prediction question={question} status={status} />}
      <StepBody lesson={lesson} status={status} step={step} />
      <StepNav status={status} step={step} needsPrediction={needsPrediction} />
      <Recap lesson={lesson} status={status} prediction={prediction} />
      <LessonFoot status={status} />
      {presenter && keysHint && <p className="lp-keys">{keysHint}</p>}
    </section>
  );
}
