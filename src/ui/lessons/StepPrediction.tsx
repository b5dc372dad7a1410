// A prediction inside a lesson step: asked before the step runs (options in the lesson's shuffled
// order), then — once its check has run — folded into one line saying what the step showed, so the
// step still fits a presenter's screen.
import { useState } from 'react';
import type { Lesson } from '../../view/lessons/catalogue';
import { seedOf, shuffleChoices } from '../../view/lessons/shuffle';

type Prediction = NonNullable<Lesson['steps'][number]['predict']>;

function Reveal({ predict, picked, correctAt }: { predict: Prediction; picked: number | null; correctAt: number }) {
  const happened = predict.choices[predict.correct];
  const right = picked === predict.correct;
  return (
    <p className="lp-predict-reveal" role="status" data-testid="step-prediction-reveal" data-right={picked === null ? undefined : right}>
      <span className="lp-predict-q">{predict.question}</span>{' '}
      {picked === null ? (
        <>What happened (choice {correctAt + 1}): <strong>{happened}</strong></>
      ) : right ? (
        <>✓ Right: <strong>{happened}</strong></>
      ) : (
        <>✗ Not quite: the step showed choice {correctAt + 1}, <strong>{happened}</strong> (you picked “{predict.choices[picked]}”)</>
      )}
    </p>
  );
}

/** Render with `key` = lesson id and step, so a new step starts with no pick. */
export function StepPrediction({ lesson, step, predict, ran }: { lesson: Lesson; step: number; predict: Prediction; ran: boolean }) {
  const [picked, setPicked] = useState<number | null>(null);
  const { order, correctAt } = shuffleChoices(predict.choices.length, predict.correct, seedOf(lesson.scenario), `${lesson.id}#${step}`);
  if (ran) {
    return (
      <div className="lp-step-predict" data-testid="step-prediction">
        <Reveal predict={predict} picked={picked} correctAt={correctAt} />
      </div>
    );
  }
  const name = `step-predict-${lesson.id}-${step}`;
  return (
    <div className="lp-step-predict" data-testid="step-prediction">
      <fieldset className="lp-choices">
        <legend>Predict, then run the step: <span className="lp-predict-q">{predict.question}</span></legend>
        {order.map((orig, shown) => (
          <label key={orig} className={`lp-choice${orig === picked ? ' picked' : ''}`} data-testid={`step-choice-${orig}`}>
            <input type="radio" name={name} checked={picked === orig} onChange={() => setPicked(orig)} />
            <span className="lp-choice-key" aria-hidden="true">{shown + 1}</span>
            <span>{predict.choices[orig]}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
