// pure: Okabe–Ito colours (safe for the common colour-vision deficiencies).
import type { MessageKind, LogKind } from '../protocol';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
} as const;

const NODE_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.purple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  OKABE_ITO.grey,
];

export function nodeColour(index: number): string {
  return NODE_COLOURS[((index % NODE_COLOURS.length) + NODE_COLOURS.length) % NODE_COLOURS.length] ?? OKABE_ITO.grey;
}

/** Dark or light ink for text drawn on `fill`. */
export function inkOn(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#111';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return lum > 0.22 ? '#111' : '#fff';
}

export type MarkShape = 'dot' | 'diamond' | 'square' | 'ring';

export interface MessageStyle {
  shape: MarkShape;
  /** Radius (half width) in ring view units. */
  size: number;
  colour: string;
  alpha: number;
  label: string;
  /** Draw order: higher on top. */
  layer: number;
}

export function messageStyles(dark: boolean): Record<MessageKind, MessageStyle> {
  const faint = dark ? '#8a94a3' : '#7b8594';
  return {
    gossip: { shape: 'dot', size: 2, colour: faint, alpha: 0.45, label: 'gossip', layer: 0 },
    echo: { shape: 'dot', size: 2, colour: faint, alpha: 0.45, label: 'gossip', layer: 0 },
    'mutation-ack': { shape: 'dot', size: 3, colour: dark ? '#a9d6f5' : '#7fb4d9', alpha: 0.9, label: 'ack', layer: 1 },
    'hint-ack': { shape: 'dot', size: 3, colour: dark ? '#f5cf7a' : '#d8a437', alpha: 0.9, label: 'hint ack', layer: 1 },
    'read-response': { shape: 'dot', size: 3, colour: dark ? '#e7b3d1' : '#c583ab', alpha: 0.9, label: 'read reply', layer: 1 },
    mutation: { shape: 'dot', size: 5.5, colour: dark ? OKABE_ITO.skyBlue : OKABE_ITO.blue, alpha: 1, label: 'write', layer: 2 },
    read: { shape: 'dot', size: 5.5, colour: OKABE_ITO.purple, alpha: 1, label: 'read', layer: 2 },
    repair: { shape: 'square', size: 5, colour: OKABE_ITO.green, alpha: 1, label: 'repair', layer: 3 },
    hint: { shape: 'diamond', size: 9, colour: OKABE_ITO.orange, alpha: 1, label: 'hint replay', layer: 4 },
  };
}

export const DOOMED_COLOUR = OKABE_ITO.vermillion;

export const LOG_KIND_LABEL: Record<LogKind, string> = {
  fault: 'fault',
  write: 'write',
  read: 'read',
  hint: 'hint',
  gossip: 'gossip',
  repair: 'repair',
};
