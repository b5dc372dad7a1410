import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatCounter } from '../../src/view/format';
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

describe('Counters that explain (#14)', () => {
  it('writes a number past 99,999 in six characters at most, exact for screen readers and in its tooltip', () => {
    renderWithStore(<Counters />, { frame: makeFrame({ counters: makeCounters({ writesAcknowledged: 172_750, hintsPending: 68_591, readsSucceeded: 1_000_000_000 }) }) });
    const acked = screen.getByTestId('counter-writes-acked');
    expect(acked.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^172\.8K$/);
    expect(acked.querySelector('.sr-only')).toHaveTextContent('172,750');
    expect(acked.querySelector('[aria-hidden="true"]')).toHaveAttribute('title', '172,750');
    expect(screen.getByTestId('counter-hints-pending')).toHaveTextContent(/^68,591$/);
    expect(screen.getByTestId('counter-reads').querySelector('[aria-hidden="true"]')).toHaveTextContent(/^1B$/);
    for (const n of [0, 99_999, 100_000, 172_750, 999_999, 12_345_678, 999_999_999, 1e9]) expect(formatCounter(n).length).toBeLessThanOrEqual(6);
  });

  it('counts acknowledged writes lost from the latest sample, marked bad', () => {
    const samples = [{ now: 0, writesAcknowledged: 0, writesFailed: 0, readsStale: 0, hintsPending: 0, pendingByTarget: {}, underReplicated: 4, lostAcknowledgedWrites: 3 }];
    renderWithStore(<Counters />, { frame: makeFrame({ samples }) });
    const lost = screen.getByTestId('counter-writes-lost');
    expect(lost).toHaveTextContent('3');
    expect(lost.closest('.counter')).toHaveClass('tone-bad');
    expect(lost.closest('.counter')).toHaveAttribute('title', expect.stringMatching(/^Acknowledged writes lost/));
  });

  it('says why reads failed where they are counted, and lists every reason with the latest sentence', async () => {
    const text = 'Read k17 at QUORUM failed: D did not answer within read_request_timeout (5s); A still believed D alive';
    renderWithStore(<Counters />, {
      frame: makeFrame({
        counters: makeCounters({ readsFailed: 25, hintsDropped: 4 }),
        failures: { counts: { 'read-timeout': 25, 'hint-window': 4 }, last: { 'read-timeout': text, 'hint-window': 'A drops hints for D: it has believed the target down longer than max_hint_window' } },
      }),
    });
    const cell = screen.getByTestId('counter-reads-failed').closest('.counter')!;
    expect(cell).toHaveAttribute('title', expect.stringContaining(`25 timed out: a replica did not answer within the read timeout — latest: ${text}`));
    const why = screen.getByTestId('failure-reasons');
    await userEvent.setup().click(screen.getByText('Why did they fail?'));
    expect(why).toHaveAttribute('open');
    expect(screen.getByTestId('reason-read-timeout')).toHaveTextContent(text);
    expect(screen.getByTestId('reason-hint-window')).toHaveTextContent(/4 the holder had believed the target down longer than the hint window/);
  });

  it('shows the seed and the trace hash', () => {
    renderWithStore(<Counters />, { frame: makeFrame({ traceHash: '0123456789abcdef0123' }) });
    expect(screen.getByTestId('run-seed')).toHaveTextContent(/^\d+$/);
    expect(screen.getByTestId('run-trace')).toHaveTextContent('0123456789ab');
  });
});
