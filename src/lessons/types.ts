// A lesson: a scenario and a sequence of steps. Each step acts through the same commands as a
// user's clicks and then checks that the live state shows what its text claims — if the check
// fails, the lesson says so plainly.
import type { Command, KeyInspection, Snapshot } from '../engine/api';
import type { Report } from '../engine/check/report';

/** What a check can look at: the live cluster, as the engine reports it. */
export interface Probe {
  now: number;
  snapshot: Snapshot;
  report: Report;
  inspect(key: string): KeyInspection;
}

export type LessonAction =
  /** A user command (resolved against the live state, e.g. "kill the key's third replica"). */
  | { command: Command | ((p: Probe) => Command) }
  /** Let simulated time pass: one beat when the step plays (pace: see ./beats, derived from the length unless given). */
  | { advanceMs: number; pace?: Pace };

/** How fast a beat plays (the protocol's BeatPace): slow motion, real time, fast-forward, a visible jump. */
export type Pace = 'slow' | 'normal' | 'fast' | 'jump';

/**
 * An author's extra caption for a step: shown when the engine event matching `when` happens
 * (its log kind and a piece of its text), in place of the derived one for that event.
 */
export interface CaptionOverride {
  when: { kind: 'fault' | 'write' | 'read' | 'hint' | 'gossip' | 'repair'; text: string };
  caption: string;
}

export interface LessonCheck {
  /** What must be true, in the words a student reads. */
  claim: string;
  /** true, or a sentence saying what was seen instead. */
  verify(p: Probe): true | string;
}

/** A question asked before a step runs: the student predicts, then the step shows what happens. */
export interface Prediction {
  question: string;
  /** 2–4 outcomes. */
  choices: string[];
  /** Index of the outcome the step shows. */
  correct: number;
}

export interface LessonStep {
  title: string;
  text: string;
  actions: LessonAction[];
  check: LessonCheck;
  /** Optional: asked before the step runs. */
  predict?: Prediction;
  /** Optional: captions in the author's words for some engine events (others are derived). */
  captions?: CaptionOverride[];
}

export interface Lesson {
  id: string;
  title: string;
  /** One line: what the student will see. */
  summary: string;
  /** Real-world framing. */
  story: string;
  scenario: Record<string, unknown>;
  steps: LessonStep[];
  /** What to remember, shown when the last step has passed. */
  recap?: string;
}

/**
 * Lessons start on a cluster that has gossiped for a minute, so every step begins on a settled
 * cluster. (The detectors at time 0 are already warm: conviction takes ~18 s from the start too.)
 */
export const WARM_UP_MS = 60_000;

/**
 * An interview question: the candidate picks one of the predictable outcomes before the demo
 * runs; the demo (a lesson's steps, checked live) shows which one happens; then the model answer.
 */
export interface InterviewQuestion extends Lesson {
  question: string;
  /** 2–4 outcomes to predict. */
  choices: string[];
  /** Index of the outcome the demo shows. */
  correct: number;
  /** What a good candidate says: a short paragraph with the real parameter names and defaults. */
  modelAnswer: string;
}
