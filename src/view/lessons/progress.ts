// pure: the learner's progress — lessons finished, interview answers — as kept in localStorage under
// a versioned key. Stored data that does not parse or does not match the shape is ignored (an
// empty progress), and a storage that throws (private mode, quota, disabled) never breaks the page.
import * as z from 'zod/mini';

export const PROGRESS_KEY = 'hintscope.progress.v1';

export interface Progress {
  /** Ids of the lessons whose every step passed. */
  lessons: string[];
  /** Interview question id → whether the prediction was right (the first answer counts). */
  interview: Record<string, boolean>;
}

const SHAPE = z.object({
  version: z.literal(1),
  lessons: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000)),
  interview: z.record(z.string().check(z.maxLength(200)), z.boolean()),
});

export const EMPTY_PROGRESS: Progress = Object.freeze({ lessons: [], interview: {} }) as Progress;

/** The part of Storage this module needs (localStorage, or a fake in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function parseProgress(raw: string | null): Progress {
  if (raw === null) return EMPTY_PROGRESS;
  try {
    const r = SHAPE.safeParse(JSON.parse(raw));
    return r.success ? { lessons: [...new Set(r.data.lessons)], interview: { ...r.data.interview } } : EMPTY_PROGRESS;
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function loadProgress(storage: ProgressStorage | undefined): Progress {
  try {
    return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return EMPTY_PROGRESS;
  }
}

/** Writes it; false when the storage refused (the progress then lives for this page only). */
export function saveProgress(storage: ProgressStorage | undefined, p: Progress): boolean {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, lessons: p.lessons, interview: p.interview }));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function clearProgress(storage: ProgressStorage | undefined): void {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing stored can be cleared; the page's copy is reset by the caller.
  }
}

export function withLessonDone(p: Progress, id: string): Progress {
  return p.lessons.includes(id) ? p : { ...p, lessons: [...p.lessons, id] };
}

/** Records an interview answer; the first answer to a question is the one that counts. */
export function withAnswer(p: Progress, id: string, right: boolean): Progress {
  return id in p.interview ? p : { ...p, interview: { ...p.interview, [id]: right } };
}

export function score(p: Progress, ids: readonly string[]): { right: number; answered: number; total: number } {
  const answered = ids.filter((id) => id in p.interview);
  return { right: answered.filter((id) => p.interview[id]).length, answered: answered.length, total: ids.length };
}

export function lessonsDone(p: Progress, ids: readonly string[]): number {
  return ids.filter((id) => p.lessons.includes(id)).length;
}
