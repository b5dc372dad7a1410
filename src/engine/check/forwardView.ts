// pure: what the snapshot says of cross-DC forwarding on a message in flight (net/forward.ts):
// the relay's copy names the nodes it will send the write on to; the relay's onward copies are
// marked relayed. Read from the message alone; it adds nothing to traces, events or reports.
import type { MessageView } from '../api';
import type { SimState } from '../context';
import type { Msg, MutationBody } from '../node/types';

export function forwardingOf(sim: SimState, m: Msg): Pick<MessageView, 'forwardTo' | 'relayed'> | null {
  if (m.kind !== 'mutation') return null;
  const b = m.body as MutationBody;
  if (b.fwd) return { forwardTo: b.fwd.to.map((i) => sim.nodes[i]!.id) };
  // A write's copy from anyone but its coordinator was sent on by a relay (read repair has no handler).
  if (b.h && b.h.coord !== m.from) return { relayed: true };
  return null;
}
