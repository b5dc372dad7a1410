// The network cut drawn on the ring: a shaded island behind each group's run of nodes, a dashed
// wall with scissors where neighbours fall in different groups, and faint severed links.
import type { NodeView } from '../../protocol';
import { ORBIT, RING_INNER, RING_OUTER, polar, type Point } from '../../view/geometry';
import { currentGroups, cutsBetween } from '../../view/partition';

export interface PartitionMarksProps {
  nodes: readonly NodeView[];
  order: readonly string[];
  positions: ReadonlyMap<string, Point>;
  glyphR: number;
}

const SEVERED_SHOWN = 64;

/** An arc along the orbit from fraction a to b (clockwise). */
function orbitArc(a: number, b: number, r: number): string {
  const p = polar(a, r);
  const q = polar(b, r);
  const large = b - a > 0.5 ? 1 : 0;
  return `M${p.x},${p.y}A${r},${r} 0 ${large} 1 ${q.x},${q.y}`;
}

/** Consecutive runs (clockwise) of nodes in the same group, as [first index, length]. */
function runs(order: readonly string[], groupOf: ReadonlyMap<string, number>, cuts: readonly number[]): [number, number][] {
  if (cuts.length === 0) return [];
  const n = order.length;
  return cuts.map((c, k) => {
    const start = (c + 1) % n;
    const nextCut = cuts[(k + 1) % cuts.length]!;
    const len = ((nextCut - c + n - 1) % n) + 1;
    return [start, len];
  });
}

export function PartitionMarks({ nodes, order, positions, glyphR }: PartitionMarksProps) {
  const groups = currentGroups(nodes);
  if (groups.length < 2 || order.length < 2) return null;
  const groupOf = new Map(nodes.map((n) => [n.id, n.group]));
  const cuts = cutsBetween(order, groupOf);
  const n = order.length;
  const step = 1 / n;
  const pad = Math.min(step * 0.32, (glyphR + 10) / (2 * Math.PI * ORBIT));
  const severed: [Point, Point][] = [];
  // Severed links are drawn only while few (≤ 64); on a large ring the walls alone show the cut.
  for (let i = 0; i < n && severed.length <= SEVERED_SHOWN; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = order[i]!;
      const b = order[j]!;
      if (groupOf.get(a) === groupOf.get(b)) continue;
      const p = positions.get(a);
      const q = positions.get(b);
      if (p && q) severed.push([p, q]);
    }
  }
  return (
    <g className="partition-marks" aria-hidden="true" data-testid="partition-marks">
      {severed.length <= SEVERED_SHOWN &&
        severed.map(([p, q], i) => <line key={i} x1={p.x} y1={p.y} x2={q.x} y2={q.y} className="severed-link" />)}
      {runs(order, groupOf, cuts).map(([start, len]) => (
        <path
          key={start}
          d={orbitArc(start * step - pad, (start + len - 1) * step + pad, ORBIT)}
          className="partition-island"
          strokeWidth={glyphR * 2 + 22}
        />
      ))}
      {cuts.map((i) => {
        const f = (i + 0.5) * step;
        const inner = polar(f, Math.max(60, ORBIT - glyphR - 40));
        const outer = polar(f, RING_OUTER + 14);
        const mark = polar(f, Math.max(40, ORBIT - glyphR - 56));
        // Each wall names the groups on its two sides, just inside the token ring.
        const r = RING_INNER - 14;
        const off = 14 / (2 * Math.PI * r);
        const sides = [
          { at: polar(f - off, r), g: groupOf.get(order[i]!) ?? 0 },
          { at: polar(f + off, r), g: groupOf.get(order[(i + 1) % n]!) ?? 0 },
        ];
        return (
          <g key={i} className="partition-cut">
            <line x1={inner.x} y1={inner.y} x2={outer.x} y2={outer.y} />
            {sides.map(({ at, g }, k) => (
              <g key={k} className="partition-label" transform={`translate(${at.x},${at.y})`}>
                <circle r={9} />
                <text dy="0.35em">{g + 1}</text>
              </g>
            ))}
            <text x={mark.x} y={mark.y} dy="0.35em" transform={`rotate(${f * 360 - 90},${mark.x},${mark.y})`}>
              ✂
            </text>
          </g>
        );
      })}
    </g>
  );
}
