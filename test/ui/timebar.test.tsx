// The time-travel bar: what it shows (range, moment, marks, queued commands, the what-if note) and
// how it seeks (click, drag coalesced to one seek in flight, keyboard), with the worker mocked.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Frame, Timeline, TimelineMark } from '../../src/protocol';
import { TimeBar } from '../../src/ui/time/TimeBar';
import { createSeekCoalescer } from '../../src/view/time/seekCoalescer';
import { forkNote, keyTarget, momentAt, stepFor, valueText } from '../../src/view/time/timebarModel';
import { commands, makeFrame, renderWithStore } from './fixtures';

const MIN = 60_000;

const mark = (at: number, label: string, over: Partial<TimelineMark> = {}): TimelineMark => ({
  at, kind: label.split(' ')[0]!, label, fault: true, source: 'command', queued: false, ...over,
});

function frame(now: number, timeline: Timeline, over: Partial<Frame> = {}): Frame {
  return makeFrame({ now, timeline, future: timeline.marks.filter((m) => m.queued).length, ...over });
}

const travelled: Timeline = {
  horizon: 60 * MIN,
  marks: [mark(10 * MIN, 'kill C'), mark(40 * MIN, 'restart C', { queued: true }), mark(45 * MIN, 'write k1', { fault: false, kind: 'write', queued: true })],
  marksOmitted: 0,
};

/** Gives the track a size (jsdom lays nothing out). */
function sizeTrack(left = 100, width = 600) {
  const track = screen.getByTestId('timebar-track');
  track.getBoundingClientRect = () => ({ left, width, top: 0, height: 26, right: left + width, bottom: 26, x: left, y: 0, toJSON: () => ({}) });
  return track;
}

describe('time bar', () => {
  it('shows the range to the furthest moment, the moment as a slider, marks, and the what-if note after a seek back', () => {
    renderWithStore(<TimeBar />, { frame: frame(20 * MIN, travelled) });
    const slider = screen.getByRole('slider', { name: 'Simulated moment' });
    expect(slider).toHaveAttribute('aria-valuemin', '0');
    expect(slider).toHaveAttribute('aria-valuemax', String(60 * MIN));
    expect(slider).toHaveAttribute('aria-valuenow', String(20 * MIN));
    expect(slider).toHaveAttribute('aria-valuetext', '0:20:00, 40m before the furthest moment reached; 2 later commands queued');
    expect(slider.style.left).toBe('33.333%');
    expect(screen.getByTestId('timebar-horizon')).toHaveTextContent('1:00:00');
    const marks = screen.getAllByTestId('timeline-mark');
    expect(marks.map((m) => [m.dataset.label, m.dataset.queued])).toEqual([['kill C', 'false'], ['restart C', 'true'], ['write k1', 'true']]);
    expect(marks[1]!.style.left).toBe('66.667%');
    expect(screen.getByTestId('timebar-note')).toHaveTextContent('What-if: a new command now forks the run from here and discards 2 later commands.');
    expect(slider).toHaveAccessibleDescription(/discards 2 later commands/);
  });

  it('live (nothing queued): the note says so and plain writes are not marked', () => {
    const live: Timeline = { horizon: 5 * MIN, marks: [mark(MIN, 'kill C'), mark(2 * MIN, 'write k', { fault: false, kind: 'write' })], marksOmitted: 0 };
    renderWithStore(<TimeBar />, { frame: frame(5 * MIN, live) });
    expect(screen.getByTestId('timebar-note')).toHaveTextContent(/^Live\./);
    expect(screen.getAllByTestId('timeline-mark').map((m) => m.dataset.label)).toEqual(['kill C']);
    expect(screen.getByRole('slider')).toHaveAttribute('aria-valuetext', '0:05:00, the furthest moment reached');
  });

  it('a click seeks; a drag sends one seek at a time, then only the latest target once the worker handled it', () => {
    const { send, store } = renderWithStore(<TimeBar />, { frame: frame(60 * MIN, { ...travelled, marks: [] }) });
    const track = sizeTrack(100, 600);
    fireEvent.pointerDown(track, { clientX: 250, button: 0, pointerId: 1 });
    expect(commands(send)).toEqual([{ type: 'seek', atMs: 15 * MIN, id: 1 }]);
    expect(screen.getByRole('slider')).toHaveFocus();
    // Moves while that seek is on its way: nothing more is sent, nothing queues.
    fireEvent.pointerMove(track, { clientX: 300, pointerId: 1 });
    fireEvent.pointerMove(track, { clientX: 400, pointerId: 1 });
    fireEvent.pointerMove(track, { clientX: 460, pointerId: 1 });
    expect(commands(send)).toHaveLength(1);
    // The thumb follows the pointer meanwhile.
    expect(screen.getByRole('slider')).toHaveAttribute('aria-valuenow', String(36 * MIN));
    // The worker reports seek 1 handled: the latest target (not the ones in between) goes.
    act(() => store.getState().actions.receive({ type: 'frame', frame: frame(15 * MIN, { ...travelled, marks: [] }, { seekId: 1 }) }));
    expect(commands(send)).toEqual([{ type: 'seek', atMs: 15 * MIN, id: 1 }, { type: 'seek', atMs: 36 * MIN, id: 2 }]);
    fireEvent.pointerUp(track, { clientX: 460, pointerId: 1 });
    act(() => store.getState().actions.receive({ type: 'frame', frame: frame(36 * MIN, { ...travelled, marks: [] }, { seekId: 2 }) }));
    expect(commands(send)).toHaveLength(2);
    expect(screen.getByRole('slider')).toHaveAttribute('aria-valuenow', String(36 * MIN));
  });

  it('is keyboard operable: arrows step, Shift takes ten steps, Home and End go to the ends', () => {
    const { send, store } = renderWithStore(<TimeBar />, { frame: frame(30 * MIN, { ...travelled, marks: [] }) });
    const slider = screen.getByRole('slider');
    slider.focus();
    const ack = (id: number, now: number) => act(() => store.getState().actions.receive({ type: 'frame', frame: frame(now, { ...travelled, marks: [] }, { seekId: id }) }));
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    ack(1, 29 * MIN);
    fireEvent.keyDown(slider, { key: 'ArrowRight', shiftKey: true });
    ack(2, 39 * MIN);
    fireEvent.keyDown(slider, { key: 'Home' });
    ack(3, 0);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(commands(send)).toEqual([
      { type: 'seek', atMs: 29 * MIN, id: 1 },
      { type: 'seek', atMs: 39 * MIN, id: 2 },
      { type: 'seek', atMs: 0, id: 3 },
      { type: 'seek', atMs: 60 * MIN, id: 4 },
    ]);
    // Other keys are left alone (Space stays with the slider, as useTimeKeys leaves it).
    fireEvent.keyDown(slider, { key: ' ' });
    expect(commands(send)).toHaveLength(4);
  });

  it('before the run has started the slider is disabled', () => {
    const { send } = renderWithStore(<TimeBar />, { frame: frame(0, { horizon: 0, marks: [], marksOmitted: 0 }) });
    const slider = screen.getByRole('slider');
    expect(slider).toHaveAttribute('aria-disabled', 'true');
    fireEvent.keyDown(slider, { key: 'End' });
    fireEvent.pointerDown(sizeTrack(), { clientX: 300, button: 0, pointerId: 1 });
    expect(commands(send)).toEqual([]);
  });
});

describe('time bar model', () => {
  it('maps pointer positions and keys to moments, clamped to the run', () => {
    expect(momentAt(100, 100, 600, 60 * MIN)).toBe(0);
    expect(momentAt(400, 100, 600, 60 * MIN)).toBe(30 * MIN);
    expect(momentAt(900, 100, 600, 60 * MIN)).toBe(60 * MIN);
    expect(momentAt(50, 100, 600, 60 * MIN)).toBe(0);
    expect(stepFor(60 * MIN)).toBe(60_000);
    expect(stepFor(3 * 3_600_000)).toBe(300_000);
    expect(stepFor(10_000)).toBe(1000);
    expect(keyTarget('ArrowLeft', false, 30_000, 60 * MIN)).toBe(0);
    expect(keyTarget('PageUp', false, 55 * MIN, 60 * MIN)).toBe(60 * MIN);
    expect(keyTarget('a', false, 0, 60 * MIN)).toBeNull();
    expect(valueText(0, 0, 0)).toBe('0:00:00, the furthest moment reached');
    expect(forkNote(1)).toMatch(/discards 1 later command\. Move forward instead to replay it\.$/);
  });

  it('the coalescer keeps at most one seek in flight and sends only the latest target after it', () => {
    const sent: [number, number][] = [];
    const c = createSeekCoalescer((at, id) => sent.push([at, id]));
    c.request(1);
    c.request(2);
    c.request(3);
    expect(sent).toEqual([[1, 1]]);
    expect(c.target).toBe(3);
    c.acknowledge(0); // an older id changes nothing
    expect(sent).toHaveLength(1);
    c.acknowledge(1);
    expect(sent).toEqual([[1, 1], [3, 2]]);
    c.acknowledge(2);
    expect(c.busy).toBe(false);
    expect(c.target).toBeNull();
  });
});
