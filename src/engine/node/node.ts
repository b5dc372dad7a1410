// pure: small questions and answers about one node's state.
import type { HintQueue, NodeState } from './types';

/** Whether `observer` believes `peer` alive: its own failure detector's view (itself always). */
export function believesAlive(observer: NodeState, peer: number): boolean {
  return observer.idx === peer || observer.peers[peer]!.alive;
}

/** `holder`'s hints for `target`, created empty on first use. */
export function queueOf(holder: NodeState, target: number): HintQueue {
  let q = holder.hints.get(target);
  if (!q) holder.hints.set(target, (q = { target, hints: [], delivered: 0, page: null, dispatching: false, nextPageAt: 0, lastRefusal: null, refused: 0 }));
  return q;
}
