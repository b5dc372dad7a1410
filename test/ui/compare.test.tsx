// The Compare view with fake workers: it pauses the lab and asks for its session, starts A and B
// (B with one setting changed), shows both runs' charts on shared scales and the difference of
// their reports, rejects bad values naming the field, and goes back on Esc.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LoggedCommand, MetricsSample, Report, ToWorker, UiMessage } from '../../src/protocol';
import { createCompareStore, type RunId, type SpawnRun } from '../../src/store/compare';
import { CompareView } from '../../src/ui/compare/CompareView';
import { compareScenario } from '../fixtures/compareScenario';
import { makeCluster, makeFrame, renderWithStore } from './fixtures';

const SCENARIO = compareScenario({ seed: 5, vnodes: 4, rate: 10, keys: 100 });
const LOG: LoggedCommand[] = [{ at: 40_000.001, command: { type: 'write', key: 'k', value: 'v', consistency: 'ONE' } }];

function report(over: { created: number; under: number; stale: number; repairFailed?: number }): Report {
  return {
    format: 'hintscope/report@1',
    scenario: 'x',
    seed: 5,
    simulatedMs: 0,
    writes: { attempted: 100, acknowledged: 100, failed: 0, pending: 0 },
    reads: { attempted: 20, succeeded: 20, failed: 0, pending: 0, stale: over.stale, repaired: 0 },
    hints: { created: over.created, delivered: over.created, expired: 0, dropped: over.created ? 0 : 40, lost: 0, pending: 0 },
    repair: { sessions: 3, leavesCompared: 0, leavesDiffering: 0, keysStreamed: 0, failed: over.repairFailed ?? 0 },
    nodes: {},
    replication: { keys: 100, fullyReplicated: 100 - over.under, underReplicated: over.under },
    lostAcknowledgedWrites: 0,
    events: 1,
    traceHash: 'h',
  };
}

/** B: more damage (handoff off). */
const REPORTS: Record<RunId, Report> = { a: report({ created: 40, under: 0, stale: 1 }), b: report({ created: 0, under: 12, stale: 7, repairFailed: 2 }) };

function sample(run: RunId, now: number): MetricsSample {
  const k = now / 60_000;
  return run === 'a'
    ? { now, writesAcknowledged: 10 * k, writesFailed: 0, readsStale: 1, hintsPending: 4, pendingByTarget: { D: 4 }, underReplicated: 3, lostAcknowledgedWrites: 0 }
    : { now, writesAcknowledged: 10 * k, writesFailed: 0, readsStale: 7, hintsPending: 0, pendingByTarget: {}, underReplicated: 180, lostAcknowledgedWrites: 0 };
}

interface FakePort {
  run: RunId;
  sent: ToWorker[];
  terminated: boolean;
}

/** Workers that answer like the host: init → ready + frame; seek → frame at that time; report → report. */
function fakeWorkers() {
  const ports: FakePort[] = [];
  const spawn: SpawnRun = (onMessage: (m: UiMessage) => void) => {
    const port: FakePort = { run: ports.length % 2 === 0 ? 'a' : 'b', sent: [], terminated: false };
    ports.push(port);
    let now = 0;
    const post = (m: UiMessage) => queueMicrotask(() => !port.terminated && onMessage(m));
    const frame = () => post({ type: 'frame', frame: makeFrame({ now, until: 300_000, traceHash: `${port.run}${now}`, samples: [sample(port.run, now)] }) });
    return {
      send: (m) => {
        port.sent.push(m);
        if (m.type === 'init') {
          const log = (m.log as LoggedCommand[] | undefined) ?? [];
          now = log.length ? log[log.length - 1]!.at : 0;
          post({ type: 'ready', cluster: makeCluster() });
          frame();
        } else if (m.type === 'seek') {
          if (m.atMs < now) post({ type: 'rewound', now: m.atMs });
          now = m.atMs;
          frame();
        } else if (m.type === 'report') {
          post({ type: 'report', report: REPORTS[port.run], now });
        }
      },
      terminate: () => {
        port.terminated = true;
      },
    };
  };
  const inits = () => ports.map((p) => p.sent.find((m) => m.type === 'init') as Extract<ToWorker, { type: 'init' }>);
  return { spawn, ports, inits };
}

function setup(labNow = 60_000) {
  const workers = fakeWorkers();
  const store = createCompareStore({ spawn: workers.spawn, runStore: { scheduleAck: () => {}, viewEveryMs: 0 }, nextFrame: (fn) => setTimeout(fn, 0), minJumpSteps: 8 });
  const onBack = vi.fn();
  const r = renderWithStore(<CompareView onBack={onBack} store={store} spawn={workers.spawn} />);
  // The lab answers its exportSession.
  const session = { type: 'session' as const, scenario: SCENARIO, commandLog: LOG, traceHash: 'a60000', now: labNow };
  return { ...r, workers, store, onBack, answer: () => act(() => r.store.getState().actions.receive(session)) };
}

// Two runs' charts re-render at every step: give a loaded machine room.
describe('CompareView', { timeout: 30_000 }, () => {
  it('pauses the lab, asks for its session, and starts A as the lab and B with handoff off', async () => {
    const { send, answer, workers } = setup();
    expect(send.mock.calls.map((c) => c[0].type)).toEqual(['pause', 'exportSession']);
    expect(screen.getByText(/Asking the lab for its session/)).toBeInTheDocument();
    answer();
    await waitFor(() => expect(workers.ports).toHaveLength(2));
    const [a, b] = workers.inits();
    expect(a!.scenario).toEqual(SCENARIO);
    expect(a!.log).toEqual(LOG);
    expect((b!.scenario as typeof SCENARIO).settings).toEqual({ preset: 'cassandra', hintedHandoffEnabled: false });
    expect(b!.log).toEqual(LOG);
    // Both go back to 0 (to replay the log) and then to the lab's moment in the same steps.
    await waitFor(() => expect(screen.getByTestId('compare-report-at')).toHaveTextContent('0:01:00.000'));
    const seeks = (p: FakePort) => p.sent.filter((m) => m.type === 'seek').map((m) => (m as { atMs: number }).atMs);
    expect(seeks(workers.ports[0]!)).toEqual(seeks(workers.ports[1]!));
    expect(seeks(workers.ports[0]!)[0]).toBe(0);
    expect(seeks(workers.ports[0]!).at(-1)).toBe(60_000);
    expect(screen.getByTestId('compare-lab-check')).toHaveTextContent('A reproduces the lab');
    expect(screen.getByRole('button', { name: /Handoff on\/off/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('compare-summary')).toHaveTextContent('hinted_handoff_enabled');
  });

  it('shows A, B and B − A from the reports, marking what got worse', async () => {
    const { answer } = setup();
    answer();
    const table = await screen.findByRole('table');
    await waitFor(() => expect(screen.getByTestId('diff-b-under-replicated')).toHaveTextContent('12'));
    expect(screen.getByTestId('diff-a-under-replicated')).toHaveTextContent('0');
    expect(screen.getByTestId('diff-d-under-replicated')).toHaveTextContent('+12 worse');
    expect(screen.getByTestId('diff-row-under-replicated')).toHaveAttribute('data-changed', 'worse');
    expect(screen.getByTestId('diff-d-hints-created')).toHaveTextContent('−40');
    expect(screen.getByTestId('diff-row-hints-created')).toHaveAttribute('data-changed', 'changed');
    expect(screen.getByTestId('diff-row-writes-failed')).not.toHaveAttribute('data-changed');
    expect(screen.getByTestId('diff-d-repair-failed')).toHaveTextContent('+2 worse');
    expect(screen.getByTestId('diff-row-repair-sessions')).not.toHaveAttribute('data-changed');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['At this moment', 'A', 'B', 'B − A']);
  });

  it('draws A and B on the same time axis and the same y scale', async () => {
    const { answer } = setup();
    answer();
    await waitFor(() => expect(screen.getByTestId('compare-value-b-under')).toHaveTextContent('180'));
    const ticks = (id: string) => [...screen.getByTestId(id).querySelectorAll('.chart-tick')].map((t) => t.textContent);
    // B's 180 under-replicated keys set the scale of A's chart too (A alone would top out near 3).
    expect(ticks('chart-a-under')).toEqual(ticks('chart-b-under'));
    expect(ticks('chart-a-under')).toContain('100');
    expect(ticks('chart-a-pending')).toEqual(ticks('chart-b-pending'));
    expect(screen.getByTestId('compare-chart-a-pending').querySelector('[data-testid="pending-line-D"]')).not.toBeNull();
    expect(screen.getByTestId('compare-chart-b-pending').querySelector('[data-testid^="pending-line-"]')).toBeNull();
  });

  it('a bad value names the field and starts nothing; a good one restarts B with it', async () => {
    const user = userEvent.setup();
    const { answer, workers } = setup();
    answer();
    await screen.findByRole('table');
    await user.selectOptions(screen.getByTestId('compare-setting'), 'settings.maxHintWindow');
    const input = screen.getByTestId('compare-value');
    await user.clear(input);
    await user.type(input, '3 hours');
    expect(screen.getByTestId('compare-error')).toHaveTextContent(/^settings\.maxHintWindow: expected a duration/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('compare-submit')).toBeDisabled();
    fireEvent.submit(input.closest('form')!);
    expect(workers.ports).toHaveLength(2);

    await user.clear(input);
    await user.type(input, '10m');
    expect(screen.queryByTestId('compare-error')).toBeNull();
    await user.click(screen.getByTestId('compare-submit'));
    await waitFor(() => expect(workers.ports).toHaveLength(4));
    expect(workers.ports[0]!.terminated && workers.ports[1]!.terminated).toBe(true);
    const b = workers.inits()[3]!;
    expect((b.scenario as typeof SCENARIO).settings).toEqual({ preset: 'cassandra', maxHintWindow: '10m' });
    await waitFor(() => expect(screen.getByTestId('compare-b-value')).toHaveTextContent('10m'));
    expect(screen.getByTestId('compare-a-value')).toHaveTextContent('3h');
  });

  it('one clock: To end moves both runs in the same steps; Esc and Back go back to the lab', async () => {
    const user = userEvent.setup();
    const { answer, workers, onBack, store } = setup();
    answer();
    await screen.findByRole('table');
    await user.click(screen.getByTestId('compare-jump-end'));
    await waitFor(() => expect(screen.getByTestId('compare-report-at')).toHaveTextContent('0:05:00.000'));
    expect(screen.getByTestId('compare-clock')).toHaveTextContent('0:05:00.000');
    const seeks = (p: FakePort) => p.sent.filter((m) => m.type === 'seek').map((m) => (m as { atMs: number }).atMs);
    expect(seeks(workers.ports[1]!)).toEqual(seeks(workers.ports[0]!));
    expect(seeks(workers.ports[0]!).at(-1)).toBe(300_000);
    expect(store.getState().clock.jump).toBeNull();
    expect(workers.ports[0]!.sent.some((m) => m.type === 'play')).toBe(false);

    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId('compare-back'));
    expect(onBack).toHaveBeenCalledTimes(2);
  });

  it('stops both workers when it closes', async () => {
    const { answer, workers, unmount } = setup();
    answer();
    await screen.findByRole('table');
    unmount();
    expect(workers.ports.every((p) => p.terminated)).toBe(true);
  });
});
