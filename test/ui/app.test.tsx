import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app/App';
import { EventLog } from '../../src/ui/panels/EventLog';
import { makeFrame, renderWithStore } from './fixtures';

describe('App', () => {
  it('lays out every control and panel the lesson uses', () => {
    renderWithStore(<App />);
    for (const id of ['ring', 'node-A', 'play-toggle', 'speed', 'clock', 'workload-toggle', 'workload-rate', 'write-form', 'hint-queues', 'counter-hints-pending']) {
      expect(screen.getByTestId(id)).toBeInTheDocument();
    }
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('HintScope');
    expect(screen.getByText(/6 nodes · RF 3 · cassandra/)).toBeInTheDocument();
  });
});

describe('EventLog', () => {
  it('lists events newest first with their kind, and says how many were skipped', () => {
    renderWithStore(<EventLog />, {
      frame: makeFrame({
        log: [
          { seq: 1, at: 1000, kind: 'fault', node: 'D', text: 'D crashed (disk survives)' },
          { seq: 2, at: 2500, kind: 'hint', node: 'A', text: 'A starts replaying 3 hints to D' },
        ],
        logSkipped: 4,
      }),
    });
    const items = within(screen.getByTestId('event-log')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('0:00:02.500hintA starts replaying 3 hints to D');
    expect(items[1]).toHaveTextContent('fault');
    expect(items[1]).toHaveClass('log-fault');
    expect(screen.getByText(/4 earlier events not shown/)).toBeInTheDocument();
  });
});
