// pure: keyboard shortcuts for a node — on its focused glyph and in its menu.
import type { Command, NodeView } from '../protocol';

/** Extra latency of "slow" (a second press makes the node fast again). */
export const SLOW_MS = 3000;

export interface NodeShortcut {
  key: string;
  /** What it does, as read out. */
  label: string;
  /** The command for this node now, or null where it does not apply (killing a dead node). */
  command(node: NodeView): Command | null;
}

export const NODE_SHORTCUTS: readonly NodeShortcut[] = [
  { key: 'K', label: 'kill', command: (n) => (n.up ? { type: 'kill', node: n.id } : null) },
  { key: 'W', label: 'kill and wipe', command: (n) => (n.up ? { type: 'kill', node: n.id, wipe: true } : null) },
  { key: 'R', label: 'restart', command: (n) => (n.up ? null : { type: 'restart', node: n.id }) },
  { key: 'S', label: 'slow or fast again', command: (n) => ({ type: 'slow', node: n.id, extraLatencyMs: n.slowMs > 0 ? 0 : SLOW_MS }) },
  { key: 'P', label: 'repair', command: (n) => (n.up ? { type: 'repair', node: n.id } : null) },
];

export const SHORTCUT_KEYS = NODE_SHORTCUTS.map((s) => s.key).join(' ');

export const SHORTCUT_DESCRIPTION = `Enter opens its menu. Keys: ${NODE_SHORTCUTS.map((s) => `${s.key} ${s.label}`).join(', ')}.`;

export function shortcutFor(key: string): NodeShortcut | undefined {
  return NODE_SHORTCUTS.find((s) => s.key === key.toUpperCase());
}

/** The command a key press asks for on this node, or null (other keys, modifiers held, not applicable). */
export function shortcutCommand(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, node: NodeView): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return null;
  return shortcutFor(e.key)?.command(node) ?? null;
}
