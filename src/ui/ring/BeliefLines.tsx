// The selected node's view drawn on the ring: a line to each peer, solid where it believes the
// peer up, dashed where it believes it down, and a "!" badge where that belief is wrong.
import type { NodeView } from '../../protocol';
import { beliefRows } from '../../view/beliefs';
import type { Point } from '../../view/geometry';

export interface BeliefLinesProps {
  node: NodeView;
  nodes: readonly NodeView[];
  positions: ReadonlyMap<string, Point>;
  glyphR: number;
}

export function BeliefLines({ node, nodes, positions, glyphR }: BeliefLinesProps) {
  const from = positions.get(node.id);
  if (!from || !node.up) return null;
  return (
    <g className="belief-lines" aria-hidden="true" data-testid="belief-lines">
      {beliefRows(node, nodes).map((r) => {
        const to = positions.get(r.peer);
        if (!to) return null;
        const dx = to.x - from.x;
        const dy = to.y - from.y;
        const len = Math.hypot(dx, dy) || 1;
        const ux = dx / len;
        const uy = dy / len;
        const gap = glyphR + 9;
        const a = { x: from.x + ux * gap, y: from.y + uy * gap };
        const b = { x: to.x - ux * gap, y: to.y - uy * gap };
        // The "!" sits a third of the way back from the peer: clear of the tags stacked beside it.
        const back = Math.max(gap + 44, len * 0.3);
        const badge = { x: to.x - ux * back, y: to.y - uy * back };
        const cls = `belief-line ${r.believedUp ? 'belief-line-up' : 'belief-line-down'}${r.mismatch ? ' belief-line-wrong' : ''}`;
        return (
          <g key={r.peer}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={cls} />
            {r.mismatch && (
              <g className="belief-wrong" transform={`translate(${badge.x},${badge.y})`}>
                <circle r={10} />
                <text dy="0.35em">!</text>
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
}
