// The lesson picker, the player (lessons and interview questions), presenter mode and lesson links.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { INTERVIEW, LESSONS } from '../../src/lessons';
import type { LessonStatus, LessonVerdict } from '../../src/protocol';
import { App } from '../../src/ui/app/App';
import { LessonPlayer } from '../../src/ui/lessons/LessonPlayer';
import { parseLessonLink } from '../../src/ui/lessons/link';
import { presenterKeyFor } from '../../src/view/lessons/presenter';
import { seedOf, shuffleChoices } from '../../src/view/lessons/shuffle';
import { commands, renderWithStore } from './fixtures';

const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;
const question = (id: string) => INTERVIEW.find((q) => q.id === id)!;

function status(over: Partial<LessonStatus> & Pick<LessonStatus, 'id'>): LessonStatus {
  const kind = over.kind ?? 'lesson';
  const l = kind === 'interview' ? question(over.id) : lesson(over.id);
  return { kind, title: l.title, stepCount: l.steps.length, phase: 'ready', busyStep: null, ranThrough: 0, verdicts: l.steps.map(() => null), message: null, ...over };
}

const pass = (step: number, claim = 'c'): LessonVerdict => ({ step, claim, pass: true, seen: null });

describe('lesson picker', () => {
  it('lists every lesson and interview question with title, summary and story; Start asks the worker and closes', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<LessonPlayer />);
    await user.click(screen.getByRole('button', { name: 'Lessons' }));
    const dialog = screen.getByRole('dialog', { name: 'Lessons and interview' });
    // In the body, not inside the panel (whose layout containment would trap a fixed drawer).
    expect(dialog.closest('.panel')).toBeNull();
    const starts = within(dialog).getAllByRole('button', { name: /^Start: / });
    expect(starts).toHaveLength(LESSONS.length + INTERVIEW.length);
    expect(within(dialog).getByText(lesson('hint-window').summary)).toBeInTheDocument();
    expect(within(dialog).getByText(lesson('hint-window').story)).toBeInTheDocument();
    expect(within(dialog).getByText(question('hint-counts').question)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Start: The hint window' }));
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'start', kind: 'lesson', id: 'hint-window' }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(store.getState().pendingScenario).toBe(lesson('hint-window').scenario);
  });

  it('the interview button opens the picker on the first question', async () => {
    const user = userEvent.setup();
    renderWithStore(<LessonPlayer />);
    await user.click(screen.getByRole('button', { name: 'Interview' }));
    expect(screen.getByRole('button', { name: `Start: ${INTERVIEW[0]!.title}` })).toHaveFocus();
  });
});

describe('lesson player', () => {
  it('shows step N of M, its text and claim; Run step asks the worker; the verdict shows plainly', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<LessonPlayer />);
    const l = lesson('hint-window');
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-window', phase: 'preparing', busyStep: 0, ranThrough: null }) }));
    const player = screen.getByRole('region', { name: l.title });
    expect(player).toHaveTextContent('step 1 of 3');
    expect(player).toHaveTextContent(l.steps[0]!.text);
    expect(player).toHaveTextContent(l.steps[0]!.check.claim);
    expect(player).toHaveTextContent(l.story);
    expect(screen.getByTestId('lesson-verdict')).toHaveTextContent(/Preparing the cluster/);
    expect(screen.getByTestId('lesson-run')).toBeDisabled();
    expect(screen.getByRole('heading', { name: l.title })).toHaveFocus();

    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-window' }) }));
    expect(screen.getByTestId('lesson-verdict')).toHaveTextContent('Not run yet.');
    await user.click(screen.getByRole('button', { name: 'Run step' }));
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'run', step: 0, play: 'beats' }]);

    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-window', ranThrough: 1, verdicts: [pass(0), null, null] }) }));
    expect(screen.getByTestId('lesson-verdict')).toHaveTextContent('✓ Passed');
    expect(screen.getByTestId('lesson-verdict')).toHaveAttribute('data-state', 'passed');
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(player).toHaveTextContent('step 2 of 3');
    expect(player).toHaveTextContent(l.steps[1]!.title);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-window', ranThrough: 2, verdicts: [pass(0), { step: 1, claim: 'x', pass: false, seen: 'dropped 0, acknowledged 2' }, null] }) }));
    const v = screen.getByTestId('lesson-verdict');
    expect(v).toHaveAttribute('data-state', 'failed');
    expect(v).toHaveTextContent('✗ Failed — seen instead: dropped 0, acknowledged 2');
    await user.click(screen.getByRole('button', { name: 'Prev' }));
    expect(player).toHaveTextContent('step 1 of 3');
    expect(screen.getByRole('button', { name: 'Prev' })).toBeDisabled();
  });

  it('says why a step stopped short, and Leave goes back to the sandbox', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<LessonPlayer />);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'phi', ranThrough: null, message: 'Stopped: pausing cut step 1 short.' }) }));
    expect(screen.getByRole('alert')).toHaveTextContent('Stopped: pausing cut step 1 short.');
    await user.click(screen.getByRole('button', { name: /Leave the lesson/ }));
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'leave' }]);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: null }));
    expect(screen.queryByTestId('lesson-player')).not.toBeInTheDocument();
    expect(screen.getByTestId('learn-panel')).toBeInTheDocument();
  });

  it('text from the lessons is rendered as text, never as HTML', () => {
    const { store, container } = renderWithStore(<LessonPlayer />);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'phi', verdicts: [{ step: 0, claim: 'c', pass: false, seen: '<img src=x onerror=alert(1)>' }, null] }) }));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('lesson-verdict')).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});

describe('interview player', () => {
  it('asks for a prediction before the demo, locks it while it runs, then reveals right or wrong and the model answer', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<LessonPlayer />);
    const q = question('hint-counts');
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'hint-counts' }) }));
    expect(screen.getByTestId('interview-question')).toHaveTextContent(q.question);
    expect(screen.getAllByRole('radio')).toHaveLength(q.choices.length);
    expect(screen.getByTestId('lesson-run')).toBeDisabled();
    expect(screen.getByTestId('lesson-run')).toHaveTextContent('Predict first');
    const wrong = (q.correct + 1) % q.choices.length;
    await user.click(screen.getByRole('radio', { name: new RegExp(q.choices[wrong]!.slice(0, 20)) }));
    expect(store.getState().prediction).toBe(wrong);
    await user.click(screen.getByRole('button', { name: 'Run step' }));
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'run', step: 0, play: 'beats' }]);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'hint-counts', phase: 'running', busyStep: 0 }) }));
    expect(screen.getByRole('group', { name: /locked/ })).toBeDisabled();
    expect(screen.queryByTestId('interview-reveal')).not.toBeInTheDocument();
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'hint-counts', ranThrough: 1, verdicts: [pass(0), null] }) }));
    expect(screen.queryByTestId('interview-reveal')).not.toBeInTheDocument(); // not before the whole demo ran
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'hint-counts', ranThrough: 2, verdicts: [pass(0), pass(1)] }) }));
    const reveal = screen.getByTestId('interview-reveal');
    // Numbered as shown: the options are shuffled per seed.
    const shownAt = shuffleChoices(q.choices.length, q.correct, seedOf(q.scenario), q.id).correctAt;
    expect(reveal).toHaveTextContent(`✗ Not quite: the demo showed choice ${shownAt + 1}.`);
    expect(reveal).toHaveTextContent(q.modelAnswer);
    expect(screen.getByTestId(`choice-${q.correct}`)).toHaveTextContent('✓ what happened');
    expect(screen.getByTestId(`choice-${wrong}`)).toHaveTextContent('✗ your pick');
  });
});

describe('presenter mode', () => {
  it('F toggles it; → / Space run or go on, ← goes back, 1–4 predict, Esc leaves; Space no longer plays', async () => {
    const user = userEvent.setup();
    const { send, store, container } = renderWithStore(<App />);
    const app = container.querySelector('.app')!;
    expect(app).not.toHaveClass('presenter');
    await user.click(screen.getByRole('button', { name: /^Present/ }));
    expect(app).toHaveClass('presenter');
    expect(screen.getByRole('button', { name: /Exit presenter/ })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Escape}');
    expect(app).not.toHaveClass('presenter');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('f');
    expect(app).toHaveClass('presenter');

    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'hint-counts' }) }));
    (document.activeElement as HTMLElement | null)?.blur();
    send.mockClear();
    await user.keyboard(' ');
    expect(commands(send)).toEqual([]); // waiting for a prediction; and not "play"
    // Key 2 picks the second option as shown; the store keeps its original index.
    const hc = question('hint-counts');
    const second = shuffleChoices(hc.choices.length, hc.correct, seedOf(hc.scenario), hc.id).order[1]!;
    await user.keyboard('2');
    expect(store.getState().prediction).toBe(second);
    await user.keyboard('{ArrowRight}');
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'run', step: 0, play: 'beats' }]);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ kind: 'interview', id: 'hint-counts', ranThrough: 1, verdicts: [pass(0), null] }) }));
    await user.keyboard('3'); // locked once the demo started
    expect(store.getState().prediction).toBe(second);
    await user.keyboard(' ');
    expect(store.getState().lessonStep).toBe(1);
    expect(screen.getByTestId('lesson-player')).toHaveTextContent('step 2 of 3');
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().lessonStep).toBe(0);
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'run', step: 0, play: 'beats' }]); // no play/pause among them
    await user.keyboard('{Escape}');
    expect(app).not.toHaveClass('presenter');
  });

  it('at the end of a lesson, Space (or the button) starts the next one', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<App />);
    act(() => {
      store.getState().actions.setPresenter(true);
      store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'replication', ranThrough: 1, verdicts: [pass(0)] }) });
    });
    const next = LESSONS[LESSONS.findIndex((l) => l.id === 'replication') + 1]!;
    expect(screen.getByRole('button', { name: 'Next lesson →' })).toHaveAttribute('title', next.title);
    (document.activeElement as HTMLElement | null)?.blur();
    send.mockClear();
    await user.keyboard(' ');
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'start', kind: 'lesson', id: next.id }]);
  });

  it('keys are left alone in text fields and dialogs; outside presenter mode only F is taken', () => {
    const input = document.createElement('input');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const inDialog = document.createElement('button');
    dialog.append(inDialog);
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, repeat: false, defaultPrevented: false, ...extra });
    expect(presenterKeyFor(key('f'), input, false)).toBeNull();
    expect(presenterKeyFor(key('f'), inDialog, true)).toBeNull();
    expect(presenterKeyFor(key('f'), document.body, false)).toBe('toggle');
    expect(presenterKeyFor(key('f', { ctrlKey: true }), document.body, false)).toBeNull();
    expect(presenterKeyFor(key(' '), document.body, false)).toBeNull();
    expect(presenterKeyFor(key(' '), document.body, true)).toBe('forward');
    expect(presenterKeyFor(key('ArrowLeft'), document.body, true)).toBe('back');
    expect(presenterKeyFor(key('Escape'), document.body, true)).toBe('exit');
    expect(presenterKeyFor(key('4'), document.body, true)).toEqual({ predict: 3 });
    expect(presenterKeyFor(key('5'), document.body, true)).toBeNull();
  });
});

describe('lesson links', () => {
  it('parses #lesson=<id>&step=<n> and the interview form', () => {
    expect(parseLessonLink('#s=abc')).toBeNull();
    expect(parseLessonLink('')).toBeNull();
    expect(parseLessonLink('#lesson=hint-window&step=2')).toEqual({ kind: 'lesson', id: 'hint-window', step: 2, present: false });
    expect(parseLessonLink('#interview=hint-counts&predict=2&step=1&present=1')).toEqual({ kind: 'interview', id: 'hint-counts', step: 1, predict: 1, present: true });
  });

  it('a bad link names the field', () => {
    expect(() => parseLessonLink('#lesson=nope')).toThrow('lesson link: lesson: no lesson "nope"');
    expect(() => parseLessonLink('#lesson=<b>')).toThrow(/lesson link: lesson: expected a lesson id/);
    expect(() => parseLessonLink('#lesson=hint-window&step=9')).toThrow('lesson link: step: expected 1 to 3 (it has 3 steps)');
    expect(() => parseLessonLink('#lesson=hint-window&step=two')).toThrow('lesson link: step: expected a whole number');
    expect(() => parseLessonLink('#lesson=hint-window&predict=1')).toThrow('lesson link: predict: only interview questions take a prediction');
    expect(() => parseLessonLink('#interview=hint-counts&step=1')).toThrow(/interview link: predict: needed/);
    expect(() => parseLessonLink('#lesson=phi&present=yes')).toThrow('lesson link: present: expected 0 or 1');
  });

  it('the store runs steps 1 … n once the lesson is ready', () => {
    const { send, store } = renderWithStore(<LessonPlayer />);
    store.getState().actions.startLesson('lesson', 'hint-window', {}, 2);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-window', phase: 'preparing', busyStep: 0, ranThrough: null }) }));
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'start', kind: 'lesson', id: 'hint-window' }]);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: status({ id: 'hint-window' }) }));
    expect(commands(send)).toEqual([{ type: 'lesson', op: 'start', kind: 'lesson', id: 'hint-window' }, { type: 'lesson', op: 'run', step: 1 }]);
    expect(store.getState().lessonStep).toBe(1);
  });
});
