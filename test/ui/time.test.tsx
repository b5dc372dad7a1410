import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Controls } from '../../src/ui/time/Controls';
import { readJumpTarget } from '../../src/view/time/jumpTarget';
import { jumpStart } from '../../src/ui/time/JumpProgress';
import { HIDDEN_NOTICE, PauseWhenHidden } from '../../src/ui/time/PauseWhenHidden';
import { timeKeyFor } from '../../src/ui/time/useTimeKeys';
import { commands, makeFrame, renderWithStore } from './fixtures';

describe('jump to a time', () => {
  it('rejects "3 hours" with an error naming the field, and sends nothing', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<Controls />);
    const input = screen.getByRole('textbox', { name: 'Jump to time, earlier or later' });
    await user.type(input, '3 hours{Enter}');
    const error = screen.getByRole('alert');
    expect(error).toHaveTextContent(/^Jump to: "3 hours" is not a time/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(error.textContent!);
    expect(commands(send)).toEqual([]);
    // Editing clears the error; a valid time is sent as jumpTo.
    await user.clear(input);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(input, '1h30m');
    await user.click(screen.getByRole('button', { name: 'Go to that time' }));
    expect(commands(send)).toEqual([{ type: 'jumpTo', atMs: 5_400_000 }]);
  });

  it('a time earlier than now seeks back; the current time and one past the end are refused naming the field', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<Controls />, { frame: makeFrame({ now: 3_600_000, until: 7_200_000 }) });
    const input = screen.getByRole('textbox', { name: 'Jump to time, earlier or later' });
    expect(input).toHaveAttribute('title', expect.stringMatching(/earlier or later/));
    await user.type(input, '1h{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Jump to: the clock already shows');
    expect(commands(send)).toEqual([]);
    await user.clear(input);
    await user.type(input, '3h{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Jump to: the scenario ends at 2h.');
    expect(commands(send)).toEqual([]);
    await user.clear(input);
    await user.type(input, '10m{Enter}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(commands(send)).toEqual([{ type: 'seek', atMs: 600_000 }]);
    // Ahead of the clock it is still a jump.
    send.mockClear();
    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ now: 600_000, until: 7_200_000 }) }));
    await user.clear(input);
    await user.type(input, '30m{Enter}');
    expect(commands(send)).toEqual([{ type: 'jumpTo', atMs: 1_800_000 }]);
  });

  it('reads durations the scenario way and refuses times passed or past the end', () => {
    expect(readJumpTarget('90s', 0, null)).toEqual({ ok: true, atMs: 90_000 });
    expect(readJumpTarget(' 2d ', 0, null)).toEqual({ ok: true, atMs: 172_800_000 });
    expect(readJumpTarget('1h 30m', 0, null)).toEqual({ ok: true, atMs: 5_400_000 });
    expect(readJumpTarget('', 0, null)).toMatchObject({ ok: false, error: expect.stringMatching(/^Jump to: enter/) });
    expect(readJumpTarget('30m', 3_600_000, null)).toEqual({ ok: true, atMs: 1_800_000 });
    expect(readJumpTarget('1h', 3_600_000, null)).toMatchObject({ ok: false, error: expect.stringMatching(/^Jump to: the clock already shows/) });
    expect(readJumpTarget('30m', 3_600_000, null, false)).toMatchObject({ ok: false, error: expect.stringMatching(/^Jump to: 30m has passed .*only runs forward/) });
    expect(readJumpTarget('31d', 0, 30 * 86_400_000)).toMatchObject({ ok: false, error: 'Jump to: the scenario ends at 30d.' });
  });
});

describe('jump buttons and progress', () => {
  it('"+1 h" sends a jump of 3,600,000 ms; every jump button is reachable by Tab', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<Controls />);
    const oneHour = screen.getByRole('button', { name: '+1 h' });
    expect(oneHour).toHaveAttribute('title', 'Jump ahead 1 hour (3)');
    expect(oneHour).toHaveAttribute('aria-keyshortcuts', '3');
    await user.click(oneHour);
    expect(commands(send)).toEqual([{ type: 'jump', byMs: 3_600_000 }]);

    const reached: string[] = [];
    screen.getByTestId('play-toggle').focus();
    for (let i = 0; i < 12; i++) {
      await user.tab();
      reached.push(document.activeElement?.getAttribute('title') ?? '');
    }
    for (const name of ['Jump ahead 1 minute (1)', 'Jump ahead 10 minutes (2)', 'Jump ahead 1 hour (3)', 'Jump ahead 3 hours (4)']) expect(reached).toContain(name);
  });

  it('shows Cancel with from → target while jumpProgress is set, and Cancel sends cancelJump', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<Controls />, { frame: makeFrame({ now: 120_000 }) });
    expect(screen.queryByRole('button', { name: 'Cancel jump' })).not.toBeInTheDocument();

    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ now: 120_000, jumpProgress: 0, jumpTarget: 720_000 }) }));
    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ now: 420_000, jumpProgress: 0.5, jumpTarget: 720_000 }) }));
    const box = screen.getByTestId('jump-progress');
    expect(box).toHaveTextContent('Jumping 0:02:00 → to 0:12:00');
    expect(within(box).getByRole('progressbar')).toHaveAttribute('value', '0.5');
    // Pause names what it does while a jump runs.
    expect(screen.getByTestId('play-toggle')).toHaveAccessibleName('Pause');

    await user.click(screen.getByRole('button', { name: 'Cancel jump' }));
    expect(commands(send)).toEqual([{ type: 'cancelJump' }]);

    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ now: 430_000 }) }));
    expect(screen.queryByRole('button', { name: 'Cancel jump' })).not.toBeInTheDocument();
    expect(screen.getByTestId('play-toggle')).toHaveFocus();
  });

  it('recovers where a jump started from the host progress', () => {
    expect(jumpStart(420_000, 0.5, 720_000)).toBeCloseTo(120_000);
    expect(jumpStart(120_000, 0, 720_000)).toBe(120_000);
  });

  it('shows the scenario end next to the clock', () => {
    renderWithStore(<Controls />, { frame: makeFrame({ now: 1000, until: 2 * 86_400_000 }) });
    expect(screen.getByTestId('scenario-end')).toHaveTextContent('ends 2d');
    expect(screen.getByTestId('scenario-end')).toHaveTextContent('The scenario ends at');
  });
});

describe('keyboard', () => {
  it('Space plays or pauses and "." steps, but not while typing or on a button', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<Controls />);
    document.body.focus();
    await user.keyboard(' ');
    await user.keyboard('.');
    expect(commands(send)).toEqual([{ type: 'play' }, { type: 'step' }]);

    send.mockClear();
    await user.click(screen.getByRole('textbox', { name: 'Jump to time, earlier or later' }));
    await user.keyboard(' .');
    expect(commands(send)).toEqual([]);

    const input = document.createElement('input');
    const button = document.createElement('button');
    const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, repeat: false, defaultPrevented: false });
    expect(timeKeyFor(key(' '), button)).toBeNull();
    expect(timeKeyFor(key('.'), button)).toBe('step');
    expect(timeKeyFor(key('.'), input)).toBeNull();
    expect(timeKeyFor({ ...key(' '), ctrlKey: true }, document.body)).toBeNull();
  });
});

describe('pause while hidden', () => {
  let visibility: DocumentVisibilityState = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  const setVisibility = (v: DocumentVisibilityState) => {
    visibility = v;
    act(() => {
      fireEvent(document, new Event('visibilitychange'));
    });
  };
  afterEach(() => {
    visibility = 'visible';
  });

  it('pauses when the tab is hidden while playing, says so on return, and never resumes by itself', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<PauseWhenHidden />, { frame: makeFrame({ playing: true }) });
    expect(screen.queryByText(HIDDEN_NOTICE)).not.toBeInTheDocument();

    setVisibility('hidden');
    expect(commands(send)).toEqual([{ type: 'pause' }]);
    expect(screen.queryByText(HIDDEN_NOTICE)).not.toBeInTheDocument();

    // Back: the frame saying "paused" may not have arrived yet — the notice shows anyway.
    setVisibility('visible');
    expect(screen.getByRole('status')).toHaveTextContent(HIDDEN_NOTICE);
    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ playing: false }) }));
    expect(screen.getByText(HIDDEN_NOTICE)).toBeInTheDocument();
    expect(commands(send)).toEqual([{ type: 'pause' }]);

    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByText(HIDDEN_NOTICE)).not.toBeInTheDocument();
  });

  it('stops a running jump too, and the notice goes once Play runs time again', () => {
    const { send, store } = renderWithStore(<PauseWhenHidden />, { frame: makeFrame({ jumpProgress: 0.2, jumpTarget: 600_000 }) });
    setVisibility('hidden');
    expect(commands(send)).toEqual([{ type: 'pause' }, { type: 'cancelJump' }]);
    setVisibility('visible');
    expect(screen.getByText(HIDDEN_NOTICE)).toBeInTheDocument();
    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ playing: false }) }));
    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ playing: true }) }));
    expect(screen.queryByText(HIDDEN_NOTICE)).not.toBeInTheDocument();
  });

  it('does nothing when hidden while paused', () => {
    const { send } = renderWithStore(<PauseWhenHidden />, { frame: makeFrame({ playing: false }) });
    setVisibility('hidden');
    setVisibility('visible');
    expect(commands(send)).toEqual([]);
    expect(screen.queryByText(HIDDEN_NOTICE)).not.toBeInTheDocument();
  });
});
