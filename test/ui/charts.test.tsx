import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LogEvent, MetricsSample } from '../../src/protocol';
import { createAppStore } from '../../src/store';
import { appendFaults, appendSamples, SERIES_LIMIT, thinOlderHalf } from '../../src/store/series';
import { ChartsPanel } from '../../src/ui/charts/ChartsPanel';
import { areaPath, chartMarks, decimate, dodge, faultLabel, formatTick, pendingLine, pendingLines, polylinePath, rateLine, stepAreaPath, stepPath, targetsOf, timeTicks } from '../../src/view/charts/chartModel';
import { makeCluster, makeFrame, renderWithStore } from './fixtures';

const sample = (now: number, over: Partial<MetricsSample> = {}): MetricsSample => ({
  now,
  writesAcknowledged: 0,
  writesFailed: 0,
  readsStale: 0,
  hintsPending: 0,
  pendingByTarget: {},
  underReplicated: 0,
  lostAcknowledgedWrites: 0,
  ...over,
});

const fault = (seq: number, at: number, node: string, text: string): LogEvent => ({ seq, at, kind: 'fault', node, text });

describe('ChartsPanel', () => {
  it('draws one pending-hints line per target and a marker per fault event', () => {
    const samples = [
      sample(0),
      sample(60_000, { hintsPending: 5, pendingByTarget: { C: 5 } }),
      sample(120_000, { hintsPending: 12, pendingByTarget: { C: 9, E: 3 } }),
      sample(180_000, { hintsPending: 4, pendingByTarget: { E: 4 } }),
    ];
    const log: LogEvent[] = [
      fault(1, 30_000, 'C', 'C crashed (disk survives)'),
      { seq: 2, at: 40_000, kind: 'write', text: 'Write k=v at ONE via A' },
      fault(3, 50_000, 'E', 'E crashed (disk survives)'),
      fault(4, 150_000, 'C', 'C restarted; it serves clients once gossip has settled'),
    ];
    renderWithStore(<ChartsPanel />, { frame: makeFrame({ now: 180_000, samples, log }) });

    const chart = screen.getByTestId('chart-pending');
    expect(within(chart).getByTestId('pending-line-C')).toBeInTheDocument();
    expect(within(chart).getByTestId('pending-line-E')).toBeInTheDocument();
    expect(chart.querySelectorAll('.chart-line')).toHaveLength(2);
    // Each line ends in a label naming its target and its last value.
    expect(within(chart).getByTestId('pending-line-C')).toHaveTextContent('C 0');
    expect(within(chart).getByTestId('pending-line-E')).toHaveTextContent('E 4');
    // …and a different dash pattern for each.
    const dash = (id: string) => within(chart).getByTestId(id).querySelector('.chart-stroke')?.getAttribute('stroke-dasharray') ?? '';
    expect(dash('pending-line-C')).not.toBe(dash('pending-line-E'));

    const markers = within(chart).getAllByTestId('fault-marker');
    expect(markers.map((m) => m.getAttribute('data-label'))).toEqual(['kill C', 'kill E', 'restart C']);
    expect(chart).toHaveAccessibleName(/Pending hints by target/);
    expect(chart).toHaveAccessibleDescription(/C 0, E 4/);
  });

  it('keeps the fault markers after the event log moves on, and starts over on a new ready', () => {
    const { store } = renderWithStore(<ChartsPanel />, {
      frame: makeFrame({ samples: [sample(0), sample(10_000)], log: [fault(1, 5000, 'D', 'D crashed (disk survives)')] }),
    });
    const { receive } = store.getState().actions;
    act(() => receive({ type: 'frame', frame: makeFrame({ samples: [sample(20_000)], log: [{ seq: 2, at: 15_000, kind: 'gossip', text: 'A convicts D' }] }) }));
    expect(within(screen.getByTestId('chart-pending')).getAllByTestId('fault-marker')).toHaveLength(1);
    expect(store.getState().series).toHaveLength(3);

    act(() => receive({ type: 'ready', cluster: makeCluster() }));
    expect(store.getState().series).toEqual([]);
    expect(store.getState().faults).toEqual([]);
    expect(within(screen.getByTestId('chart-pending')).queryAllByTestId('fault-marker')).toHaveLength(0);
  });

  it('offers the other charts on tabs with their current values, and collapses', async () => {
    const user = userEvent.setup();
    const samples = [sample(0), sample(1000, { underReplicated: 7, readsStale: 2, writesAcknowledged: 10 })];
    renderWithStore(<ChartsPanel />, { frame: makeFrame({ samples }) });
    const tab = screen.getByRole('tab', { name: 'Under-replicated' });
    expect(tab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('under-line')).toHaveTextContent('keys 7');
    await user.click(tab);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Stale reads' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Stale reads');
    expect(screen.getByTestId('stale-line')).toHaveTextContent('stale 2');
    expect(screen.queryByTestId('chart-under')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hide charts' }));
    expect(screen.queryByTestId('chart-pending')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show charts' })).toHaveAttribute('aria-expanded', 'false');
    // Closed, one line still gives every current value.
    expect(screen.getByTestId('charts')).toHaveTextContent('Under-replicated 7');
    expect(screen.getByTestId('charts')).toHaveTextContent('Stale reads 2');
  });
});

describe('series buffer', () => {
  it('downsamples older samples evenly and stays bounded', () => {
    const store = createAppStore(() => {}, { scheduleAck: (fn) => fn() });
    const { receive } = store.getState().actions;
    let t = 0;
    for (let f = 0; f < 500; f++) {
      const batch = Array.from({ length: 10 }, () => sample((t += 100)));
      receive({ type: 'frame', frame: makeFrame({ samples: batch }) });
      expect(store.getState().series.length).toBeLessThanOrEqual(SERIES_LIMIT);
    }
    const series = store.getState().series;
    expect(series.length).toBeGreaterThan(SERIES_LIMIT / 2);
    // The run's first sample and the newest ones are kept; time still runs forward.
    expect(series[0]!.now).toBe(100);
    expect(series[series.length - 1]!.now).toBe(t);
    expect(series.slice(-10).map((s) => s.now)).toEqual(Array.from({ length: 10 }, (_, i) => t - 900 + i * 100));
    for (let i = 1; i < series.length; i++) expect(series[i]!.now).toBeGreaterThan(series[i - 1]!.now);
    // Older stretches are thinned, not dropped: the gaps grow towards the past.
    const gapOld = series[1]!.now - series[0]!.now;
    const gapNew = series[series.length - 1]!.now - series[series.length - 2]!.now;
    expect(gapOld).toBeGreaterThan(gapNew);
  });

  it('halves the older half only, at even steps', () => {
    const pts = Array.from({ length: 10 }, (_, i) => i);
    expect(thinOlderHalf(pts)).toEqual([0, 2, 4, 5, 6, 7, 8, 9]);
    expect(appendSamples([sample(1)], [sample(1, { hintsPending: 3 })])).toEqual([sample(1, { hintsPending: 3 })]);
    const bounded = appendSamples([], Array.from({ length: 50 }, (_, i) => sample(i)), 20);
    expect(bounded.length).toBeLessThanOrEqual(20);
  });

  it('keeps only fault events, bounded', () => {
    const log: LogEvent[] = [fault(1, 1, 'A', 'A crashed (disk survives)'), { seq: 2, at: 2, kind: 'hint', text: 'x' }];
    expect(appendFaults([], log)).toHaveLength(1);
    const many = Array.from({ length: 30 }, (_, i) => fault(i, i, 'A', 'A restarted'));
    const kept = appendFaults([], many, 10);
    expect(kept).toHaveLength(10);
    expect(kept[0]!.seq).toBe(20);
  });
});

describe('chart model', () => {
  it('puts time ticks on readable steps and labels them like durations', () => {
    expect(timeTicks(0, 600_000, 6)).toEqual([0, 120_000, 240_000, 360_000, 480_000, 600_000]);
    expect(timeTicks(0, 3 * 3_600_000, 4).map(formatTick)).toEqual(['0', '1h', '2h', '3h']);
    expect(formatTick(90_000)).toBe('1m30s');
  });

  it('names faults briefly', () => {
    expect(faultLabel(fault(1, 0, 'D', 'D crashed (disk survives)'))).toBe('kill D');
    expect(faultLabel(fault(1, 0, 'D', 'D crashed and its disk was wiped'))).toBe('kill D (wipe)');
    expect(faultLabel(fault(1, 0, 'D', 'D restarted; it serves clients once gossip has settled'))).toBe('restart D');
    expect(faultLabel({ seq: 1, at: 0, kind: 'fault', text: 'Network partitioned: {A, B} | {C}' })).toBe('partition');
    expect(faultLabel({ seq: 1, at: 0, kind: 'fault', text: 'Partition healed' })).toBe('heal');
  });

  it('orders targets as the cluster does and computes rates per simulated second', () => {
    expect(targetsOf([sample(0, { pendingByTarget: { E: 1 } }), sample(1, { pendingByTarget: { B: 2, C: 0 } })], ['A', 'B', 'C', 'D', 'E'])).toEqual(['B', 'E']);
    const s = [sample(0), sample(10_000, { writesAcknowledged: 100 }), sample(20_000, { writesAcknowledged: 300 })];
    const r = rateLine(s, (x) => x.writesAcknowledged, 0, 20_000, 2);
    // Steps: each bin's rate from its start, held to the last bin's end.
    expect(r).toEqual([
      [0, 10],
      [10_000, 20],
      [20_000, 20],
    ]);
  });

  it('spreads end labels apart', () => {
    expect(dodge([50, 52, 10], 13, 0, 100)).toEqual([50, 63, 10]);
  });
});

describe('chart model at scale', () => {
  const x = (t: number) => t / 10; // 10 ms a pixel

  it('decimates to the first, lowest, highest and last point of each pixel column', () => {
    const points = Array.from({ length: 1000 }, (_, i) => [i, (i * 7919) % 101] as const);
    const out = decimate(points, x);
    expect(out.length).toBeLessThanOrEqual(4 * 100);
    expect(out.length).toBeLessThan(points.length);
    expect(out[0]).toBe(points[0]);
    expect(out.at(-1)).toBe(points.at(-1));
    // Each column keeps its extremes, in time order.
    for (let c = 0; c < 100; c++) {
      const col = points.filter((p) => Math.floor(x(p[0])) === c);
      const kept = out.filter((p) => Math.floor(x(p[0])) === c);
      expect(Math.min(...kept.map((p) => p[1]))).toBe(Math.min(...col.map((p) => p[1])));
      expect(Math.max(...kept.map((p) => p[1]))).toBe(Math.max(...col.map((p) => p[1])));
      expect(kept.map((p) => p[0])).toEqual([...kept.map((p) => p[0])].sort((a, b) => a - b));
    }
    const sparse = [[0, 1], [500, 2], [990, 3]] as const;
    expect(decimate(sparse, x)).toBe(sparse);
  });

  it('writes path data as d3.line does, to a tenth of a pixel', () => {
    const pts = [[0, 1], [10, 2.25], [20, 3]] as const;
    expect(polylinePath(pts, x, (v) => v * 2)).toBe('M0,2L1,4.5L2,6');
    expect(areaPath(pts, x, (v) => v * 2, 10)).toBe('M0,2L1,4.5L2,6L2,10L0,10Z');
    expect(polylinePath([], x, (v) => v)).toBe('');
  });

  it('draws samples as steps: a value holds until the next sample, never a slope between them', () => {
    const pts = [[0, 0], [10, 5], [20, 3]] as const;
    expect(stepPath(pts, x, (v) => v * 2)).toBe('M0,0L1,0L1,10L2,10L2,6');
    expect(stepAreaPath(pts, x, (v) => v * 2, 10)).toBe('M0,0L1,0L1,10L2,10L2,6L2,10L2,10L1,10L1,10L0,10Z');
    expect(stepPath([], x, (v) => v)).toBe('');
  });

  it('never draws pending hints before the first sample that saw them (a link jumped past the kill)', () => {
    // Opened from a link: a sample at 0 and the next only at 60 s, after the kill at 30 s.
    const series = [sample(0), sample(60_000, { hintsPending: 500, pendingByTarget: { D: 500 } })];
    const d = stepPath(pendingLine(series, 'D'), (t) => t / 1000, (v) => 100 - v / 10);
    // Every point before x = 60 is at y = 100 (zero); the rise is vertical at 60.
    const coords = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    for (const [px, py] of coords) if (px < 60) expect(py).toBe(100);
    expect(coords).toContainEqual([60, 100]);
    expect(coords).toContainEqual([60, 50]);
  });

  it('marks every fault from the timeline when the log skipped its event, once each, up to now', () => {
    const timeline = {
      horizon: 120_000,
      marksOmitted: 0,
      marks: [
        { at: 30_000, kind: 'kill', label: 'kill D', fault: true, source: 'scenario' as const, queued: false },
        { at: 40_000, kind: 'write', label: 'write k1', fault: false, source: 'command' as const, queued: false },
        { at: 50_000, kind: 'partition', label: 'partition {A, B} | {C}', fault: true, source: 'command' as const, queued: false },
        { at: 90_000, kind: 'kill', label: 'kill + wipe E', fault: true, source: 'command' as const, queued: false },
        { at: 100_000, kind: 'restart', label: 'restart D', fault: true, source: 'command' as const, queued: true },
        { at: 200_000, kind: 'restart', label: 'restart E', fault: true, source: 'scenario' as const, queued: false },
      ],
    };
    const log = [fault(1, 30_000, 'D', 'D crashed (disk survives)')];
    const marks = chartMarks(log, timeline, 120_000);
    expect(marks.map((m) => m.label)).toEqual(['kill D', 'partition', 'kill E (wipe)']);
    expect(marks[0]!.text).toBe('D crashed (disk survives)');
    expect(chartMarks([], timeline, 120_000).map((m) => [m.at, m.label])).toEqual([[30_000, 'kill D'], [50_000, 'partition'], [90_000, 'kill E (wipe)']]);
  });

  it('extends the pending lines as the series grows, as a rebuild would', () => {
    const order = ['A', 'B', 'C'];
    const s1 = [sample(0, { pendingByTarget: { B: 1 } }), sample(10, { pendingByTarget: { B: 2 } })];
    const first = pendingLines(s1, order);
    const s2 = [...s1, sample(20, { pendingByTarget: { B: 1, C: 4 } }), sample(30, { pendingByTarget: { C: 2 } })];
    const next = pendingLines(s2, order, first);
    expect(next.targets).toEqual(targetsOf(s2, order));
    for (const t of next.targets) expect(next.lines.get(t)).toEqual(pendingLine(s2, t));
    // Thinned (the first sample dropped): rebuilt.
    const thinned = s2.slice(1);
    const again = pendingLines(thinned, order, next);
    for (const t of again.targets) expect(again.lines.get(t)).toEqual(pendingLine(thinned, t));
  });
});
