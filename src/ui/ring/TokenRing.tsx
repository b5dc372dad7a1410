// The token ring: the range each token owns, coloured by its owner. A few hundred ranges are
// drawn one path each with a tick at every token; more are merged per bin of the circumference
// (view/tokenBands) and drawn as one path per owner, so 65,536 tokens cost as little as 2,048.
import { arc as d3arc } from 'd3';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { NodeView } from '../../protocol';
import { CENTER, RING_INNER, RING_OUTER, VIEW, polar } from '../../view/geometry';
import { arcsByOwner, MAX_EXACT_ARCS, ringBands, type RingBands } from '../../view/tokenBands';

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

const NO_BANDS: RingBands = { exact: false, arcs: [] };

/**
 * The ring's arcs for these tokens. A small ring's come at once; a large one's (tens of thousands
 * of tokens) in a task of their own after the glyphs are drawn, so opening it is two short tasks.
 */
function useBands(nodes: readonly NodeView[]): RingBands {
  const placement = placementKey(nodes);
  const tokenCount = nodes.reduce((s, n) => s + n.tokens.length, 0);
  const small = tokenCount <= MAX_EXACT_ARCS;
  const latest = useRef(nodes);
  latest.current = nodes;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the tokens
  const now = useMemo(() => (small ? ringBands(nodes) : null), [placement, small]);
  const [later, setLater] = useState<{ key: string; bands: RingBands } | null>(null);
  useEffect(() => {
    if (small) return;
    const timer = setTimeout(() => setLater({ key: placement, bands: ringBands(latest.current) }), 0);
    return () => clearTimeout(timer);
  }, [placement, small]);
  if (now) return now;
  return later?.key === placement ? later.bands : NO_BANDS;
}

function TokenRingView({ nodes, colourOf }: TokenRingProps) {
  const bands = useBands(nodes);
  const paths = useMemo<[string, string][]>(
    () => (bands.exact ? [] : [...arcsByOwner(bands.arcs)].map(([owner, arcs]) => [owner, arcs.map((a) => binArc(a) ?? '').join('')])),
    [bands],
  );
  const down = new Set(nodes.filter((n) => !n.up).map((n) => n.id));
  return (
    <g aria-hidden="true" data-testid="token-ring" data-arcs={bands.arcs.length} data-exact={bands.exact}>
      <circle cx={CENTER} cy={CENTER} r={(RING_INNER + RING_OUTER) / 2} className="ring-track" />
      {bands.exact ? <ExactArcs bands={bands} colourOf={colourOf} down={down} /> : <MergedArcs paths={paths} colourOf={colourOf} down={down} />}
    </g>
  );
}

/** The class of the token ring's own SVG layer (the ring image export puts it back under the glyphs). */
export const TOKEN_LAYER_CLASS = 'token-ring-svg';

/** The ring itself, redrawn only when tokens or the set of down owners change. */
const TokenRingMemo = memo(TokenRingView, (a, b) => a.colourOf === b.colourOf && tokenKey(a.nodes) === tokenKey(b.nodes));

/**
 * The token ring in an SVG of its own under the glyphs' SVG: the browser repaints an SVG whole
 * when any of it changes, and every frame changes the glyphs; this layer changes only with tokens.
 */
export function TokenRingLayer(props: TokenRingProps) {
  return (
    <svg className={TOKEN_LAYER_CLASS} viewBox={`0 0 ${VIEW} ${VIEW}`} aria-hidden="true">
      <TokenRingMemo {...props} />
    </svg>
  );
}
