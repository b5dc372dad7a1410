// Labels outside a crowded ring: each node's name (≥ 12 px), its hint count and its state tags in
// one box, laid out clear of every other (view/ringLabels) with a leader line to its glyph.
// Drawn in CSS pixels over the ring's box, so the sizes are what the eye gets.
import { memo } from 'react';
import type { HintQueueView, NodeView, OperatorView } from '../../protocol';
import { operatorTags } from '../../view/console/nodetool';
import { formatCount } from '../../view/format';
import { VIEW, type Point } from '../../view/geometry';
import { hintsHeld, nodeState, suspicion } from '../../view/nodeState';
import { currentGroups } from '../../view/partition';
import { fitLabelledRing, labelsAround, labelsInside, MIN_NAME_PX, textWidth, wideness, type PlacedLabel } from '../../view/ringLabels';
import { glyphTags, type GlyphTag } from './glyphTags';

/** The text of one node's label. */
export interface LabelText {
  id: string;
  held: number;
  tags: readonly GlyphTag[];
  state: string;
}

/** Line heights and font sizes (px) at a text scale (presenter mode grows them). */
export function labelMetrics(scale: number) {
  return { name: MIN_NAME_PX * scale, count: 11 * scale, nameLine: 15 * scale, tag: 14 * scale, tagLine: 19 * scale, note: MIN_NAME_PX * scale, noteLine: 15 * scale, badgePad: 6 * scale, space: 3 * scale };
}

const isNote = (g: GlyphTag) => g.className === 'glyph-note';

/** Each tag's line's top within its label (px), below the name; the last entry is the label's height. */
function tagTops(tags: readonly GlyphTag[], scale: number): number[] {
  const m = labelMetrics(scale);
  const tops = [m.nameLine];
  for (const g of tags) tops.push(tops[tops.length - 1]! + (isNote(g) ? m.noteLine : m.tagLine));
  return tops;
}

/** The box a label needs (px). A note ("seen down by 60/60") is plain text at the name's size, below its tags. */
export function labelSize(t: LabelText, scale: number): { w: number; h: number } {
  const m = labelMetrics(scale);
  const badge = t.held > 0 ? m.space + textWidth(formatCount(t.held), m.count, false) + m.badgePad : 0;
  const first = textWidth(t.id, m.name) + badge;
  const widest = Math.max(first, ...t.tags.map((g) => (isNote(g) ? textWidth(g.text, m.note, false) : textWidth(g.text, m.tag) + m.badgePad)));
  return { w: widest, h: tagTops(t.tags, scale)[t.tags.length]! };
}

/**
 * Names with a hint count of `held` beside each (0: none): how big the ring is drawn depends on
 * these, not on each frame's counts, so it changes size only when the counts gain digits.
 */
export const namesWithCount = (scale: number, held: number) => (id: string) => labelSize({ id, held, tags: [], state: 'up' }, scale);

/**
 * The labels' state tags as a key (nodes without tags left out): the ring is fitted to them and
 * refitted only when one appears, goes or changes, not on every frame.
 */
export function tagKey(nodes: readonly NodeView[], operator: readonly OperatorView[] | undefined): string {
  const tagged = [...labelTexts(nodes, [], operator).values()].filter((t) => t.tags.length > 0).map((t) => [t.id, t.tags]);
  return tagged.length === 0 ? '' : JSON.stringify(tagged);
}

/** A node's label is fitted with its notes while the ring keeps this much of its size. */
const KEEP_WITH_NOTES = 0.85;

/**
 * The ring's side with room for every label as drawn: name and hint count, state tags, and notes
 * ("seen down by 60/60") while they cost the ring less than a sixth of its size — else the labels
 * go without them (the glyph's own description keeps them). `fits` false: not even the names fit
 * around the smallest ring in this space (a phone at 64 nodes), so names go on hover instead.
 */
export function fitRingToLabels(width: number, height: number, order: readonly string[], scale: number, held: number, key: string): { side: number; notes: boolean; fits: boolean } {
  const tags = new Map<string, GlyphTag[]>(key ? (JSON.parse(key) as [string, GlyphTag[]][]) : []);
  const size = (notes: boolean) => (id: string) => labelSize({ id, held, tags: (tags.get(id) ?? []).filter((g) => notes || !isNote(g)), state: 'up' }, scale);
  const plain = fitLabelledRing(width, height, order, namesWithCount(scale, held));
  if (!plain.fits || tags.size === 0) return { side: plain.side, notes: true, fits: plain.fits };
  // The names' ring when the tags fit round it too: the ring keeps its size as nodes go down.
  const stretch = wideness(width, height);
  for (const notes of [true, false]) if (labelsInside(width, height, plain.side, labelsAround(plain.side, order, size(notes), stretch))) return { side: plain.side, notes, fits: true };
  const withNotes = fitLabelledRing(width, height, order, size(true));
  if (withNotes.fits && withNotes.side >= KEEP_WITH_NOTES * plain.side) return { side: withNotes.side, notes: true, fits: true };
  const bare = fitLabelledRing(width, height, order, size(false));
  return { side: bare.side, notes: false, fits: bare.fits };
}

/** Label texts without their notes (a ring fitted without room for them). */
export function withoutNotes(texts: ReadonlyMap<string, LabelText>): Map<string, LabelText> {
  return new Map([...texts].map(([id, t]) => [id, { ...t, tags: t.tags.filter((g) => !isNote(g)) }]));
}

/** The largest count held, rounded up to 99, 9,999 or 999,999,999: the reserve for every badge. */
export function countReserve(queues: readonly HintQueueView[]): number {
  const most = Math.max(0, ...hintsHeld(queues).values());
  return most === 0 ? 0 : most < 100 ? 99 : most < 10_000 ? 9_999 : 999_999_999;
}

/** Each node's label text from the frame. */
export function labelTexts(nodes: readonly NodeView[], queues: readonly HintQueueView[], operator: readonly OperatorView[] | undefined): Map<string, LabelText> {
  const held = hintsHeld(queues);
  const suspects = suspicion(nodes);
  const op = new Map((operator ?? []).map((o) => [o.node, operatorTags(o)]));
  const partitioned = currentGroups(nodes).length > 1;
  return new Map(
    nodes.map((n) => {
      const state = nodeState(n);
      return [n.id, { id: n.id, held: held.get(n.id) ?? 0, state, tags: glyphTags(n, state, suspects.get(n.id) ?? { by: 0, of: 0 }, op.get(n.id) ?? '', partitioned) }];
    }),
  );
}

interface RingLabelsProps {
  order: readonly string[];
  texts: ReadonlyMap<string, LabelText>;
  positions: ReadonlyMap<string, Point>;
  /** The ring's side (px). */
  side: number;
  /** The glyph radius (view units). */
  glyphR: number;
  selected: string | null;
  scale?: number;
  /** How much further labels may go sideways than up (a wide stage). */
  stretch?: number;
}

function textsKey(order: readonly string[], texts: ReadonlyMap<string, LabelText>): string {
  return order.map((id) => {
    const t = texts.get(id);
    return t ? `${id}:${t.held}:${t.state}:${t.tags.map((g) => g.text).join(',')}` : id;
  }).join(';');
}

function RingLabelsView({ order, texts, positions, side, glyphR, selected, scale = 1, stretch = 1 }: RingLabelsProps) {
  const placed = labelsAround(side, order, (id) => labelSize(texts.get(id) ?? { id, held: 0, tags: [], state: 'up' }, scale), stretch);
  const k = side / VIEW;
  return (
    <svg className="ring-labels" data-testid="ring-labels" width={side} height={side} viewBox={`0 0 ${side} ${side}`} aria-hidden="true">
      {placed.map((l) => {
        const p = positions.get(l.id);
        const t = texts.get(l.id);
        if (!p || !t) return null;
        return <OneLabel key={l.id} label={l} glyph={{ x: p.x * k, y: p.y * k }} glyphR={glyphR * k} text={t} selected={selected === l.id} scale={scale} />;
      })}
    </svg>
  );
}

function OneLabel({ label, glyph, glyphR, text, selected, scale }: { label: PlacedLabel; glyph: Point; glyphR: number; text: LabelText; selected: boolean; scale: number }) {
  const m = labelMetrics(scale);
  const dx = label.leader.x - glyph.x;
  const dy = label.leader.y - glyph.y;
  const len = Math.hypot(dx, dy) || 1;
  const from = { x: glyph.x + (dx / len) * (glyphR + 2), y: glyph.y + (dy / len) * (glyphR + 2) };
  const nameW = textWidth(text.id, m.name);
  const tops = tagTops(text.tags, scale);
  return (
    <g className={`ring-label ring-label-${text.state}${selected ? ' ring-label-selected' : ''}`} data-testid={`ring-label-${text.id}`} data-node={text.id}>
      {len > glyphR + 6 && <line className="ring-leader" x1={from.x} y1={from.y} x2={label.leader.x} y2={label.leader.y} />}
      <g transform={`translate(${label.x},${label.y})`}>
        <text className="ring-label-name" y={m.nameLine / 2} dy="0.35em" style={{ fontSize: m.name }}>
          {text.id}
        </text>
        {text.held > 0 && <Badge x={nameW + m.space} h={m.nameLine} px={m.count} pad={m.badgePad} count={text.held} />}
        {text.tags.map((g, i) => (
          <LabelTag key={g.text} tag={g} y={tops[i]!} h={isNote(g) ? m.noteLine : m.tagLine} px={isNote(g) ? m.note : m.tag} pad={m.badgePad} />
        ))}
      </g>
    </g>
  );
}

function Badge({ x, h, px, pad, count }: { x: number; h: number; px: number; pad: number; count: number }) {
  const text = formatCount(count);
  const w = textWidth(text, px, false) + pad;
  return (
    <g className="hint-badge ring-label-badge" transform={`translate(${x},0)`}>
      <rect width={w} height={h} rx={h / 2} />
      <text x={w / 2} y={h / 2} dy="0.35em" style={{ fontSize: px }}>
        {text}
      </text>
    </g>
  );
}

function LabelTag({ tag, y, h, px, pad }: { tag: GlyphTag; y: number; h: number; px: number; pad: number }) {
  if (tag.className === 'glyph-note') {
    return (
      <text className="glyph-note ring-label-note" y={y + h / 2} dy="0.35em" style={{ fontSize: px }}>
        {tag.text}
      </text>
    );
  }
  const w = textWidth(tag.text, px) + pad;
  return (
    <g className={`${tag.className} ring-label-tag`} transform={`translate(0,${y + 1})`}>
      <rect width={w} height={h - 2} rx={4} />
      <text x={w / 2} y={(h - 2) / 2} dy="0.35em" style={{ fontSize: px }}>
        {tag.text}
      </text>
    </g>
  );
}

/** Redrawn only when a label's text, the ring's size or the selection changes, not every frame. */
export const RingLabels = memo(
  RingLabelsView,
  (a, b) => a.order === b.order && a.positions === b.positions && a.side === b.side && a.glyphR === b.glyphR && a.selected === b.selected && a.scale === b.scale && a.stretch === b.stretch && textsKey(a.order, a.texts) === textsKey(b.order, b.texts),
);
