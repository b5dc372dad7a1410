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
  | { type: 'lesson'; op: 'run'; step: number; play?: LessonPlay }
  /** The running step's beats hold where they are (pause) or go on (resume). */
  | { type: 'lesson'; op: 'pause' }
  | { type: 'lesson'; op: 'resume' }
  /** The rest of the running step flat out: the check runs as soon as its time has passed. */
  | { type: 'lesson'; op: 'skip' }
  /** Back to the free sandbox (the simulation stays as it is). */
  | { type: 'lesson'; op: 'leave' };

/**
 * How a step's simulated time passes: 'beats' plays it at a pace per beat (slow motion around the
 * messages that matter, fast-forward for long waits); 'still' jumps each beat without animation
 * (prefers-reduced-motion), captions still shown; absent: flat out (a lesson link's replay).
 * The pace never changes the trace: the check runs when the step's time has passed.
 */
export type LessonPlay = 'beats' | 'still';

/** How fast a beat plays: slow motion, real time, fast-forward, or a visible jump over a long wait. */
export type BeatPace = 'slow' | 'normal' | 'fast' | 'jump';

/** What a caption's callout points at on the ring. */
export type CaptionAnchor =
  | { node: string }
  /** A hint queue: drawn at its holder, about its target. */
  | { holder: string; target: string }
  /** A message in flight (followed while it travels), by MessageView.id. */
  | { message: number; from: string; to: string };

/** A caption part: plain words, a node (its colour and glyph), or a key. */
export type CaptionPart = string | { node: string } | { key: string };

/** A line of narration, posted when the engine event it names happens. */
export interface LessonCaption {
  /** Unique in the step: the rule and what it is about (the same event is narrated once). */
  id: string;
  /** Simulated ms of the event. */
  at: number;
  /** The engine event's kind (log kind, or 'message'). */
  kind: string;
  parts: CaptionPart[];
  anchor: CaptionAnchor | null;
}

/** The running step's beat, for the player's bar. */
export interface BeatStatus {
  index: number;
  count: number;
  pace: BeatPace;
  /** Held by the student. */
  paused: boolean;
  /** Slow motion right now (a message that matters is in flight). */
  slowNow: boolean;
  /** Simulated ms from the step's start to its end, and how far it is. */
  stepFrom: number;
  stepTo: number;
}

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
  /** The key the lesson writes or reads (opened in the key inspector), or null. */
  key?: string | null;
  /** The running (or last run) step's captions, in order. */
  captions?: LessonCaption[];
  /** The running step's beat while it plays, else null. */
  beat?: BeatStatus | null;
}

/** Worker → UI. `status` null: no lesson (left, or the sandbox was re-initialised). */
export interface LessonStatusMessage {
  type: 'lessonStatus';
  status: LessonStatus | null;
}
