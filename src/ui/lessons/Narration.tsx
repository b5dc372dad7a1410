// The playing step in the player: the beat bar (pace, progress on the simulated clock, Pause /
// Resume, Skip to result) and the captions, each shown when its engine event happened, with the
// nodes in the colours and glyphs of the ring.
import { selectActions, selectCluster, selectMessages, selectNow, useAppStore } from '../../store';
import { matters } from '../../view/lessons/captions';
import './play.css';
import type { CaptionPart, LessonCaption, LessonStatus } from '../../protocol';
import { captionSegments, paceWords, stepProgress } from '../../view/lessons/captions';

/** A caption's words; nodes as small glyphs (their ring colour), keys in code type. */
export function CaptionLine({ parts, order }: { parts: readonly CaptionPart[]; order: readonly string[] }) {
  return (
    <>
      {captionSegments(parts, order).map((s, i) =>
        'text' in s ? (
          <span key={i}>{s.text}</span>
        ) : 'node' in s ? (
          <span key={i} className="cap-node" style={{ background: s.colour, color: s.ink }} data-node={s.node}>
            {s.node}
          </span>
        ) : (
          <code key={i} className="cap-key">
            {s.key}
          </code>
        ),
      )}
    </>
  );
}

const NO_ORDER: string[] = [];

/** Messages that matter on the wire now (gossip is the background). */
const selectMattering = (s: Parameters<typeof selectMessages>[0]) => selectMessages(s)?.reduce((n, m) => n + (matters(m.kind) ? 1 : 0), 0) ?? 0;

export function Captions({ captions }: { captions: readonly LessonCaption[] }) {
  const order = useAppStore(selectCluster)?.nodes ?? NO_ORDER;
  if (captions.length === 0) return null;
  // The newest few: the step's story so far, the latest last and marked.
  const shown = captions.slice(-4);
  return (
    <ol className="lp-captions" aria-live="polite" data-testid="lesson-captions">
      {shown.map((c, i) => (
        <li key={c.id} className={i === shown.length - 1 ? 'lp-caption latest' : 'lp-caption'} data-caption={c.id} data-at={c.at}>
          <CaptionLine parts={c.parts} order={order} />
        </li>
      ))}
    </ol>
  );
}

/** While a step plays: its pace, how far it is, and the controls that are always there. */
export function BeatBar({ status }: { status: LessonStatus }) {
  const actions = useAppStore(selectActions);
  const now = useAppStore(selectNow);
  const inFlight = useAppStore(selectMattering);
  const beat = status.beat;
  if (status.phase !== 'running' || !beat) return null;
  const progress = stepProgress(beat, now);
  return (
    <div className="lp-beat" data-testid="lesson-beat" data-pace={beat.slowNow ? 'slow' : beat.pace} data-paused={beat.paused} data-in-flight={inFlight}>
      <p className="lp-beat-words">
        <span className="lp-beat-count" title={`Beat ${beat.index + 1} of ${beat.count}`}>
          Beat {beat.index + 1}/{beat.count}
        </span>{' '}
        · <span data-testid="lesson-pace">{paceWords(beat)}</span>
        {inFlight > 0 && <span className="lp-beat-flight"> · {inFlight} in flight</span>}
      </p>
      <div className="lp-beat-track" role="progressbar" aria-label="Step progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
        <div className="lp-beat-fill" style={{ width: `${progress * 100}%` }} />
      </div>
      <div className="lp-beat-buttons">
        <button type="button" className="btn btn-small" onClick={() => actions.lessonControl(beat.paused ? 'resume' : 'pause')} data-testid="lesson-pause">
          {beat.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => actions.lessonControl('skip')} data-testid="lesson-skip">
          Skip to result
        </button>
      </div>
    </div>
  );
}
