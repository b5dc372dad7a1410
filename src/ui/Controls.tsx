// Time controls: play/pause, step, speed, jumps, and the simulated clock.
import { SPEEDS } from '../protocol';
import {
  selectActions,
  selectFrame,
  selectJumpProgress,
  selectNow,
  selectPlaying,
  selectSpeed,
  useAppStore,
} from '../store';
import { formatClock } from './format';

const hasFrame = (s: Parameters<typeof selectFrame>[0]) => selectFrame(s) !== null;

function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      {playing ? (
        <path d="M2 1h3.5v12H2zM8.5 1H12v12H8.5z" fill="currentColor" />
      ) : (
        <path d="M2.5 1l10 6-10 6z" fill="currentColor" />
      )}
    </svg>
  );
}

export function Controls() {
  const actions = useAppStore(selectActions);
  const ready = useAppStore(hasFrame);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const now = useAppStore(selectNow);
  const jumpProgress = useAppStore(selectJumpProgress);
  const jumping = jumpProgress !== null;

  return (
    <div className="controls" role="toolbar" aria-label="Time controls">
      <button
        type="button"
        className="btn btn-primary play-toggle"
        data-testid="play-toggle"
        aria-label={playing ? 'Pause' : 'Play'}
        aria-pressed={playing}
        disabled={!ready}
        onClick={actions.togglePlay}
      >
        <PlayIcon playing={playing} />
        <span aria-hidden="true">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <button type="button" className="btn" disabled={!ready || jumping} onClick={actions.step} title="Process the next event">
        Step
      </button>
      <label className="field-inline">
        <span>Speed</span>
        <select
          data-testid="speed"
          value={String(speed)}
          disabled={!ready}
          onChange={(e) => actions.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <div className="btn-group" role="group" aria-label="Jump ahead">
        <button type="button" className="btn" disabled={!ready} onClick={() => actions.jump(60_000)} aria-label="Jump ahead 1 minute">
          +1 min
        </button>
        <button type="button" className="btn" disabled={!ready} onClick={() => actions.jump(600_000)} aria-label="Jump ahead 10 minutes">
          +10 min
        </button>
      </div>
      <div className="clock-wrap">
        <span className="clock-label">sim time</span>
        <output className="clock" data-testid="clock" aria-label="Simulated time">
          {formatClock(now)}
        </output>
        {jumping && (
          <progress className="jump-progress" max={1} value={jumpProgress} aria-label="Jump progress" />
        )}
      </div>
    </div>
  );
}
