// pure: the timeline a frame carries (protocol/timeline.ts) from the scenario's faults, the
// session's commands and the commands still queued after a seek back. Reads nothing but its arguments.
import type { Command, LoggedCommand, Timeline, TimelineMark } from '../protocol';

/** Most marks a frame carries (faults first, then the rest, in time order). */
export const MAX_MARKS = 400;

const FAULTS = new Set(['kill', 'restart', 'partition', 'heal', 'slow', 'repair', 'nodetool']);

/** A scenario fault as parsed (scenario/schema.ts FaultEntry), loosely typed: the protocol does not import the engine's internals. */
export interface FaultLike {
  kind: string;
  at: number;
  node?: string;
  wipe?: boolean;
  groups?: string[][];
  extraLatency?: number;
  /** A nodetool entry's verb and nodes ("*" when it named every node). */
  verb?: string;
  nodes?: string[];
  all?: boolean;
}

const groupsText = (groups: string[][] | undefined) => (groups ?? []).map((g) => `{${g.join(', ')}}`).join(' | ');

export function faultLabel(f: FaultLike): string {
  switch (f.kind) {
    case 'kill': return `${f.wipe ? 'kill + wipe' : 'kill'} ${f.node ?? ''}`;
    case 'partition': return `partition ${groupsText(f.groups)}`;
    case 'heal': return 'heal';
    case 'slow': return f.extraLatency ? `slow ${f.node ?? ''}` : `not slow ${f.node ?? ''}`;
    case 'nodetool': return `nodetool ${f.verb ?? ''} ${f.all ? '*' : (f.nodes ?? []).join(', ')}`.trim();
    default: return `${f.kind} ${f.node ?? ''}`.trim();
  }
}

export function commandLabel(c: Command): string {
  switch (c.type) {
    case 'kill': return `${c.wipe ? 'kill + wipe' : 'kill'} ${c.node}`;
    case 'restart': case 'repair': return `${c.type} ${c.node}`;
    case 'partition': return `partition ${groupsText(c.groups)}`;
    case 'heal': return 'heal';
    case 'slow': return c.extraLatencyMs > 0 ? `slow ${c.node}` : `not slow ${c.node}`;
    case 'write': return `write ${c.key}`;
    case 'read': return `read ${c.key}`;
    case 'delete': return `delete ${c.key}`;
    case 'workload': return `workload ${c.rate}/s`;
    case 'workloadStop': return 'workload off';
    case 'nodetool': return `nodetool ${c.verb} ${Array.isArray(c.node) ? c.node.join(', ') : c.node}`;
    case 'dropMessage': return `drop message ${c.id}`;
    case 'delayMessage': return `delay message ${c.id}`;
    default: return String((c as { type?: unknown }).type);
  }
}

export function buildTimeline(horizon: number, scenarioFaults: readonly FaultLike[], past: readonly LoggedCommand[], queued: readonly LoggedCommand[]): Timeline {
  const marks: TimelineMark[] = [];
  for (const f of scenarioFaults) marks.push({ at: f.at, kind: f.kind, label: faultLabel(f), fault: true, source: 'scenario', queued: false });
  const fromCommand = (c: LoggedCommand, isQueued: boolean): TimelineMark => ({
    at: c.at, kind: c.command.type, label: commandLabel(c.command), fault: FAULTS.has(c.command.type), source: 'command', queued: isQueued,
  });
  for (const c of past) marks.push(fromCommand(c, false));
  for (const c of queued) marks.push(fromCommand(c, true));
  let kept = marks;
  if (kept.length > MAX_MARKS) {
    // Faults and queued commands matter most on a timeline; plain writes and reads go first.
    const important = kept.filter((m) => m.fault || m.queued);
    kept = important.length >= MAX_MARKS ? important.slice(0, MAX_MARKS) : important.concat(kept.filter((m) => !m.fault && !m.queued).slice(0, MAX_MARKS - important.length));
  }
  kept.sort((a, b) => a.at - b.at);
  return { horizon, marks: kept, marksOmitted: marks.length - kept.length };
}
