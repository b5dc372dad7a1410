// The vnode arcs answer a pointer or the keyboard: over the token ring, a tooltip names the range's
// owner and its tokens (view/tokenRange); focused (Tab), the arrow keys step from range to range.
import { arc as d3arc } from 'd3';
import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { NodeView } from '../../protocol';
import { CENTER, RING_INNER, RING_OUTER, VIEW, polar, tokenArcs } from '../../view/geometry';
import { arcAt, describeArc } from '../../view/tokenRange';

/** How far outside the drawn band (view units) the pointer still counts as on it. */
const SLACK = 6;

const hitBand = d3arc()({ innerRadius: RING_INNER - SLACK, outerRadius: RING_OUTER + SLACK, startAngle: 0, endAngle: 2 * Math.PI }) ?? '';

const outline = d3arc<{ start: number; end: number }>()
  .innerRadius(RING_INNER - 3)
  .outerRadius(RING_OUTER + 3)
  .startAngle((d) => d.start * 2 * Math.PI)
  .endAngle((d) => d.end * 2 * Math.PI);

/** Where the tokens are: the ranges change only when a node's tokens do. */
function placementKey(nodes: readonly NodeView[]): string {
  return nodes.map((n) => `${n.id}${n.tokens.length}@${n.tokens[0] ?? ''}`).join(';');
}

export function TokenTip({ nodes }: { nodes: readonly NodeView[] }) {
  const key = placementKey(nodes);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the tokens
  const arcs = useMemo(() => tokenArcs(nodes), [key]);
  const [at, setAt] = useState<number | null>(null);
  const arc = at !== null ? arcs[at] : undefined;

  const onMove = (e: PointerEvent<SVGPathElement>) => {
    const rect = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    const x = ((e.clientX - rect.left) / rect.width) * VIEW - CENTER;
    const y = ((e.clientY - rect.top) / rect.height) * VIEW - CENTER;
    const turn = Math.atan2(x, -y) / (2 * Math.PI);
    setAt(arcAt(arcs, turn < 0 ? turn + 1 : turn));
  };
  const onKey = (e: KeyboardEvent<SVGPathElement>) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && arcs.length > 0) {
      e.preventDefault();
      setAt(((at ?? 0) + step + arcs.length) % arcs.length);
    } else if (e.key === 'Escape') setAt(null);
  };
  // The tip opens from the range towards the ring's centre, where there is room.
  const mid = arc ? polar((arc.start + arc.end) / 2, RING_INNER - 8) : null;
  return (
    <>
      <svg className="token-hit-layer" viewBox={`0 0 ${VIEW} ${VIEW}`}>
        <path
          d={hitBand}
          transform={`translate(${CENTER},${CENTER})`}
          className="token-hit"
          data-testid="token-hit"
          tabIndex={0}
          role="img"
          aria-label={`Token ring: ${arcs.length} ranges (vnodes), each coloured by its owner. Arrow keys step through them.`}
          aria-describedby={arc ? 'token-tip' : undefined}
          onPointerMove={onMove}
          onPointerLeave={() => setAt(null)}
          onFocus={() => setAt((a) => a ?? 0)}
          onBlur={() => setAt(null)}
          onKeyDown={onKey}
        />
        {arc && <path d={outline(arc) ?? ''} transform={`translate(${CENTER},${CENTER})`} className="token-hit-outline" />}
      </svg>
      {arc && mid && (
        <div
          id="token-tip"
          role="tooltip"
          className="token-tip"
          data-testid="token-tip"
          data-owner={arc.owner}
          style={{ left: `${(mid.x / VIEW) * 100}%`, top: `${(mid.y / VIEW) * 100}%`, transform: `translate(${mid.x > CENTER ? '-100%' : '0'}, ${mid.y > CENTER ? '-100%' : '0'})` }}
        >
          <strong>vnode of {arc.owner}</strong>
          <br />
          {describeArc(arc)}
        </div>
      )}
    </>
  );
}
