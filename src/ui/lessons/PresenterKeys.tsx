// Presenter mode: the header toggle, and the keys (see ./presenter). The keys are read in the
// capture phase so that, in presenter mode, Space means "next step" rather than play/pause.
import { useEffect } from 'react';
import { useAppStoreApi, selectActions, selectPresenter, useAppStore } from '../../store';
import { INTERVIEW, nextMove } from '../../view/lessons/catalogue';
import { presenterKeyFor } from '../../view/lessons/presenter';
import { seedOf, shuffleChoices } from '../../view/lessons/shuffle';

export function PresenterButton({ small = false }: { small?: boolean }) {
  const presenter = useAppStore(selectPresenter);
  const actions = useAppStore(selectActions);
  return (
    <button
      type="button"
      className={`btn presenter-button${small ? ' btn-small' : ''}`}
      aria-pressed={presenter}
      onClick={() => actions.setPresenter(!presenter)}
      title="Presenter mode: large type, ring + step + hint queues (F)"
      data-testid="presenter-button"
    >
      {presenter ? 'Exit presenter' : 'Present'}
      <kbd aria-hidden="true">F</kbd>
    </button>
  );
}

export function PresenterKeys() {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const state = store.getState();
      const what = presenterKeyFor(e, e.target, state.presenter);
      if (!what) return;
      const { actions, lesson, lessonStep, prediction } = state;
      e.preventDefault();
      e.stopPropagation();
      if (what === 'toggle') return actions.setPresenter(!state.presenter);
      if (what === 'exit') return actions.setPresenter(false);
      if (!lesson) return;
      if (what === 'back') {
        if (lessonStep > 0) actions.showLessonStep(lessonStep - 1);
        return;
      }
      if (what === 'forward') {
        const move = nextMove(lesson, lessonStep, prediction);
        if (!move) return;
        if ('run' in move) actions.runLessonStep(move.run);
        else if ('show' in move) actions.showLessonStep(move.show);
        else actions.startLesson(lesson.kind, move.start.id, move.start.scenario);
        return;
      }
      const q = lesson.kind === 'interview' ? INTERVIEW.find((x) => x.id === lesson.id) : undefined;
      const locked = lesson.verdicts.some((v) => v !== null) || lesson.phase === 'running';
      // The keys follow the shown (shuffled) order; the store keeps the original index.
      if (q && !locked && what.predict < q.choices.length) actions.predict(shuffleChoices(q.choices.length, q.correct, seedOf(q.scenario), q.id).order[what.predict]!);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store]);
  return null;
}
