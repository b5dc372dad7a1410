// The time-travel bar: a track from 0 to the furthest moment the run reached, the current moment
// as a slider thumb, fault marks, the commands still queued after a seek back (hollow, ahead of the
// thumb), and the what-if note before a fork. Drag or click to seek (coalesced: only the latest
// target goes, once the worker handled the previous one); arrows step, Page keys jump a tenth,
// Home / End go to the start / the furthest moment.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { AppState } from '../../store';
import { selectActions, selectNow, useAppStore, useAppStoreApi } from '../../store';
import { createSeekCoalescer } from '../../view/time/seekCoalescer';
import { forkNote, fraction, keyTarget, markShape, momentAt, shortClock, valueText, visibleMarks } from '../../view/time/timebarModel';
import './timebar.css';

const selectTimeline = (s: AppState) => s.view?.timeline ?? null;
const selectQueued = (s: AppState) => s.view?.future ?? 0;
const selectJumpTarget = (s: AppState) => s.view?.jumpTarget ?? null;
const selectReady = (s: AppState) => s.view !== null;

const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

/**
 * Seeking, coalesced: the moment asked for and not yet reached (the thumb shows it while the
 * worker gets there), and seek() that asks for one.
 */
function useCoalescedSeek(dragging: RefObject<boolean>) {
  const api = useAppStoreApi();
  const actions = useAppStore(selectActions);
  const [asked, setAsked] = useState<number | null>(null);
  const seeker = useMemo(() => createSeekCoalescer((atMs, id) => actions.seek(atMs, id)), [actions]);
  // Frames carry the id of the last seek the worker handled: release the next target then, and
  // stop showing the asked-for moment once nothing is on its way and no jump runs.
  useEffect(
    () =>
      api.subscribe((s, prev) => {
        const f = s.frame;
        if (!f || f === prev.frame) return;
        if (f.seekId !== undefined) seeker.acknowledge(f.seekId);
        if (!seeker.busy && f.jumpProgress === null && !dragging.current) setAsked(null);
      }),
    [api, seeker, dragging],
  );
  const seek = (t: number) => {
    setAsked(t);
    seeker.request(t);
  };
  return { asked, seeker, seek };
}

/** Press, drag and release on the track seek to the moment under the pointer. */
function useTrackPointer(trackRef: RefObject<HTMLDivElement | null>, dragging: RefObject<boolean>, disabled: boolean, horizon: number, seek: (t: number) => void) {
  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const r = trackRef.current!.getBoundingClientRect();
    return momentAt(e.clientX, r.left, r.width, horizon);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (disabled || e.button !== 0) return;
    e.preventDefault();
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    trackRef.current?.querySelector<HTMLElement>('[role="slider"]')?.focus();
    seek(fromPointer(e));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) seek(fromPointer(e));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}

function TimelineMarks({ marks, shown, horizon }: { marks: ReturnType<typeof visibleMarks>; shown: number; horizon: number }) {
  return marks.map((m, i) => (
    <span
      key={`${m.at}-${i}`}
      className={`timebar-mark mark-${markShape(m)}${m.queued ? ' is-queued' : ''}${m.at > shown ? ' is-ahead' : ''}`}
      style={{ left: pct(fraction(m.at, horizon)) }}
      title={`${m.label} · ${shortClock(m.at)}${m.queued ? ' · queued: a new command before it discards it' : ''}`}
      data-testid="timeline-mark"
      data-label={m.label}
      data-queued={m.queued ? 'true' : 'false'}
      aria-hidden="true"
    />
  ));
}

interface ThumbProps {
  shown: number;
  horizon: number;
  queued: number;
  disabled: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}

function Thumb({ shown, horizon, queued, disabled, onKeyDown }: ThumbProps) {
  return (
    <div
      role="slider"
      tabIndex={disabled ? -1 : 0}
      className="timebar-thumb"
      data-testid="timebar-thumb"
      aria-label="Simulated moment"
      aria-valuemin={0}
      aria-valuemax={Math.round(horizon)}
      aria-valuenow={Math.round(shown)}
      aria-valuetext={valueText(shown, horizon, queued)}
      aria-disabled={disabled || undefined}
      aria-describedby="timebar-note"
      style={{ left: pct(fraction(shown, horizon)) }}
      onKeyDown={onKeyDown}
    />
  );
}

export function TimeBar() {
  const ready = useAppStore(selectReady);
  const now = useAppStore(selectNow);
  const timeline = useAppStore(selectTimeline);
  const queued = useAppStore(selectQueued);
  const jumpTarget = useAppStore(selectJumpTarget);
  const trackRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const { asked, seeker, seek } = useCoalescedSeek(dragging);
  const horizon = Math.max(timeline?.horizon ?? 0, now);
  const shown = asked ?? now;
  const marks = visibleMarks(timeline);
  const disabled = !ready || horizon <= 0;
  const pointer = useTrackPointer(trackRef, dragging, disabled, horizon, seek);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (disabled || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = keyTarget(e.key, e.shiftKey, seeker.target ?? shown, horizon);
    if (t === null) return;
    e.preventDefault();
    seek(t);
  };

  const srMarks = marks.slice(0, 12).map((m) => `${m.label} at ${shortClock(m.at)}${m.queued ? ' (queued)' : ''}`).join('; ');

  return (
    <div className="timebar" role="group" aria-labelledby="timebar-title" data-testid="timebar" data-queued={queued}>
      <span id="timebar-title" className="timebar-title">
        Timeline
      </span>
      <span className="timebar-start num" aria-hidden="true">
        0:00:00
      </span>
      <div
        ref={trackRef}
        className={`timebar-track${disabled ? ' is-disabled' : ''}`}
        data-testid="timebar-track"
        title={queued > 0 ? undefined : forkNote(0)}
        {...pointer}
      >
        <div className="timebar-rail" aria-hidden="true" />
        <div className="timebar-fill" aria-hidden="true" style={{ width: pct(fraction(shown, horizon)) }} />
        {queued > 0 && (
          <div
            className="timebar-ahead"
            aria-hidden="true"
            style={{ left: pct(fraction(shown, horizon)), width: pct(1 - fraction(shown, horizon)) }}
          />
        )}
        <TimelineMarks marks={marks} shown={shown} horizon={horizon} />
        {jumpTarget !== null && asked === null && (
          <span className="timebar-target" aria-hidden="true" style={{ left: pct(fraction(jumpTarget, horizon)) }} />
        )}
        <Thumb shown={shown} horizon={horizon} queued={queued} disabled={disabled} onKeyDown={onKeyDown} />
      </div>
      <span className="timebar-end num" data-testid="timebar-horizon" title="The furthest moment this run has reached">
        {shortClock(horizon)}
      </span>
      <p id="timebar-note" className={`timebar-note${queued > 0 ? ' is-whatif' : ''}`} data-testid="timebar-note" aria-live="polite">
        {forkNote(queued)}
      </p>
      {srMarks && <span className="sr-only">Marks on the timeline: {srMarks}.</span>}
    </div>
  );
}
