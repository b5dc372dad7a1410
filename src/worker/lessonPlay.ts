// A running step's play: its beats (how fast simulated time passes: ../lessons/beats) and its
// narration (captions made as the engine's events come: ../lessons/narration). The runner owns
// one while a step runs; the pacing loop asks its JumpPace how far each tick may go.
import { beatsOf, matters, rateNow, type Beat } from '../lessons/beats';
import { captionForEvent, captionForMessage, MAX_CAPTIONS, type Placement } from '../lessons/narration';
import type { LessonStep } from '../lessons';
import type { BeatStatus, LessonCaption, LessonPlay, LogEvent, Simulation } from '../protocol';
import type { JumpPace } from './jumpPace';

/** Wall ms a still beat (reduced motion) stays put so its captions can be read. */
export const STILL_DWELL_MS = 900;
/** Messages looked at for slow motion and captions (a lesson's cluster sends few at once). */
const WATCH_MESSAGES = 400;

export interface StepPlay {
  /** null: flat out (a lesson link's replay), no beats. */
  readonly mode: LessonPlay | null;
  readonly step: LessonStep;
  readonly beats: Beat[];
  readonly from: number;
  readonly to: number;
  placement: Placement;
  /** The beat being played (−1 before the first). */
  index: number;
  held: boolean;
  skipped: boolean;
  slowNow: boolean;
  slowWall: number;
  captions: LessonCaption[];
  readonly seen: Set<string>;
  readonly seenMessages: Set<number>;
  /** What the player shows changed (a caption, the beat, slow motion). */
  readonly onChange: () => void;
}

export function createPlay(mode: LessonPlay | null, step: LessonStep, placement: Placement, from: number, onChange: () => void): StepPlay {
  const beats = beatsOf(step.actions);
  const to = from + beats.reduce((a, b) => a + b.ms, 0);
  return { mode, step, beats, from, to, placement, index: -1, held: false, skipped: false, slowNow: false, slowWall: 0, captions: [], seen: new Set(), seenMessages: new Set(), onChange };
}

const CAUSE_ORDER: Record<string, number> = { fault: 0, write: 1, read: 1, message: 3 };

function add(play: StepPlay, c: LessonCaption | null): boolean {
  if (!c || play.seen.has(c.id) || play.captions.length >= MAX_CAPTIONS) return false;
  play.seen.add(c.id);
  // In the order things happened: a log event is drained after the tick that saw its message. At
  // one instant, the cause reads first: a fault, then a write or read, then what the nodes do about
  // it (the engine notes a hint before the write that made it), then the messages they send.
  const late = (x: LessonCaption) => CAUSE_ORDER[x.kind] ?? 2;
  play.captions = [...play.captions, c].sort((a, b) => a.at - b.at || late(a) - late(b));
  return true;
}

/** Engine log events as they are drained: each may make a caption. */
export function hear(play: StepPlay, events: readonly LogEvent[]): void {
  let added = false;
  for (const e of events) added = add(play, captionForEvent(e, play.placement, play.step.captions)) || added;
  if (added) play.onChange();
}

/** Looks at the messages in flight: new ones may make captions; true when one that matters travels. */
function watch(play: StepPlay, sim: Simulation): boolean {
  let watching = false;
  let added = false;
  for (const m of sim.snapshot(WATCH_MESSAGES).messages) {
    if (!matters(m.kind)) continue;
    watching = true;
    if (play.seenMessages.has(m.id)) continue;
    play.seenMessages.add(m.id);
    added = add(play, captionForMessage(m, play.placement)) || added;
  }
  if (added) play.onChange();
  return watching;
}

/** The pace of the next beat's jump; undefined: flat out. */
export function nextPace(play: StepPlay): JumpPace | undefined {
  play.index++;
  play.slowWall = 0;
  const beat = play.beats[play.index];
  play.onChange();
  if (!play.mode || !beat) return undefined;
  if (play.mode === 'still') {
    return { get held() { return play.held; }, fine: false, rate: () => Infinity, dwellMs: play.skipped ? 0 : STILL_DWELL_MS, visible: true };
  }
  return {
    get held() {
      return play.held;
    },
    fine: true,
    dwellMs: 0,
    get visible() {
      return beat.pace === 'jump' || play.skipped;
    },
    rate(sim, wallDelta) {
      if (play.skipped) return Infinity;
      const rate = rateNow(beat, watch(play, sim), play.slowWall);
      const slow = rate < 1;
      if (slow) play.slowWall += wallDelta;
      if (slow !== play.slowNow) {
        play.slowNow = slow;
        play.onChange();
      }
      return rate;
    },
  };
}

/** The rest of the step flat out: the running beat too. */
export function skip(play: StepPlay, running: JumpPace | null): void {
  play.skipped = true;
  play.held = false;
  play.slowNow = false;
  if (running) running.dwellMs = 0;
  play.onChange();
}

export function beatStatus(play: StepPlay): BeatStatus | null {
  const beat = play.beats[play.index];
  if (!play.mode || !beat) return null;
  return { index: play.index, count: play.beats.length, pace: play.skipped ? 'jump' : beat.pace, paused: play.held, slowNow: play.slowNow, stepFrom: play.from, stepTo: play.to };
}
