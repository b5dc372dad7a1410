import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/protocol';
import { BeliefPanel } from '../../src/ui/panels/BeliefPanel';
import { EventLog, LOG_ROWS_AT_TOP } from '../../src/ui/panels/EventLog';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { makeFrame, renderWithStore } from './fixtures';

const LOG: LogEvent[] = [
  { seq: 101, at: 1000, kind: 'fault', node: 'D', text: 'D crashed (disk survives)' },
  { seq: 102, at: 1200, kind: 'gossip', node: 'A', text: 'A convicts D (phi 8.4 > 8)' },
  { seq: 103, at: 1500, kind: 'write', node: 'B', text: 'Write user:42=bob at QUORUM via B' },
  { seq: 104, at: 1700, kind: 'hint', node: 'B', text: 'B stores hints for D' },
  { seq: 105, at: 1800, kind: 'fault', text: 'Message 12 (mutation A → C) dropped by hand' },
];

const texts = () => within(screen.getByTestId('event-log')).getAllByRole('listitem').map((li) => li.textContent);

describe('EventLog filters', () => {
  it('hides a kind when its chip is switched off, and brings it back', async () => {
    const user = userEvent.setup();
    renderWithStore(<EventLog />, { frame: makeFrame({ log: LOG }) });
    expect(texts()).toHaveLength(5);
    const gossip = screen.getByRole('button', { name: 'gossip' });
    expect(gossip).toHaveAttribute('aria-pressed', 'true');
    await user.click(gossip);
    expect(gossip).toHaveAttribute('aria-pressed', 'false');
    expect(texts()).toHaveLength(4);
    expect(texts().some((t) => t?.includes('convicts'))).toBe(false);
    expect(screen.getByTestId('log-count')).toHaveTextContent('4 of 5 shown');
    await user.click(screen.getByRole('button', { name: 'fault' }));
    expect(texts()).toHaveLength(2);
    await user.click(gossip);
    expect(texts()).toHaveLength(3);
  });

  it('shows only the events about one node', async () => {
    const user = userEvent.setup();
    renderWithStore(<EventLog />, { frame: makeFrame({ log: LOG }) });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'B');
    expect(texts()).toHaveLength(2);
    expect(texts().every((t) => t?.includes('B'))).toBe(true);
    // "About D": its own events and the ones that name it.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'D');
    expect(texts()).toHaveLength(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'C');
    expect(texts()).toEqual([expect.stringContaining('dropped by hand')]);
  });

  it('says when a filter leaves nothing', async () => {
    const user = userEvent.setup();
    renderWithStore(<EventLog />, { frame: makeFrame({ log: LOG }) });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'F');
    expect(screen.queryByTestId('event-log')).not.toBeInTheDocument();
    expect(screen.getByText(/No events about F among the latest 5/)).toBeInTheDocument();
  });

  it('says how many earlier events the bounded buffer does not show', () => {
    renderWithStore(<EventLog />, { frame: makeFrame({ log: LOG }) });
    // Numbered 101..105, five kept: 100 came before.
    expect(screen.getByTestId('log-skipped')).toHaveTextContent('100 earlier events not shown');
  });
});

describe('EventLog picking', () => {
  it('clicking an event selects its node: ring highlight, belief panel, and a flash of its messages', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(
      <>
        <RingPanel />
        <BeliefPanel />
        <EventLog />
      </>,
      { frame: makeFrame({ log: LOG }) },
    );
    expect(screen.queryByTestId('belief-panel')).not.toBeInTheDocument();
    await user.click(screen.getByText(/stores hints for D/));
    expect(store.getState().selected).toBe('B');
    expect(store.getState().flash?.node).toBe('B');
    expect(screen.getByTestId('node-B')).toHaveAttribute('data-selected', 'true');
    expect(screen.getByRole('heading', { name: 'What B believes' })).toBeInTheDocument();
    // Selecting from the log does not open the node menu over the canvas, nor take focus.
    expect(screen.queryByRole('dialog', { name: 'Node B actions' })).not.toBeInTheDocument();
  });

  it('the node named in an event is a button (the keyboard path)', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<EventLog />, { frame: makeFrame({ log: LOG }) });
    const buttons = screen.getAllByRole('button', { name: 'Select node D' });
    buttons[0]!.focus();
    await user.keyboard('{Enter}');
    expect(store.getState().selected).toBe('D');
  });
});

describe('EventLog at speed', () => {
  const many: LogEvent[] = Array.from({ length: 150 }, (_, i) => ({ seq: i + 1, at: i, kind: 'write', node: 'A', text: `Write k${i}=v at ONE via A` }));

  it('renders the rows at the top of the list, and the rest once the list is scrolled', () => {
    renderWithStore(<EventLog />, { frame: makeFrame({ log: many }) });
    expect(texts()).toHaveLength(LOG_ROWS_AT_TOP);
    expect(texts()[0]).toContain('k149'); // newest first
    const list = screen.getByTestId('event-log');
    list.scrollTop = 100;
    fireEvent.scroll(list);
    expect(texts()).toHaveLength(150);
    expect(texts().at(-1)).toContain('k0');
  });
});

describe('EventLog: the workload and why things failed (#14)', () => {
  it('shows the workload operations, marked, failures drawn as such; a filter hides them', async () => {
    const log: LogEvent[] = [
      { seq: 1, at: 30_000, kind: 'fault', node: 'D', text: 'D crashed (disk survives)' },
      { seq: 2, at: 31_000, kind: 'write', node: 'A', key: 'k3', text: 'Write k3 acknowledged at QUORUM (2 acks)', workload: true },
      { seq: 3, at: 36_000, kind: 'read', node: 'A', key: 'k17', text: 'Read k17 at QUORUM failed: D did not answer within read_request_timeout (5s); A still believed D alive', workload: true },
    ];
    renderWithStore(<EventLog />, { frame: makeFrame({ log }) });
    const list = screen.getByTestId('event-log');
    expect(list.querySelectorAll('li')).toHaveLength(3);
    const failed = [...list.querySelectorAll('li')].find((li) => /k17/.test(li.textContent ?? ''))!;
    expect(failed).toHaveClass('log-failed');
    expect(failed).toHaveClass('log-auto');
    expect(failed).toHaveTextContent('A still believed D alive');
    await userEvent.setup().click(screen.getByTestId('log-filter-workload'));
    expect(screen.getByTestId('log-filter-workload')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('event-log').querySelectorAll('li')).toHaveLength(1);
    expect(screen.getByTestId('log-count')).toHaveTextContent('1 of 3 shown');
  });
});
