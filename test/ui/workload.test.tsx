import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WorkloadPanel } from '../../src/ui/workload/WorkloadPanel';
import { commands, makeFrame, renderWithStore } from './fixtures';

describe('WorkloadPanel', () => {
  it('turning it on sends a workload at the default 20 ops/s', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WorkloadPanel />);
    const toggle = screen.getByTestId('workload-toggle');
    expect(toggle).toHaveAccessibleName('Automatic workload');
    expect(toggle).not.toBeChecked();
    expect(screen.getByTestId('workload-rate')).toHaveValue(20);
    await user.click(toggle);
    expect(commands(send)).toEqual([
      { type: 'command', command: { type: 'workload', rate: 20, keys: 1000, writeRatio: 0.8, consistency: 'QUORUM' } },
    ]);
  });

  it('turning it off sends workloadStop', async () => {
    const user = userEvent.setup();
    const workload = { rate: 20, keys: 1000, writeRatio: 0.8, consistency: 'QUORUM' as const };
    const { send } = renderWithStore(<WorkloadPanel />, { frame: makeFrame({ workload }) });
    expect(screen.getByTestId('workload-toggle')).toBeChecked();
    await user.click(screen.getByTestId('workload-toggle'));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'workloadStop' } }]);
  });

  it('a bad rate names the field and sends nothing', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WorkloadPanel />);
    await user.clear(screen.getByTestId('workload-rate'));
    await user.type(screen.getByTestId('workload-rate'), '0');
    await user.click(screen.getByTestId('workload-toggle'));
    expect(screen.getByRole('alert')).toHaveTextContent(/^rate:/);
    expect(commands(send)).toEqual([]);
  });

  it('a workload started elsewhere (a share link, a lesson) shows its own rate and level', () => {
    const { store } = renderWithStore(<WorkloadPanel />);
    expect(screen.getByTestId('workload-rate')).toHaveValue(20);
    const workload = { rate: 150, keys: 1000, writeRatio: 0.5, consistency: 'ONE' as const };
    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ now: 10, workload }) }));
    expect(screen.getByTestId('workload-toggle')).toBeChecked();
    expect(screen.getByTestId('workload-rate')).toHaveValue(150);
    expect(screen.getByRole('combobox', { name: 'Consistency' })).toHaveValue('ONE');
  });
});
