// A node's process stopping, shared by a kill and the end of a drain (run/faults.ts, run/nodetool.ts).
import type { SimState } from '../context';
import { failHandlersOf } from '../coordinator/write';
import { hintBuffered, loseHints } from '../hints/hints';

/** The process stops (a kill, or the end of a drain): the disk survives, the hint buffer does not. */
export function crash(s: SimState, idx: number): void {
  const node = s.nodes[idx]!;
  if (!node.up) return;
  node.up = false;
  node.serving = false;
  s.servingChanged();
  node.epoch++;
  failHandlersOf(s, idx);
  for (const q of node.hints.values()) {
    // The page's timeout belonged to the dead incarnation and will not fire to forget it.
    if (q.page) s.pages.delete(q.page.id);
    q.page = null;
    q.dispatching = false;
  }
  // The memory buffer of hints dies with the process (derived from Cassandra's HintsBuffer).
  loseHints(s, node, (h) => hintBuffered(s, h));
}
