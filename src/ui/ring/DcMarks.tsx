// The datacenters on the ring: a coloured band behind each run of glyphs of one DC, and the DC's
// name outside the token ring at its longest run. Drawn only when the cluster names datacenters.
import type { NodeView } from '../../protocol';
import { dcRuns, labelRuns } from '../../view/datacenters';
import { ORBIT, RING_OUTER, polar } from '../../view/geometry';

export interface DcMarksProps {
  nodes: readonly NodeView[];
  order: readonly string[];
  glyphR: number;
}

function arc(a: number, b: number, r: number): string {
  const p = polar(a, r);
  const q = polar(b, r);
  return `M${p.x},${p.y}A${r},${r} 0 ${b - a > 0.5 ? 1 : 0} 1 ${q.x},${q.y}`;
}

export function DcMarks({ nodes, order, glyphR }: DcMarksProps) {
  const runs = dcRuns(order, new Map(nodes.map((n) => [n.id, n.dc])));
  if (runs.length === 0) return null;
  const step = 1 / order.length;
  const pad = step * 0.4;
  const band = ORBIT + glyphR + 10;
  return (
    <g className="dc-marks" data-testid="dc-marks" aria-hidden="true">
      {runs.map((r) => (
        <path key={`${r.dc}-${r.start}`} className={`dc-band dc-${r.index % 6}`} d={arc(r.start * step - pad, (r.start + r.length - 1) * step + pad, band)} />
      ))}
      {labelRuns(runs).map((r) => {
        const f = (r.start + (r.length - 1) / 2) * step;
        const at = polar(f, RING_OUTER + 18);
        return (
          <text key={r.dc} className={`dc-label dc-${r.index % 6}`} x={at.x} y={at.y} dy="0.35em" textAnchor="middle">
            {r.dc}
          </text>
        );
      })}
    </g>
  );
}
