// What nodetool's probes print of each node (api.ts OperatorView), from its operator state, its
// settings and its hint queues; the console (view/console) formats it as nodetool does.
import type { OperatorView } from '../api';
import type { SimState } from '../context';
import { expiredLead } from '../hints/policy';
import { nodeSettings, replays } from '../node/operator';

export function operatorViews(sim: SimState): OperatorView[] {
  return sim.nodes.map((n) => {
    const s = nodeSettings(n.op, sim.settings);
    const pending: OperatorView['pending'] = [];
    for (const q of n.hints.values()) {
      // As the report's hintsPending: hints past their TTL (they lead: creation order) are expired, not pending.
      const first = expiredLead(sim.settings, sim.nowUs, q.hints);
      const n = q.hints.length - first;
      const dc = sim.topology.names[sim.topology.dcOf[q.target]!]!;
      if (n > 0) pending.push({ target: sim.nodes[q.target]!.id, hints: n, oldest: q.hints[first]!.createdAt / 1000, newest: q.hints[q.hints.length - 1]!.createdAt / 1000, dc });
    }
    pending.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    return {
      node: n.id, handoffEnabled: s.hintedHandoffEnabled !== false, dispatchPaused: n.op.paused, replayHeld: !n.op.paused && !replays(n.op, sim.settings),
      gossipOff: n.op.gossipOff, maxHintWindow: s.maxHintWindow, hintReplayRate: s.hintReplayRate, pending,
      ...(s.hintedHandoffDisabledDatacenters.length > 0 ? { disabledDatacenters: [...s.hintedHandoffDisabledDatacenters] } : {}),
    };
  });
}
