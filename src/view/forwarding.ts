// pure: what a message in flight says about datacenters and cross-DC forwarding, for the message
// popover and the in-flight list: "between datacenters (us → eu)", "forwarded: carries the write
// for eu2, eu3 in eu", "relayed by eu1".
import type { MessageView } from '../protocol';

/** Each node's datacenter, where the cluster names them. */
export type DcOf = ReadonlyMap<string, string | undefined>;

export function dcMap(nodes: readonly { id: string; dc?: string }[]): Map<string, string | undefined> {
  return new Map(nodes.map((n) => [n.id, n.dc]));
}

/** The route facts of m, in reading order; [] for a message inside one datacenter that nobody forwards. */
export function routeFacts(m: MessageView, dcOf: DcOf): string[] {
  const out: string[] = [];
  const from = dcOf.get(m.from);
  const to = dcOf.get(m.to);
  if (from !== undefined && to !== undefined && from !== to) out.push(`between datacenters (${from} → ${to})`);
  if (m.forwardTo && m.forwardTo.length > 0) out.push(`forwarded: carries the write for ${m.forwardTo.join(', ')}${to === undefined ? '' : ` in ${to}`}`);
  if (m.relayed) out.push(`relayed by ${m.from}`);
  return out;
}

/** A short tag for a row: "WAN", "WAN ×3", "relayed"; null when there is none. */
export function routeTag(m: MessageView, dcOf: DcOf): string | null {
  const from = dcOf.get(m.from);
  const to = dcOf.get(m.to);
  const wan = from !== undefined && to !== undefined && from !== to;
  if (m.forwardTo && m.forwardTo.length > 0) return `WAN ×${m.forwardTo.length + 1}`;
  if (wan) return 'WAN';
  return m.relayed ? 'relayed' : null;
}
