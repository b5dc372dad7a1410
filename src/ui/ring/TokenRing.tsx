// The token ring: the range each token owns, coloured by its owner. A few hundred ranges are
// drawn one path each with a tick at every token; more are merged per bin of the circumference
// (view/tokenBands) and drawn as one path per owner, so 65,536 tokens cost as little as 2,048.
import { arc as d3arc } from 'd3';
import { memo, useMemo } from 'react';
import type { NodeView } from '../../protocol';
import { CENTER, RING_INNER, RING_OUTER, polar, tokenArcs } from '../../view/geometry';
import { arcsByOwner, ringBands, type RingBands } from '../../view/tokenBands';

const bandArc = d3arc<{ start: number; end: number }>()
  .innerRadius(RING_INNER)
  .outerRadius(RING_OUTER)
  .startAngle((d) => d.start * 2 * Math.PI)
  .endAngle((d) => d.end * 2 * Math.PI)
  .padAngle(0.004);

/** Merged bins touch: no padding, or a bin-wide arc would vanish. */
const binArc = d3arc<{ start: number; end: number }>()
  .innerRadius(RING_INNER)
  .outerRadius(RING_OUTER)
  .startAngle((d) => d.start * 2 * Math.PI)
  .endAngle((d) => d.end * 2 * Math.PI);

/** What the token ring depends on: tokens and which owners are down (not every frame's new objects). */
function tokenKey(nodes: readonly NodeView[]): string {
  // Tokens are fixed for a node's life; their count and first value are enough to notice a change.
  return nodes.map((n) => `${n.id}${n.up ? '+' : '-'}${n.tokens.length}@${n.tokens[0] ?? ''}`).join(';');
}

/** Where the tokens are: recomputed only when a node's tokens change, not when one goes down. */
function placementKey(nodes: readonly NodeView[]): string {
  return nodes.map((n) => `${n.id}${n.tokens.length}@${n.tokens[0] ?? ''}`).join(';');
}

interface TokenRingProps {
  nodes: readonly NodeView[];
  colourOf: ReadonlyMap<string, string>;
}

function ExactArcs({ bands, colourOf, down }: { bands: RingBands; colourOf: ReadonlyMap<string, string>; down: ReadonlySet<string> }) {
  return (
    <>
      <g transform={`translate(${CENTER},${CENTER})`}>
        {bands.arcs.map((a, i) => (
          <path
            key={i}
            d={bandArc(a) ?? ''}
            fill={colourOf.get(a.owner) ?? '#999'}
            className={down.has(a.owner) ? 'token-arc token-arc-down' : 'token-arc'}
          />
        ))}
      </g>
      {bands.arcs.map((a, i) => {
        const p1 = polar(a.end, RING_INNER - 7);
        const p2 = polar(a.end, RING_OUTER + 7);
        return <line key={i} x1={p1.x} y1={p1.y} x2={p2.x} y2={p2.y} className="token-tick" stroke={colourOf.get(a.owner)} />;
      })}
    </>
  );
}

function MergedArcs({ paths, colourOf, down }: { paths: readonly [string, string][]; colourOf: ReadonlyMap<string, string>; down: ReadonlySet<string> }) {
  return (
    <g transform={`translate(${CENTER},${CENTER})`} data-merged="true">
      {paths.map(([owner, d]) => (
        <path
          key={owner}
          d={d}
          fill={colourOf.get(owner) ?? '#999'}
          data-owner={owner}
          className={down.has(owner) ? 'token-arc token-arc-down' : 'token-arc'}
        />
      ))}
    </g>
  );
}

function TokenRingView({ nodes, colourOf }: TokenRingProps) {
  const placement = placementKey(nodes);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the tokens
  const bands = useMemo(() => ringBands(tokenArcs(nodes)), [placement]);
  const paths = useMemo<[string, string][]>(
    () => (bands.exact ? [] : [...arcsByOwner(bands.arcs)].map(([owner, arcs]) => [owner, arcs.map((a) => binArc(a) ?? '').join('')])),
    [bands],
  );
  const down = new Set(nodes.filter((n) => !n.up).map((n) => n.id));
  return (
    <g aria-hidden="true" data-testid="token-ring" data-arcs={bands.arcs.length}>
      <circle cx={CENTER} cy={CENTER} r={(RING_INNER + RING_OUTER) / 2} className="ring-track" />
      {bands.exact ? <ExactArcs bands={bands} colourOf={colourOf} down={down} /> : <MergedArcs paths={paths} colourOf={colourOf} down={down} />}
    </g>
  );
}

/** The ring itself, redrawn only when tokens or the set of down owners change. */
export const TokenRing = memo(TokenRingView, (a, b) => a.colourOf === b.colourOf && tokenKey(a.nodes) === tokenKey(b.nodes));
