// The operator's nodetool verbs at their instant (docs/behaviour.md "Operator commands"): each
// changes one node's in-memory state, which its restart forgets. A node that is down refuses the
// connection. Probes (statushandoff, listpendinghints, getmaxhintwindow) are never scheduled: they
// change nothing and leave no trace; the app prints them from the snapshot's operator view.
import type { SimState } from '../context';
import { announceShutdown } from '../gossip/gossip';
import { flushHints, truncateHints } from '../hints/hints';
import { setNodeSetting } from '../node/operator';
import type { NodeState } from '../node/types';
import type { NodetoolEntry } from '../scenario/nodetool';
import { formatDuration } from '../core/duration';
import { crash } from './crash';
import { compactNode } from './compaction';

export function applyNodetool(s: SimState, f: NodetoolEntry): void {
  for (const name of f.nodes) {
    const node = s.nodes[s.byName.get(name)!]!;
    if (!node.up) s.note('fault', `nodetool -h ${node.id} ${f.verb}: connection refused (${node.id} is down)`, node.idx);
    else runVerb(s, node, f);
  }
}

function runVerb(s: SimState, node: NodeState, f: NodetoolEntry): void {
  const op = node.op;
  const say = (text: string) => s.note('fault', `nodetool ${f.verb} on ${node.id}: ${text}`, node.idx);
  switch (f.verb) {
    case 'pausehandoff': op.paused = true; return say('hint dispatch paused');
    case 'resumehandoff': op.paused = false; return say('hint dispatch resumed at the next trigger');
    case 'disablehandoff':
      setNodeSetting(op, s.settings, 'hintedHandoffEnabled', false);
      return say(s.settings.replayWhenDisabled ? 'new hints refused; stored hints are still replayed' : 'new hints refused; stored hints wait unreplayed');
    case 'enablehandoff': setNodeSetting(op, s.settings, 'hintedHandoffEnabled', true); return say('hints stored again');
    case 'truncatehints': {
      const target = f.target === undefined ? null : s.byName.get(f.target)!;
      const n = truncateHints(s, node, target);
      return say(`${n} hint${n === 1 ? '' : 's'} deleted${f.target === undefined ? '' : ` for ${f.target}`}`);
    }
    case 'sethintedhandoffthrottle':
      setNodeSetting(op, s.settings, 'hintReplayRate', f.hintReplayRate!);
      return say(`${f.hintReplayRate!} hints/s per target from the next dispatch`);
    case 'setmaxhintwindow':
      setNodeSetting(op, s.settings, 'maxHintWindow', f.maxHintWindow!);
      return say(f.maxHintWindow === null ? 'no hint window' : `hint window ${formatDuration(f.maxHintWindow!)}`);
    case 'disablehintsfordc': case 'enablehintsfordc': return hintsForDc(s, node, f.verb === 'disablehintsfordc', f.dc!, say);
    case 'disablegossip': return disableGossip(s, node, say);
    case 'enablegossip': return enableGossip(node, say);
    case 'drain': return drain(s, node, say);
    case 'compact': compactNode(s, node, true); return;
    case 'statushandoff': case 'listpendinghints': case 'getmaxhintwindow': return;
  }
}

/** DisableHintsForDC / EnableHintsForDC: add to or remove from the node's hinted_handoff_disabled_datacenters. */
function hintsForDc(s: SimState, node: NodeState, disable: boolean, dc: string, say: (text: string) => void): void {
  const list = (node.op.settings ?? s.settings).hintedHandoffDisabledDatacenters.filter((d) => d !== dc);
  setNodeSetting(node.op, s.settings, 'hintedHandoffDisabledDatacenters', disable ? [...list, dc] : list);
  say(disable ? `replicas in ${dc} are no longer hinted` : `replicas in ${dc} are hinted again`);
}

function disableGossip(s: SimState, node: NodeState, say: (text: string) => void): void {
  if (node.op.gossipOff) return;
  announceShutdown(s, node);
  node.op.gossipOff = true;
  say('shutdown announced to its peers; it still serves clients');
}

/** StorageService.startGossiping: a newer generation, so peers that hold it down take it back. */
function enableGossip(node: NodeState, say: (text: string) => void): void {
  if (!node.op.gossipOff) return;
  node.op.gossipOff = false;
  node.gen++;
  node.ver = 0;
  say('gossip restarted in a newer generation');
}

/**
 * StorageService.drain: stop serving (what it coordinates and has not answered fails), announce
 * shutdown, flush the hint buffer, then down as after a kill with its disk, until restart.
 */
function drain(s: SimState, node: NodeState, say: (text: string) => void): void {
  if (!node.op.gossipOff) announceShutdown(s, node);
  flushHints(s, node);
  crash(s, node.idx);
  say('drained: hints flushed, down until restarted');
}
