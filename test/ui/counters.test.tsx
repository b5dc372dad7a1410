import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Counters } from '../../src/ui/panels/Counters';
import { makeCounters, makeFrame, renderWithStore } from './fixtures';

describe('Counters', () => {
  it('shows the numbers of the latest frame, each under its test id', () => {
    renderWithStore(<Counters />, {
      frame: makeFrame({
        counters: makeCounters({
          writesAcknowledged: 1234,
          writesFailed: 7,
          hintsCreated: 42,
          hintsDelivered: 40,
          hintsPending: 2,
          hintsExpired: 3,
          hintsDropped: 4,
          hintsLost: 5,
          readsSucceeded: 99,
          readsStale: 6,
        }),
      }),
    });
    expect(screen.getByTestId('counter-writes-acked')).toHaveTextContent('1,234');
    expect(screen.getByTestId('counter-writes-failed')).toHaveTextContent('7');
    expect(screen.getByTestId('counter-hints-created')).toHaveTextContent('42');
    expect(screen.getByTestId('counter-hints-delivered')).toHaveTextContent('40');
    expect(screen.getByTestId('counter-hints-pending')).toHaveTextContent('2');
    expect(screen.getByTestId('counter-hints-expired')).toHaveTextContent('3');
    expect(screen.getByTestId('counter-hints-dropped')).toHaveTextContent('4');
    expect(screen.getByTestId('counter-hints-lost')).toHaveTextContent('5');
    expect(screen.getByTestId('counter-reads')).toHaveTextContent('99');
    expect(screen.getByTestId('counter-reads-stale')).toHaveTextContent('6');
  });

  it('shows the repair sessions and those that failed, a failure marked bad', () => {
    renderWithStore(<Counters />, { frame: makeFrame({ counters: makeCounters({ repairSessions: 12, repairsFailed: 2 }) }) });
    expect(screen.getByTestId('counter-repair-sessions')).toHaveTextContent('12');
    const failed = screen.getByTestId('counter-repair-failed');
    expect(failed).toHaveTextContent('2');
    expect(failed.parentElement).toHaveClass('tone-bad');
    expect(failed.previousElementSibling?.textContent).toBe('Repair failed');
  });

  it('labels every number', () => {
    renderWithStore(<Counters />);
    const pending = screen.getByTestId('counter-hints-pending');
    expect(pending.previousElementSibling?.textContent).toBe('Hints pending');
  });

  it('shows a dash before the first frame', () => {
    renderWithStore(<Counters />, { frame: null });
    expect(screen.getByTestId('counter-writes-acked')).toHaveTextContent('–');
  });
});
