// A prediction inside a lesson step: asked before the step runs (options in the lesson's shuffled
// order), revealed — right or wrong, and what the step showed — once its check has run.
import { useState } from 'react';
import type { Lesson } from '../../view/lessons/catalogue';
import { seedOf, shuffleChoices } from '../../view/lessons/shuffle';

type Prediction = NonNullable<Lesson['steps'][number]['predict']>;

/** Render with `key` = lesson id and step, so a new step starts with no pick. */
export function StepPrediction({ lesson, step, predict, ran }: { lesson: Lesson; step: number; predict: Prediction; ran: boolean }) {
  const [picked, setPicked] = useState<number | null>(null);
  const { order, correctAt } = shuffleChoices(predict.choices.length, predict.correct, seedOf(lesson.scenario), `${lesson.id}#${step}`);
  const name = `step-predict-${lesson.id}-${step}`;
  return (
    <div className="lp-step-predict" data-testid="step-prediction">
      <fieldset className="lp-choices" disabled={ran}>
        <legend>{ran ? 'Your prediction:' : 'Predict, then run the step:'} <span className="lp-predict-q">{predict.question}</span></legend>
        {order.map((orig, shown) => {
          const mark = ran ? (orig === predict.correct ? 'correct' : orig === picked ? 'wrong' : '') : '';
          return (
            <label key={orig} className={`lp-choice${orig === picked ? ' picked' : ''}${mark ? ` ${mark}` : ''}`} data-testid={`step-choice-${orig}`}>
              <input type="radio" name={name} checked={picked === orig} onChange={() => setPicked(orig)} />
              <span className="lp-choice-key" aria-hidden="true">{shown + 1}</span>
              <span>{predict.choices[orig]}</span>
              {mark === 'correct' && <span className="lp-choice-tag">✓ what happened</span>}
              {mark === 'wrong' && <span className="lp-choice-tag">✗ your pick</span>}
            </label>
          );
        })}
      </fieldset>
      {ran && (
        <p className="lp-predict-reveal" role="status" data-testid="step-prediction-reveal" data-right={picked === null ? undefined : picked === predict.correct}>
          {picked === null ? `The step showed choice ${correctAt + 1}.` : picked === predict.correct ? '✓ Right: the step showed what you predicted.' : `✗ Not quite: the step showed choice ${correctAt + 1}.`}
        </p>
      )}
    </div>
  );
}
