// One clock for both runs: play/pause, speed, jumps and "to the end" move A and B together.
import { useStore } from 'zustand';
import { SPEEDS } from '../../protocol';
import type { CompareStore } from '../../store/compare';
import { formatClock, formatDuration } from '../../view/format';
import { PlayIcon } from '../time/icons';
import { JUMPS } from '../../view/time/jumps';
import { JumpTo } from '../time/JumpTo';
import '../time/time.css';

/** The lab's jumps, applied to both runs. */
export const COMPARE_JUMPS = JUMPS.map((j) => ({ ...j, name: `Both: ${j.name.charAt(0).toLowerCase()}${j.name.slice(1)}` }));

export function CompareClock({ store }: { store: CompareStore }) {
  const clock = useStore(store, (s) => s.clock);
  const status = useStore(store, (s) => s.status);
  const actions = useStore(store, (s) => s.actions);
  const ready = status === 'running';
  const ended = clock.until !== null && clock.time >= clock.until;
  const running = clock.playing || clock.jump !== null;
  const progress = clock.jump ? Math.min(1, Math.max(0, (clock.time - clock.jump.from) / Math.max(1e-9, clock.jump.to - clock.jump.from))) : null;
  return (
    <div className="controls compare-controls" role="toolbar" aria-label="Time controls for both runs">
      <button
        type="button"
        className="btn btn-primary play-toggle"
        data-testid="compare-play"
        aria-label={running ? 'Pause both' : 'Play both'}
        aria-pressed={running}
        aria-keyshortcuts="Space"
        disabled={!ready || (ended && !running)}
        onClick={() => actions.togglePlay()}
      >
        <PlayIcon playing={running} />
        <span aria-hidden="true">{running ? 'Pause' : 'Play'}</span>
      </button>
      <label className="field-inline speed-field">
        <span>Speed</span>
        <select data-testid="compare-speed" value={String(clock.speed)} disabled={!ready} onChange={(e) => actions.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s.toLocaleString('en-US')}×
            </option>
          ))}
        </select>
      </label>
      <div className="btn-group jump-group" role="group" aria-label="Jump both ahead">
        {COMPARE_JUMPS.map((j) => (
          <button key={j.byMs} type="button" className="btn jump-btn" disabled={!ready || ended} onClick={() => actions.jumpBy(j.byMs)} title={j.name}>
            {j.text}
          </button>
        ))}
        <button type="button" className="btn jump-btn" data-testid="compare-jump-end" disabled={!ready || ended} onClick={() => actions.jumpTo(Infinity)} title="Both: run to the scenario's end">
          To end
        </button>
      </div>
      <JumpTo disabled={!ready || ended} now={clock.time} until={clock.until} onJump={(at) => actions.jumpTo(at)} back={false} />
      <div className="clock-wrap">
        <span className="clock-label">both at</span>
        <output className="clock" data-testid="compare-clock" aria-label="Shared simulated time">
          {formatClock(clock.time)}
        </output>
        {clock.until !== null && (
          <span className={`clock-end${ended ? ' clock-ended' : ''}`}>
            {ended ? 'ended at ' : 'ends '}
            {formatDuration(clock.until)}
          </span>
        )}
      </div>
      {progress !== null && clock.jump && (
        <div className="compare-jump" data-testid="compare-jump-progress">
          <progress max={1} value={progress} aria-label={`Both runs jumping to ${formatClock(clock.jump.to)}`} />
          <button type="button" className="btn btn-small" onClick={() => actions.cancelJump()}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
