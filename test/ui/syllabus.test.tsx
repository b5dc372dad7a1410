// Interview practice in the player and the catalogue: step predictions, recaps, progress and reset.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { INTERVIEW, LESSONS } from '../../src/lessons';
import type { LessonStatus, LessonVerdict } from '../../src/protocol';
import { LessonPlayer } from '../../src/ui/lessons/LessonPlayer';
import { progressActions } from '../../src/ui/lessons/useProgress';
import { PROGRESS_KEY } from '../../src/view/lessons/progress';
import { seedOf, shuffleChoices } from '../../src/view/lessons/shuffle';
import { renderWithStore } from './fixtures';

const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;
const question = (id: string) => INTERVIEW.find((q) => q.id === id)!;
const pass = (step: number): LessonVerdict => ({ step, claim: 'c', pass: true, seen: null });

function status(over: Partial<LessonStatus> & Pick<LessonStatus, 'id'>): LessonStatus {
  const kind = over.kind ?? 'lesson';
  const l = kind === 'interview' ? question(over.id) : lesson(over.id);
  return { kind, title: l.title, stepCount: l.steps.length, phase: 'ready', busyStep: null, ranThrough: 0, verdicts: l.steps.map(() => null), message: null, ...over };
}

beforeEach(() => {
  localStorage.clear();
  progressActions.reload();
});

describe('a prediction inside a lesson step', () => {
  it('asks before the step runs, in the shuffled order, then reveals what the step showed', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<LessonPlayer />);
    const intro = lesson('intro');
    const predict = intro.steps[1]!.predict!;
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'intro', ranThrough: 1, verdicts: [pass(0), null, null] }) }));
    act(() => store.getState().actions.showLessonStep(1));
    const box = screen.getByTestId('step-prediction');
    expect(box).toHaveTextContent(predict.question);
    const { order, correctAt } = shuffleChoices(predict.choices.length, predict.correct, seedOf(intro.scenario), 'intro#1');
    const shown = within(box).getAllByRole('radio').map((r) => r.closest('label')!.textContent);
    order.forEach((orig, i) => expect(shown[i]).toContain(predict.choices[orig]));
    expect(screen.getByTestId('lesson-run')).toBeEnabled(); // a lesson's prediction is optional
    const wrong = (predict.correct + 1) % predict.choices.length;
    await user.click(within(box).getByTestId(`step-choice-${wrong}`).querySelector('input')!);
    expect(screen.queryByTestId('step-prediction-reveal')).not.toBeInTheDocument();
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'intro', ranThrough: 2, verdicts: [pass(0), pass(1), null] }) }));
    const reveal = screen.getByTestId('step-prediction-reveal');
    expect(reveal).toHaveTextContent(`✗ Not quite: the step showed choice ${correctAt + 1}, ${predict.choices[predict.correct]!}`);
    expect(reveal).toHaveTextContent(`you picked “${predict.choices[wrong]!}”`);
    expect(reveal).toHaveAttribute('data-right', 'false');
    // Folded once the step ran: no choice can be picked any more.
    expect(within(screen.getByTestId('step-prediction')).queryAllByRole('radio')).toHaveLength(0);
  });
});

describe('recap and progress', () => {
  it('a recap ends the lesson once every step passed, and the lesson is marked done in localStorage', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<LessonPlayer />);
    const l = lesson('hint-cap');
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-cap', ranThrough: 1, verdicts: [pass(0), null] }) }));
    expect(screen.queryByTestId('lesson-recap')).not.toBeInTheDocument();
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-cap', ranThrough: 2, verdicts: [pass(0), pass(1)] }) }));
    expect(screen.getByTestId('lesson-recap')).toHaveTextContent(l.recap!);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!)).toEqual({ version: 1, lessons: ['hint-cap'], interview: {} });
    await user.click(screen.getByRole('button', { name: 'All lessons' }));
    const dialog = screen.getByRole('dialog', { name: 'Lessons and interview' });
    expect(within(dialog).getByTestId('progress-lessons')).toHaveTextContent(`Lessons done: 1 of ${LESSONS.length}`);
    expect(within(dialog).getByTestId('done-lesson-hint-cap')).toHaveTextContent('✓ done');
    expect(within(dialog).queryByTestId('done-lesson-intro')).not.toBeInTheDocument();
  });

  it('no recap for a failed step; the lesson is not marked done', () => {
    const { store } = renderWithStore(<LessonPlayer />);
    const failed: LessonVerdict = { step: 1, claim: 'c', pass: false, seen: 'x' };
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-cap', ranThrough: 2, verdicts: [pass(0), failed] }) }));
    expect(screen.queryByTestId('lesson-recap')).not.toBeInTheDocument();
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
  });

  it('an interview answer counts once the demo is over; the catalogue shows the score; Reset forgets it all', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<LessonPlayer />);
    const q = question('why-w-two');
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'why-w-two' }) }));
    act(() => store.getState().actions.predict(q.correct));
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'why-w-two', ranThrough: 1, verdicts: [pass(0)] }) }));
    expect(screen.getByTestId('interview-reveal')).toHaveAttribute('data-right', 'true');
    await user.click(screen.getByRole('button', { name: 'All lessons' }));
    const dialog = screen.getByRole('dialog', { name: 'Lessons and interview' });
    expect(within(dialog).getByTestId('progress-score')).toHaveTextContent(`Interview: 1 right of 1 answered (${INTERVIEW.length} questions)`);
    expect(within(dialog).getByTestId('done-interview-why-w-two')).toHaveTextContent('✓ right');
    await user.click(within(dialog).getByTestId('progress-reset'));
    await user.click(within(dialog).getByTestId('progress-reset-confirm'));
    expect(within(dialog).getByTestId('progress-score')).toHaveTextContent('Interview: 0 right of 0 answered');
    expect(within(dialog).queryByTestId('done-interview-why-w-two')).not.toBeInTheDocument();
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
    expect(within(dialog).getByTestId('progress-reset')).toBeDisabled();
  });

  it('bad stored progress is ignored: the catalogue opens with nothing done', async () => {
    localStorage.setItem(PROGRESS_KEY, '{"version":1,"lessons":"all of them"}');
    progressActions.reload();
    const user = userEvent.setup();
    renderWithStore(<LessonPlayer />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    const dialog = screen.getByRole('dialog', { name: 'Lessons and interview' });
    expect(within(dialog).getByTestId('progress-lessons')).toHaveTextContent(`Lessons done: 0 of ${LESSONS.length}`);
  });
});
