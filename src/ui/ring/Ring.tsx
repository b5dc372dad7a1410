// The ring: token ownership arcs (TokenRing) and one glyph per node. On a crowded ring the
// glyphs keep their shape and colour but show their name and tags only on hover, focus or selection.
import { Fragment, memo, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Command, HintQueueView, KeyInspection, NodeView, OperatorView } from '../../protocol';
import { operatorTags } from '../../view/console/nodetool';
import { CENTER, VIEW, labelsFit, type Point } from '../../view/geometry';
import { hintsHeld, hintsWaiting, nodeState, STATE_LABEL, suspicion, type NodeState } from '../../view/nodeState';
import { inkOn, nodeColour } from '../../view/palette';
import { formatCount } from '../../view/format';
import { BeliefLines } from './BeliefLines';
import { PartitionMarks } from './PartitionMarks';
import { DcMarks } from './DcMarks';
import { currentGroups } from '../../view/partition';
import { COORDINATOR_WORDS, hintWords, type HintMode, type HintWords } from '../../view/wording';
import { KeyWalk, RankBadges } from './KeyMarks';
import { TokenRingLayer } from './TokenRing';
import { glyphTags, type GlyphTag } from './glyphTags';
import { insideNameUnits } from '../../view/ringLabels';
import { useCoarsePointer } from '../common/hooks';
import { glyphDescription, SHORTCUT_KEYS, shortcutCommand } from '../../view/shortcuts';

export interface RingProps {
  nodes: readonly NodeView[];
  order: readonly string[];
  hintQueues: readonly HintQueueView[];
  positions: ReadonlyMap<string, Point>;
  glyphR: number;
  selected: string | null;
  /** The node whose menu is open (aria-expanded), if any. */
  menuFor?: string | null;
  onOpen(node: string): void;
  /** How pending handoff data is named: hints, or stand-in copies (sloppy quorum). */
  hintMode?: HintMode;
  /** Keyboard shortcuts on a focused glyph send commands through this. */
  onCommand?(command: Command): void;
  /** The inspected key: its position and preference list are marked on the ring. */
  inspection?: KeyInspection | null;
  /** View units per CSS pixel (the ring's scale), for marks that must stay readable. */
  viewPerPx?: number;
  /** What nodetool changed per node (gossip off, dispatch paused…): tagged on its glyph. */
  operator?: readonly OperatorView[];
  /** Presenter mode: names, tags and badges grow so the back of the room reads them (≥ 18 px). */
  textScale?: number;
  /** Names, counts and tags are drawn in labels outside the ring (RingLabels), not on the glyphs. */
  labelsOutside?: boolean;
}

export function Ring({ nodes, order, hintQueues, positions, glyphR, selected, menuFor = selected, onOpen, hintMode, onCommand, inspection, viewPerPx = 1, operator, textScale = 1, labelsOutside = false }: RingProps) {
  const opTags = new Map((operator ?? []).map((o) => [o.node, operatorTags(o)]));
  const words = hintWords(hintMode);
  const touch = useCoarsePointer();
  const colourOf = useMemo(() => new Map(order.map((id, i) => [id, nodeColour(i)])), [order]);
  const held = hintsHeld(hintQueues);
  const waiting = hintsWaiting(hintQueues);
  const suspects = suspicion(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const selectedNode = selected ? byId.get(selected) : undefined;
  const partitioned = currentGroups(nodes).length > 1;
  const dense = !labelsFit(order.length);
  const [hovered, setHovered] = useState<string | null>(null);
  const shown = useGlyphsShown(order);
  const named = dense && !labelsOutside ? [...new Set([selected, hovered])].flatMap((id) => (id ? [byId.get(id)] : [])) : [];

  return (
    <>
      <TokenRingLayer nodes={nodes} colourOf={colourOf} />
      <svg
        className={dense ? 'ring-svg ring-dense' : 'ring-svg'}
        data-testid="ring"
        viewBox={`0 0 ${VIEW} ${VIEW}`}
        role="group"
        aria-label={`Token ring with ${nodes.length} nodes${inspection ? `; key ${inspection.key} marked, replicas ${inspection.preferenceList.filter((e) => e.replica).map((e) => e.node).join(', ')}` : ''}`}
      >
        <DcMarks nodes={nodes} order={order} glyphR={glyphR} />
        <PartitionMarks nodes={nodes} order={order} positions={positions} glyphR={glyphR} />
        {selectedNode && <BeliefLines node={selectedNode} nodes={nodes} positions={positions} glyphR={glyphR} />}
        {inspection && <KeyWalk inspection={inspection} nodes={nodes} positions={positions} glyphR={glyphR} unit={viewPerPx} />}
        {(dense ? downLast(order, byId) : order).slice(0, shown).map((id) => {
          const n = byId.get(id);
          const p = positions.get(id);
          if (!n || !p) return null;
          return (
            <NodeGlyph
              key={id}
              node={n}
              at={p}
              inward={direction(CENTER - p.x, CENTER - p.y)}
              r={glyphR}
              colour={colourOf.get(id) ?? '#999'}
              held={held.get(id) ?? 0}
              waiting={waiting.get(id) ?? 0}
              suspectedBy={suspects.get(id) ?? { by: 0, of: 0 }}
              open={selected === id}
              expanded={menuFor === id}
              onOpen={onOpen}
              words={words}
              group={partitioned ? n.group + 1 : null}
              onCommand={onCommand}
              touch={touch}
              onHover={dense && !labelsOutside ? setHovered : undefined}
              bare={labelsOutside}
              unit={viewPerPx}
              opTags={opTags.get(id) ?? ''}
              textScale={textScale}
            />
          );
        })}
        {inspection && <RankBadges inspection={inspection} positions={positions} glyphR={glyphR} unit={viewPerPx} />}
        <CentreCaption queues={hintQueues} words={words} />
        {named.map((n) => n && <DenseLabel key={n.id} node={n} at={positions.get(n.id)} glyphR={glyphR} unit={viewPerPx} suspectedBy={suspects.get(n.id)} held={held.get(n.id) ?? 0} words={words} />)}
      </svg>
    </>
  );
}

/** A node's name on screen in presenter mode, in CSS pixels, however small the ring is drawn. */
const NAME_PX_PRESENTER = 19;
/** A hint badge's 13 px count grows to 18 px in presenter mode. */
const BADGE_PRESENTER = 18 / 13;

/** Glyphs mounted per task when a ring of many nodes appears: 256 at once would be one long task. */
const GLYPHS_PER_TASK = 64;

/** How many of the ring's glyphs to draw: all of a ring seen before; a new one's, 64 more per task. */
function useGlyphsShown(order: readonly string[]): number {
  const [progress, setProgress] = useState({ order, shown: Math.min(order.length, GLYPHS_PER_TASK) });
  // A new order starts again from one slice (state derived during render, as React allows).
  if (progress.order !== order) setProgress({ order, shown: Math.min(order.length, GLYPHS_PER_TASK) });
  const done = progress.order === order && progress.shown >= order.length;
  useEffect(() => {
    if (done) return;
    const timer = setTimeout(() => setProgress((p) => ({ order: p.order, shown: Math.min(p.order.length, p.shown + GLYPHS_PER_TASK) })), 0);
    return () => clearTimeout(timer);
  }, [done, progress]);
  return progress.order === order ? progress.shown : Math.min(order.length, GLYPHS_PER_TASK);
}

/** On a crowded ring glyphs overlap: nodes not up and serving are drawn last, so their mark shows. */
function downLast(order: readonly string[], byId: ReadonlyMap<string, NodeView>): readonly string[] {
  const notUp = order.filter((id) => {
    const n = byId.get(id);
    return n !== undefined && nodeState(n) !== 'up';
  });
  if (notUp.length === 0) return order;
  const set = new Set(notUp);
  return [...order.filter((id) => !set.has(id)), ...notUp];
}

const direction = (x: number, y: number): Point => {
  const len = Math.hypot(x, y) || 1;
  return { x: x / len, y: y / len };
};

/** In the middle of the ring: how many hints wait, and for whom. */
function CentreCaption({ queues, words }: { queues: readonly HintQueueView[]; words: HintWords }) {
  const waiting = [...hintsWaiting(queues)].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (waiting.length === 0) return null;
  const total = waiting.reduce((sum, [, n]) => sum + n, 0);
  const targets = waiting.map(([t]) => t);
  const who = targets.length <= 3 ? targets.join(', ') : `${targets.slice(0, 3).join(', ')} +${targets.length - 3}`;
  return (
    <g className="centre-caption" transform={`translate(${CENTER},${CENTER})`} aria-hidden="true">
      <text className="centre-number" dy="0.1em">
        {formatCount(total)}
      </text>
      {words.centre(total, who).map((line, i) => (
        <text key={i} className="centre-label" dy={`${1.9 + i * 1.25}em`}>
          {line}
        </text>
      ))}
    </g>
  );
}

interface GlyphProps {
  node: NodeView;
  /** A coarse pointer: the description speaks of tapping, not of keys. */
  touch?: boolean;
  at: Point;
  /** Unit vector towards the ring's centre: tags stack on that side, clear of the ring. */
  inward: Point;
  r: number;
  colour: string;
  held: number;
  waiting: number;
  suspectedBy: { by: number; of: number };
  open: boolean;
  /** Its menu is open. */
  expanded?: boolean;
  onOpen(node: string): void;
  words?: HintWords;
  /** Partition group, 1-based, or null when the network is whole. */
  group?: number | null;
  onCommand?(command: Command): void;
  /** Only on a crowded ring, where the glyph draws no name or tags: it reports the pointer or focus on it (null when it leaves). */
  onHover?(node: string | null): void;
  /** View units per CSS pixel: state tags keep their size on screen (at least 14 px) however small the ring is drawn. */
  unit?: number;
  /** Presenter mode: names, tags and badges grow so the back of the room reads them (≥ 18 px). */
  textScale?: number;
  /** nodetool's changes on it, "|"-separated (view/console operatorTags). */
  opTags?: string;
  /** Its name, count and tags are drawn outside the ring, not here. */
  bare?: boolean;
}

interface DenseLabelProps {
  node: NodeView;
  at?: Point;
  glyphR: number;
  unit: number;
  suspectedBy?: { by: number; of: number };
  held: number;
  words: HintWords;
}

/** On a crowded ring, over everything: the name and tags of the node hovered, focused or selected. */
function DenseLabel({ node, at, glyphR, unit, suspectedBy, held, words }: DenseLabelProps) {
  if (!at) return null;
  const tags = glyphTags(node, nodeState(node), suspectedBy ?? { by: 0, of: 0 });
  const holds = held > 0 ? [`holds ${formatCount(held)} ${held === 1 ? words.one : words.many}`] : [];
  const text = [node.id, ...tags.map((t) => t.text), ...holds].join(' · ');
  const fontSize = Math.max(13, Math.min(24, 12 * unit));
  const inward = direction(CENTER - at.x, CENTER - at.y);
  const gap = glyphR + fontSize * 1.2;
  const x = at.x + inward.x * gap;
  const y = at.y + inward.y * gap;
  // Anchored on the side towards the centre, so the text runs into the ring, not off the edge.
  const anchor = Math.abs(inward.x) < 0.3 ? 'middle' : inward.x > 0 ? 'start' : 'end';
  return (
    <text className="dense-label" data-testid="dense-label" x={x} y={y} dy="0.35em" textAnchor={anchor} fontSize={fontSize} aria-hidden="true">
      {text}
    </text>
  );
}

/**
 * A glyph's name: first its visible words in the order drawn (name, tags, badge), so voice
 * control finds it by what is on screen, then what only the name says (datacenter, state, group, waiting).
 */
function glyphLabel(n: NodeView, state: NodeState, tags: readonly GlyphTag[], held: number, waiting: number, words: HintWords, group: number | null): string {
  const parts = [`Node ${n.id}`, ...tags.map((t) => t.text.toLowerCase())];
  if (held > 0) parts.push(`${formatCount(held)} pending ${words.many} held here`);
  if (n.dc) parts.push(`in datacenter ${n.dc}`);
  if (state === 'up') parts.push(STATE_LABEL.up);
  if (group !== null) parts.push(`in network group ${group}`);
  if (waiting > 0) parts.push(`${waiting} ${waiting === 1 ? words.one : words.many} waiting for it`);
  return parts.join(', ');
}

/** What a glyph shows: props that changed elsewhere (a node's beliefs, its key count) do not redraw it. */
function sameGlyph(a: GlyphProps, b: GlyphProps): boolean {
  return (
    a.node.id === b.node.id &&
    a.node.up === b.node.up &&
    a.node.serving === b.node.serving &&
    a.node.slowMs === b.node.slowMs &&
    a.at === b.at &&
    a.inward.x === b.inward.x &&
    a.inward.y === b.inward.y &&
    a.r === b.r &&
    a.colour === b.colour &&
    a.held === b.held &&
    a.waiting === b.waiting &&
    a.suspectedBy.by === b.suspectedBy.by &&
    a.suspectedBy.of === b.suspectedBy.of &&
    a.open === b.open &&
    a.expanded === b.expanded &&
    a.onOpen === b.onOpen &&
    a.words === b.words &&
    a.group === b.group &&
    a.onCommand === b.onCommand &&
    a.onHover === b.onHover &&
    a.opTags === b.opTags &&
    a.unit === b.unit &&
    a.textScale === b.textScale &&
    a.bare === b.bare
  );
}

const NodeGlyph = memo(function NodeGlyph({ node, at, inward, r, colour, held, waiting, suspectedBy, open, expanded = open, onOpen, words = COORDINATOR_WORDS, group = null, onCommand, onHover, unit = 1, opTags = '', textScale = 1, bare = false, touch = false }: GlyphProps) {
  const state = nodeState(node);
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(node.id);
      return;
    }
    const command = onCommand ? shortcutCommand(e, node) : null;
    if (command) {
      e.preventDefault();
      onCommand?.(command);
    }
  };
  const presenting = textScale > 1;
  const fontSize = Math.max(insideNameUnits(r), presenting ? NAME_PX_PRESENTER * unit : 0);
  const cross = r * 0.62;
  // Tags stack from the glyph towards the ring's centre, one per line, clear of the ring.
  const tags = glyphTags(node, state, suspectedBy, opTags, group !== null);
  const k = Math.max(1, unit) * textScale;
  const step = (inward.y < -0.2 ? -24 : 24) * k;
  const anchor = { x: inward.x * (r * 0.5), y: inward.y * (r * 0.5) + Math.sign(step) * (r * 0.5 + 16 * k) };
  return (
    <g
      className={`node-glyph node-${state}`}
      data-testid={`node-${node.id}`}
      data-state={state}
      role="button"
      tabIndex={0}
      aria-label={glyphLabel(node, state, tags, held, waiting, words, group)}
      aria-description={onCommand ? glyphDescription(touch) : undefined}
      aria-keyshortcuts={onCommand && !touch ? SHORTCUT_KEYS : undefined}
      data-selected={open || undefined}
      data-group={group ?? undefined}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      transform={`translate(${at.x},${at.y})`}
      onClick={() => onOpen(node.id)}
      onKeyDown={onKey}
      onPointerEnter={onHover && (() => onHover(node.id))}
      onPointerLeave={onHover && (() => onHover(null))}
      onFocus={onHover && (() => onHover(node.id))}
      onBlur={onHover && (() => onHover(null))}
    >
      {open && <circle r={r + 13} className="glyph-selected-glow" />}
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
      {/* On a crowded ring the name and tags are not drawn here but in the one DenseLabel on hover. */}
      {!onHover && !bare && (
        <text className="glyph-name" dy="0.35em" fontSize={fontSize} fill={state === 'up' ? inkOn(colour) : undefined}>
          {node.id}
        </text>
      )}
      {!onHover && !bare && tags.length > 0 && <GlyphTags tags={tags} anchor={anchor} step={step} scale={k} />}
      {held > 0 && !onHover && !bare && (
        <HintBadge x={(inward.x > 0.2 ? -1 : 1) * r * 0.75} y={-r * 0.75} count={held} mirror={inward.x > 0.2} what={words.many} scale={presenting ? Math.max(1, unit) * BADGE_PRESENTER : 1} />
      )}
    </g>
  );
}, sameGlyph);

/** A glyph's tags, one per line from `anchor` in steps of `step` (hidden on a crowded ring). */
function GlyphTags({ tags, anchor, step, scale }: { tags: readonly GlyphTag[]; anchor: Point; step: number; scale: number }) {
  // Each line is drawn in screen pixels (scaled by the ring's view units per pixel), so the CSS
  // font sizes (14 px, more in presenter mode) are what the eye gets.
  return (
    <g className="glyph-tags" aria-hidden="true">
      {/* The spaces are not drawn (SVG draws only <text>): they keep the visible words apart, as the glyph's name has them, for tools that read them. */}
      {tags.map((t, i) => (
        <Fragment key={t.text}>
          {' '}
          <g transform={`translate(${anchor.x},${anchor.y + i * step})`}>
            <g className="glyph-tag-line" transform={`scale(${scale})`}>
              {t.className === 'glyph-note' ? (
                <text className="glyph-note" dy="0.35em">
                  {t.text}
                </text>
              ) : (
                <Tag className={t.className} text={t.text} />
              )}
            </g>
          </g>
        </Fragment>
      ))}
    </g>
  );
}

function Tag({ text, className }: { text: string; className: string }) {
  const w = text.length * 10 + 14;
  return (
    <g className={className}>
      <rect x={-w / 2} y={-11} width={w} height={22} rx={4} />
      <text dy="0.35em">{text}</text>
    </g>
  );
}

/** Pending hints held: a pill from (x, y) outwards, to the left when mirrored. */
function HintBadge({ x, y, count, mirror, what, scale }: { x: number; y: number; count: number; mirror: boolean; what: string; scale: number }) {
  const text = formatCount(count);
  const w = text.length * 8 + 14;
  const left = mirror ? 4 - w : -4;
  return (
    <g className="hint-badge" transform={`translate(${x},${y}) scale(${scale})`} aria-hidden="true">
      {' '}
      <rect x={left} y={-11} width={w} height={22} rx={11} />
      <text x={left + w / 2} dy="0.35em">
        {text}
      </text>
      {/* After the number: its words follow it, as in the glyph's name. */}
      {' '}
      <title>{`pending ${what} held here`}</title>
    </g>
  );
}
