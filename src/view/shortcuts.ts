// pure: keyboard shortcuts — the page's (one registry, shown by "?") and a node's on its focused glyph and in its menu.
import type { Command, NodeView } from '../protocol';
import { JUMPS } from './time/jumps';

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

/** What a node glyph's description tells a screen-reader user: on touch there are no keys to press. */
export const TOUCH_DESCRIPTION = 'Double-tap opens its menu.';

export const glyphDescription = (touch: boolean): string => (touch ? TOUCH_DESCRIPTION : SHORTCUT_DESCRIPTION);

export function shortcutFor(key: string): NodeShortcut | undefined {
  return NODE_SHORTCUTS.find((s) => s.key === key.toUpperCase());
}

/** The command a key press asks for on this node, or null (other keys, modifiers held, not applicable). */
export function shortcutCommand(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, node: NodeView): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return null;
  return shortcutFor(e.key)?.command(node) ?? null;
}

/** What a page-wide key asks for. Play, step and presenter have their own handlers; the registry names them all. */
export type AppAction =
  | { type: 'play' }
  | { type: 'step' }
  | { type: 'jump'; byMs: number }
  | { type: 'ring' }
  | { type: 'workload' }
  | { type: 'presenter' }
  | { type: 'help' };

export interface AppShortcut {
  /** KeyboardEvent.key, lower-case for letters. */
  key: string;
  /** As written in the list of shortcuts. */
  shown: string;
  label: string;
  action: AppAction;
}

/** The page's keys, one registry: the handlers match against it and the "?" list shows it. */
export const APP_SHORTCUTS: readonly AppShortcut[] = [
  { key: ' ', shown: 'Space', label: 'play or pause', action: { type: 'play' } },
  { key: '.', shown: '.', label: 'step to the next event', action: { type: 'step' } },
  ...JUMPS.map((j, i) => ({ key: String(i + 1), shown: String(i + 1), label: `${j.name.toLowerCase()} (${j.text})`, action: { type: 'jump' as const, byMs: j.byMs } })),
  { key: 'g', shown: 'G', label: 'go to the ring: focus its first node (the selected one if any)', action: { type: 'ring' } },
  { key: 'l', shown: 'L', label: 'automatic workload on or off', action: { type: 'workload' } },
  { key: 'f', shown: 'F', label: 'presenter mode on or off', action: { type: 'presenter' } },
  { key: '?', shown: '?', label: 'this list of shortcuts', action: { type: 'help' } },
];

/** On a focused node of the ring, besides its actions. */
export const RING_MOVES = [
  { shown: '← →', label: 'previous or next node round the ring' },
  { shown: 'Enter', label: "open the node's menu" },
  { shown: '↑ ↓', label: "in the node's menu: previous or next action (Home, End: the first, the last)" },
] as const;

/** The page-wide shortcut a key press means, if any (modifiers other than Shift leave keys to the browser). */
export function appShortcutFor(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): AppShortcut | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const key = e.key === 'Spacebar' ? ' ' : e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return APP_SHORTCUTS.find((s) => s.key === key);
}

/** The node `step` places round the ring from `current` (wrapping), or undefined on an empty ring. */
export function ringNeighbour(order: readonly string[], current: string, step: 1 | -1): string | undefined {
  if (order.length === 0) return undefined;
  const i = order.indexOf(current);
  return order[(((i < 0 ? 0 : i + step) % order.length) + order.length) % order.length];
}
