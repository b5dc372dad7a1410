// Seeded fault schedules for the standing campaign (issue #12), built on the property tests'
// arbitraries: a random small cluster with kills (with and without wipe), restarts, partitions,
// heals, slow nodes and message loss as scenario faults; then user commands at random times through
// the session's command log (the same, plus repairs, writes, reads, workload changes, dropping and
// delaying messages in flight); then heal, restart and three rounds of repair of every node.
// Schedule N of a campaign seeded S is a pure function of (S, N).
import fc from 'fast-check';
import type { Command, ConsistencyLevel } from '../../src/engine';
import { blockFor, caseArb, LEVELS, name, toScenario, type Case } from '../property/arbitraries';
import { withUndo } from '../property/operatorArbitraries';
import { itemSeed, Rng } from './rng';

/** A message command names a message in flight: which one is picked when it is applied. */
export type Planned =
  | { at: number; command: Command }
  | { at: number; message: 'dropMessage' | 'delayMessage'; pick: number; byMs: number };

export interface Schedule {
  seed: number;
  index: number;
  case: Case;
  doc: Record<string, unknown>;
  /** Applied live, at these simulated ms (all before the final heal). */
  plan: Planned[];
  /**
   * Disks may be wiped beyond the write level's ack count (and writes at ANY): an acknowledged
   * write may then legitimately be lost, so the loss oracle does not apply.
   */
  unrestrictedWipes: boolean;
}

const levelsAtLeast = (level: ConsistencyLevel, rf: number, unrestricted: boolean): ConsistencyLevel[] => {
  const need = blockFor(level as (typeof LEVELS)[number], rf);
  const ok: ConsistencyLevel[] = LEVELS.filter((l) => blockFor(l, rf) >= need);
  return unrestricted ? [...ok, 'ANY', 'ONE'] : ok;
};

function settingsOf(rng: Rng, doc: Record<string, unknown>): void {
  const settings = doc.settings as Record<string, unknown>;
  // Within both today's bounds and the stricter ones being added (gossip ≥ 100 ms, anti-entropy ≥ 1 min).
  if (rng.chance(0.2)) settings.antiEntropyInterval = rng.pick(['1m', '2m']);
  if (rng.chance(0.3)) settings.merkleDepth = rng.int(1, 12);
  if (rng.chance(0.2)) settings.gossipInterval = rng.pick(['500ms', '2s', '100ms']);
  if (rng.chance(0.2)) settings.readRepair = false;
  if (rng.chance(0.2)) settings.latency = rng.pick([{ median: '20ms', p99: '400ms' }, { median: 0, p99: '10ms' }, { p99: '1s' }]);
}

function commandOf(rng: Rng, c: Case, at: number, levels: ConsistencyLevel[], wipes: { left: number }, unrestricted: boolean): Planned {
  const node = () => name(rng.int(0, c.nodes - 1));
  const kind = rng.pick(['kill', 'kill', 'restart', 'restart', 'partition', 'heal', 'slow', 'repair', 'write', 'write', 'read', 'workload', 'workloadStop', 'drop', 'delay', 'nodetool'] as const);
  const key = () => `k${rng.int(0, c.keys - 1)}`;
  switch (kind) {
    case 'kill': {
      const wipe = rng.chance(0.4) && (unrestricted || wipes.left > 0);
      if (wipe) wipes.left--;
      return { at, command: { type: 'kill', node: node(), wipe } };
    }
    case 'restart': return { at, command: { type: 'restart', node: node() } };
    case 'partition': {
      const groups: string[][] = [[], [], []];
      for (let i = 0; i < c.nodes; i++) groups[rng.int(0, 2)]!.push(name(i));
      const nonEmpty = groups.filter((g) => g.length > 0);
      return { at, command: { type: 'partition', groups: nonEmpty } };
    }
    case 'heal': return { at, command: { type: 'heal' } };
    case 'slow': return { at, command: { type: 'slow', node: node(), extraLatencyMs: rng.int(0, 3000) } };
    case 'repair': return { at, command: { type: 'repair', node: node() } };
    case 'write': return { at, command: { type: 'write', key: key(), value: `u${at}`, consistency: rng.pick(levels), ...(rng.chance(0.5) ? { coordinator: node() } : {}) } };
    case 'read': return { at, command: { type: 'read', key: key(), consistency: rng.pick(levels.filter((l) => l !== 'ANY')) } };
    case 'workload': {
      // ANY goes only with writes alone (a read at ANY is refused).
      const consistency = rng.pick(levels);
      return { at, command: { type: 'workload', rate: rng.int(1, 10), keys: c.keys, writeRatio: consistency === 'ANY' ? 1 : rng.pick([1, 0.8, 0.5]), consistency } };
    }
    case 'workloadStop': return { at, command: { type: 'workloadStop' } };
    case 'drop': return { at, message: 'dropMessage', pick: rng.next(), byMs: 0 };
    case 'delay': return { at, message: 'delayMessage', pick: rng.next(), byMs: rng.int(1, 5000) };
    case 'nodetool': return { at, command: nodetoolOf(rng, c, node) };
  }
}

/** An operator's verb (the console's command). No truncatehints under sloppy quorum: a stand-in's copy may be the only one. */
function nodetoolOf(rng: Rng, c: Case, node: () => string): Command {
  const sloppy = c.preset === 'dynamo' || c.preset === 'riak';
  const verbs = ['pausehandoff', 'resumehandoff', 'disablehandoff', 'enablehandoff', 'disablegossip', 'enablegossip', 'drain', 'sethintedhandoffthrottle', 'setmaxhintwindow', ...(sloppy ? [] : ['truncatehints'])];
  const verb = rng.pick(verbs);
  const on = rng.chance(0.2) ? [node()] : node();
  if (verb === 'sethintedhandoffthrottle') return { type: 'nodetool', verb, node: on, hintReplayRate: rng.pick([1, 20, 5000]) };
  if (verb === 'setmaxhintwindow') return { type: 'nodetool', verb, node: on, maxHintWindow: rng.pick(['1ms', '30s', null]) };
  if (verb === 'truncatehints' && rng.chance(0.5)) return { type: 'nodetool', verb, node: on, target: node() };
  return { type: 'nodetool', verb, node: on };
}

/** Schedule `index` of the campaign seeded `seed`. */
export function generateSchedule(seed: number, index: number): Schedule {
  const s = itemSeed(seed, index);
  const [c] = fc.sample(caseArb, { seed: s | 0, numRuns: 1 }) as [Case];
  const rng = new Rng(s ^ 0x5bd1e995);
  const unrestrictedWipes = rng.chance(0.2);
  // Verbs a command may leave in force are undone at the end phase (resume, enable handoff and gossip).
  const doc = withUndo(toScenario(c) as Record<string, unknown> & { faults: unknown[] }, c.faultSpan);
  settingsOf(rng, doc);
  const wipesUsed = c.faults.filter((f) => f.kind === 'kill' && f.wipe).length;
  const wipes = { left: Math.min(c.rf, blockFor(c.level, c.rf)) - 1 - wipesUsed };
  const levels = levelsAtLeast(c.level, c.rf, unrestrictedWipes);
  const times = Array.from({ length: rng.int(0, 8) }, () => rng.int(1000, c.faultSpan * 1000) + rng.pick([0, 0.5, 0.001]));
  const plan = times.sort((a, b) => a - b).map((at) => commandOf(rng, c, at, levels, wipes, unrestrictedWipes));
  // A workload started from the log stops before the final heal and repairs, as the scenario's does.
  if (plan.some((p) => 'command' in p && p.command.type === 'workload')) plan.push({ at: c.faultSpan * 1000 + 500, command: { type: 'workloadStop' } });
  return { seed, index, case: c, doc, plan, unrestrictedWipes };
}
