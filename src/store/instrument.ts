// View state of the instrument: the key under inspection, which kinds of message the canvas
// draws, and the node whose traffic flashes for a moment. Types, defaults and selectors.
import type { MessageKind } from '../protocol';

/** Message kinds as the legend toggles them (a request and its answer go together where it helps). */
export type MessageGroup = 'mutation' | 'ack' | 'read' | 'hint' | 'repair' | 'gossip';

export const MESSAGE_GROUPS: readonly MessageGroup[] = ['mutation', 'ack', 'read', 'hint', 'repair', 'gossip'];

export const GROUP_OF_KIND: Readonly<Record<MessageKind, MessageGroup>> = {
  mutation: 'mutation',
  'mutation-ack': 'ack',
  read: 'read',
  'read-response': 'read',
  hint: 'hint',
  'hint-ack': 'hint',
  gossip: 'gossip',
  echo: 'gossip',
  repair: 'repair',
};

/**
 * Gossip stays visible by default: its faint small dots are few (a round a second per node)
 * and they are the evidence behind every node's beliefs. The legend hides it in one click.
 */
export const DEFAULT_HIDDEN_GROUPS: readonly MessageGroup[] = [];

/** How long (wall ms) the traffic of a node picked in the event log stands out. */
export const FLASH_MS = 2500;

export interface Flash {
  node: string;
  /** Wall time (performance.now) when it started. */
  at: number;
}

/** The kinds the canvas skips, for a list of hidden groups. */
export function hiddenKinds(groups: readonly MessageGroup[]): Set<MessageKind> {
  const out = new Set<MessageKind>();
  for (const [kind, group] of Object.entries(GROUP_OF_KIND) as [MessageKind, MessageGroup][]) {
    if (groups.includes(group)) out.add(kind);
  }
  return out;
}
