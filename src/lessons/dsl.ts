// The small language lessons and interview demos are written in: a scenario, reading the live
// state, and acting through ordinary commands.
import type { Command, ConsistencyLevel } from '../engine/api';
import type { Settings } from '../engine/scenario/registry';
import type { LessonAction, LessonCheck, Probe } from './types';

export const NODES = ['A', 'B', 'C', 'D', 'E', 'F'];

/** A lesson's scenario; its settings are named as the registry names them (a typo fails the typecheck). */
export function scenario(name: string, settings: { [K in keyof Settings]?: unknown } = {}): Record<string, unknown> {
  return {
    format: 'hintscope/scenario@1', name, seed: 7,
    cluster: { nodes: NODES, vnodes: 8, replicationFactor: 3 },
    settings, workload: [], faults: [], until: '1d',
  };
}

// ---- reading the live state ----------------------------------------------------------------

export const replicas = (p: Probe, key: string) => p.inspect(key).preferenceList.filter((x) => x.replica).map((x) => x.node);
/** The first node after the replicas in the preference list: not a replica (and the first stand-in). */
export const outsider = (p: Probe, key: string) => p.inspect(key).preferenceList.find((x) => !x.replica)!.node;
export const valueOn = (p: Probe, key: string, node: string) => p.inspect(key).preferenceList.find((x) => x.node === node)?.versions.map((v) => v.value) ?? [];
export const node = (p: Probe, id: string) => p.snapshot.nodes.find((n) => n.id === id)!;
export const pendingOn = (p: Probe, holder: string, target?: string) =>
  p.snapshot.hintQueues.filter((q) => q.holder === holder && (target === undefined || q.target === target)).reduce((a, q) => a + q.pending, 0);

export function check(claim: string, verify: (p: Probe) => true | string): LessonCheck {
  return { claim, verify };
}

// ---- acting -------------------------------------------------------------------------------

export const wait = (seconds: number): LessonAction => ({ advanceMs: seconds * 1000 });
export const act = (c: (p: Probe) => Command): LessonAction => ({ command: c });
export const replica = (key: string, rank: number) => (p: Probe) => replicas(p, key)[rank]!;
export const kill = (who: (p: Probe) => string, wipe = false) => act((p) => ({ type: 'kill', node: who(p), wipe }));
export const restart = (who: (p: Probe) => string) => act((p) => ({ type: 'restart', node: who(p) }));
export const write = (key: string, value: string, consistency: ConsistencyLevel, via: (p: Probe) => string) =>
  act((p) => ({ type: 'write', key, value, consistency, coordinator: via(p) }));
export const read = (key: string, consistency: ConsistencyLevel, via: (p: Probe) => string) => act((p) => ({ type: 'read', key, consistency, coordinator: via(p) }));
export const via = (key: string) => (p: Probe) => outsider(p, key);

export const CHAT = 'chat:42';
export const LEDGER = 'acct:1001';

// ---- reading the mechanism (what happened, not only where things ended) -------------------------

/** The nodes past the replicas in the preference list: the candidates to stand in (sloppy quorum). */
export const pastReplicas = (p: Probe, key: string) => p.inspect(key).preferenceList.filter((x) => !x.replica).map((x) => x.node);
/** The hints (or stand-in copies) that carry the key, wherever they are held. */
export const hintsOf = (p: Probe, key: string) => p.inspect(key).hints;
/** Live nodes that do not yet believe `dead` is down. */
export const unaware = (p: Probe, dead: string) => p.snapshot.nodes.filter((n) => n.up && !n.believesDown.includes(dead)).map((n) => n.id);
/** Who answered the key's last read (from the key inspection), each with the values it returned. */
export const lastAnswers = (p: Probe, key: string) => p.inspect(key).lastRead?.answers ?? [];
/** The live nodes' phi for `peer`, each with the silence it is computed from. */
export const phisOf = (p: Probe, peer: string) =>
  p.snapshot.nodes.filter((n) => n.up && n.id !== peer).map((n) => ({ node: n.id, ...n.beliefs.find((b) => b.peer === peer)! }));

/**
 * phi as Cassandra's FailureDetector computes it: silence / mean interval / ln 10. With heartbeats
 * every `intervalS` and a silence of `fromS`–`toS` seconds, phi lies in the returned range.
 */
export function phiRange(fromS: number, toS: number, intervalS = 1): [number, number] {
  return [fromS / intervalS / Math.LN10, toS / intervalS / Math.LN10];
}

/** Workload keys (`k0`, `k1`, …) among the first `n` that `node` replicates. */
export function keysOn(p: Probe, node: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (replicas(p, `k${i}`).includes(node)) out.push(`k${i}`);
  return out;
}
