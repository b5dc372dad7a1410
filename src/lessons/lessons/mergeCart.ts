// The shopping cart the merge lessons share: one key, two phones on the two sides of a partition,
// and what a check reads of each replica's copy. The phones act the same way under every conflict
// resolution: under the OR-set a phone sends the operation ("add pears"); under last-write-wins and
// vector clocks it writes its whole cart, as a client of a plain key-value store does.
import type { Command, ConsistencyLevel, KeyInspection } from '../../engine/api';
import type { LessonAction, Probe } from '../types';
import { act, outsider, replicas } from '../dsl';

export const CART = 'cart:alice';

/** Phone 1 talks to the cart's first replica, phone 2 to its second: one each side of the split. */
export const PHONE_1 = (p: Probe) => replicas(p, CART)[0]!;
export const PHONE_2 = (p: Probe) => replicas(p, CART)[1]!;

/** The items a phone reads in one version: a whole cart's, or an OR-set state's elements. */
function itemsOf(v: KeyInspection['acknowledged'][number]): string[] {
  if (v.set) return v.set.elements;
  return v.value === '' ? [] : v.value.split(',');
}

/** A node's copy of the cart as the inspector shows it. */
function copyOn(i: KeyInspection, node: string) {
  return i.preferenceList.find((x) => x.node === node)?.versions ?? [];
}

/**
 * What a phone writes to add or remove an item. Under the OR-set: the operation. Otherwise the
 * cart it last read through its coordinator, changed by the item (the coordinator is a replica and
 * answers ONE reads from its own copy, so that copy is what the phone saw).
 */
export function cartWrite(op: 'add' | 'remove', item: string, phone: (p: Probe) => string, consistency: ConsistencyLevel = 'ONE'): LessonAction {
  return act((p): Command => {
    const i = p.inspect(CART);
    const coordinator = phone(p);
    if (i.conflictResolution === 'or-set') return { type: 'write', key: CART, op, value: item, consistency, coordinator };
    const items = new Set(copyOn(i, coordinator).flatMap(itemsOf));
    if (op === 'add') items.add(item);
    else items.delete(item);
    return { type: 'write', key: CART, value: [...items].sort().join(','), consistency, coordinator };
  });
}

/**
 * Dynamo's cart (§4.4): the client reads the siblings and writes back their union, which the
 * coordinator's clock makes newer than both. The union happens here, in the phone, not in a check.
 */
export function unionOfSiblings(phone: (p: Probe) => string): LessonAction {
  return act((p): Command => {
    const coordinator = phone(p);
    const items = new Set(copyOn(p.inspect(CART), coordinator).flatMap(itemsOf));
    return { type: 'write', key: CART, value: [...items].sort().join(','), consistency: 'QUORUM', coordinator };
  });
}

/** Phone 1 is cut off with the node after the replicas; phone 2 stays with the rest. */
export const split: LessonAction = act((p) => ({ type: 'partition', groups: [[PHONE_1(p), outsider(p, CART)]] }));

/**
 * Each replica's copy in words, as stored: under last-write-wins and vector clocks the versions'
 * values (siblings sorted, separated by " | "), under the OR-set the elements a read returns.
 * Nothing is merged here: a replica holding siblings shows them all.
 */
export function copies(p: Probe): { node: string; shown: string }[] {
  const i = p.inspect(CART);
  return replicas(p, CART).map((node) => {
    const vs = copyOn(i, node);
    const shown = vs.map((v) => (v.set ? `{${v.set.elements.join(', ')}}` : `"${v.value}"`)).sort().join(' | ');
    return { node, shown: shown || 'nothing' };
  });
}

/** true when every replica's copy reads `want`; else what each holds. */
export function everyReplicaHolds(p: Probe, want: string): true | string {
  const seen = copies(p);
  return seen.every((c) => c.shown === want) ? true : seen.map((c) => `${c.node}: ${c.shown}`).join('; ');
}

/** The OR-set state on a node: adds seen and tags tombstoned (absent when the copy is no OR-set). */
export function setStats(p: Probe, node: string): { adds: number; tombstones: number } | null {
  const v = copyOn(p.inspect(CART), node)[0];
  return v?.set ? { adds: v.set.addTags.length, tombstones: v.set.removedTags.length } : null;
}
