// While a jump runs flat out: from → target in simulated time, how far it got, and Cancel.
import { useState, type FocusEvent } from 'react';
import { formatClock } from '../../view/format';

/** Where the jump started, from the host's progress = (now − from) / (target − from). */
export function jumpStart(now: number, progress: number, target: number): number {
  if (progress <= 0) return now;
  if (progress >= 0.999) return now; // no information left; the caller keeps its earlier answer
  return Math.max(0, (now - progress * target) / (1 - progress));
}

/** Whole seconds are enough for a jump's ends (the clock shows the milliseconds). */
const short = (ms: number) => formatClock(ms).replace(/\.\d{3}$/, '');

export function JumpProgress({ now, progress, target, onCancel, onFocusChange }: {
  now: number;
  progress: number;
  target: number;
  onCancel(): void;
  onFocusChange(inside: boolean): void;
}) {
  // Read once, when the jump appears: the start stays fixed (extending a jump moves only its target).
  const [from] = useState(() => jumpStart(now, progress, target));
  const pct = Math.round(progress * 100);

  return (
    <div
      className="jump-progress-box"
      data-testid="jump-progress"
      onFocus={() => onFocusChange(true)}
      onBlur={(e: FocusEvent) => {
        if (e.relatedTarget !== null) onFocusChange(false);
      }}
    >
      <span className="jump-text">
        Jumping <span className="num">{short(from)}</span> <span aria-hidden="true">→</span>
        <span className="sr-only"> to </span> <span className="num">{short(target)}</span>
      </span>
      <progress className="jump-bar" max={1} value={progress} aria-label={`Jump progress, ${short(from)} to ${short(target)}`} />
      <span className="jump-pct num" aria-hidden="true">
        {pct}%
      </span>
      <button type="button" className="btn btn-small" onClick={onCancel} aria-label="Cancel jump" title="Stop the jump where it is">
        Cancel
      </button>
    </div>
  );
}
