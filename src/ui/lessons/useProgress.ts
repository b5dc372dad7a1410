// The learner's progress for the page: read once from localStorage, shared by the catalogue and
// the player through useSyncExternalStore, written back on each change (see view/lessons/progress).
import { useSyncExternalStore } from 'react';
import { clearProgress, EMPTY_PROGRESS, loadProgress, saveProgress, withAnswer, withLessonDone, type Progress, type ProgressStorage } from '../../view/lessons/progress';

function storage(): ProgressStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Reading localStorage itself throws where storage is disabled.
    return undefined;
  }
}

let current: Progress | null = null;
const listeners = new Set<() => void>();

function get(): Progress {
  current ??= loadProgress(storage());
  return current;
}

function set(next: Progress): void {
  if (next === current) return;
  current = next;
  saveProgress(storage(), next);
  for (const l of listeners) l();
}

export const progressActions = {
  lessonDone: (id: string) => set(withLessonDone(get(), id)),
  answered: (id: string, right: boolean) => set(withAnswer(get(), id, right)),
  reset: () => {
    clearProgress(storage());
    current = EMPTY_PROGRESS;
    for (const l of listeners) l();
  },
  /** Tests: forget the page's copy so the next read comes from storage again. */
  reload: () => {
    current = null;
    for (const l of listeners) l();
  },
};

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, get, get);
}
