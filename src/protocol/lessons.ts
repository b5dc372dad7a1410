// The lesson / interview part of the protocol: the UI asks the worker to start a lesson and run its
// steps; the worker runs the step's actions through the ordinary command path, checks the live
// state and reports the verdict. Step text and claims are not sent: both sides know the lessons.

/** Guided lessons, or the interview questions (each has a short live demo). */
export type LessonKind = 'lesson' | 'interview';

/** UI → worker. */
export type LessonRequest =
  /** Starts the lesson on its own scenario (a fresh simulation), warmed up, paused before step 0. */
  | { type: 'lesson'; op: 'start'; kind: LessonKind; id: string }
  /**
   * Runs one step's actions, then its check. When the running simulation is not exactly "after
   * the steps before it", the lesson is first rebuilt and those steps re-run (deterministic).
   */
  | { type: 'lesson'; op: 'run'; step: number }
  /** Back to the free sandbox (the simulation stays as it is). */
  | { type: 'lesson'; op: 'leave' };

export interface LessonVerdict {
  step: number;
  claim: string;
  pass: boolean;
  /** When it failed: what the check saw instead. */
  seen: string | null;
}

export interface LessonStatus {
  kind: LessonKind;
  id: string;
  title: string;
  stepCount: number;
  /** preparing: warming up or re-running earlier steps; running: a step's actions; ready: waiting. */
  phase: 'preparing' | 'running' | 'ready';
  /** The step being prepared for or run, or null. */
  busyStep: number | null;
  /**
   * Steps 0 … ranThrough − 1 have run, in order, on the running simulation (0 after the warm-up);
   * null when the simulation no longer matches the lesson (time travel, a jump cut short).
   */
  ranThrough: number | null;
  /** The latest verdict of each step (null: not checked yet). */
  verdicts: (LessonVerdict | null)[];
  /** Why a run stopped short, in a sentence, or null. */
  message: string | null;
}

/** Worker → UI. `status` null: no lesson (left, or the sandbox was re-initialised). */
export interface LessonStatusMessage {
  type: 'lessonStatus';
  status: LessonStatus | null;
}
