// The ring: token ownership arcs and ticks, and one glyph per node. React owns the SVG;
// d3 only computes arc paths.
import { arc as d3arc } from 'd3';
import { useMemo, type KeyboardEvent } from 'react';
import type { HintQueueView, NodeView } from '../protocol';
import { CENTER, RING_INNER, RING_OUTER, VIEW, polar, tokenArcs, type Point } from './geometry';
import { hintsHeld, hintsWaiting, nodeState, STATE_LABEL, suspicion, type NodeState } from './nodeState';
import { inkOn, nodeColour } from './palette';
import { formatCount, formatDuration } from './format';

export interface RingProps {
  nodes: readonly NodeView[];
  order: readonly string[];
  hintQueues: readonly HintQueueView[];
  positions: ReadonlyMap<string, Point>;
  glyphR: number;
  selected: string | null;
  onOpen(node: string): void;
}

const bandArc = d3arc<{ start: number; end: number }>()
  .innerRadius(RING_INNER)
  .outerRadius(RING_OUTER)
  .startAngle((d) => d.start * 2 * Math.PI)
  .endAngle((d) => d.end * 2 * Math.PI)
  .padAngle(0.004);

export function Ring({ nodes, order, hintQueues, positions, glyphR, selected, onOpen }: RingProps) {
  const colourOf = useMemo(() => new Map(order.map((id, i) => [id, nodeColour(i)])), [order]);
  const arcs = useMemo(() => tokenArcs(nodes), [nodes]);
  const held = hintsHeld(hintQueues);
  const waiting = hintsWaiting(hintQueues);
  const suspects = suspicion(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));

  return (
    <svg
      className="ring-svg"
      data-testid="ring"
      viewBox={`0 0 ${VIEW} ${VIEW}`}
      role="group"
      aria-label={`Token ring with ${nodes.length} nodes`}
    >
      <g aria-hidden="true">
        <circle cx={CENTER} cy={CENTER} r={(RING_INNER + RING_OUTER) / 2} className="ring-track" />
        <g transform={`translate(${CENTER},${CENTER})`}>
          {arcs.map((a, i) => {
            const down = byId.get(a.owner)?.up === false;
            return (
              <path
                key={i}
                d={bandArc(a) ?? ''}
                fill={colourOf.get(a.owner) ?? '#999'}
                className={down ? 'token-arc token-arc-down' : 'token-arc'}
              />
            );
          })}
        </g>
        {arcs.map((a, i) => {
          const p1 = polar(a.end, RING_INNER - 7);
          const p2 = polar(a.end, RING_OUTER + 7);
          return <line key={i} x1={p1.x} y1={p1.y} x2={p2.x} y2={p2.y} className="token-tick" stroke={colourOf.get(a.owner)} />;
        })}
      </g>
      {order.map((id) => {
        const n = byId.get(id);
        const p = positions.get(id);
        if (!n || !p) return null;
        return (
          <NodeGlyph
            key={id}
            node={n}
            at={p}
            r={glyphR}
            colour={colourOf.get(id) ?? '#999'}
            held={held.get(id) ?? 0}
            waiting={waiting.get(id) ?? 0}
            suspectedBy={suspects.get(id) ?? { by: 0, of: 0 }}
            open={selected === id}
            onOpen={onOpen}
          />
        );
      })}
    </svg>
  );
}

interface GlyphProps {
  node: NodeView;
  at: Point;
  r: number;
  colour: string;
  held: number;
  waiting: number;
  suspectedBy: { by: number; of: number };
  open: boolean;
  onOpen(node: string): void;
}

function glyphLabel(n: NodeView, state: NodeState, held: number, waiting: number, s: { by: number; of: number }): string {
  const parts = [`Node ${n.id}, ${STATE_LABEL[state]}`];
  if (held > 0) parts.push(`holds ${held} hints`);
  if (waiting > 0) parts.push(`${waiting} hints waiting for it`);
  if (n.slowMs > 0) parts.push(`slow by ${formatDuration(n.slowMs)}`);
  if (s.by > 0) parts.push(`believed down by ${s.by} of ${s.of} peers`);
  return parts.join(', ');
}

function NodeGlyph({ node, at, r, colour, held, waiting, suspectedBy, open, onOpen }: GlyphProps) {
  const state = nodeState(node);
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(node.id);
    }
  };
  const fontSize = Math.max(9, Math.min(26, r * 0.8));
  const tagY = r + 16;
  const cross = r * 0.62;
  return (
    <g
      className={`node-glyph node-${state}`}
      data-testid={`node-${node.id}`}
      data-state={state}
      role="button"
      tabIndex={0}
      aria-label={glyphLabel(node, state, held, waiting, suspectedBy)}
      aria-haspopup="dialog"
      aria-expanded={open}
      transform={`translate(${at.x},${at.y})`}
      onClick={() => onOpen(node.id)}
      onKeyDown={onKey}
    >
      <circle r={r + 7} className={open ? 'glyph-halo glyph-halo-open' : 'glyph-halo'} />
      {state === 'up' && <circle r={r} fill={colour} className="glyph-body" />}
      {state === 'joining' && (
        <circle r={r} fill={colour} fillOpacity={0.3} stroke={colour} className="glyph-body glyph-joining" />
      )}
      {state === 'down' && (
        <>
          <circle r={r} stroke={colour} className="glyph-body glyph-down" />
          <path d={`M${-cross},${-cross}L${cross},${cross}M${cross},${-cross}L${-cross},${cross}`} className="glyph-cross" />
        </>
      )}
      <text
        className="glyph-name"
        dy="0.35em"
        fontSize={fontSize}
        fill={state === 'up' ? inkOn(colour) : undefined}
      >
        {node.id}
      </text>
      {state !== 'up' && (
        <Tag y={tagY} className={state === 'down' ? 'tag tag-down' : 'tag tag-joining'} text={state === 'down' ? 'DOWN' : 'JOINING'} />
      )}
      {node.slowMs > 0 && <Tag y={-r - 16} className="tag tag-slow" text={`SLOW +${formatDuration(node.slowMs)}`} />}
      {held > 0 && <HintBadge x={r * 0.75} y={-r * 0.75} count={held} />}
      {suspectedBy.by > 0 && (
        <text className="glyph-note" y={state === 'up' ? tagY : tagY + 20}>
          {`seen down by ${suspectedBy.by}/${suspectedBy.of}`}
        </text>
      )}
      {state === 'down' && suspectedBy.by === 0 && suspectedBy.of > 0 && (
        <text className="glyph-note" y={tagY + 20}>
          not yet detected
        </text>
      )}
    </g>
  );
}

function Tag({ y, text, className }: { y: number; text: string; className: string }) {
  const w = text.length * 7.6 + 12;
  return (
    <g className={className} transform={`translate(0,${y})`}>
      <rect x={-w / 2} y={-9} width={w} height={18} rx={4} />
      <text dy="0.35em">{text}</text>
    </g>
  );
}

function HintBadge({ x, y, count }: { x: number; y: number; count: number }) {
  const text = formatCount(count);
  const w = text.length * 8 + 14;
  return (
    <g className="hint-badge" transform={`translate(${x},${y})`}>
      <title>{`${text} pending hints held here`}</title>
      <rect x={-4} y={-11} width={w} height={22} rx={11} />
      <text x={w / 2 - 4} dy="0.35em">
        {text}
      </text>
    </g>
  );
}
