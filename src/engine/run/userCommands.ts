// A user's commands at the current time. Each is logged; all but the message commands become a
// scenario entry (scenario/commands.ts), so the exported scenario replays the session exactly.
import type { Command, LoggedCommand } from '../api';
import { EV, P_FAULT } from '../core/events';
import { commandAt } from '../core/commandTime';
import { commandToEntry } from '../scenario/commands';
import { ScenarioError } from '../scenario/schema';
import { VERBS } from '../scenario/nodetool';
import { scheduleWorkload, stopUserGenerator, type WorkloadState } from './workload';

export interface CommandState extends WorkloadState {
  readonly commands: LoggedCommand[];
  readonly until: number;
}

/** Queues fault entry i (sc.faults[i]); faults at one instant run in file order. */
export function scheduleFault(s: WorkloadState, i: number): void {
  const f = s.sc.faults[i]!;
  // A probe (statushandoff…) changes nothing and leaves no event in the trace.
  if (f.kind === 'nodetool' && VERBS[f.verb].readOnly) return;
  s.schedule(s.us(s.sc.faults[i]!.at), EV.fault, -1, 0, i, P_FAULT + i);
}

export function applyCommand(s: CommandState, command: Command): void {
  const at = commandAt(s.nowUs);
  // Acting on one message in flight takes effect at once; the log replays it at the same point.
  if (command.type === 'dropMessage' || command.type === 'delayMessage') {
    messageCommand(s, command);
    s.commands.push({ at, command });
    return;
  }
  const entry = commandToEntry(s, command, at);
  s.commands.push({ at, command });
  if (entry.kind === 'stop') {
    stopUserGenerator(s, at);
    return;
  }
  if (entry.kind === 'fault') {
    s.sc.faults.push(entry.entry);
    scheduleFault(s, s.sc.faults.length - 1);
    return;
  }
  if (entry.entry.kind === 'generator') stopUserGenerator(s, at);
  s.sc.workload.push(entry.entry);
  scheduleWorkload(s, s.sc.workload.length - 1);
  if (entry.entry.kind === 'generator') s.userGenerator = s.generators[s.sc.workload.length - 1]!;
}

function messageCommand(s: CommandState, c: Extract<Command, { type: 'dropMessage' | 'delayMessage' }>): void {
  const m = typeof c.id === 'number' ? s.net.inFlight(c.id) : undefined;
  if (!m) throw new ScenarioError('id', `no message ${String(c.id)} is in flight`);
  const what = `Message ${m.id} (${m.kind} ${s.nodes[m.from]!.id} → ${s.nodes[m.to]!.id})`;
  if (c.type === 'dropMessage') {
    m.doomed = true;
    s.note('fault', `${what} dropped by hand`, m.to);
    return;
  }
  if (typeof c.byMs !== 'number' || !Number.isFinite(c.byMs) || c.byMs <= 0 || c.byMs > 86_400_000) throw new ScenarioError('byMs', 'expected a delay from 0 to 1d in ms');
  s.net.delay(m, s.us(c.byMs));
  s.note('fault', `${what} delayed by ${c.byMs} ms`, m.to);
}
