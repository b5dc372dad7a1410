import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HintQueues, QUEUE_ROWS, topQueues } from '../../src/ui/panels/HintQueues';
import { makeCluster, makeFrame, makeQueue, renderWithStore } from './fixtures';

describe('HintQueues', () => {
  it('renders a row per holder → target with pending hints', () => {
    const frame = makeFrame({
      now: 90_000,
      hintQueues: [
        makeQueue('A', 'D', { pending: 120, buffered: 20, oldestCreatedAt: 25_000, replaying: true }),
        makeQueue('B', 'D', { pending: 45, oldestCreatedAt: 60_000 }),
        makeQueue('C', 'D', { pending: 0, delivered: 10 }),
      ],
    });
    renderWithStore(<HintQueues />, { frame });
    const panel = screen.getByTestId('hint-queues');
    // One row per queue (each followed by its limits row, #14), the header apart.
    const rows = within(panel).getAllByRole('row').slice(1).filter((r) => !r.classList.contains('hq-detail'));
    expect(rows).toHaveLength(2);
    expect(within(panel).getAllByRole('row').slice(1)).toHaveLength(4);
    const ad = screen.getByTestId('hint-queue-A-D');
    expect(ad).toHaveTextContent('A → D');
    expect(ad).toHaveTextContent('120');
    expect(ad).toHaveTextContent('20');
    expect(ad).toHaveTextContent('1m 05s');
    expect(ad).toHaveTextContent('replaying');
    expect(screen.getByTestId('hint-queue-B-D')).not.toHaveTextContent('replaying');
    expect(screen.queryByTestId('hint-queue-C-D')).not.toBeInTheDocument();
    expect(within(panel).queryByText(/No pending hints/)).not.toBeInTheDocument();
  });

  it('teaches with an empty state when nothing is pending', () => {
    renderWithStore(<HintQueues />, { frame: makeFrame({ hintQueues: [makeQueue('A', 'B', { delivered: 3 })] }) });
    expect(screen.getByTestId('hint-queues')).toHaveTextContent(
      'No pending hints. Kill a replica while writes flow to see hints queue up.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('HintQueues at scale', () => {
  const queues = Array.from({ length: 200 }, (_, i) =>
    makeQueue(`n${i % 20}`, `n${(i * 7) % 20}x`, { pending: (i * 37) % 11, replaying: i % 50 === 0 }),
  );
  const byName = new Intl.Collator().compare;
  const sorted = queues
    .filter((q) => q.pending > 0 || q.replaying)
    .sort((a, b) => b.pending - a.pending || byName(a.holder, b.holder) || byName(a.target, b.target));

  it('picks the largest queues in the order a full sort gives, and counts the rest', () => {
    const { rows, more, rest } = topQueues(queues, QUEUE_ROWS);
    expect(rows).toEqual(sorted.slice(0, QUEUE_ROWS));
    expect(more).toBe(sorted.length - QUEUE_ROWS);
    expect(rest).toBe(sorted.slice(QUEUE_ROWS).reduce((n, q) => n + q.pending, 0));
    expect(topQueues(queues, 1000).rows).toEqual(sorted);
  });

  it('lists the largest ones and says how many more there are', () => {
    renderWithStore(<HintQueues />, { frame: makeFrame({ hintQueues: queues }) });
    const panel = screen.getByTestId('hint-queues');
    expect(within(panel).getAllByRole('row').slice(1).filter((r) => !r.classList.contains('hq-detail'))).toHaveLength(QUEUE_ROWS);
    expect(screen.getByTestId('hint-queues-more')).toHaveTextContent(`${sorted.length - QUEUE_ROWS} more queues with`);
  });
});

describe('HintQueues: the limits (#14)', () => {
  const H = 3_600_000;
  const settings = { maxHintWindow: 3 * H, persistentHintWindow: true, hintTtl: 10 * 24 * H, hintReplayRate: 1000 };

  it('shows the oldest hint against max_hint_window and the TTL, and warns as the window nears', () => {
    const now = 2.9 * H;
    renderWithStore(<HintQueues />, {
      cluster: makeCluster({ preset: 'cassandra', settings }),
      frame: makeFrame({ now, hintQueues: [makeQueue('A', 'D', { pending: 68_000, oldestCreatedAt: 0, targetDownSince: 20_000, refused: 0 })] }),
    });
    const limits = screen.getByTestId('hint-limits-A-D');
    expect(within(limits).getByTestId('hq-window')).toHaveTextContent('2h 54m of 3h max_hint_window (96%)');
    expect(within(limits).getByTestId('hq-window')).toHaveAttribute('data-state', 'near');
    expect(within(limits).getByTestId('hq-ttl')).toHaveTextContent(/of 10d gc_grace_seconds \(1%\)/);
    expect(within(limits).getByTestId('hq-warn')).toHaveTextContent('near the hint window: new hints will be refused');
    expect(within(limits).getByTestId('hq-waiting')).toHaveTextContent('waits until A sees D up');
    // Our names beside the real systems' (from the registry).
    expect(screen.getByTestId('hq-names')).toHaveTextContent('maxHintWindow = Cassandra max_hint_window · ScyllaDB max_hint_window_in_ms');
    expect(screen.getByTestId('hq-names')).toHaveTextContent('hintReplayRate = Cassandra hinted_handoff_throttle');
  });

  it('shows the replay rate and the time to drain, and the hints refused with why', () => {
    renderWithStore(<HintQueues />, {
      cluster: makeCluster({ preset: 'cassandra', settings: { ...settings, persistentHintWindow: false } }),
      frame: makeFrame({
        now: 4 * H,
        hintQueues: [makeQueue('B', 'D', { pending: 60_000, oldestCreatedAt: 0.5 * H, replaying: true, refused: 120, lastRefusal: 'it has believed the target down longer than max_hint_window' })],
      }),
    });
    const limits = screen.getByTestId('hint-limits-B-D');
    expect(within(limits).getByTestId('hq-rate')).toHaveTextContent('replaying 1,000/s (hinted_handoff_throttle 1,000/s), drains in ~1m');
    expect(within(limits).getByTestId('hq-refused')).toHaveTextContent('120 refused: it has believed the target down longer than max_hint_window');
    // The holder believes D up again: no window runs; the TTL still does.
    expect(within(limits).queryByTestId('hq-window')).not.toBeInTheDocument();
    expect(within(limits).getByTestId('hq-ttl')).toHaveAttribute('data-state', 'ok');
  });
});
