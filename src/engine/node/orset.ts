// pure: the observed-remove set (add-wins OR-set; Shapiro, Preguiça, Baquero, Zawirski 2011, "A
// comprehensive study of CRDTs", Spec. 15), kept as a state (delta-state CRDT: Almeida, Shoker,
// Baquero 2018). Each add carries a unique tag; a remove tombstones the tags its coordinator had
// observed. The join is the union of both, so it is commutative, associative and idempotent, and
// every replica that has seen the same adds and removes holds the same set whatever the order.

/** One add: its unique tag (the write's timestamp, unique per write) and the element. */
export type Dot = readonly [tag: number, element: string];

export interface OrSet {
  /** Every add ever seen, tags ascending (a tag appears once). */
  readonly adds: readonly Dot[];
  /** Tags removed (tombstones), ascending. Kept for ever: no garbage collection. */
  readonly removed: readonly number[];
}

export const EMPTY_SET: OrSet = { adds: [], removed: [] };

function unionTags(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) i++;
    if (y <= x) j++;
    out.push(Math.min(x, y));
  }
  return out.length === a.length ? a : out;
}

function unionDots(a: readonly Dot[], b: readonly Dot[]): readonly Dot[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Dot[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (!y || (x && x[0] < y[0])) { out.push(x!); i++; }
    else if (!x || y[0] < x[0]) { out.push(y); j++; }
    else { out.push(x); i++; j++; }
  }
  return out.length === a.length ? a : out;
}

/** The join (least upper bound): the union of adds and of tombstones. Returns `a` itself when b ⊑ a. */
export function join(a: OrSet, b: OrSet): OrSet {
  const adds = unionDots(a.adds, b.adds);
  const removed = unionTags(a.removed, b.removed);
  return adds === a.adds && removed === a.removed ? a : { adds, removed };
}

function hasTag(sorted: readonly number[], tag: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === tag) return true;
    if (v < tag) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** a ⊒ b: a has seen every add and every remove of b (the join's order). */
export function includes(a: OrSet, b: OrSet): boolean {
  for (const t of b.removed) if (!hasTag(a.removed, t)) return false;
  if (b.adds.length === 0) return true;
  const tags = a.adds.map((d) => d[0]);
  for (const d of b.adds) if (!hasTag(tags, d[0])) return false;
  return true;
}

/** What a read returns: each element with an add no remove has observed, sorted, once. */
export function elements(s: OrSet): string[] {
  const out = new Set<string>();
  for (const [tag, e] of s.adds) if (!hasTag(s.removed, tag)) out.add(e);
  return [...out].sort();
}

/** The tags of `element`'s adds still present in `s`: what a remove issued against `s` observes. */
export function observedTags(s: OrSet, element: string): number[] {
  return s.adds.filter(([tag, e]) => e === element && !hasTag(s.removed, tag)).map((d) => d[0]);
}

/** An add's state delta. */
export function addDelta(tag: number, element: string): OrSet {
  return { adds: [[tag, element]], removed: [] };
}

/** A remove's state delta: tombstones for the observed tags (ascending, as observedTags gives them). */
export function removeDelta(tags: readonly number[]): OrSet {
  return { adds: [], removed: tags };
}

/** "{apples, pears}": a set as a read shows it. */
export function showSet(s: OrSet): string {
  return `{${elements(s).join(', ')}}`;
}

/** The stable text a Merkle leaf hashes (arrays are kept sorted, so equal sets give equal text). */
export function setText(s: OrSet): string {
  return JSON.stringify(s);
}
