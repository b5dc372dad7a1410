// pure: partition groups — from the user's two sides to a command, and from the frame back to words.
import type { NodeView } from '../protocol';

/** Which side of the cut the user put a node on (unlisted nodes form one more group). */
export type Side = 1 | 2;

/** The command's groups: side 1 then side 2, in ring order, empty sides left out. */
export function sidesToGroups(order: readonly string[], sides: ReadonlyMap<string, Side>): string[][] {
  const one = order.filter((id) => sides.get(id) === 1);
  const two = order.filter((id) => sides.get(id) === 2);
  return [one, two].filter((g) => g.length > 0);
}

/** A cut needs at least two groups once the unlisted nodes are counted as one more. */
export function cutsSomething(order: readonly string[], sides: ReadonlyMap<string, Side>): boolean {
  const groups = sidesToGroups(order, sides);
  const listed = groups.reduce((n, g) => n + g.length, 0);
  return groups.length + (listed < order.length ? 1 : 0) >= 2;
}

/** The datacenters named by the nodes, in ring order of first appearance; [] unless there are two or more. */
export function datacentersOf(nodes: readonly { id: string; dc?: string }[]): string[] {
  const names = [...new Set(nodes.flatMap((n) => (n.dc === undefined ? [] : [n.dc])))];
  return names.length > 1 ? names : [];
}

/** Cutting datacenter `dc` off: its nodes | everyone else, each in ring order (the groups of one partition command). */
export function dcCutGroups(order: readonly string[], nodes: readonly { id: string; dc?: string }[], dc: string): string[][] {
  const inDc = new Set(nodes.filter((n) => n.dc === dc).map((n) => n.id));
  return [order.filter((id) => inDc.has(id)), order.filter((id) => !inDc.has(id))];
}

/** The partition cutting `node`'s datacenter off; undefined without datacenters. */
export function dcCutOf(order: readonly string[], nodes: readonly { id: string; dc?: string }[], node: { dc?: string }): string[][] | undefined {
  return node.dc !== undefined && datacentersOf(nodes).length > 0 ? dcCutGroups(order, nodes, node.dc) : undefined;
}

/** The network is cut exactly there already: the DC's nodes form a group and the rest another. */
export function isDcCut(current: readonly (readonly string[])[], order: readonly string[], nodes: readonly { id: string; dc?: string }[], dc: string): boolean {
  const key = (g: readonly string[]) => [...g].sort().join('\u0000');
  const want = dcCutGroups(order, nodes, dc).map(key).sort();
  return current.length === 2 && current.map(key).sort().every((k, i) => k === want[i]);
}

/** The network as the frame has it: node ids per group, in ring order; one group when whole. */
export function currentGroups(nodes: readonly NodeView[]): string[][] {
  const byGroup = new Map<number, string[]>();
  for (const n of nodes) {
    const g = byGroup.get(n.group);
    if (g) g.push(n.id);
    else byGroup.set(n.group, [n.id]);
  }
  return [...byGroup.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids);
}

export function describeGroups(groups: readonly (readonly string[])[], numbered = false): string {
  return groups.map((g, i) => `${numbered ? `${i + 1} ` : ''}{${g.join(', ')}}`).join(' | ');
}

/** Positions in `order` where the next node (clockwise) is in another group: a cut lies between them. */
export function cutsBetween(order: readonly string[], groupOf: ReadonlyMap<string, number>): number[] {
  if (order.length < 2) return [];
  const out: number[] = [];
  order.forEach((id, i) => {
    const next = order[(i + 1) % order.length]!;
    if (groupOf.get(id) !== groupOf.get(next)) out.push(i);
  });
  return out;
}

/**
 * The two groups a straight cut from `a` to `b` makes (ring order in each): nodes left of the
 * line, then nodes right of it. Fewer than two groups when the line misses the cluster.
 */
export function groupsOfCut(
  order: readonly string[],
  positions: ReadonlyMap<string, { x: number; y: number }>,
  a: { x: number; y: number },
  b: { x: number; y: number },
): string[][] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx * dx + dy * dy < 1) return [];
  const left: string[] = [];
  const right: string[] = [];
  for (const id of order) {
    const p = positions.get(id);
    if (!p) continue;
    (dx * (p.y - a.y) - dy * (p.x - a.x) < 0 ? left : right).push(id);
  }
  return [left, right].filter((g) => g.length > 0);
}
