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
