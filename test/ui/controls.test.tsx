import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../../src/protocol';
import { Controls } from '../../src/ui/time/Controls';
import { ErrorBanner } from '../../src/ui/app/ErrorBanner';
import { formatClock, formatDuration } from '../../src/view/format';
import { commands, makeFrame, renderWithStore } from './fixtures';

describe('Controls', () => {
  it('play toggle names its action and sends it', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<Controls />, { frame: makeFrame({ playing: true }) });
    const toggle = screen.getByTestId('play-toggle');
    expect(toggle).toHaveAccessibleName('Pause');
    await user.click(toggle);
    expect(commands(send)).toEqual([{ type: 'pause' }]);
  });

  it('offers every speed and sends the chosen one', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<Controls />);
    const speed = screen.getByTestId('speed');
    expect(speed.querySelectorAll('option')).toHaveLength(SPEEDS.length);
    await user.selectOptions(speed, '25');
    expect(commands(send)).toEqual([{ type: 'setSpeed', speed: 25 }]);
  });

  it('jumps ahead and shows the simulated clock', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<Controls />, { frame: makeFrame({ now: 201_450 }) });
    expect(screen.getByTestId('clock')).toHaveTextContent('0:03:21.450');
    await user.click(screen.getByRole('button', { name: '+10 min' }));
    expect(commands(send)).toEqual([{ type: 'jump', byMs: 600_000 }]);
  });

  it('is disabled until the first frame', () => {
    renderWithStore(<Controls />, { frame: null });
    expect(screen.getByTestId('play-toggle')).toBeDisabled();
  });
});

describe('formatting', () => {
  it('formats the clock below and above a day', () => {
    expect(formatClock(0)).toBe('0:00:00.000');
    expect(formatClock(3_600_000 + 61_005)).toBe('1:01:01.005');
    expect(formatClock(86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_000)).toBe('1d 02:03:04');
  });
  it('formats durations like an operator writes them', () => {
    expect(formatDuration(500)).toBe('500ms');
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(10_800_000)).toBe('3h');
    expect(formatDuration(65_000)).toBe('1m 05s');
    expect(formatDuration(60_000)).toBe('1m');
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000 + 999)).toBe('2d 04h');
  });
});

describe('ErrorBanner', () => {
  it('shows a worker error as an alert and dismisses it', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ErrorBanner />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    act(() => store.getState().actions.receive({ type: 'error', message: 'settings.x: unknown key' }));
    expect(screen.getByRole('alert')).toHaveTextContent('settings.x: unknown key');
    await user.click(screen.getByRole('button', { name: 'Dismiss error' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
