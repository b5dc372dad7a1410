// What a node's state tags say (DOWN, JOINING, SLOW, nodetool's changes, who sees it down): drawn
// under its glyph on a small ring, in its outside label on a crowded one.
import type { NodeView } from '../../protocol';
import { formatDuration } from '../../view/format';
import type { NodeState } from '../../view/nodeState';

export interface GlyphTag {
  text: string;
  className: string;
}

/**
 * In a partition (`partitioned`) every live node is "seen down" by the far side: the group marks say
 * it once, so live nodes carry no such note then (six notes would cross the ring's centre).
 */
export function glyphTags(node: NodeView, state: NodeState, s: { by: number; of: number }, opTags = '', partitioned = false): GlyphTag[] {
  const tags: GlyphTag[] = [];
  if (state !== 'down') for (const t of opTags ? opTags.split('|') : []) tags.push({ text: t, className: 'tag tag-operator' });
  if (state === 'down') tags.push({ text: 'DOWN', className: 'tag tag-down' });
  if (state === 'joining') tags.push({ text: 'JOINING', className: 'tag tag-joining' });
  if (node.slowMs > 0) tags.push({ text: `SLOW +${formatDuration(node.slowMs)}`, className: 'tag tag-slow' });
  if (partitioned && state !== 'down') return tags;
  if (s.by > 0) tags.push({ text: `seen down by ${s.by}/${s.of}`, className: 'glyph-note' });
  else if (state === 'down' && s.of > 0) tags.push({ text: 'not yet detected', className: 'glyph-note' });
  return tags;
}
