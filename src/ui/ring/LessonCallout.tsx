// A lesson's callout on the ring: the newest caption that points at something — a node, a hint
// queue (at its holder), or a message, followed as it travels — drawn beside its point, opening
// towards the ring's centre.
import { selectCluster, selectLesson, selectMessages, selectNow, useAppStore } from '../../store';
import type { Point } from '../../view/geometry';
import { VIEW } from '../../view/geometry';
import { anchorPoint, calloutCaption, calloutSide } from '../../view/lessons/captions';
import { CaptionLine } from '../lessons/Narration';
import '../lessons/play.css';

const NO_ORDER: string[] = [];

/** `side`: the ring's size in CSS px (the box stays on it). */
export function LessonCallout({ positions, side: ringSide }: { positions: ReadonlyMap<string, Point>; side: number }) {
  const lesson = useAppStore(selectLesson);
  const order = useAppStore(selectCluster)?.nodes ?? NO_ORDER;
  const caption = calloutCaption(lesson?.captions);
  const anchor = caption?.anchor ?? null;
  const following = anchor !== null && 'message' in anchor;
  // Only a message anchor needs the clock and the messages (to follow it): others stay put.
  const now = useAppStore((s) => (following ? selectNow(s) : 0));
  const messages = useAppStore((s) => (following ? selectMessages(s) : undefined));
  if (!caption || !anchor) return null;
  const p = anchorPoint(anchor, positions, now, messages);
  if (!p) return null;
  const side = calloutSide(p, ringSide);
  return (
    <div
      className={`ring-callout callout-${side.h} callout-${side.v}`}
      style={{ left: `${(p.x / VIEW) * 100}%`, top: `${(p.y / VIEW) * 100}%` }}
      data-testid="ring-callout"
      data-anchor={'node' in anchor ? anchor.node : 'holder' in anchor ? anchor.holder : `message:${anchor.message}`}
      data-caption={caption.id}
      aria-hidden="true"
    >
      <span className="ring-callout-dot" />
      <span className="ring-callout-box" style={{ maxWidth: side.maxWidth }}>
        <CaptionLine parts={caption.parts} order={order} />
      </span>
    </div>
  );
}
