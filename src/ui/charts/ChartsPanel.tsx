// Charts over simulated time, in a collapsible strip under the ring: pending hints per
// target, under-replicated keys, stale reads, and write rates, with the faults marked on
// the time axis. Four across when there is room; otherwise pending hints stays in view and
// tabs pick the other chart (or all four, on a phone).
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MetricsSample } from '../../protocol';
import type { AppState } from '../../store';
import { selectCluster, selectFaults, selectHintMode, selectJumpTarget, selectSeries, useAppStore } from '../../store';
import { formatClock, formatCount } from '../../view/format';
import { chartMarks, dcUnderLines, metricLine, pendingLines, rateLine, timeDomain, type PendingLines } from '../../view/charts/chartModel';
import { dcLineStyle, METRIC_STYLES, nodeLineStyle } from '../../view/charts/seriesStyle';
import { TimeChart, type ChartLine } from './TimeChart';
import { useElementSize } from '../common/useElementSize';
import { useRingDcs } from '../common/useRingDcs';
import './charts.css';

type ChartId = 'pending' | 'under' | 'stale' | 'writes';
const ALL: ChartId[] = ['pending', 'under', 'stale', 'writes'];
const RATE_BINS = 60;

const count = formatCount;
const rate = (v: number) => (v >= 100 ? count(v) : v >= 10 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, ''));

interface ChartData {
  id: ChartId;
  title: string;
  /** The tab's label: short title and the current value. */
  short: string;
  value: string;
  summary: string;
  lines: ChartLine[];
  fill?: boolean;
  minMax?: number;
  empty?: string;
}

function useChartData(series: readonly MetricsSample[], order: readonly string[], sloppy: boolean, domain: readonly [number, number], dcs: readonly string[]): Record<ChartId, ChartData> {
  // The pending lines grow with the series instead of being rebuilt ten times a second.
  const [pending, setPending] = useState<PendingLines | null>(null);
  let built = pending;
  if (!built || built.series !== series || built.order !== order) {
    built = pendingLines(series, order, pending);
    setPending(built);
  }
  const lines = built;
  return useMemo(() => {
    const last = series[series.length - 1];
    const at = last ? ` at ${formatClock(last.now)}` : '';
    const pendingLines: ChartLine[] = lines.targets.map((t) => {
      const i = order.indexOf(t);
      return { id: t, label: t, testId: `pending-line-${t}`, points: lines.lines.get(t) ?? [], ...nodeLineStyle(i < 0 ? order.length : i) };
    });
    const total = last?.hintsPending ?? 0;
    const what = sloppy ? 'stand-in copies' : 'hints';
    const acked = rateLine(series, (s) => s.writesAcknowledged, domain[0], domain[1], RATE_BINS);
    const failed = rateLine(series, (s) => s.writesFailed, domain[0], domain[1], RATE_BINS);
    const ackNow = acked[acked.length - 1]?.[1] ?? 0;
    const failNow = failed[failed.length - 1]?.[1] ?? 0;
    return {
      pending: {
        id: 'pending',
        title: sloppy ? 'Hand-offs waiting, by owner' : 'Pending hints by target',
        short: sloppy ? 'Hand-offs waiting' : 'Pending hints',
        value: count(total),
        summary:
          lines.targets.length === 0
            ? `No ${what} pending${at}.`
            : `${what[0]!.toUpperCase()}${what.slice(1)} pending${at}: ${pendingLines.map((l) => `${l.label} ${count(l.points[l.points.length - 1]?.[1] ?? 0)}`).join(', ')}.`,
        lines: pendingLines,
        empty: `No ${what} yet`,
      },
      under: underChart(series, dcs, at),
      stale: {
        id: 'stale',
        title: 'Stale reads, total',
        short: 'Stale reads',
        value: count(last?.readsStale ?? 0),
        summary: `${count(last?.readsStale ?? 0)} reads so far returned a value older than an acknowledged write${at}.`,
        lines: [{ id: 'stale', label: 'stale', testId: 'stale-line', points: metricLine(series, (s) => s.readsStale), ...METRIC_STYLES.readsStale }],
        fill: true,
      },
      writes: {
        id: 'writes',
        title: 'Writes per simulated second',
        short: 'Writes',
        value: `${rate(ackNow)}/s`,
        summary: `Lately ${rate(ackNow)} writes acknowledged and ${rate(failNow)} failed per simulated second (averaged over 1/${RATE_BINS} of the time shown).`,
        lines: [
          { id: 'acked', label: 'acked', testId: 'writes-acked-line', points: acked, format: rate, ...METRIC_STYLES.writesAcked },
          { id: 'failed', label: 'failed', testId: 'writes-failed-line', points: failed, format: rate, ...METRIC_STYLES.writesFailed },
        ],
        minMax: 1,
      },
    };
  }, [series, order, sloppy, domain, lines, dcs]);
}

/** Under-replicated keys: one line, or with datacenters one per DC in its ring colour (the total in the title). */
function underChart(series: readonly MetricsSample[], dcs: readonly string[], at: string): ChartData {
  const total = count(series[series.length - 1]?.underReplicated ?? 0);
  const byDc: ChartLine[] = dcUnderLines(series, dcs).map((l, i) => ({ id: `under-${l.dc}`, label: l.dc, testId: `under-line-${l.dc}`, points: l.points, ...dcLineStyle(i) }));
  const split = byDc.map((l) => `${l.label} ${count(l.points[l.points.length - 1]?.[1] ?? 0)}`).join(', ');
  return {
    id: 'under',
    title: 'Under-replicated keys',
    short: 'Under-replicated',
    value: total,
    summary: `${total} acknowledged keys missing from some replica${at}${split ? `; missing from a replica in ${split}` : ''}.`,
    lines: byDc.length > 0 ? byDc : [{ id: 'under', label: 'keys', testId: 'under-line', points: metricLine(series, (s) => s.underReplicated), ...METRIC_STYLES.underReplicated }],
    fill: true,
  };
}

const selectTimeline = (s: AppState) => s.view?.timeline ?? null;
const selectViewNow = (s: AppState) => s.view?.now ?? 0;

/** The faults to mark: the log's and the timeline's (which survives a link, a jump, a rewind). */
function useChartMarks() {
  const faults = useAppStore(selectFaults);
  const timeline = useAppStore(selectTimeline);
  const now = useAppStore(selectViewNow);
  return useMemo(() => chartMarks(faults, timeline, now), [faults, timeline, now]);
}

function ChartBox({ data, domain, pendingFrom }: { data: ChartData; domain: readonly [number, number]; pendingFrom: number | null }) {
  const marks = useChartMarks();
  const { ref, width, height } = useElementSize<HTMLDivElement>({ width: 560, height: 150 });
  return (
    <div className="chart-box" ref={ref}>
      {width > 0 && height > 0 && (
        <TimeChart
          id={data.id}
          title={data.title}
          summary={data.summary}
          lines={data.lines}
          domain={domain}
          marks={marks}
          width={width}
          height={height}
          fill={data.fill}
          minMax={data.minMax}
          pendingFrom={pendingFrom}
          empty={data.empty}
        />
      )}
    </div>
  );
}

function ChartTitle({ data, lead }: { data: ChartData; lead?: ReactNode }) {
  return (
    <div className="chart-title-row">
      {lead}
      {/* The number never shrinks (any count up to 10⁹ fits); the words give way, with an ellipsis. */}
      <h3 className="chart-title" title={`${data.title} ${data.value}`}>
        <span className="chart-title-text">{data.title}</span> <span className="chart-value">{data.value}</span>
      </h3>
    </div>
  );
}

/** A tab list (arrow keys move and select; Home/End) over some of the charts, and the chosen one. */
function TabbedChart({ ids, active, onSelect, charts, domain, pendingFrom }: {
  ids: ChartId[];
  active: ChartId;
  onSelect: (id: ChartId) => void;
  charts: Record<ChartId, ChartData>;
  domain: readonly [number, number];
  pendingFrom: number | null;
}) {
  const tabs = useRef(new Map<ChartId, HTMLButtonElement>());
  const onKey = (e: KeyboardEvent) => {
    const i = ids.indexOf(active);
    const next = e.key === 'ArrowRight' ? ids[(i + 1) % ids.length] : e.key === 'ArrowLeft' ? ids[(i - 1 + ids.length) % ids.length] : e.key === 'Home' ? ids[0] : e.key === 'End' ? ids[ids.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    tabs.current.get(next)?.focus();
  };
  return (
    <div className="chart-slot">
      <div className="chart-title-row">
        <div className="chart-tabs" role="tablist" aria-label="Chart shown" onKeyDown={onKey}>
          {ids.map((id) => (
            <button
              key={id}
              ref={(el) => {
                if (el) tabs.current.set(id, el);
                else tabs.current.delete(id);
              }}
              type="button"
              role="tab"
              id={`chart-tab-${id}`}
              aria-selected={id === active}
              aria-controls={`chart-panel-${id}`}
              tabIndex={id === active ? 0 : -1}
              className="chart-tab"
              onClick={() => onSelect(id)}
            >
              {charts[id].short}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={`chart-panel-${active}`} aria-labelledby={`chart-tab-${active}`} className="chart-panel">
        <ChartBox data={charts[active]} domain={domain} pendingFrom={pendingFrom} />
      </div>
    </div>
  );
}

type Layout = 'all' | 'two' | 'one';

function ChartsToggle({ open, compact, onToggle }: { open: boolean; compact: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      className={`btn btn-small charts-toggle${compact ? ' charts-toggle-icon' : ''}`}
      aria-expanded={open}
      aria-controls="charts-body"
      aria-label={open ? 'Hide charts' : 'Show charts'}
      title={open ? 'Hide charts' : 'Show charts'}
      onClick={onToggle}
    >
      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      {!compact && <span aria-hidden="true">{open ? 'Hide charts' : 'Show charts'}</span>}
    </button>
  );
}

/** The strip's heading; closed, one line with every chart's current value. */
function ChartsHead({ open, charts, toggle }: { open: boolean; charts: Record<ChartId, ChartData>; toggle: ReactNode }) {
  return (
    <div className="charts-head">
      <h2 id="charts-title" className={open ? undefined : 'sr-only'}>
        Over simulated time
      </h2>
      {!open && (
        <p className="charts-summary">
          {ALL.map((id) => (
            <span key={id}>
              {charts[id].short} <strong className="chart-value">{charts[id].value}</strong>
            </span>
          ))}
        </p>
      )}
      {toggle}
    </div>
  );
}

interface BodyProps {
  layout: Layout;
  charts: Record<ChartId, ChartData>;
  domain: readonly [number, number];
  pendingFrom: number | null;
  toggle: ReactNode;
}

/** Four across; or pending hints and tabs for the others; or tabs for all four. */
function ChartsBody({ layout, charts, domain, pendingFrom, toggle }: BodyProps) {
  const [chosen, setChosen] = useState<ChartId>('pending');
  const others = ALL.filter((id) => id !== 'pending');
  return (
    <div id="charts-body" className="charts-body">
      {layout === 'all' &&
        ALL.map((id) => (
          <div key={id} className="chart-slot">
            <ChartTitle data={charts[id]} lead={id === 'pending' ? toggle : undefined} />
            <ChartBox data={charts[id]} domain={domain} pendingFrom={pendingFrom} />
          </div>
        ))}
      {layout === 'two' && (
        <>
          <div className="chart-slot">
            <ChartTitle data={charts.pending} lead={toggle} />
            <ChartBox data={charts.pending} domain={domain} pendingFrom={pendingFrom} />
          </div>
          <TabbedChart ids={others} active={chosen === 'pending' ? 'under' : chosen} onSelect={setChosen} charts={charts} domain={domain} pendingFrom={pendingFrom} />
        </>
      )}
      {layout === 'one' && <TabbedChart ids={ALL} active={chosen} onSelect={setChosen} charts={charts} domain={domain} pendingFrom={pendingFrom} />}
    </div>
  );
}

export function ChartsPanel() {
  const series = useAppStore(selectSeries);
  const cluster = useAppStore(selectCluster);
  const jumpTarget = useAppStore(selectJumpTarget);
  const sloppy = useAppStore(selectHintMode) === 'sloppy-quorum';
  const [open, setOpen] = useState(true);
  const { ref, width } = useElementSize<HTMLElement>({ width: 640, height: 0 });

  const order = cluster?.nodes;
  const stableOrder = useMemo(() => order ?? [], [order]);
  const domain = useMemo(() => timeDomain(series, jumpTarget), [series, jumpTarget]);
  const charts = useChartData(series, stableOrder, sloppy, domain, useRingDcs());
  const lastAt = series[series.length - 1]?.now ?? null;
  const pendingFrom = jumpTarget !== null ? lastAt : null;
  const layout: Layout = width >= 1000 ? 'all' : width >= 540 ? 'two' : 'one';
  // Open, the strip's heading is for screen readers and a disclosure chevron leads the first
  // chart's title (a 720-px-high screen needs every row for the ring); closed, one line says it all.
  const compactHead = open && layout !== 'one';
  const toggle = <ChartsToggle open={open} compact={compactHead} onToggle={() => setOpen((v) => !v)} />;

  return (
    <section className={`charts charts-${layout}${open ? '' : ' charts-closed'}`} ref={ref} aria-labelledby="charts-title" data-testid="charts">
      {compactHead ? (
        <h2 id="charts-title" className="sr-only">
          Over simulated time
        </h2>
      ) : (
        <ChartsHead open={open} charts={charts} toggle={toggle} />
      )}
      {open && <ChartsBody layout={layout} charts={charts} domain={domain} pendingFrom={pendingFrom} toggle={toggle} />}
    </section>
  );
}
