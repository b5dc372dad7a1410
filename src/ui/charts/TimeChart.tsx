// One chart over simulated time. React owns the SVG; d3 only computes scales, ticks and
// path strings. Lines are steps (each sample holds until the next: the values the engine had,
// never a slope between two sparse samples). No transitions anywhere (each sample redraws in
// place), so reduced motion needs nothing extra.
import { scaleLinear, symbol as d3symbol } from 'd3';
import { useId, useMemo } from 'react';
import { formatClock, formatCount } from '../../view/format';
import { decimate, dodge, formatTick, markerIndexes, placeMarkers, stepAreaPath, stepPath, timeTicks, type ChartMark, type Point } from '../../view/charts/chartModel';
import { SYMBOLS, type LineStyle } from '../../view/charts/seriesStyle';

export interface ChartLine extends LineStyle {
  id: string;
  /** Shown at the line's end, before the value. */
  label: string;
  points: readonly Point[];
  testId?: string;
  /** Formats the end value (default: rounded count). */
  format?: (v: number) => string;
}

export interface TimeChartProps {
  id: string;
  /** The chart's accessible name. */
  title: string;
  /** A sentence with the current values, for screen readers. */
  summary: string;
  lines: readonly ChartLine[];
  domain: readonly [number, number];
  /** Faults on the time axis (chartModel's chartMarks). */
  marks: readonly ChartMark[];
  width: number;
  height: number;
  /** Shade the line under a single series. */
  fill?: boolean;
  /** While a jump runs: from the last sample to where the jump ends, hatched. */
  pendingFrom?: number | null;
  /** Smallest top of the y scale (so a flat 0 still has an axis). */
  minMax?: number;
  empty?: string;
}

const M = { top: 24, right: 8, bottom: 20, left: 38 };
/** Room for the labels at the lines' ends ("C 3,454", "acked 16"). */
const END_LABEL_W = 64;
const MARKER_SPACING = 96;

const countFormat = formatCount;

const symbols = new Map<LineStyle['marker'], string>();
/** A marker's path data (the same few shapes on every line, every update). */
function symbolPath(marker: LineStyle['marker']): string {
  let d = symbols.get(marker);
  if (d === undefined) {
    d = d3symbol(SYMBOLS[marker], 42)() ?? '';
    symbols.set(marker, d);
  }
  return d;
}

type Scale = ReturnType<typeof scaleLinear<number, number>>;

/** The plot's size and scales; the lines' points decimated to what the pixels can show. */
function useScales(lines: readonly ChartLine[], domain: readonly [number, number], width: number, height: number, minMax: number) {
  // One right margin for every chart, so that side-by-side charts share their time axis.
  const right = M.right + Math.min(END_LABEL_W, width * 0.3);
  const plotW = Math.max(40, width - M.left - right);
  const plotH = Math.max(30, height - M.top - M.bottom);
  const x = useMemo(() => scaleLinear().domain([domain[0], domain[1]]).range([0, plotW]), [domain, plotW]);
  const yMax = useMemo(() => {
    let max = minMax;
    for (const l of lines) for (const p of l.points) if (p[1] > max) max = p[1];
    return max;
  }, [lines, minMax]);
  const y = useMemo(() => scaleLinear().domain([0, yMax]).nice(Math.max(2, Math.floor(plotH / 28))).range([plotH, 0]), [yMax, plotH]);
  // What the paths go through: at most four points per pixel column.
  const drawn = useMemo(() => lines.map((l) => decimate(l.points, x)), [lines, x]);
  return { plotW, plotH, x, y, drawn };
}

function YGrid({ y, plotW, plotH }: { y: Scale; plotW: number; plotH: number }) {
  const yTicks = y.ticks(Math.max(2, Math.floor(plotH / 30)));
  const siFormat = y.tickFormat(yTicks.length, '~s');
  const yFormat = (v: number) => (v === 0 ? '0' : siFormat(v));
  // Keyed by position, not value: as the scales move, the same elements move with them.
  return yTicks.map((t, i) => (
    <g key={i} className="chart-grid" transform={`translate(0,${y(t)})`}>
      <line x2={plotW} />
      <text x={-6} dy="0.32em" textAnchor="end" className="chart-tick">
        {yFormat(t)}
      </text>
    </g>
  ));
}

function TimeAxis({ x, domain, plotW, plotH }: { x: Scale; domain: readonly [number, number]; plotW: number; plotH: number }) {
  const xTicks = timeTicks(domain[0], domain[1], Math.max(2, Math.floor(plotW / 50)));
  return (
    <g className="chart-axis" transform={`translate(0,${plotH})`}>
      <line x2={plotW} className="chart-baseline" />
      {xTicks.map((t, i) => (
        <g key={i} transform={`translate(${x(t)},0)`}>
          <line y2={4} />
          <text y={15} textAnchor={x(t) < 10 ? 'start' : x(t) > plotW - 10 ? 'end' : 'middle'} className="chart-tick">
            {formatTick(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

function FaultMarkers({ markers, plotH }: { markers: ReturnType<typeof placeMarkers>; plotH: number }) {
  return markers.map((m) => (
    <g key={m.key} className="fault-marker" data-testid="fault-marker" data-label={m.label} transform={`translate(${m.x},0)`}>
      <title>{`${formatClock(m.at)} — ${m.text}`}</title>
      <line y1={-M.top + 12 + m.row * 11} y2={plotH} />
      <path d={`M-4,${plotH + 5}L4,${plotH + 5}L0,${plotH}Z`} />
      <text x={3} y={-M.top + 9 + m.row * 11} className="fault-label">
        {m.label}
      </text>
    </g>
  ));
}

interface LineProps {
  line: ChartLine;
  index: number;
  drawn: readonly Point[];
  x: Scale;
  y: Scale;
  plotH: number;
  area: boolean;
  end: { x: number; y: number };
  labelY: number;
  endLabel: string;
}

/** One series: its path (and area), markers along it, and its label at the end. */
function SeriesLine({ line: l, index: li, drawn, x, y, plotH, area, end, labelY: ly, endLabel }: LineProps) {
  const d = stepPath(drawn, x, y);
  const sym = symbolPath(l.marker);
  const marks = markerIndexes(l.points, x, MARKER_SPACING, 24 + ((li * 29) % MARKER_SPACING));
  // A DC's line takes its colour from the ring's classes (ring.css .dc-band, .dc-label): charts.css keeps only the colour.
  const band = l.tone ? ` dc-band ${l.tone}` : '';
  const dot = l.tone ? ` dc-label ${l.tone}` : '';
  return (
    <g className="chart-line" data-testid={l.testId} aria-label={`${l.label}: ${endLabel}`}>
      {area && <path className="chart-area" d={stepAreaPath(drawn, x, y, plotH)} fill={l.colour} />}
      <path className="chart-halo" d={d} />
      <path className={`chart-stroke${band}`} d={d} stroke={l.colour} strokeDasharray={l.dash || undefined} />
      {marks.map((i, k) => {
        const p = l.points[i]!;
        return <path key={k} className={`chart-marker${dot}`} d={sym} fill={l.colour} transform={`translate(${x(p[0])},${y(p[1])})`} />;
      })}
      {Math.abs(ly - end.y) > 3 && <line className={`chart-leader${band}`} x1={end.x + 4} y1={end.y} x2={end.x + 10} y2={ly} stroke={l.colour} />}
      <text className="chart-end-label" x={end.x + 11} y={ly} dy="0.32em">
        {endLabel}
      </text>
    </g>
  );
}

export function TimeChart(props: TimeChartProps) {
  const { id, title, summary, lines, domain, marks, width, height, fill, pendingFrom, minMax = 4, empty } = props;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const hatchId = `${uid}-hatch`;
  const { plotW, plotH, x, y, drawn } = useScales(lines, domain, width, height, minMax);

  const endLabels = lines.map((l) => {
    const last = l.points[l.points.length - 1];
    return last ? `${l.label} ${(l.format ?? countFormat)(last[1])}` : '';
  });
  const markers = placeMarkers(marks, x, domain[0], domain[1]);
  const ends = lines.map((l) => {
    const last = l.points[l.points.length - 1];
    return last ? { x: x(last[0]), y: y(last[1]) } : null;
  });
  const labelYs = dodge(ends.map((e) => e?.y ?? plotH), 13, 4, plotH);

  return (
    <svg className="time-chart" data-testid={`chart-${id}`} width={width} height={height} role="img" aria-labelledby={titleId} aria-describedby={descId}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      <defs>
        <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="chart-hatch" />
        </pattern>
      </defs>
      <g transform={`translate(${M.left},${M.top})`}>
        <YGrid y={y} plotW={plotW} plotH={plotH} />
        {pendingFrom != null && pendingFrom < domain[1] && (
          <rect className="chart-pending" x={x(pendingFrom)} width={Math.max(0, plotW - x(pendingFrom))} y={0} height={plotH} fill={`url(#${hatchId})`} />
        )}
        <TimeAxis x={x} domain={domain} plotW={plotW} plotH={plotH} />
        <FaultMarkers markers={markers} plotH={plotH} />
        {lines.map((l, li) =>
          l.points.length === 0 ? null : (
            <SeriesLine
              key={l.id}
              line={l}
              index={li}
              drawn={drawn[li]!}
              x={x}
              y={y}
              plotH={plotH}
              area={!!fill && lines.length === 1}
              end={ends[li]!}
              labelY={labelYs[li]!}
              endLabel={endLabels[li]!}
            />
          ),
        )}
        {lines.every((l) => l.points.length === 0) && empty && (
          <text className="chart-empty" x={plotW / 2} y={plotH / 2} textAnchor="middle">
            {empty}
          </text>
        )}
      </g>
    </svg>
  );
}
