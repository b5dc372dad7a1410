// pure: how the player and the ring show a step's narration — caption parts in the colours the
// ring gives each node, where a callout points (a node, a hint queue's holder, a message as it
// travels), and the words for a beat's pace.
import type { BeatStatus, CaptionAnchor, CaptionPart, LessonCaption, MessageView } from '../../protocol';
import { CENTER, VIEW, type Point } from '../geometry';
import { inkOn, nodeColour } from '../palette';

/** Gossip and echoes are the cluster's background: every other message is worth watching (the worker's rule too). */
export const matters = (kind: MessageView['kind']): boolean => kind !== 'gossip' && kind !== 'echo';

export type CaptionSegment = { text: string } | { node: string; colour: string; ink: string } | { key: string };

/** Parts with each node's ring colour (by its place in the cluster's order); a dangling comma is dropped. */
export function captionSegments(parts: readonly CaptionPart[], order: readonly string[]): CaptionSegment[] {
  const out: CaptionSegment[] = [];
  parts.forEach((p, i) => {
    if (typeof p === 'string') {
      const next = parts[i + 1];
      // "D, the third replica of k," before "." or ":" reads "D, the third replica of k."
      const text = p === ',' && typeof next === 'string' && /^[.:;]/.test(next) ? '' : p;
      if (text) out.push({ text });
    } else if ('node' in p) {
      const colour = nodeColour(Math.max(0, order.indexOf(p.node)));
      out.push({ node: p.node, colour, ink: inkOn(colour) });
    } else out.push({ key: p.key });
  });
  return out;
}

/** The caption a callout shows: the newest with an anchor on the ring. */
export function calloutCaption(captions: readonly LessonCaption[] | undefined): LessonCaption | null {
  if (!captions) return null;
  for (let i = captions.length - 1; i >= 0; i--) if (captions[i]!.anchor) return captions[i]!;
  return null;
}

/** The node a caption is about (its callout's node, a queue's holder, a message's sender). */
export function anchorNode(a: CaptionAnchor): string {
  return 'node' in a ? a.node : 'holder' in a ? a.holder : a.from;
}

/**
 * Where a callout points, in view units: a node's glyph, a hint queue's holder, or a message on
 * its way (followed from its sender to its target while it travels, then at the target).
 */
export function anchorPoint(a: CaptionAnchor, positions: ReadonlyMap<string, Point>, now: number, messages: readonly MessageView[] | undefined): Point | null {
  if ('node' in a) return positions.get(a.node) ?? null;
  if ('holder' in a) return positions.get(a.holder) ?? null;
  const from = positions.get(a.from);
  const to = positions.get(a.to);
  if (!from || !to) return null;
  const m = messages?.find((x) => x.id === a.message);
  if (!m) return to;
  const t = Math.min(1, Math.max(0, (now - m.sentAt) / Math.max(1e-9, m.deliverAt - m.sentAt)));
  return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
}

/**
 * Which way a callout's box opens from its point — towards the ring's centre, centred under or over
 * a point near the vertical axis — and how wide it may be (CSS px) to stay on a ring `side` px wide.
 */
export function calloutSide(p: Point, side: number): { h: 'left' | 'right' | 'centre'; v: 'above' | 'below'; maxWidth: number } {
  const v = p.y > CENTER ? 'above' : 'below';
  const px = (p.x / VIEW) * side;
  if (Math.abs(p.x - CENTER) < VIEW * 0.12) return { h: 'centre', v, maxWidth: Math.max(140, 2 * Math.min(px, side - px) - 8) };
  return p.x > CENTER ? { h: 'left', v, maxWidth: Math.max(140, px - 26) } : { h: 'right', v, maxWidth: Math.max(140, side - px - 26) };
}

/** The beat bar's words. */
export function paceWords(beat: BeatStatus): string {
  if (beat.paused) return 'Paused';
  if (beat.slowNow) return 'Slow motion';
  switch (beat.pace) {
    case 'slow':
      return 'Slow motion';
    case 'normal':
      return 'Real time';
    case 'fast':
      return 'Fast: waiting';
    case 'jump':
      return 'Fast-forward';
  }
}

/** How far the step has played, 0..1, from the simulated clock. */
export function stepProgress(beat: BeatStatus, now: number): number {
  return Math.min(1, Math.max(0, (now - beat.stepFrom) / Math.max(1e-9, beat.stepTo - beat.stepFrom)));
}
