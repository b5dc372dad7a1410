// Embed mode (`&embed=1` on any link): a minimal frame for a blog post or a phone column — the
// ring, play/pause, the clock, the current caption (a lesson's step, an interview question, or the
// scenario's name) and "Open in HintScope", which opens the full app at the same moment; the
// live region reads out what happens, as in the full app.
import { useEffect } from 'react';
import { selectActions, selectLesson, selectLessonStep, selectNow, selectPlaying, selectPrediction, selectScenario, selectSession, useAppStore } from '../../store';
import type { AppState } from '../../store/state';
import { formatClock } from '../../view/format';
import { RingPanel } from '../ring/RingPanel';
import { freshest, lessonLink, sessionLink } from '../share/links';
import { PlayIcon } from '../time/icons';
import { LiveAnnouncer } from './LiveAnnouncer';
import { embedCaption } from './scenarioText';
import './embed.css';

const selectLastGood = (s: AppState) => s.lastGood;
const hasFrame = (s: AppState) => s.view !== null;

/** The full app at this moment: the lesson at its steps, else the session's share link (no embed flag). */
function useOpenHref(): string {
  const lesson = useAppStore(selectLesson);
  const prediction = useAppStore(selectPrediction);
  const session = freshest(useAppStore(selectSession), useAppStore(selectLastGood));
  if (lesson) return lessonLink(lesson, prediction);
  if (session) return sessionLink(session);
  return `${window.location.origin}${window.location.pathname}`;
}

function EmbedBar() {
  const actions = useAppStore(selectActions);
  const playing = useAppStore(selectPlaying);
  const ready = useAppStore(hasFrame);
  const now = useAppStore(selectNow);
  const caption = embedCaption(useAppStore(selectLesson), useAppStore(selectLessonStep), useAppStore(selectScenario));
  const href = useOpenHref();
  return (
    <header className="embed-bar">
      <button
        type="button"
        className="btn btn-primary embed-play"
        data-testid="play-toggle"
        disabled={!ready}
        aria-pressed={playing}
        onClick={() => (playing ? actions.pause() : actions.play())}
      >
        <PlayIcon playing={playing} /> <span className="embed-play-text">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <output className="clock embed-clock num" data-testid="clock" aria-label="Simulated time">
        {formatClock(now)}
      </output>
      <p className="embed-caption" data-testid="embed-caption" title={caption}>
        {caption}
      </p>
      {/* The session is asked for again as the reader reaches for the link, so it opens at this moment. */}
      <a className="btn embed-open" href={href} target="_blank" rel="noopener" data-testid="embed-open" onPointerEnter={actions.exportSession} onFocus={actions.exportSession}>
        Open in HintScope
      </a>
    </header>
  );
}

export function EmbedApp() {
  const actions = useAppStore(selectActions);
  // The link the reader will follow is kept fresh while time runs (the store's own lastGood too).
  useEffect(() => actions.exportSession(), [actions]);
  return (
    <div className="app embed" data-testid="embed">
      <EmbedBar />
      <main className="embed-stage" aria-label="Cluster">
        <RingPanel />
      </main>
      {/* A reader who cannot see the ring hears the kills, partitions and convictions too. */}
      <LiveAnnouncer />
    </div>
  );
}
