// pure: how one line is told apart without colour: a dash pattern and a marker shape per node,
// on top of the node's ring colour (Okabe–Ito) and a label at the line's end.
import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import { nodeColour, OKABE_ITO } from '../palette';
import { dcTone } from '../datacenters';

export type MarkerName = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';

export const SYMBOLS: Record<MarkerName, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  star: symbolStar,
  wye: symbolWye,
};

const MARKERS: MarkerName[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'];
const DASHES = ['', '7 3', '2 3', '9 3 2 3', '4 4', '1 3', '12 4'];

export interface LineStyle {
  colour: string;
  dash: string;
  marker: MarkerName;
  /** A CSS class whose colour wins over `colour`: a datacenter's, from the ring (view/datacenters.ts dcTone). */
  tone?: string;
}

/** The style of node `index` (its position in the cluster, as on the ring). */
export function nodeLineStyle(index: number): LineStyle {
  const i = ((index % MARKERS.length) + MARKERS.length) % MARKERS.length;
  return { colour: nodeColour(index), dash: DASHES[i]!, marker: MARKERS[i]! };
}

/**
 * The style of the DC at `index` in the ring's colour order (ringDcs): its colour is the ring's
 * band, by class; `colour` only stands in where that stylesheet is absent. Dash and marker as a
 * node's, so that two DCs differ without colour too.
 */
export function dcLineStyle(index: number): LineStyle {
  return { ...nodeLineStyle(index), colour: 'currentColor', tone: dcTone(index) };
}

export const METRIC_STYLES = {
  underReplicated: { colour: OKABE_ITO.vermillion, dash: '', marker: 'triangle' },
  readsStale: { colour: OKABE_ITO.purple, dash: '', marker: 'diamond' },
  writesAcked: { colour: OKABE_ITO.blue, dash: '', marker: 'circle' },
  writesFailed: { colour: OKABE_ITO.vermillion, dash: '6 3', marker: 'cross' },
} as const satisfies Record<string, LineStyle>;
