// Faults as the scenario and the user's commands give them: crashes (with or without the disk),
// restarts, partitions, slow nodes, repair, and the periodic anti-entropy repair.
import type { SimState } from '../context';
import { EV } from '../core/events';
import { freshPeerView } from '../gossip/gossip';
import { loseHints } from '../hints/hints';
import { crash } from './crash';
import { setCopyAt } from '../node/versions';
import { startRepairSession } from '../repair/antiEntropy';
import type { FaultEntry } from '../scenario/schema';
import { freshOperatorState } from '../node/operator';
import { applyNodetool } from './nodetool';
import { forgetPurged } from './compaction';

export function applyFault(s: SimState, f: FaultEntry): void {
  switch (f.kind) {
    case 'kill': kill(s, s.byName.get(f.node)!, f.wipe); break;
    case 'restart': restart(s, s.byName.get(f.node)!); break;
    case 'partition': partition(s, f.groups); break;
    case 'heal':
      s.net.heal();
      s.note('fault', 'Partition healed');
      break;
    case 'repair': {
      const node = s.nodes[s.byName.get(f.node)!]!;
      if (node.up) startRepairSession(s, node);
      else s.note('repair', `Repair of ${node.id} does nothing: it is down`, node.idx);
      break;
    }
    case 'nodetool': applyNodetool(s, f); break;
    case 'slow': {
      const node = s.nodes[s.byName.get(f.node)!]!;
      node.slowUs = s.us(f.extraLatency);
      s.note('fault', f.extraLatency > 0 ? `${node.id} is slow: +${f.extraLatency} ms per message` : `${node.id} is no longer slow`, node.idx);
      break;
    }
  }
}

/** Nodes in no group form one more group of their own. */
function partition(s: SimState, groups: readonly (readonly string[])[]): void {
  const g = new Array<number>(s.nodes.length).fill(groups.length);
  groups.forEach((names, gi) => names.forEach((nm) => (g[s.byName.get(nm)!] = gi)));
  s.net.partition(g);
  s.note('fault', `Network partitioned: ${groups.map((x) => `{${x.join(', ')}}`).join(' | ')}`);
}

function kill(s: SimState, idx: number, wipe: boolean): void {
  const node = s.nodes[idx]!;
  crash(s, idx);
  if (wipe) {
    loseHints(s, node, () => true);
    for (const key of node.data.keys()) {
      const info = s.keys.get(key);
      const r = info ? info.replicas.indexOf(idx) : -1;
      if (r >= 0) setCopyAt(info!, r, undefined);
    }
    node.data.clear();
    forgetPurged(s, idx);
    s.wiped[idx] = true;
  }
  s.note('fault', wipe ? `${node.id} crashed and its disk was wiped` : `${node.id} crashed (disk survives)`, idx);
}

function restart(s: SimState, idx: number): void {
  const node = s.nodes[idx]!;
  if (node.up) return;
  node.up = true;
  node.serving = false;
  node.gen++;
  node.ver = 0;
  // nodetool's changes lived in memory: the node starts with the scenario's settings, dispatch unpaused, gossip on.
  node.op = freshOperatorState();
  const wiped = s.wiped[idx]!;
  s.wiped[idx] = false;
  node.peers = node.peers.map((_, j) => {
    const v = freshPeerView(s, s.nowUs);
    // A restarted node knows its peers from saved state; a wiped one only its seeds.
    v.known = j !== idx && (!wiped || s.seeds.has(j));
    return v;
  });
  if (!node.peers.some((p) => p.known)) node.serving = true;
  s.servingChanged();
  s.startTimers(node, false);
  s.note('fault', `${node.id} restarted; it serves clients once gossip has settled`, idx);
}

/** The periodic repair: every node up starts a session; the next run is one interval later. */
export function runAntiEntropy(s: SimState): void {
  for (const node of s.nodes) if (node.up) startRepairSession(s, node);
  s.schedule(s.nowUs + s.us(s.settings.antiEntropyInterval!), EV.antiEntropy, -1, 0, 0);
}
