// pure: where each datacenter sits on the drawn ring: the runs of consecutive glyphs (in drawing
// order) that share a DC, and where its label goes (the middle of its longest run).
import type { Point } from './geometry';
import type { NodePoint } from './canvas/route';

export interface DcRun {
  dc: string;
  /** The DC's index in first-seen order (its colour). */
  index: number;
  /** Index in `order` of the run's first glyph, and how many glyphs it spans. */
  start: number;
  length: number;
}

/** How many DC colours ring.css defines (.dc-0 … .dc-5); more DCs reuse them in turn. */
export const DC_TONES = 6;

/** The CSS class of a DC's colour (ring.css), by its index in ringDcs. */
export function dcTone(index: number): string {
  return `dc-${index % DC_TONES}`;
}

/**
 * The DCs in the order the ring first meets them along the drawing order — a DC's place here is
 * its colour, on the ring and wherever else a DC is coloured; [] when a node names no DC or all
 * share one (nothing is coloured then).
 */
export function ringDcs(order: readonly string[], dcOf: ReadonlyMap<string, string | undefined>): string[] {
  const dcs = order.map((id) => dcOf.get(id));
  if (dcs.some((d) => d === undefined)) return [];
  const names = [...new Set(dcs as string[])];
  return names.length < 2 ? [] : names;
}

/** Runs of one DC along the drawing order, wrapping around; [] when no node names a DC or all share one. */
export function dcRuns(order: readonly string[], dcOf: ReadonlyMap<string, string | undefined>): DcRun[] {
  const n = order.length;
  const dcs = order.map((id) => dcOf.get(id));
  const names = ringDcs(order, dcOf);
  if (names.length === 0) return [];
  // Start at a boundary so that no run is split by the wrap.
  const first = dcs.findIndex((d, i) => d !== dcs[(i - 1 + n) % n]);
  const out: DcRun[] = [];
  for (let k = 0; k < n; k++) {
    const i = (first + k) % n;
    const dc = dcs[i]!;
    const last = out[out.length - 1];
    if (last && last.dc === dc) last.length++;
    else out.push({ dc, index: names.indexOf(dc), start: i, length: 1 });
  }
  return out;
}

/** The run where each DC's name is written: its longest. */
export function labelRuns(runs: readonly DcRun[]): DcRun[] {
  const best = new Map<string, DcRun>();
  for (const r of runs) if ((best.get(r.dc)?.length ?? 0) < r.length) best.set(r.dc, r);
  return [...best.values()];
}

/** The replication factor as the header says it: "3", or per datacenter "3 + 2 (dc1, dc2)". */
export function rfText(cluster: { replicationFactor: number; datacenters?: readonly { name: string; rf: number }[] }): string {
  const dcs = cluster.datacenters;
  if (!dcs || dcs.length < 2) return String(cluster.replicationFactor);
  return `${dcs.map((d) => d.rf).join(' + ')} (${dcs.map((d) => d.name).join(', ')})`;
}

/** The key withDcs reads: each node's id and datacenter. */
export const dcKeyOf = (nodes: readonly { id: string; dc?: string }[]): string => nodes.map((n) => `${n.id}\u0000${n.dc ?? ''}`).join('\u0001');

/**
 * Glyph places with each node's datacenter added, from a key of `id \u0000 dc` pairs joined by
 * \u0001 (a string, so the caller can memoise on it while frames bring new node objects).
 */
export function withDcs(positions: ReadonlyMap<string, Point>, dcKey: string): Map<string, NodePoint> {
  const dcOf = new Map<string, string>();
  for (const pair of dcKey.split('\u0001')) {
    const [id, dc] = pair.split('\u0000');
    if (id !== undefined && dc) dcOf.set(id, dc);
  }
  const out = new Map<string, NodePoint>();
  for (const [id, p] of positions) {
    const dc = dcOf.get(id);
    out.set(id, dc === undefined ? p : { x: p.x, y: p.y, dc });
  }
  return out;
}
