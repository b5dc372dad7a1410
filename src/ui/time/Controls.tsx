// Time controls: play/pause, step to the next event, speed, jumps (+1 min … +3 h, or to a
// time), the running jump's progress with Cancel, and the simulated clock with the end.
import { useEffect, useRef, type RefObject } from 'react';
import { SPEEDS } from '../../protocol';
import {
  selectActions,
  selectFrame,
  selectJumpProgress,
  selectJumpTarget,
  selectNow,
  selectRestorableAt,
  selectPlaying,
  selectSpeed,
  selectUntil,
  useAppStore,
} from '../../store';
import { formatClock, formatDuration } from '../../view/format';
import { JumpProgress } from './JumpProgress';
import { PlayIcon, StepIcon } from './icons';
import { JUMPS } from '../../view/time/jumps';
import { JumpTo } from './JumpTo';
import { useTimeKeys } from './useTimeKeys';
import './time.css';

const hasFrame = (s: Parameters<typeof selectFrame>[0]) => selectFrame(s) !== null;

/** The speed menu's labels, made once (toLocaleString is slow, and the toolbar redraws often). */
const SPEED_TEXT = new Map<number, string>(SPEEDS.map((s) => [s, `${s.toLocaleString('en-US')}×`]));
const speedText = (s: number) => SPEED_TEXT.get(s) ?? `${s.toLocaleString('en-US')}×`;

/** The simulated clock, updated with the panels (ten times a second while time runs). */
function Clock() {
  const now = useAppStore(selectNow);
  const restorableAt = useAppStore(selectRestorableAt);
  return (
    <output className="clock" data-testid="clock" aria-label="Simulated time" data-restorable-at={restorableAt}>
      {formatClock(now)}
    </output>
  );
}

function SpeedSelect({ ready }: { ready: boolean }) {
  const actions = useAppStore(selectActions);
  const speed = useAppStore(selectSpeed);
  return (
    <label className="field-inline speed-field">
      <span>Speed</span>
      <select data-testid="speed" value={String(speed)} disabled={!ready} onChange={(e) => actions.setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {speedText(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

function JumpButtons({ disabled, jumping }: { disabled: boolean; jumping: boolean }) {
  const actions = useAppStore(selectActions);
  return (
    <div className="btn-group jump-group" role="group" aria-label="Jump ahead">
      {JUMPS.map((j, i) => (
        <button
          key={j.byMs}
          type="button"
          className="btn jump-btn"
          disabled={disabled}
          onClick={() => actions.jump(j.byMs)}
          aria-keyshortcuts={String(i + 1)}
          title={`${j.name}${jumping ? ', extending the running jump' : ''} (${i + 1})`}
        >
          {j.text}
        </button>
      ))}
    </div>
  );
}

/** The simulated clock and, when the scenario has one, its end. */
function ClockWithEnd({ until, ended }: { until: number | null; ended: boolean }) {
  return (
    <div className="clock-wrap">
      <span className="clock-label">sim time</span>
      <Clock />
      {until !== null && (
        <span className={`clock-end${ended ? ' clock-ended' : ''}`} data-testid="scenario-end" title="The scenario's end time">
          <span className="sr-only">{ended ? 'Reached the scenario end at ' : 'The scenario ends at '}</span>
          <span aria-hidden="true">{ended ? 'ended at ' : 'ends '}</span>
          {formatDuration(until)}
        </span>
      )}
    </div>
  );
}

/** The jump's Cancel button goes away when the jump ends: keep keyboard focus in the toolbar. */
function useFocusAfterJump(jumping: boolean, playRef: RefObject<HTMLButtonElement | null>) {
  /** Keyboard focus is on the jump's Cancel button. */
  const focusInJump = useRef(false);
  useEffect(() => {
    if (jumping || !focusInJump.current) return;
    focusInJump.current = false;
    if (!document.activeElement || document.activeElement === document.body) playRef.current?.focus();
  }, [jumping, playRef]);
  return focusInJump;
}

export function Controls() {
  const actions = useAppStore(selectActions);
  const ready = useAppStore(hasFrame);
  const playing = useAppStore(selectPlaying);
  const now = useAppStore(selectNow);
  const until = useAppStore(selectUntil);
  const jumpProgress = useAppStore(selectJumpProgress);
  const jumpTarget = useAppStore(selectJumpTarget);
  const jumping = jumpProgress !== null;
  // A running jump counts as running: Pause stops it where it is.
  const running = playing || jumping;
  const ended = until !== null && now >= until;
  const playRef = useRef<HTMLButtonElement>(null);
  const focusInJump = useFocusAfterJump(jumping, playRef);

  const togglePlay = () => {
    if (running) actions.pause();
    else if (!ended) actions.play();
  };
  const step = () => {
    if (!jumping && !ended) actions.step();
  };
  useTimeKeys({ togglePlay, step }, ready);

  return (
    <div className="controls" role="toolbar" aria-label="Time controls">
      <button
        ref={playRef}
        type="button"
        className="btn btn-primary play-toggle"
        data-testid="play-toggle"
        aria-label={running ? 'Pause' : 'Play'}
        aria-pressed={running}
        aria-keyshortcuts="Space"
        title={running ? 'Pause (Space)' : 'Play (Space)'}
        disabled={!ready || (ended && !running)}
        onClick={togglePlay}
      >
        <PlayIcon playing={running} />
        <span aria-hidden="true">{running ? 'Pause' : 'Play'}</span>
      </button>
      <button
        type="button"
        className="btn"
        data-testid="step"
        disabled={!ready || jumping || ended}
        onClick={step}
        aria-label="Step to the next event"
        aria-keyshortcuts="."
        title="Step to the next event (.)"
      >
        <StepIcon />
        <span aria-hidden="true">Step</span>
      </button>
      <SpeedSelect ready={ready} />
      <JumpButtons disabled={!ready || ended} jumping={jumping} />
      <JumpTo disabled={!ready} now={now} until={until} onJump={actions.jumpTo} />
      <ClockWithEnd until={until} ended={ended} />
      {jumping && jumpTarget !== null && (
        <JumpProgress
          now={now}
          progress={jumpProgress}
          target={jumpTarget}
          onCancel={() => {
            actions.cancelJump();
            playRef.current?.focus();
          }}
          onFocusChange={(inside) => (focusInJump.current = inside)}
        />
      )}
    </div>
  );
}
