// The recovery banner: plain words for what happened, the raw detail folded away, one thing to do.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppStoreProvider, createAppStore, type Recovery, type WorkerControl } from '../../src/store';
import { RecoveryBanner } from '../../src/ui/app/RecoveryBanner';

function mount(recovery: Recovery | null) {
  const worker: WorkerControl = { terminate: vi.fn(), spawn: vi.fn() };
  const send = vi.fn();
  const store = createAppStore(send, { worker, scheduleAck: (fn) => fn() });
  store.setState({ recovery });
  render(
    <AppStoreProvider store={store}>
      <RecoveryBanner />
    </AppStoreProvider>,
  );
  return { store, worker, send };
}

const failed: Recovery = { phase: 'failed', cause: 'memory', detail: 'Array buffer allocation failed', session: { commands: 3, now: 83_000, traceHash: 'ab12' } };

describe('RecoveryBanner', () => {
  it('shows nothing while the worker is well', () => {
    mount(null);
    expect(screen.queryByTestId('recovery')).toBeNull();
  });

  it('says what happened in a sentence, folds the raw detail away, and focuses Restart', () => {
    mount(failed);
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('The simulation stopped: the engine ran out of memory.');
    expect(screen.getByTestId('recovery-line')).toHaveTextContent('last good session (3 commands), runs it to 0:01:23.000 and pauses there');
    expect(screen.getByText('Array buffer allocation failed').closest('details')).not.toBeNull();
    expect(screen.getByTestId('recovery-restart')).toHaveFocus();
  });

  it('Restart spawns a fresh worker and opens the last good session in it', () => {
    const { store, worker, send } = mount(failed);
    const commandLog = [{ at: 1000.001, command: { type: 'kill' as const, node: 'C' } }];
    store.setState({ lastGood: { type: 'session', scenario: { name: 's' }, commandLog, traceHash: 'ab12', now: 83_000 } });
    fireEvent.click(screen.getByTestId('recovery-restart'));
    expect(worker.spawn).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'init', scenario: { name: 's' }, log: commandLog });
    expect(screen.getByRole('status')).toHaveTextContent('Restarting: running the session to 0:01:23.000');
    act(() => store.setState({ importProgress: 0.42 }));
    expect(screen.getByRole('status')).toHaveTextContent('rebuilding the session… 42 %');
  });

  it('after a second failure offers a fresh cluster instead', () => {
    const { worker, send } = mount({ ...failed, phase: 'failedAgain', cause: 'error', detail: 'boom' });
    expect(screen.getByRole('alert')).toHaveTextContent('The restart failed too');
    expect(screen.queryByTestId('recovery-restart')).toBeNull();
    fireEvent.click(screen.getByTestId('recovery-fresh'));
    expect(worker.spawn).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: 'init' }));
  });

  it('once restored says where the session is, and can be dismissed', () => {
    const { store } = mount({ ...failed, phase: 'restored' });
    expect(screen.getByRole('status')).toHaveTextContent('Restarted: the session is back at 0:01:23.000 (3 commands), paused.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the restart notice' }));
    expect(store.getState().recovery).toBeNull();
  });
});
