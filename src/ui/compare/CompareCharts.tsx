// The same four charts for A and B, side by side, on one time axis and — per chart — one y
// scale, so that a taller line means more, whichever side it is on.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { LogEvent, MetricsSample } from '../../protocol';
import type { AppState, AppStore } from '../../store';
import type { RunId } from '../../store/compare';
import { formatCount } from '../../view/format';
import { marksOfLog, metricLine, pendingLines, rateLine, timeDomain } from '../../view/charts/chartModel';
import { METRIC_STYLES, nodeLineStyle } from '../../view/charts/seriesStyle';
import { TimeChart, type ChartLine } from '../charts/TimeChart';
import { useElementSize } from '../common/useElementSize';
import '../charts/charts.css';

export type CompareChartId = 'pending' | 'under' | 'stale' | 'writes';
const RATE_BINS = 40;

const rate = (v: number) => (v >= 100 ? formatCount(v) : v >= 10 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, ''));
const selectSeries = (s: AppState) => s.series;
const selectFaults = (s: AppState) => s.faults;
const selectOrder = (s: AppState) => s.cluster?.nodes;
const NO_NODES: readonly string[] = [];

interface RunLines {
  lines: Record<CompareChartId, ChartLine[]>;
  value: Record<CompareChartId, string>;
}

function linesOf(series: readonly MetricsSample[], order: readonly string[], domain: readonly [number, number]): RunLines {
  const last = series[series.length - 1];
  const built = pendingLines(series, order);
  const pending = built.targets.map((t) => {
    const i = order.indexOf(t);
    return { id: t, label: t, testId: `pending-line-${t}`, points: built.lines.get(t) ?? [], ...nodeLineStyle(i < 0 ? order.length : i) };
  });
  const acked = rateLine(series, (s) => s.writesAcknowledged, domain[0], domain[1], RATE_BINS);
  const failed = rateLine(series, (s) => s.writesFailed, domain[0], domain[1], RATE_BINS);
  return {
    lines: {
      pending,
      under: [{ id: 'under', label: 'keys', testId: 'under-line', points: metricLine(series, (s) => s.underReplicated), ...METRIC_STYLES.underReplicated }],
      stale: [{ id: 'stale', label: 'stale', testId: 'stale-line', points: metricLine(series, (s) => s.readsStale), ...METRIC_STYLES.readsStale }],
      writes: [
        { id: 'acked', label: 'acked', testId: 'writes-acked-line', points: acked, format: rate, ...METRIC_STYLES.writesAcked },
        { id: 'failed', label: 'failed', testId: 'writes-failed-line', points: failed, format: rate, ...METRIC_STYLES.writesFailed },
      ],
    },
    value: {
      pending: formatCount(last?.hintsPending ?? 0),
      under: formatCount(last?.underReplicated ?? 0),
      stale: formatCount(last?.readsStale ?? 0),
      writes: `${rate(acked[acked.length - 1]?.[1] ?? 0)}/s`,
    },
  };
}

function maxOf(lines: readonly ChartLine[]): number {
  let m = 0;
  for (const l of lines) for (const p of l.points) if (p[1] > m) m = p[1];
  return m;
}

const CHARTS: { id: CompareChartId; title: string; min: number }[] = [
  { id: 'pending', title: 'Pending hints by target', min: 4 },
  { id: 'under', title: 'Under-replicated keys', min: 4 },
  { id: 'stale', title: 'Stale reads, total', min: 4 },
  { id: 'writes', title: 'Writes per simulated second', min: 1 },
];

function Cell({ run, id, title, summary, lines, domain, faults, yTop }: {
  run: RunId;
  id: CompareChartId;
  title: string;
  summary: string;
  lines: ChartLine[];
  domain: readonly [number, number];
  faults: readonly LogEvent[];
  yTop: number;
}) {
  const { ref, width, height } = useElementSize<HTMLDivElement>({ width: 360, height: 110 });
  return (
    <div className="compare-chart-cell" ref={ref} data-testid={`compare-chart-${run}-${id}`}>
      <span className={`compare-cell-letter compare-cell-letter-${run}`} aria-hidden="true">
        {run.toUpperCase()}
      </span>
      {width > 0 && height > 0 && (
        <TimeChart
          id={`${run}-${id}`}
          title={title}
          summary={summary}
          lines={lines}
          domain={domain}
          marks={marksOfLog(faults)}
          width={width}
          height={height}
          fill={id === 'under' || id === 'stale'}
          minMax={yTop}
          empty={id === 'pending' ? 'No hints' : undefined}
        />
      )}
    </div>
  );
}

export function CompareCharts({ runs, jumpTarget, sloppy }: { runs: Record<RunId, AppStore>; jumpTarget: number | null; sloppy: Record<RunId, boolean> }) {
  const seriesA = useStore(runs.a, selectSeries);
  const seriesB = useStore(runs.b, selectSeries);
  const faultsA = useStore(runs.a, selectFaults);
  const faultsB = useStore(runs.b, selectFaults);
  const order = useStore(runs.a, selectOrder) ?? NO_NODES;
  // One time axis: the longer of the two series (they step together, so they end together).
  const domain = useMemo(() => {
    const a = timeDomain(seriesA, jumpTarget);
    const b = timeDomain(seriesB, jumpTarget);
    return [Math.min(a[0], b[0]), Math.max(a[1], b[1])] as const;
  }, [seriesA, seriesB, jumpTarget]);
  const a = useMemo(() => linesOf(seriesA, order, domain), [seriesA, order, domain]);
  const b = useMemo(() => linesOf(seriesB, order, domain), [seriesB, order, domain]);

  return (
    <section className="compare-charts" aria-labelledby="compare-charts-title" data-testid="compare-charts" tabIndex={0}>
      <h2 id="compare-charts-title" className="sr-only">
        A and B over simulated time, on shared axes
      </h2>
      <div className="compare-charts-head" aria-hidden="true">
        <span />
        <span className="compare-col-label">A</span>
        <span className="compare-col-label">B</span>
      </div>
      {CHARTS.map((c) => {
        const yTop = Math.max(c.min, maxOf(a.lines[c.id]), maxOf(b.lines[c.id]));
        const title = c.id === 'pending' && (sloppy.a || sloppy.b) ? 'Pending hints / hand-offs by target' : c.title;
        return (
          <div key={c.id} className="compare-chart-row" role="group" aria-label={title}>
            <h3 className="compare-chart-title">
              {title}
              <span className="compare-chart-values">
                A <strong data-testid={`compare-value-a-${c.id}`}>{a.value[c.id]}</strong> · B <strong data-testid={`compare-value-b-${c.id}`}>{b.value[c.id]}</strong>
              </span>
            </h3>
            <Cell run="a" id={c.id} title={`A: ${title}`} summary={`Run A, ${title.toLowerCase()}: ${a.value[c.id]} now.`} lines={a.lines[c.id]} domain={domain} faults={faultsA} yTop={yTop} />
            <Cell run="b" id={c.id} title={`B: ${title}`} summary={`Run B, ${title.toLowerCase()}: ${b.value[c.id]} now.`} lines={b.lines[c.id]} domain={domain} faults={faultsB} yTop={yTop} />
          </div>
        );
      })}
    </section>
  );
}
